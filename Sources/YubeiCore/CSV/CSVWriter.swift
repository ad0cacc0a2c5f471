/// The one CSV writer of the project (RFC 4180): what the records files, the drill plan and the
/// reports' spreadsheet tables write goes through it, so that quoting is the same everywhere.
public enum CSVWriter {
    /// The byte order mark that starts CSV tables written for spreadsheets, so that Excel shows
    /// Chinese (FORMATS.md §5).
    public static let byteOrderMark = "\u{FEFF}"

    /// One field, quoted (inner quotes doubled) when it holds a comma, a quote or a line break;
    /// a field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that a
    /// spreadsheet shows it as text, never runs it as a formula (OWASP), and control characters
    /// are shown escaped (``SafeText/csvCell(_:)``). ``CSVTable`` reads such a field back as written.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func field(_ text: String) -> String { SafeText.csvCell(text) }

    /// One record: the fields quoted as needed and joined by commas (no line end).
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A whole table: `header` then `rows`, each record followed by `lineEnd`.
    ///
    /// - Complexity: O(cells).
    public static func table(header: [String], rows: [[String]], lineEnd: String = "\r\n", byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? Self.byteOrderMark : ""
        out += record(header) + lineEnd
        for row in rows { out += record(row) + lineEnd }
        return out
    }
}
