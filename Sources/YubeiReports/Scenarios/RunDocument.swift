import Foundation
import YubeiCore
import YubeiSiting

/// A report of a scenario run (study, frontier, stress) as sections of paragraphs, tables and
/// pictures, written out as Markdown, self-contained HTML or a CSV table.
struct RunDocument {
    struct Table {
        var header: [String]
        var rows: [[String]]
        /// Rows drawn in red (needs unmet).
        var flagged: Set<Int> = []
    }

    struct Section {
        var title: String
        var paragraphs: [String] = []
        var tables: [Table] = []
        /// An SVG picture (HTML only).
        var svg: String?
    }

    var title: String
    var sections: [Section]

    /// - Complexity: O(cells).
    func markdown() -> String {
        var out = "# \(title)\n\n"
        for section in sections {
            out += "## \(section.title)\n\n"
            for paragraph in section.paragraphs { out += paragraph + "\n\n" }
            for table in section.tables {
                out += "| " + table.header.map(Self.markdownCell).joined(separator: " | ") + " |\n"
                out += "|" + table.header.map { _ in " --- |" }.joined() + "\n"
                for row in table.rows { out += "| " + row.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
                out += "\n"
            }
        }
        return out
    }

    /// - Complexity: O(cells + picture size).
    func html(language: Language) -> String {
        let esc = SitingReport.escapeHTML
        var body = "<h1>\(esc(title))</h1>\n"
        for section in sections {
            body += "<section>\n<h2>\(esc(section.title))</h2>\n"
            if let svg = section.svg { body += svg + "\n" }
            for paragraph in section.paragraphs { body += "<p>\(esc(paragraph))</p>\n" }
            for table in section.tables {
                body += "<table>\n<thead><tr>" + table.header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for (i, row) in table.rows.enumerated() {
                    body += "<tr\(table.flagged.contains(i) ? " class=\"flag\"" : "")>" + row.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n"
                }
                body += "</tbody>\n</table>\n"
            }
            body += "</section>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title))</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #1f2933; padding: 0 1em; }
        h1 { font-size: 1.6em; border-bottom: 3px solid #b42318; padding-bottom: .3em; }
        h2 { font-size: 1.2em; margin-top: 1.6em; color: #243b53; }
        table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .9em; }
        th, td { border: 1px solid #cbd2d9; padding: .3em .6em; text-align: left; vertical-align: top; }
        th { background: #f0f4f8; }
        tr.flag td { background: #fde8e8; }
        .maps { display: flex; flex-wrap: wrap; gap: 1em; }
        .maps figure { margin: 0; flex: 1 1 480px; }
        svg { border: 1px solid #cbd2d9; background: #fbfcfd; max-width: 100%; height: auto; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// A CSV table (RFC 4180) starting with a UTF-8 byte order mark so that Excel shows Chinese;
    /// a text cell that a spreadsheet would read as a formula is prefixed with `'`.
    static func csv(header: [String], rows: [[String]]) -> String {
        func field(_ s: String) -> String {
            var s = s
            if let first = s.first, "=+-@".contains(first), Double(s) == nil { s = "'" + s }
            guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = "\u{FEFF}" + header.map(field).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return out
    }

    /// A number for a report cell (grouped, at most `digits` decimals).
    static func n(_ x: Double, digits: Int = 1) -> String { SitingText.number(x, digits: digits) }

    /// A number for a CSV cell: plain, no grouping.
    static func plain(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        let rounded = (x * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
