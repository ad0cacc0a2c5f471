import Foundation
import YubeiCore
import YubeiSiting

/// A report of a scenario run (study, frontier, stress) as sections of paragraphs, tables and
/// pictures, rendered through the kit (``ReportDocument``) as Markdown, HTML or CSV.
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

    /// Maps side by side (study.html).
    static let style = """
    .maps { display: flex; flex-wrap: wrap; gap: 1em; }
    .maps figure { margin: 0; flex: 1 1 480px; }
    """

    func report(language: Language) -> ReportDocument {
        var document = ReportDocument(title: title, language: language)
        document.style = Self.style
        document.sections = sections.map { section in
            var blocks: [ReportBlock] = []
            if let svg = section.svg { blocks.append(.html(svg)) }
            blocks += section.paragraphs.map { .paragraph($0) }
            for table in section.tables {
                var kit = ReportTable(headings: table.header, rows: table.rows)
                for row in table.flagged { kit.rowTones[row] = .flag }
                blocks.append(.table(kit))
            }
            return ReportSection(section.title, blocks)
        }
        return document
    }

    func markdown(language: Language = .en) -> String { MarkdownRenderer.render(report(language: language)) }

    func html(language: Language) -> String { HTMLRenderer.render(report(language: language)) }

    /// A CSV table for spreadsheets (byte order mark, CRLF; the kit's writer).
    static func csv(header: [String], rows: [[String]]) -> String { CSVRenderer.render(headings: header, rows: rows) }

    /// A number for a report cell (grouped, at most `digits` decimals).
    static func n(_ x: Double, digits: Int = 1) -> String { NumberText.number(x, digits: digits) }

    /// A number for a CSV cell: plain, no grouping.
    static func plain(_ x: Double) -> String { x.isFinite ? NumberText.plain(x, decimals: 6) : "" }

    /// The hazard that displaces the most people (the one a single map shows).
    static func largestHazard(_ problem: SitingProblem) -> Int {
        problem.hazards.indices.max { a, b in
            problem.hazards[a].displaced.reduce(0.0) { $0 + $1 } < problem.hazards[b].displaced.reduce(0.0) { $0 + $1 }
        } ?? 0
    }
}
