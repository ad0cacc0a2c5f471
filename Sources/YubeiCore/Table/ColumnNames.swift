import Foundation

/// Matches a header cell to a column of a format: its own name or one of its other names (the
/// documented Chinese names, `单位名称` for `organization`), however the planner spaced or
/// bracketed it.
///
/// Header text is compared after trimming, lower-casing, folding full-width forms to ASCII
/// (NFKC: `ＩＤ` is `id`, `（` is `(`), and removing spaces, a trailing `*` or `:` (a required
/// mark) and, when that alone does not match, a trailing bracketed note (`人口（人）`, `面积(m²)`).
public struct ColumnNames: Sendable {
    private var byName: [String: String] = [:]

    /// - Parameters:
    ///   - known: the format's column names (canonical, lower case).
    ///   - aliases: other names by canonical column.
    public init(known: [String], aliases: [String: [String]]) {
        for name in known { byName[Self.normalise(name)] = name }
        for (name, others) in aliases {
            for other in others where byName[Self.normalise(other)] == nil { byName[Self.normalise(other)] = name }
        }
    }

    /// The canonical name `header` stands for, or the header normalised when it names no known column.
    ///
    /// - Complexity: O(length of `header`).
    public func canonical(_ header: String) -> String {
        let key = Self.normalise(header)
        if let name = byName[key] { return name }
        let stripped = Self.stripNote(key)
        if stripped != key, let name = byName[stripped] { return name }
        return header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The matching form of a header: NFKC, lower case, no spaces, no trailing `*`/`:`.
    public static func normalise(_ text: String) -> String {
        var folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        folded.removeAll { $0.isWhitespace }
        while let last = folded.last, last == "*" || last == ":" { folded.removeLast() }
        return folded
    }

    /// `key` without a trailing `(…)` note.
    static func stripNote(_ key: String) -> String {
        guard key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex else { return key }
        return String(key[..<open])
    }
}
