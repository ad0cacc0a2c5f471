import YubeiCore

/// The encodings records files arrive in (the shared ``CSVEncoding`` of YubeiCore, under the name
/// the drills API has always used).
public typealias RecordsEncoding = CSVEncoding

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
        case .failure(.impossible(let y, let m, let d)):
            error(column, "'\(text)' is not a real date (\(CalendarDate.whyImpossible(year: y, month: m, day: d)))")
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
