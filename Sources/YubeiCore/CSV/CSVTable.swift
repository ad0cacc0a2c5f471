import Foundation
import YubeiSpreadsheet

/// A CSV file with a header, read for validation: decoded (UTF-8, UTF-8 with BOM or GB18030, as
/// Excel saves it), parsed with row numbers (RFC 4180, header = row 1), header names trimmed and
/// lower-cased, required columns checked.
///
/// Every problem of the file or its header (unreadable, not text, not CSV, no header, a missing,
/// repeated or misspelt column) is thrown at once as `FILE:ROW: error: …`; the rows themselves are
/// the caller's to check.
public struct CSVTable: Sendable {
    /// The path messages name.
    public let path: String
    /// The encoding the file was read in (UTF-8 for a workbook, whose XML is UTF-8).
    public let encoding: CSVEncoding
    /// The worksheet, when the table came from an Excel workbook (.xlsx); messages then name cells.
    public let sheet: String?
    /// Column name (trimmed, lower case, or the canonical name a Chinese alias stands for) → index,
    /// from the header row.
    public let columns: [String: Int]
    /// The header as written, by column index (for messages in the planner's own words).
    public let header: [String]
    /// Data rows that are not blank, with their row numbers (header = 1 in a CSV file; in a
    /// workbook the sheet's own row numbers).
    public let rows: [CSVParser.Row]
    /// Number of columns in the header.
    public let width: Int

