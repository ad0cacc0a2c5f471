import YubeiCore

/// One report as every renderer sees it: a title and sections of paragraphs, lists and tables.
///
/// Reports build one document and render it as Markdown, HTML, terminal text or CSV, so the
/// forms agree. Cells and paragraphs are plain text; each renderer escapes for its format.
public struct ReportDocument: Sendable {
    public var title: String
    public var language: Language
    /// Paragraphs before the first section.
    public var intro: [ReportBlock] = []
    public var sections: [ReportSection] = []
    /// Extra CSS for the HTML page, after the kit's own style sheet.
    public var style: String = ""

    public init(title: String, language: Language, intro: [ReportBlock] = [], sections: [ReportSection] = []) {
        self.title = title
        self.language = language
        self.intro = intro
        self.sections = sections
    }
}

/// A titled part of a report. A section whose blocks are all ``ReportBlock/html(_:)`` (a map)
/// appears only in the HTML form.
public struct ReportSection: Sendable {
    public var title: String
    public var blocks: [ReportBlock]

    public init(_ title: String, _ blocks: [ReportBlock] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Whether the section holds only ready-made HTML, so that the other forms leave it out.
    public var isHTMLOnly: Bool {
        !blocks.isEmpty && blocks.allSatisfy { if case .html = $0 { return true } else { return false } }
    }
}

/// One block of a section.
public enum ReportBlock: Sendable {
    /// A paragraph of plain text; a tone marks it (HTML class) when set.
    case paragraph(String, tone: ReportTone? = nil)
    /// A heading below the section's.
    case subheading(String)
    /// A bulleted list.
    case list([String])
    case table(ReportTable)
    /// Ready-made HTML (an SVG map, a calendar); only the HTML renderer writes it.
    case html(String)
}

/// How a row, a cell or a paragraph is marked. The raw value is the HTML class.
public enum ReportTone: String, Sendable, Hashable {
    /// A shortfall or an over-full site: the row stands out.
    case flag
    /// A missed duty.
    case missed
    /// A duty still due.
    case due
    /// A warning sentence.
    case warn
}

/// A table of plain-text cells under headings.
public struct ReportTable: Sendable {
    public var headings: [String]
    public var rows: [[String]]
    /// Marks of whole rows, by row position.
    public var rowTones: [Int: ReportTone] = [:]
    /// Marks of single cells, by position (see ``mark(row:column:as:)``).
    var cellTones: [Cell: ReportTone] = [:]
    /// What the Markdown and HTML forms write instead of an empty table (nothing when `nil`).
    public var whenEmpty: String?

    /// A cell position.
    struct Cell: Sendable, Hashable {
        var row: Int
        var column: Int
    }

    public init(headings: [String], rows: [[String]], whenEmpty: String? = nil) {
        self.headings = headings
        self.rows = rows
        self.whenEmpty = whenEmpty
    }

    /// A table whose rows at the positions `flagged` stand out (``ReportTone/flag``).
    public init(headings: [String], rows: [[String]], flagged: Set<Int>, whenEmpty: String? = nil) {
        self.init(headings: headings, rows: rows, whenEmpty: whenEmpty)
        for row in flagged { rowTones[row] = .flag }
    }

    /// Marks the cell at `row`, `column` (a missed or due status, say).
    public mutating func mark(row: Int, column: Int, as tone: ReportTone) {
        cellTones[Cell(row: row, column: column)] = tone
    }

    /// The tone of cell (`row`, `column`) itself (its row's tone is in ``rowTones``).
    public func tone(row: Int, column: Int) -> ReportTone? {
        cellTones[Cell(row: row, column: column)]
    }
}
