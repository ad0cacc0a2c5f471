import YubeiSpreadsheet

/// A place in an input file that a message points at.
///
/// YAML and JSON nodes have a line and a column; CSV rows have a row number only
/// (the header is row 1), and a file-level problem has neither.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The file as the user named it.
    public var file: String
    /// 1-based line (or CSV row), if known.
    public var line: Int?
    /// 1-based column, if known.
    public var column: Int?
    /// The worksheet of an Excel workbook; `line` is then the row and `column` the 1-based column,
    /// written as a cell (`county.xlsx[乡镇]:C14`).
    public var sheet: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `FILE:LINE:COL`, `FILE:ROW` or `FILE`; in a workbook `FILE[SHEET]:C14`, `FILE[SHEET]:14` or
    /// `FILE[SHEET]`.
    public var description: String {
        if let sheet {
            let place = "\(file)[\(sheet)]"
            switch (line, column) {
            case let (line?, column?): return "\(place):\(CellReference.letters(column - 1))\(line)"
            case let (line?, nil): return "\(place):\(line)"
            default: return place
            }
        }
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column)"
        case let (line?, nil): return "\(file):\(line)"
        default: return file
        }
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0) < (b.file, b.line ?? 0, b.column ?? 0)
    }
}

/// One problem (or remark) found in the user's input, printed compiler-style:
/// `FILE:LINE:COL: error: MESSAGE`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The message in Chinese, when the reader that found the problem words it in both languages.
    public var zh: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// A diagnostic worded in both languages.
    public init(_ severity: Severity, at location: SourceLocation, _ phrase: Phrase) {
        self.init(severity, at: location, phrase.en)
        self.zh = phrase.zh
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// One terminal line: control characters in the path or the message (which may quote the
    /// input) are shown escaped, and a line break cannot forge a second diagnostic.
    public var description: String {
        SafeText.terminal("\(location.description): \(severity.rawValue): \(message)")
    }

    /// The line in `language`: the message in Chinese when it has a Chinese form. `error`/`warning`
    /// stay as they are, for editors and scripts that read `FILE:LINE:COL: error:`.
    public func description(in language: Language) -> String {
        guard language == .zh, let zh else { return description }
        return SafeText.terminal("\(location.description): \(severity.rawValue): \(zh)")
    }
}

/// Diagnostics collected while reading input, so that every problem is reported in one run.
///
/// The first ``listedLimit`` are kept and listed; beyond them problems are only counted
/// (``omitted``), so that a file of a million bad rows is reported in bounded memory and time.
/// Appending is O(1); ``hasErrors`` is O(1).
public struct Diagnostics: Sendable, Hashable {
    /// How many diagnostics are kept and listed in one run.
    public static let listedLimit = 100_000

    public private(set) var all: [Diagnostic] = []
    /// Errors found, listed or not.
    public private(set) var errorCount = 0
    /// Diagnostics found beyond ``listedLimit``: counted, not kept.
    public private(set) var omitted = 0

    public init(_ all: [Diagnostic] = []) {
        for diagnostic in all { append(diagnostic) }
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errorCount += 1 }
        if all.count < Self.listedLimit { all.append(diagnostic) } else { omitted += 1 }
    }

    public mutating func append(contentsOf other: Diagnostics) {
        let listedErrors = other.all.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) }
        for diagnostic in other.all { append(diagnostic) }
        errorCount += other.errorCount - listedErrors
        omitted += other.omitted
    }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        append(.error(at: location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        append(.warning(at: location, message))
    }

    public mutating func error(_ location: SourceLocation, _ phrase: Phrase) {
        append(Diagnostic(.error, at: location, phrase))
    }

    public mutating func warning(_ location: SourceLocation, _ phrase: Phrase) {
        append(Diagnostic(.warning, at: location, phrase))
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }

    /// `N more problems not listed (…)` when some were only counted, else `nil`.
    public var omittedSummary: String? { omittedSummary(in: .en) }

    /// ``omittedSummary`` in `language`.
    public func omittedSummary(in language: Language) -> String? {
        omitted == 0 ? nil : Phrase(en: "\(omitted) more problems not listed (the first \(Self.listedLimit) are above)",
                                    zh: "另有 \(omitted) 个问题未列出（以上为前 \(Self.listedLimit) 个）")(language)
    }

    /// Throws ``InputError`` carrying every diagnostic when any is an error.
    public func throwIfErrors() throws(InputError) {
        if hasErrors { throw InputError(diagnostics: self) }
    }
}

/// Input that cannot be used: the command prints every diagnostic and exits 65 (`EX_DATAERR`).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: Diagnostics

    public init(diagnostics: Diagnostics) { self.diagnostics = diagnostics }

    public init(_ diagnostic: Diagnostic) { self.diagnostics = Diagnostics([diagnostic]) }

    public var description: String {
        (diagnostics.all.map(\.description) + [diagnostics.omittedSummary].compactMap { $0.map { "yubei: error: \($0)" } })
            .joined(separator: "\n")
    }
}