    /// Reads the file at `path`: CSV, or an Excel workbook (.xlsx, recognised by its bytes) whose
    /// sheet `sheet` (the first when `nil`) holds the table under a header row (its first non-empty row).
    ///
    /// - Parameters:
    ///   - required: columns the header must name (lower case).
    ///   - optional: columns the header may name; shown in messages, and never offered as the
    ///     misspelling of a required one.
    ///   - aliases: other names of a column (Chinese names: `单位名称` for `organization`), keyed by
    ///     the column's name. Matching ignores case, spaces, full-width forms, a trailing `*` and a
    ///     trailing bracketed note (`人口（人）`).
    /// - Throws: ``InputError`` with every problem of the file or its header.
    /// - Complexity: O(n) in the size of the file.
    public static func load(
        path: String, sheet: String? = nil, required: [String], optional: [String] = [], aliases: [String: [String]] = [:]
    ) throws(InputError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path), InputText.unreadableFile(path)))
        }
        return try CSVTable(data: data, path: path, sheet: sheet, required: required, optional: optional, aliases: aliases)
    }

    /// Reads CSV or workbook bytes; messages name `path`.
    ///
    /// - Throws: ``InputError`` with every problem of the text or its header.
    /// - Complexity: O(n) in the size of `data`.
    public init(
        data: Data, path: String, sheet: String? = nil, required: [String], optional: [String] = [],
        aliases: [String: [String]] = [:]
    ) throws(InputError) {
        let parsed: [CSVParser.Row]
        let encoding: CSVEncoding
        var sheetName: String?
        if Workbook.looksLikeWorkbook(data) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            let worksheet = try SheetTable.read(data: data, path: path, sheet: sheet)
            parsed = worksheet.rows
            sheetName = worksheet.sheet
            encoding = .utf8
        } else {
            guard let (text, decoded) = TextDecoding.decode(data) else {
                let (line, column) = YAMLFile.firstInvalidUTF8Position(in: data)
                throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: line, column: column), CSVMessage.notText))
            }
            switch CSVParser.parse(text) {
            case .success(let rows): parsed = rows
            case .failure(let error): throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: error.row), error.phrase))
            }
            encoding = decoded
        }
        let names = ColumnNames(known: required + optional, aliases: aliases)
        let headerIndex = sheetName == nil ? 0 : Self.headerRow(parsed, names: names, known: Set(required + optional))
        guard headerIndex < parsed.count, !Self.isBlank(parsed[headerIndex]) else {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: 1, sheet: sheetName), CSVMessage.empty(required, optional)))
        }
        let header = parsed[headerIndex]
        var diagnostics = Diagnostics()
        let headerLocation = SourceLocation(file: path, line: header.number, sheet: sheetName)
        var columns: [String: Int] = [:]
        var written: [String: String] = [:]
        for (index, raw) in header.fields.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let name = names.canonical(trimmed)
            if columns[name] != nil {
                let first = written[name] ?? name
                diagnostics.error(headerLocation, first == trimmed || first.lowercased() == trimmed.lowercased()
                    ? CSVMessage.duplicateColumn(name) : CSVMessage.sameColumnTwice(first, trimmed, name))
                continue
            }
            columns[name] = index
            written[name] = trimmed
        }
        let unknown = columns.keys.filter { !required.contains($0) && !optional.contains($0) }.sorted()
        for name in required where columns[name] == nil {
            diagnostics.error(headerLocation, CSVMessage.missingColumn(name, required, optional, aliases: aliases[name] ?? [],
                                                                       guess: YAMLReader.closest(to: name, in: unknown)))
        }
        // Control characters are refused at reading, never carried into a report (SafeText).
        let columnNames = Dictionary(columns.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        for row in parsed {
            for (index, field) in row.fields.enumerated() {
                if let c = SafeText.firstControl(in: field) {
                    diagnostics.error(SourceLocation(file: path, line: row.number, column: sheetName == nil ? nil : index + 1,
                                                     sheet: sheetName),
                                      CSVMessage.controlCharacter(column: columnNames[index], field: index + 1, SafeText.codePoint(c)))
                }
            }
        }
        try diagnostics.throwIfErrors()
        self.path = path
        self.encoding = encoding
        self.sheet = sheetName
        self.columns = columns
        self.header = header.fields
        self.rows = parsed[(headerIndex + 1)...].filter { !Self.isBlank($0) }
        self.width = header.fields.count
    }

    /// The header row of a worksheet: among the first ten non-blank rows, the first naming two
    /// known columns (one, for a one-column format), so a title row above the table is passed over;
    /// else the first non-blank row.
    private static func headerRow(_ rows: [CSVParser.Row], names: ColumnNames, known: Set<String>) -> Int {
        let nonBlank = rows.indices.filter { !isBlank(rows[$0]) }
        let wanted = min(2, known.count)
        for index in nonBlank.prefix(10) {
            let matches = rows[index].fields.filter { !$0.isEmpty && known.contains(names.canonical($0)) }.count
            if matches >= wanted { return index }
        }
        return nonBlank.first ?? 0
    }

    /// Whether every field of `row` is blank.
    private static func isBlank(_ row: CSVParser.Row) -> Bool {
        row.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The trimmed cell of `column` in `row`, `nil` when the column is absent or the row too short.
    public func cell(_ row: CSVParser.Row, _ column: String) -> String? {
        guard let index = columns[column], index < row.fields.count else { return nil }
        let raw = row.fields[index]
        // Trimming through Foundation costs more than the rest of reading a cell; most need none.
        let padded = raw.unicodeScalars.first.map { $0.properties.isWhitespace } == true
            || raw.unicodeScalars.last.map { $0.properties.isWhitespace } == true
        return SafeText.csvValue(padded ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw)
    }

    /// The location of `row` for a diagnostic.
    public func location(_ row: CSVParser.Row) -> SourceLocation { SourceLocation(file: path, line: row.number, sheet: sheet) }

    /// The location of one cell for a diagnostic: the cell (`C14`) in a workbook, the row in a CSV file.
    public func location(_ row: CSVParser.Row, column: String?) -> SourceLocation {
        guard let sheet, let column, let index = columns[column] else { return location(row) }
        return SourceLocation(file: path, line: row.number, column: index + 1, sheet: sheet)
    }

    /// How the header names `column` (its Chinese name when the file uses one), for messages.
    public func writtenName(_ column: String) -> String {
        guard let index = columns[column], index < header.count else { return column }
        let written = header[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return written.lowercased() == column ? column : "\(written)"
    }
}
