/// The one HTML escaper of every report: text placed in an element or an attribute value.
///
/// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both between tags and inside a
/// quoted attribute.
public enum HTMLEscaper {
    /// `text` with the characters HTML gives meaning to replaced by entities.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
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
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
