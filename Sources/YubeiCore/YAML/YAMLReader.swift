import Foundation
public import Yams

/// Reads typed values out of a ``YAMLFile`` while collecting every problem as a diagnostic
/// at the node's line and column, with the key path in the message
/// (`areas[2].population: expected a number ≥ 0, found -5`).
///
/// Each accessor returns `nil` after recording an error, so a loader can keep going and
/// report all problems of a file in one run.
public struct YAMLReader {
    public let path: String
    public var diagnostics = Diagnostics()

    /// Lines of YAML made from a table (a scenario list kept in a spreadsheet), by line: nodes on
    /// them are reported at their table's row or cell instead of the file's line. See ``TableLine``.
    public var tableLines: [Int: TableLine] = [:]

    /// Where a line of YAML made from a table came from: a key (at `keyColumn` or left of it) or
    /// the mapping of a row stands for the `row`; a value (right of the key) for its `cell`.
    public struct TableLine: Sendable {
        public var keyColumn: Int
        public var row: SourceLocation
        public var cell: SourceLocation?

        public init(keyColumn: Int, row: SourceLocation, cell: SourceLocation?) {
            self.keyColumn = keyColumn
            self.row = row
            self.cell = cell
        }
    }

    /// When set, an unknown key that is no likely misspelling of a known one (a planner's own
    /// `负责人` or `联系电话`) is a warning and kept in ``extras`` instead of an error; a likely
    /// misspelling (`budjet`) stays an error with the suggestion.
    public var keepsUnknownKeys = false
    /// Unknown keys kept (with ``keepsUnknownKeys``), by key path, in file order.
    public var extras: [(path: String, node: Node)] = []

    public init(path: String) { self.path = path }

    public init(file: YAMLFile) { self.path = file.path }

    // MARK: Positions and messages

    /// The position of `node` in the file (or in the table it was made from).
    public func location(of node: Node) -> SourceLocation {
        if let mark = node.mark, let line = tableLines[mark.line] {
            return mark.column > line.keyColumn ? line.cell ?? line.row : line.row
        }
        return SourceLocation(file: path, line: node.mark?.line, column: node.mark?.column)
    }

    public mutating func error(_ node: Node, _ keyPath: String, _ message: String) {
        diagnostics.error(location(of: node), keyPath.isEmpty ? message : "\(keyPath): \(message)")
    }

    public mutating func warning(_ node: Node, _ keyPath: String, _ message: String) {
        diagnostics.warning(location(of: node), keyPath.isEmpty ? message : "\(keyPath): \(message)")
    }

    /// An error worded in both languages (the key path leads in either).
    public mutating func error(_ node: Node, _ keyPath: String, _ phrase: Phrase) {
        diagnostics.error(location(of: node), Self.prefixed(keyPath, phrase))
    }

    public mutating func warning(_ node: Node, _ keyPath: String, _ phrase: Phrase) {
        diagnostics.warning(location(of: node), Self.prefixed(keyPath, phrase))
    }

    static func prefixed(_ keyPath: String, _ phrase: Phrase) -> Phrase {
        keyPath.isEmpty ? phrase : Phrase(en: "\(keyPath): \(phrase.en)", zh: "\(keyPath)：\(phrase.zh)")
    }

