import Foundation
import YubeiSpreadsheet

/// A worksheet of an Excel workbook read as the rows of a table, each cell as text in the form a
/// CSV file would hold it, so that every table reader takes .xlsx and .csv alike:
/// text as written, whole numbers without a decimal point (`35`, not `35.0`), other numbers in
/// their shortest form, `TRUE`/`FALSE` as `true`/`false`, date cells as `YYYY-MM-DD`, error values
/// (`#N/A`) as written (the column's reader then says why it is not a value).
enum SheetTable {
    struct Result {
        var sheet: String
        var rows: [CSVParser.Row]
    }

    /// The rows of sheet `sheet` (the first when `nil`) of workbook bytes `data`.
    ///
    /// - Throws: ``InputError`` with every problem of the workbook, the sheet or its cells, each at
    ///   `FILE[SHEET]:CELL`.
    /// - Complexity: O(size of the workbook).
    static func read(data: Data, path: String, sheet: String?) throws(InputError) -> Result {
        let worksheet: Worksheet
        do {
            worksheet = try Workbook(data: data).sheet(named: sheet)
        } catch {
            throw InputError(.error(at: location(error, path: path), TableMessage.describe(error.kind)))
        }
        if !worksheet.problems.isEmpty {
            var diagnostics = Diagnostics()
            for problem in worksheet.problems {
                diagnostics.error(location(problem, path: path), TableMessage.describe(problem.kind))
            }
            throw InputError(diagnostics: diagnostics)
        }
        var rows: [CSVParser.Row] = []
        rows.reserveCapacity(worksheet.rows.count)
        for row in worksheet.rows {
            let cells = row.cells
            let width = (cells.last?.column ?? -1) + 1
            var fields = [String](repeating: "", count: width)
            for (column, value) in cells { fields[column] = text(value) }
            rows.append(CSVParser.Row(number: row.number, fields: fields))
        }
        // Pad every row to the widest, so a row's short end is blank cells, not missing fields.
        let width = rows.map(\.fields.count).max() ?? 0
        for index in rows.indices where rows[index].fields.count < width {
            rows[index].fields += [String](repeating: "", count: width - rows[index].fields.count)
        }
        return Result(sheet: worksheet.name, rows: rows)
    }

    /// The CSV text form of a cell value.
    static func text(_ value: CellValue) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .date(let date): return date.description
        case .error(let code): return code
        }
    }

    static func location(_ problem: SpreadsheetProblem, path: String) -> SourceLocation {
        SourceLocation(file: path, line: problem.cell?.row, column: problem.cell.map { $0.column + 1 }, sheet: problem.sheet)
    }
}

/// The wording of workbook diagnostics, in one place.
enum TableMessage {
    static func noTable(_ path: String) -> String { "cannot read the table '\(path)' (no such file)" }

    static func describe(_ kind: SpreadsheetProblem.Kind) -> String {
        switch kind {
        case .notZip(let detail):
            return "not a readable Excel workbook (.xlsx): the zip container is damaged (\(detail))"
        case .partTooLarge(let part, let bytes):
            return "the workbook part '\(part)' would take \(bytes / 1_048_576) MB unpacked, more than any table Yubei reads; is the file damaged?"
        case .missingPart(let part): return "not a complete Excel workbook: the part '\(part)' is missing"
        case .badXML(let part, let detail): return "the workbook part '\(part)' is not well-formed XML (\(detail))"
        case .notWorkbook:
            return "an old Excel 97–2003 (.xls) or encrypted workbook; save it as an Excel workbook (.xlsx) or as CSV"
        case .noSuchSheet(let name, let available):
            var message = "no sheet named '\(name)'; the workbook has " + available.map { "'\($0)'" }.joined(separator: ", ")
            if let guess = YAMLReader.closest(to: name, in: available) { message += "; did you mean '\(guess)'?" }
            return message
        case .noSheets: return "the workbook has no sheets"
        case .badSharedString(let index): return "the cell refers to shared string \(index), which the workbook does not have"
        case .badNumber(let text): return "the number cell holds '\(text)', which is not a number"
        case .badDate(let serial):
            return "the date cell holds \(serial), which is not a date (before 1900-01-01, the non-existent 1900-02-29, or after 9999)"
        case .badReference(let text): return "the cell address '\(text)' cannot be read"
        }
    }
}
