import YubeiCore

/// The one HTML escaper of every report: text placed in an element or an attribute value.
///
/// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both between tags and inside a
/// quoted attribute, and shows control characters escaped (``SafeText/html(_:)``).
public enum HTMLEscaper {
    /// `text` with the characters HTML gives meaning to replaced by entities.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String { SafeText.html(text) }
}

/// The one Markdown escaper of every report: text placed in a heading, a paragraph or a table cell.
///
/// A pipe would end a table cell and a line break would end the row, so `|` becomes `\|` and
/// line breaks become spaces; HTML is shown, not run (`<` `>` `&` as entities); the punctuation of
/// links, images, code and emphasis is backslash-escaped, and so is a leading `#`, `-`, `+`, `=`
/// (a heading or a list); control characters are shown escaped (``SafeText/markdown(_:)``).
public enum MarkdownEscaper {
    /// `text` safe to place in one line of Markdown, in or out of a table.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String { SafeText.markdown(text) }
}