    /// A short description of what a node is, for "expected X, found Y" messages.
    public static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if node.tag == JSONTree.Tags.null { return "nothing (null)" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        }
    }

    // MARK: Structure

    /// The key/value pairs of a mapping node, in file order.
    public mutating func mapping(_ node: Node, _ keyPath: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, keyPath, YAMLMessage.expected(.mapping, Self.describe(node)))
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, keyPath, YAMLMessage.plainKey(Self.describe(key)))
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        return pairs
    }

    /// The items of a list node.
    public mutating func sequence(_ node: Node, _ keyPath: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, keyPath, YAMLMessage.expected(.list, Self.describe(node)))
            return nil
        }
        return Array(sequence)
    }

    /// A mapping as a lookup table that reports unknown keys (with the closest known one) and
    /// missing required keys.
    public mutating func fields(
        _ node: Node, _ keyPath: String, known: [String], required: [String] = []
    ) -> Fields? {
        guard let pairs = mapping(node, keyPath) else { return nil }
        var values: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for pair in pairs {
            if !known.contains(pair.key) {
                let suggestion = Self.closest(to: pair.key, in: known)
                if keepsUnknownKeys && suggestion == nil {
                    warning(pair.keyNode, Self.join(keyPath, pair.key), YAMLMessage.keptAsExtra(pair.key))
                    extras.append((Self.join(keyPath, pair.key), pair.value))
                    continue
                }
                error(pair.keyNode, Self.join(keyPath, pair.key), YAMLMessage.unknownKey(pair.key, suggestion: suggestion))
                continue
            }
            values[pair.key] = pair.value
            keyNodes[pair.key] = pair.keyNode
        }
        for key in required where values[key] == nil {
            error(node, keyPath, YAMLMessage.missingKey(key))
        }
        return Fields(node: node, keyPath: keyPath, values: values, keyNodes: keyNodes)
    }

    /// A mapping's values by key, with the path of each for messages.
    public struct Fields {
        public let node: Node
        public let keyPath: String
        public let values: [String: Node]
        public let keyNodes: [String: Node]

        public subscript(key: String) -> Node? { values[key] }

        /// The key path of `key` inside this mapping.
        public func path(_ key: String) -> String { YAMLReader.join(keyPath, key) }
    }

    // MARK: Scalars

    /// A non-empty string (numbers written without quotes are taken as their text).
    public mutating func string(_ node: Node, _ keyPath: String) -> String? {
        guard case .scalar(let scalar) = node, node.tag != JSONTree.Tags.null else {
            error(node, keyPath, YAMLMessage.expected(.text, Self.describe(node)))
            return nil
        }
        if let c = SafeText.firstControl(in: scalar.string) {
            error(node, keyPath, InputText.controlCharacterInText(SafeText.codePoint(c)))
            return nil
        }
        return scalar.string
    }

    /// A finite number, optionally with a lower bound (`minimum`, inclusive unless `exclusive`).
    public mutating func number(
        _ node: Node, _ keyPath: String, minimum: Double? = nil, exclusive: Bool = false, maximum: Double? = nil
    ) -> Double? {
        // Tags compared by name: `Tag(.int)` builds Yams' constructor table on every call.
        guard case .scalar(let scalar) = node, node.tag == JSONTree.Tags.int || node.tag == JSONTree.Tags.float,
              let value = Double(scalar.string) ?? node.float ?? node.int.map(Double.init) else {
            error(node, keyPath, YAMLMessage.expected(.number, Self.describe(node)))
            return nil
        }
        guard value.isFinite else {
            error(node, keyPath, YAMLMessage.expected(.finiteNumber, Self.describe(node)))
            return nil
        }
        if let minimum, exclusive ? value <= minimum : value < minimum {
            error(node, keyPath, YAMLMessage.bound(exclusive ? ">" : "≥", NumberText.plain(minimum), NumberText.plain(value), whole: false))
            return nil
        }
        if let maximum, value > maximum {
            error(node, keyPath, YAMLMessage.bound("≤", NumberText.plain(maximum), NumberText.plain(value), whole: false))
            return nil
        }
        return inRange(value, node, keyPath)
    }

    /// `value` when it lies in the documented range of `keyPath` (``InputRanges``), else `nil`
    /// after recording an error.
    mutating func inRange<N: BinaryInteger>(_ value: N, _ node: Node, _ keyPath: String) -> N? {
        guard let exact = Int(exactly: value) else {
            error(node, keyPath, InputText.outsideRange(InputRanges.range(forKeyPath: keyPath).description, "\(value)"))
            return nil
        }
        if let problem = InputRanges.range(forKeyPath: keyPath).problemPhrase(with: exact) {
            error(node, keyPath, problem)
            return nil
        }
        return value
    }

    mutating func inRange(_ value: Double, _ node: Node, _ keyPath: String) -> Double? {
        if let problem = InputRanges.range(forKeyPath: keyPath).problemPhrase(with: value) {
            error(node, keyPath, problem)
            return nil
        }
        return value
    }

    /// A whole number, optionally with a minimum.
    public mutating func integer(_ node: Node, _ keyPath: String, minimum: Int? = nil) -> Int? {
        guard case .scalar = node, node.tag == JSONTree.Tags.int, let value = node.int else {
            error(node, keyPath, YAMLMessage.expected(.wholeNumber, Self.describe(node)))
            return nil
        }
        if let minimum, value < minimum {
            error(node, keyPath, YAMLMessage.bound("≥", String(minimum), String(value), whole: true))
            return nil
        }
        return inRange(value, node, keyPath)
    }

    /// `true` or `false`.
    public mutating func boolean(_ node: Node, _ keyPath: String) -> Bool? {
        guard case .scalar = node, node.tag == JSONTree.Tags.bool, let value = node.bool else {
            error(node, keyPath, YAMLMessage.expected(.boolean, Self.describe(node)))
            return nil
        }
        return value
    }

    /// An id: letters, digits, `-`, `_`, `.` (FORMATS.md); Unicode letters are allowed.
    public mutating func identifier(_ node: Node, _ keyPath: String) -> String? {
        guard let text = string(node, keyPath) else { return nil }
        guard Self.isValidIdentifier(text) else {
            error(node, keyPath, YAMLMessage.invalidID(text))
            return nil
        }
        return text
    }

    /// One of `choices`, with the closest suggested when it is not.
    public mutating func choice(_ node: Node, _ keyPath: String, _ choices: [String]) -> String? {
        guard let text = string(node, keyPath) else { return nil }
        guard choices.contains(text) else {
            error(node, keyPath, YAMLMessage.notOneOf(text, choices, suggestion: Self.closest(to: text, in: choices)))
            return nil
        }
        return text
    }

    /// A list of strings.
    public mutating func strings(_ node: Node, _ keyPath: String) -> [String]? {
        guard let items = sequence(node, keyPath) else { return nil }
        return items.enumerated().compactMap { string($0.element, "\(keyPath)[\($0.offset)]") }
    }

    // MARK: Helpers

    /// Whether `node` is `null` (`~`, empty); cheaper than comparing with a new `Tag(.null)`.
    public static func isNull(_ node: Node) -> Bool { node.tag == JSONTree.Tags.null }

    public static func isValidIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    public static func join(_ keyPath: String, _ key: String) -> String {
        keyPath.isEmpty ? key : "\(keyPath).\(key)"
    }

    /// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        // Remembered: a file of a million rows with the same misspelling asks a million times.
        let key = word + "\u{0}" + candidates.joined(separator: "\u{0}")
        if let known = SuggestionCache.shared.lookUp(key) { return known }
        let answer = computeClosest(to: word, in: candidates)
        SuggestionCache.shared.store(key, answer)
        return answer
    }

    static func computeClosest(to word: String, in candidates: [String]) -> String? {
        guard word.count <= 64 else { return nil }
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        // Close, and not a different word altogether (`备注` is not a misspelt `id`).
        let longer = max(word.count, best.0.count)
        return best.1 <= max(2, word.count / 3) && (best.1 < longer || longer < 2) ? best.0 : nil
    }

    /// Levenshtein distance.
    ///
    /// - Complexity: O(m·n).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Suggestions already worked out (bounded, so memory stays small whatever the input).
