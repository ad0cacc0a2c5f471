/// Renders reports as plain text for the terminal: columns padded by display width (a Chinese
/// character takes two columns).
public enum TerminalRenderer {
    /// Columns a string takes in a terminal.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }

    /// `table`'s rows under its headings and a rule, two spaces between columns (no trailing newline).
    ///
    /// - Complexity: O(cells).
    public static func table(_ table: ReportTable) -> String {
        var widths = table.headings.map(width)
        for row in table.rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width(cell)) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 || i >= widths.count ? cell : cell + String(repeating: " ", count: widths[i] - width(cell))
            }.joined(separator: "  ")
        }
        var out = [line(table.headings), line(widths.map { String(repeating: "-", count: $0) })]
        out += table.rows.map(line)
        return out.joined(separator: "\n")
    }

    /// The whole document: title, then each section's title and blocks, a blank line between.
    public static func render(_ document: ReportDocument) -> String {
        var parts = [document.title, ""]
        parts += blocks(document.intro)
        for section in document.sections where !section.isHTMLOnly {
            parts.append(section.title)
            parts += blocks(section.blocks)
        }
        return parts.joined(separator: "\n") + "\n"
    }

    static func blocks(_ blocks: [ReportBlock]) -> [String] {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let text, _): parts += [text, ""]
            case .subheading(let text): parts.append(text)
            case .list(let items): parts += items.map { "  - \($0)" } + [""]
            case .table(let t): parts += [t.rows.isEmpty && t.whenEmpty != nil ? t.whenEmpty! : table(t), ""]
            case .html: break
            }
        }
        return parts
    }
}
