/// Renders a ``ReportDocument`` as Markdown (GitHub flavour): `#` title, `##` sections, pipe tables.
public enum MarkdownRenderer {
    /// The whole document.
    ///
    /// - Complexity: O(size of the document).
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(MarkdownEscaper.escape(document.title))\n\n"
        out += blocks(document.intro)
        for section in document.sections where !section.isHTMLOnly {
            out += "## \(MarkdownEscaper.escape(section.title))\n\n"
            out += blocks(section.blocks)
        }
        return out
    }

    /// Blocks, each followed by a blank line.
    public static func blocks(_ blocks: [ReportBlock]) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .paragraph(let text, _): out += MarkdownEscaper.escape(text) + "\n\n"
            case .subheading(let text): out += "### \(MarkdownEscaper.escape(text))\n\n"
            case .list(let items): out += items.map { "- \(MarkdownEscaper.escape($0))\n" }.joined() + "\n"
            case .table(let table): out += Self.table(table) + "\n"
            case .html: break
            }
        }
        return out
    }

    /// A pipe table (or its ``ReportTable/whenEmpty`` sentence when it has no rows).
    public static func table(_ table: ReportTable) -> String {
        if table.rows.isEmpty, let sentence = table.whenEmpty { return MarkdownEscaper.escape(sentence) + "\n" }
        var out = "| " + table.headings.map(MarkdownEscaper.escape).joined(separator: " | ") + " |\n"
        out += "|" + table.headings.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in table.rows { out += "| " + row.map(MarkdownEscaper.escape).joined(separator: " | ") + " |\n" }
        return out
    }
}
