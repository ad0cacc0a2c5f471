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
            throw InputError(Diagnostic(.error, at: location(error, path: path), TableMessage.describe(error.kind)))
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

/// The wording of workbook diagnostics, in English and Chinese, in one place.
enum TableMessage {
    static func noTable(_ path: String) -> Phrase {
        Phrase(en: "cannot read the table '\(path)' (no such file)", zh: "无法读取表格 '\(path)'（文件不存在）")
    }

    /// The table named is a folder.
    static func tableIsFolder(_ path: String) -> Phrase {
        Phrase(en: "cannot read the table '\(path)' (it is a folder, not a file)", zh: "无法读取表格 '\(path)'（这是文件夹，不是文件）")
    }

    static func describe(_ kind: SpreadsheetProblem.Kind) -> Phrase {
        switch kind {
        case .notZip(let detail):
            return Phrase(en: "not a readable Excel workbook (.xlsx): the zip container is damaged (\(detail))",
                          zh: "不是可读取的 Excel 工作簿（.xlsx）：压缩包已损坏（\(detail)）")
        case .partTooLarge(let part, let bytes):
            return Phrase(en: "the workbook part '\(part)' would take \(bytes / 1_048_576) MB unpacked, more than any table Yubei reads; is the file damaged?",
                          zh: "工作簿的部件 '\(part)' 解压后超过 \(bytes / 1_048_576) MB，远超任何表格的大小；文件是否已损坏？")
        case .missingPart(let part):
            return Phrase(en: "not a complete Excel workbook: the part '\(part)' is missing",
                          zh: "Excel 工作簿不完整：缺少部件 '\(part)'")
        case .badXML(let part, let detail):
            return Phrase(en: "the workbook part '\(part)' is not well-formed XML (\(detail))",
                          zh: "工作簿的部件 '\(part)' 不是格式正确的 XML（\(detail)）")
        case .notWorkbook:
            return Phrase(en: "an old Excel 97–2003 (.xls) or encrypted workbook; save it as an Excel workbook (.xlsx) or as CSV",
                          zh: "这是旧版 Excel 97–2003（.xls）或加密的工作簿；请另存为 Excel 工作簿（.xlsx）或 CSV")
        case .noSuchSheet(let name, let available):
            let guess = YAMLReader.closest(to: name, in: available)
            let list = available.map { "'\($0)'" }
            return Phrase(en: "no sheet named '\(name)'; the workbook has " + list.joined(separator: ", ")
                              + (guess.map { "; did you mean '\($0)'?" } ?? ""),
                          zh: "没有名为 '\(name)' 的工作表；工作簿中有 " + list.joined(separator: "、")
                              + (guess.map { "；是否应为 '\($0)'？" } ?? ""))
        case .noSheets: return Phrase(en: "the workbook has no sheets", zh: "工作簿中没有工作表")
        case .badSharedString(let index):
            return Phrase(en: "the cell refers to shared string \(index), which the workbook does not have",
                          zh: "单元格引用了第 \(index) 个共享字符串，但工作簿中没有")
        case .badNumber(let text):
            return Phrase(en: "the number cell holds '\(text)', which is not a number", zh: "数字单元格中的 '\(text)' 不是数字")
        case .badDate(let serial):
            return Phrase(en: "the date cell holds \(serial), which is not a date (before 1900-01-01, the non-existent 1900-02-29, or after 9999)",
                          zh: "日期单元格中的 \(serial) 不是日期（早于 1900-01-01、不存在的 1900-02-29 或晚于 9999 年）")
        case .badReference(let text):
            return Phrase(en: "the cell address '\(text)' cannot be read", zh: "无法识别单元格地址 '\(text)'")
        }
    }
}