final class SuggestionCache: @unchecked Sendable {
    static let shared = SuggestionCache()
    private let lock = NSLock()
    private var answers: [String: String?] = [:]

    func lookUp(_ key: String) -> String?? { lock.withLock { answers[key] } }

    func store(_ key: String, _ answer: String?) {
        lock.withLock {
            if answers.count >= 10_000 { answers.removeAll(keepingCapacity: true) }
            answers[key] = .some(answer)
        }
    }
}

/// Wording of the YAML reader's messages, in English and Chinese, in one place.
public enum YAMLMessage {
    public enum Kind {
        case mapping, list, text, number, finiteNumber, wholeNumber, boolean

        var phrase: Phrase {
            switch self {
            case .mapping: return Phrase(en: "a mapping (key: value pairs)", zh: "键值对（key: value）")
            case .list: return Phrase(en: "a list", zh: "列表")
            case .text: return Phrase(en: "text", zh: "文字")
            case .number: return Phrase(en: "a number", zh: "数字")
            case .finiteNumber: return Phrase(en: "a finite number", zh: "有限的数字")
            case .wholeNumber: return Phrase(en: "a whole number", zh: "整数")
            case .boolean: return Phrase(en: "true or false", zh: "true 或 false")
            }
        }
    }

    /// `found` is ``YAMLReader/describe(_:)``'s English; its few fixed words are translated.
    static func found(_ found: String) -> String {
        switch found {
        case "a mapping": return "键值对"
        case "a list": return "列表"
        case "an alias": return "别名"
        case "nothing (null)": return "空值"
        default: return found
        }
    }

    static func expected(_ kind: Kind, _ found: String) -> Phrase {
        Phrase(en: "expected \(kind.phrase.en), found \(found)", zh: "应为\(kind.phrase.zh)，实为 \(Self.found(found))")
    }

    static func plainKey(_ found: String) -> Phrase {
        Phrase(en: "a key must be a plain name, found \(found)", zh: "键必须是简单的名称，实为 \(Self.found(found))")
    }

    static func unknownKey(_ key: String, suggestion: String?) -> Phrase {
        Phrase(en: "unknown key '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
               zh: "未知的键 '\(key)'" + (suggestion.map { "；是否应为 '\($0)'？" } ?? ""))
    }

    static func keptAsExtra(_ key: String) -> Phrase {
        Phrase(en: "unknown key '\(key)' (not a Yubei key; kept as it is under 'extra' in plan.json and not used in planning)",
               zh: "未知的键 '\(key)'（不是预备的键；原样保留在 plan.json 的 'extra' 中，不参与规划）")
    }

    static func missingKey(_ key: String) -> Phrase {
        Phrase(en: "missing required key '\(key)'", zh: "缺少必填的键 '\(key)'")
    }

    static func bound(_ relation: String, _ limit: String, _ value: String, whole: Bool) -> Phrase {
        Phrase(en: "expected a \(whole ? "whole number" : "number") \(relation) \(limit), found \(value)",
               zh: "应为 \(relation) \(limit) 的\(whole ? "整数" : "数字")，实为 \(value)")
    }

    static func invalidID(_ text: String) -> Phrase {
        Phrase(en: "'\(text)' is not a valid id (use letters, digits, '-', '_' and '.')",
               zh: "'\(text)' 不是有效的编号（只能用字母、数字、'-'、'_' 和 '.'）")
    }

    public static func notOneOf(_ text: String, _ choices: [String], suggestion: String?) -> Phrase {
        Phrase(en: "'\(text)' is not one of \(choices.joined(separator: ", "))" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
               zh: "'\(text)' 不在可选值 \(choices.joined(separator: "、")) 之中" + (suggestion.map { "；是否应为 '\($0)'？" } ?? ""))
    }
}
