/// Renders tables as CSV for spreadsheets (RFC 4180): CRLF line ends, fields quoted when they
/// hold a comma, a quote or a line break, and a UTF-8 byte order mark so that Excel shows Chinese.
public enum CSVRenderer {
    /// The byte order mark that starts every CSV table written for spreadsheets (FORMATS.md §5).
    public static let byteOrderMark = "\u{FEFF}"

    /// `headings` then `rows`, one line each.
    ///
    /// - Complexity: O(cells).
    public static func render(headings: [String], rows: [[String]], byteOrderMark: Bool = true) -> String {
        var lines = [headings.map(field).joined(separator: ",")]
        for row in rows { lines.append(row.map(field).joined(separator: ",")) }
        return (byteOrderMark ? Self.byteOrderMark : "") + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A table of the kit as CSV.
    public static func render(_ table: ReportTable, byteOrderMark: Bool = true) -> String {
        render(headings: table.headings, rows: table.rows, byteOrderMark: byteOrderMark)
    }

    /// One field, quoted (inner quotes doubled) when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
