import YubeiCore

/// Renders tables of the kit as CSV for spreadsheets (RFC 4180 through ``CSVWriter``): CRLF line
/// ends, fields quoted when they hold a comma, a quote or a line break, and a UTF-8 byte order
/// mark so that Excel shows Chinese.
public enum CSVRenderer {
    /// `headings` then `rows`, one line each.
    ///
    /// - Complexity: O(cells).
    public static func render(headings: [String], rows: [[String]], byteOrderMark: Bool = true) -> String {
        CSVWriter.table(header: headings, rows: rows, lineEnd: "\r\n", byteOrderMark: byteOrderMark)
    }

    /// A table of the kit as CSV.
    public static func render(_ table: ReportTable, byteOrderMark: Bool = true) -> String {
        render(headings: table.headings, rows: table.rows, byteOrderMark: byteOrderMark)
    }
}
