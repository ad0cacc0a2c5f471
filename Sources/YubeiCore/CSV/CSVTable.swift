import Foundation

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
    /// The encoding the file was read in.
    public let encoding: CSVEncoding
    /// Column name (trimmed, lower case) → index, from the header row.
    public let columns: [String: Int]
    /// Data rows that are not blank, with their row numbers (header = 1).
    public let rows: [CSVParser.Row]
    /// Number of columns in the header.
    public let width: Int

    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - required: columns the header must name (lower case).
    ///   - optional: columns the header may name; shown in messages, and never offered as the
    ///     misspelling of a required one.
    /// - Throws: ``InputError`` with every problem of the file or its header.
    /// - Complexity: O(n) in the size of the file.
    public static func load(path: String, required: [String], optional: [String] = []) throws(InputError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let why = !exists ? CSVMessage.noSuchFile : isDirectory.boolValue ? CSVMessage.isDirectory : CSVMessage.unreadable
            throw InputError(.error(at: SourceLocation(file: path), why))
        }
        return try CSVTable(data: data, path: path, required: required, optional: optional)
    }

    /// Reads CSV bytes; messages name `path`.
    ///
    /// - Throws: ``InputError`` with every problem of the text or its header.
    /// - Complexity: O(n) in the size of `data`.
    public init(data: Data, path: String, required: [String], optional: [String] = []) throws(InputError) {
        guard let (text, encoding) = TextDecoding.decode(data) else {
            let (line, column) = YAMLFile.firstInvalidUTF8Position(in: data)
            throw InputError(.error(at: SourceLocation(file: path, line: line, column: column), CSVMessage.notText))
        }
        let parsed: [CSVParser.Row]
        switch CSVParser.parse(text) {
        case .success(let rows): parsed = rows
        case .failure(let error): throw InputError(.error(at: SourceLocation(file: path, line: error.row), error.message))
        }
        guard let header = parsed.first, !Self.isBlank(header) else {
            throw InputError(.error(at: SourceLocation(file: path, line: 1), CSVMessage.empty(required, optional)))
        }
        var diagnostics = Diagnostics()
        let headerLocation = SourceLocation(file: path, line: 1)
        var columns: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if name.isEmpty { continue }
            if columns[name] != nil {
                diagnostics.error(headerLocation, CSVMessage.duplicateColumn(name))
                continue
            }
            columns[name] = index
        }
        let unknown = columns.keys.filter { !required.contains($0) && !optional.contains($0) }.sorted()
        for name in required where columns[name] == nil {
            var message = CSVMessage.missingColumn(name, required, optional)
            if let guess = YAMLReader.closest(to: name, in: unknown) { message += "; " + CSVMessage.misspeltColumn(guess, name) }
            diagnostics.error(headerLocation, message)
        }
        // Control characters are refused at reading, never carried into a report (SafeText).
        let names = Dictionary(columns.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        for row in parsed {
            for (index, field) in row.fields.enumerated() {
                if let c = SafeText.firstControl(in: field) {
                    let column = names[index].map { "column '\($0)'" } ?? "field \(index + 1)"
                    diagnostics.error(SourceLocation(file: path, line: row.number),
                                      "\(column): contains the control character \(SafeText.codePoint(c)); remove it")
                }
            }
        }
        try diagnostics.throwIfErrors()
        self.path = path
        self.encoding = encoding
        self.columns = columns
        self.rows = parsed.dropFirst().filter { !Self.isBlank($0) }
        self.width = header.fields.count
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
    public func location(_ row: CSVParser.Row) -> SourceLocation { SourceLocation(file: path, line: row.number) }
}
