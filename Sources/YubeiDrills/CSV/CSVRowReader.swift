import YubeiCore

/// The encodings records files arrive in (the shared ``CSVEncoding`` of YubeiCore, under the name
/// the drills API has always used).
public typealias RecordsEncoding = CSVEncoding

/// Reads typed cells of one CSV row, recording `FILE:ROW: error: column 'x': …` diagnostics.
struct CSVRowReader {
    let table: CSVTable
    let row: CSVParser.Row
    var diagnostics: Diagnostics

    /// An error worded in both languages.
    mutating func error(_ column: String?, _ phrase: Phrase) {
        let name = column.map { table.writtenName($0) }
        diagnostics.error(table.location(row, column: column), Phrase(
            en: name.map { "column '\($0)': \(phrase.en)" } ?? phrase.en,
            zh: name.map { "列 '\($0)'：\(phrase.zh)" } ?? phrase.zh))
    }

    /// A non-empty cell.
    mutating func required(_ column: String) -> String? {
        guard let text = table.cell(row, column), !text.isEmpty else {
            error(column, Phrase(en: "empty; a value is required", zh: "为空；此项必填"))
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
            error(column, DrillsMessage.notRealDate(text, year: y, month: m, day: d))
        case .failure(.unrecognised):
            error(column, DrillsMessage.notADateInTable(text))
        }
        return nil
    }

    /// One of `choices` (any case) or one of `aliases`.
    mutating func choice<T>(_ column: String, _ choices: [String], aliases: [String: T], make: (String) -> T?) -> T? {
        guard let text = required(column) else { return nil }
        if let value = make(text.lowercased()) { return value }
        if let value = aliases[text] ?? aliases[text.lowercased()] { return value }
        error(column, YAMLMessage.notOneOf(text, choices, suggestion: YAMLReader.closest(to: text, in: choices)))
        return nil
    }
}
