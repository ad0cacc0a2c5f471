import Foundation
import YubeiCore

/// A CSV file with a header, read for validation: decoded (UTF-8, UTF-8 with BOM or GB18030),
/// parsed with row numbers, header names trimmed and lower-cased, required columns checked.
public struct CSVTable: Sendable {
    public let path: String
    public let encoding: RecordsEncoding
    /// Column name → index, from the header row.
    public let columns: [String: Int]
    /// Data rows (not blank), with their row numbers (header = 1).
    public let rows: [CSVParser.Row]
    /// Number of columns in the header.
    public let width: Int

    /// Reads `path`; every problem of the file or header (unreadable, not text, not CSV, no header,
    /// a missing or repeated column) is thrown at once.
    public static func load(path: String, required: [String]) throws(InputError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let why = !exists ? "no such file" : isDirectory.boolValue ? "is a directory, not a file" : "cannot be read"
            throw InputError(.error(at: SourceLocation(file: path), why))
        }
        guard let (text, encoding) = TextDecoding.decode(data) else {
            throw InputError(.error(at: SourceLocation(file: path),
                                    "the file is neither UTF-8 nor GB18030 text (save it from Excel as CSV or CSV UTF-8)"))
        }
        let parsed: [CSVParser.Row]
        switch CSVParser.parse(text) {
        case .success(let rows): parsed = rows
        case .failure(let error): throw InputError(.error(at: SourceLocation(file: path, line: error.row), error.message))
        }
        guard let header = parsed.first, !header.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw InputError(.error(at: SourceLocation(file: path, line: 1),
                                    "the file is empty; the header row is required (\(required.joined(separator: ",")))"))
        }
        var diagnostics = Diagnostics()
        var columns: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            if columns[name] != nil {
                diagnostics.error(SourceLocation(file: path, line: 1), "column '\(name)' appears twice in the header")
                continue
            }
            columns[name] = index
        }
        for name in required where columns[name] == nil {
            var message = "missing column '\(name)' (the header must name \(required.joined(separator: ", ")))"
            let unknown = columns.keys.filter { !required.contains($0) }.sorted()
            if let guess = YAMLReader.closest(to: name, in: unknown) { message += "; is '\(guess)' meant to be '\(name)'?" }
            diagnostics.error(SourceLocation(file: path, line: 1), message)
        }
        try diagnostics.throwIfErrors()
        let rows = parsed.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        return CSVTable(path: path, encoding: encoding, columns: columns, rows: Array(rows), width: header.fields.count)
    }

    /// The trimmed cell of `column` in `row`, `nil` when the column is absent or the row too short.
    public func cell(_ row: CSVParser.Row, _ column: String) -> String? {
        guard let index = columns[column], index < row.fields.count else { return nil }
        return row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The location of `row` for a diagnostic.
    public func location(_ row: CSVParser.Row) -> SourceLocation { SourceLocation(file: path, line: row.number) }
}

/// Reads typed cells of one CSV row, recording `FILE:ROW: error: column 'x': …` diagnostics.
struct CSVRowReader {
    let table: CSVTable
    let row: CSVParser.Row
    var diagnostics: Diagnostics

    mutating func error(_ column: String?, _ message: String) {
        diagnostics.error(table.location(row), column.map { "column '\($0)': \(message)" } ?? message)
    }

    /// A non-empty cell.
    mutating func required(_ column: String) -> String? {
        guard let text = table.cell(row, column), !text.isEmpty else {
            error(column, "empty; a value is required")
            return nil
        }
        return text
    }

    /// A cell that may be empty (`nil` then).
    func optional(_ column: String) -> String? {
        guard let text = table.cell(row, column), !text.isEmpty else { return nil }
        return text
    }

    mutating func date(_ column: String, required: Bool = true) -> CalendarDate? {
        guard let text = required ? self.required(column) : optional(column) else { return nil }
        switch CalendarDate.parse(text) {
        case .success(let date): return date
        case .failure(.impossible):
            error(column, "'\(text)' is not a real date (no such day in that month)")
        case .failure(.unrecognised):
            error(column, "'\(text)' is not a date (write 2026-03-14, 2026/3/14 or 2026年3月14日)")
        }
        return nil
    }

    /// One of `choices` (any case) or one of `aliases`.
    mutating func choice<T>(_ column: String, _ choices: [String], aliases: [String: T], make: (String) -> T?) -> T? {
        guard let text = required(column) else { return nil }
        if let value = make(text.lowercased()) { return value }
        if let value = aliases[text] ?? aliases[text.lowercased()] { return value }
        var message = "'\(text)' is not one of \(choices.joined(separator: ", "))"
        if let guess = YAMLReader.closest(to: text, in: choices) { message += "; did you mean '\(guess)'?" }
        error(column, message)
        return nil
    }
}
