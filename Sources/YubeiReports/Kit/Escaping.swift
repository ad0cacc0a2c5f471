/// The one HTML escaper of every report: text placed in an element or an attribute value.
///
/// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both between tags and inside a
/// quoted attribute.
public enum HTMLEscaper {
    /// `text` with the characters HTML gives meaning to replaced by entities.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        text.replacingEach { c in
            switch c {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            default: return nil
            }
        }
    }
}

/// The one Markdown escaper of every report: text placed in a heading, a paragraph or a table cell.
///
/// A pipe would end a table cell and a line break would end the row, so `|` becomes `\|` and
/// line breaks become spaces.
public enum MarkdownEscaper {
    /// `text` safe to place in one line of Markdown, in or out of a table.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        text.replacingEach { c in c == "|" ? "\\|" : c.isNewline ? " " : nil }
    }
}

extension String {
    /// This text with each character for which `replacement` gives a string replaced by it.
    ///
    /// - Complexity: O(n) in the length of the text.
    func replacingEach(_ replacement: (Character) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if let r = replacement(c) { out += r } else { out.append(c) }
        }
        return out
    }
}
