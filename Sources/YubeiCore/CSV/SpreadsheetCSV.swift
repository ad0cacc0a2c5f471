/// CSV files written for spreadsheets (FORMATS.md §5): UTF-8 starting with a byte order mark, so
/// that Excel opens Chinese text as Chinese instead of guessing the system code page. Yubei's own
/// readers take the mark off again.
public enum SpreadsheetCSV {
    /// U+FEFF, written as the bytes EF BB BF.
    public static let byteOrderMark = "\u{FEFF}"

    /// `text` as a CSV file's contents: the byte order mark, then the text (a mark already there is kept once).
    public static func file(_ text: String) -> String {
        text.hasPrefix(byteOrderMark) ? text : byteOrderMark + text
    }
}
