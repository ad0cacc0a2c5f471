import YubeiCore

/// Renders a ``ReportDocument`` as one self-contained HTML page: inline CSS, no external resources.
public enum HTMLRenderer {
    /// The kit's style sheet: readable Chinese fonts, ruled tables, marked rows and cells, print margins.
    public static let styleSheet = """
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #1f2933; padding: 0 1em; }
    h1 { font-size: 1.6em; border-bottom: 3px solid #b42318; padding-bottom: .3em; }
    h2 { font-size: 1.2em; margin-top: 1.6em; color: #243b53; }
    table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .9em; }
    th, td { border: 1px solid #cbd2d9; padding: .3em .6em; text-align: left; vertical-align: top; }
    th { background: #f0f4f8; }
    tr.flag td { background: #fde8e8; }
    td.missed { color: #b00; font-weight: bold; }
    td.due { color: #a60; }
    p.warn { color: #b00; font-weight: bold; }
    svg { border: 1px solid #cbd2d9; background: #fbfcfd; max-width: 100%; height: auto; }
    @media print { body { margin: 1cm; } }
    """

    /// The whole page.
    ///
    /// - Complexity: O(size of the document).
    public static func render(_ document: ReportDocument) -> String {
        let title = HTMLEscaper.escape(document.title)
        var body = "<h1>\(title)</h1>\n" + blocks(document.intro)
        for section in document.sections {
            body += "<section>\n<h2>\(HTMLEscaper.escape(section.title))</h2>\n" + blocks(section.blocks) + "</section>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="\(document.language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(styleSheet)\(document.style.isEmpty ? "" : "\n" + document.style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Blocks as HTML elements.
    public static func blocks(_ blocks: [ReportBlock]) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .paragraph(let text, let tone): out += "<p\(classAttribute(tone))>\(HTMLEscaper.escape(text))</p>\n"
            case .subheading(let text): out += "<h3>\(HTMLEscaper.escape(text))</h3>\n"
            case .list(let items): out += "<ul>\n" + items.map { "<li>\(HTMLEscaper.escape($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let table): out += Self.table(table)
            case .html(let html): out += html + "\n"
            }
        }
        return out
    }

    /// A table (or its ``ReportTable/whenEmpty`` sentence when it has no rows).
    public static func table(_ table: ReportTable) -> String {
        if table.rows.isEmpty, let sentence = table.whenEmpty { return "<p>\(HTMLEscaper.escape(sentence))</p>\n" }
        var out = "<table>\n<thead><tr>" + table.headings.map { "<th>\(HTMLEscaper.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (r, row) in table.rows.enumerated() {
            out += "<tr\(classAttribute(table.rowTones[r]))>"
            out += row.enumerated().map { c, cell in
                "<td\(classAttribute(table.tone(row: r, column: c)))>\(HTMLEscaper.escape(cell))</td>"
            }.joined()
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func classAttribute(_ tone: ReportTone?) -> String {
        tone.map { " class=\"\($0.rawValue)\"" } ?? ""
    }
}
