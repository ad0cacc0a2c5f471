import Foundation
import SWXMLHash

/// One worksheet's non-empty cells, row by row.
///
/// Rows and cells keep the addresses Excel gives them (`r="C14"`), so a row left empty in the
/// sheet is simply absent and every value knows its cell. Cells that cannot be read (a shared
/// string index past the table, a number that is not one, a date before the calendar) are kept
/// in ``problems`` rather than stopping the read, so a caller can report them all at once.
public struct Worksheet: Sendable {
    /// One row: its 1-based number and its non-empty cells by 0-based column, left to right.
    public struct Row: Sendable, Hashable {
        public var number: Int
        public var cells: [(column: Int, value: CellValue)] {
            get { zip(columns, values).map { ($0, $1) } }
            set { columns = newValue.map(\.column); values = newValue.map(\.value) }
        }
        var columns: [Int]
        var values: [CellValue]

        public init(number: Int, cells: [(column: Int, value: CellValue)]) {
            self.number = number
            self.columns = cells.map(\.column)
            self.values = cells.map(\.value)
        }

        /// The value in 0-based `column`, `nil` when the cell is empty.
        public func value(at column: Int) -> CellValue? {
            guard let index = columns.firstIndex(of: column) else { return nil }
            return values[index]
        }
    }

    public let name: String
    /// Rows holding at least one non-empty cell, in order.
    public let rows: [Row]
    /// Cells that could not be read.
    public let problems: [SpreadsheetProblem]

    public init(name: String, rows: [Row], problems: [SpreadsheetProblem] = []) {
        self.name = name
        self.rows = rows
        self.problems = problems
    }

    /// Parses a worksheet part.
    ///
    /// - Complexity: O(size of the XML).
    init(name: String, xml: Data, sharedStrings: [String], dateStyles: [Bool], date1904: Bool) throws(SpreadsheetProblem) {
        let root: XMLElement
        do {
            root = try XMLTree.parse(xml, part: "sheet")
        } catch {
            throw SpreadsheetProblem(error.kind, sheet: name)
        }
        var rows: [Row] = []
        var problems: [SpreadsheetProblem] = []
        var nextRow = 1
        for sheetData in root.children("sheetData") {
            for rowElement in sheetData.children("row") {
                let number = XMLTree.attribute(rowElement, "r").flatMap(Int.init) ?? nextRow
                nextRow = number + 1
                var nextColumn = 0
                var cells: [(column: Int, value: CellValue)] = []
                for cell in rowElement.children("c") {
                    var reference = CellReference(column: nextColumn, row: number)
                    if let r = XMLTree.attribute(cell, "r") {
                        if let parsed = CellReference(r) { reference = parsed } else {
                            problems.append(SpreadsheetProblem(.badReference(r), sheet: name, cell: reference))
                        }
                    }
                    nextColumn = reference.column + 1
                    let type = XMLTree.attribute(cell, "t") ?? "n"
                    let raw = cell.children("v").first?.text
                    let style = XMLTree.attribute(cell, "s").flatMap(Int.init) ?? 0
                    let value: CellValue?
                    switch type {
                    case "s":
                        guard let raw, let index = Int(raw.trimmingCharacters(in: .whitespaces)) else { value = nil; break }
                        if index >= 0 && index < sharedStrings.count {
                            value = .text(sharedStrings[index])
                        } else {
                            problems.append(SpreadsheetProblem(.badSharedString(index), sheet: name, cell: reference))
                            value = nil
                        }
                    case "inlineStr":
                        value = cell.children("is").first.map { .text(XMLTree.cellText($0)) }
                    case "str":
                        value = raw.map { .text($0) }
                    case "b":
                        value = raw.map { .boolean($0.trimmingCharacters(in: .whitespaces) == "1"
                            || $0.lowercased() == "true") }
                    case "e":
                        value = raw.map { .error($0) }
                    case "d":
                        // An ISO 8601 date stored as text (Strict OOXML, some writers).
                        let text = raw?.trimmingCharacters(in: .whitespaces) ?? ""
                        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
                        if parts.count == 3 {
                            value = .date(CellDate(year: parts[0], month: parts[1], day: parts[2]))
                        } else {
                            value = text.isEmpty ? nil : .text(text)
                        }
                    default:
                        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { value = nil; break }
                        guard let number = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                            problems.append(SpreadsheetProblem(.badNumber(raw), sheet: name, cell: reference))
                            value = nil
                            break
                        }
                        if style >= 0 && style < dateStyles.count && dateStyles[style] {
                            if let date = CellDate.fromSerial(number, date1904: date1904) {
                                value = .date(date)
                            } else {
                                problems.append(SpreadsheetProblem(.badDate(number), sheet: name, cell: reference))
                                value = nil
                            }
                        } else {
                            value = .number(number)
                        }
                    }
                    if let value, !Self.isBlank(value) { cells.append((reference.column, value)) }
                }
                if !cells.isEmpty {
                    cells.sort { $0.column < $1.column }
                    rows.append(Row(number: number, cells: cells))
                }
            }
        }
        rows.sort { $0.number < $1.number }
        self.init(name: name, rows: rows, problems: problems)
    }

    static func isBlank(_ value: CellValue) -> Bool {
        if case .text(let text) = value { return text.allSatisfy(\.isWhitespace) }
        return false
    }
}
