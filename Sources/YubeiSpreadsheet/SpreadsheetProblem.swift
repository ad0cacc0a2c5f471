/// Something wrong with a workbook: the whole file, one sheet, or one cell.
///
/// The reader does not word messages for people; it says what is wrong as a ``Kind`` and where,
/// and the caller (YubeiCore's tables) turns it into `FILE[SHEET]:CELL: error: …`.
public struct SpreadsheetProblem: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The bytes are not a zip archive (or a damaged one).
        case notZip(String)
        /// A part every workbook has is missing (`xl/workbook.xml`, a sheet's part).
        case missingPart(String)
        /// A part is not well-formed XML.
        case badXML(part: String, detail: String)
        /// A part would inflate to more than ``Workbook/maximumPartBytes``.
        case partTooLarge(part: String, bytes: Int)
        /// A part is encrypted or in a format other than Office Open XML (an .xls renamed, say).
        case notWorkbook
        /// No sheet of that name; the names there are.
        case noSuchSheet(String, available: [String])
        /// The workbook has no sheets.
        case noSheets
        /// A cell refers to a shared string that does not exist.
        case badSharedString(Int)
        /// A number cell whose text is not a number.
        case badNumber(String)
        /// A date cell outside the calendar (before 1900-01-01, the fictitious 1900-02-29, after 9999).
        case badDate(Double)
        /// A cell reference attribute that cannot be read.
        case badReference(String)
    }

    public var kind: Kind
    /// The sheet, when the problem is inside one.
    public var sheet: String?
    /// The cell, when the problem is one cell's.
    public var cell: CellReference?

    public init(_ kind: Kind, sheet: String? = nil, cell: CellReference? = nil) {
        self.kind = kind
        self.sheet = sheet
        self.cell = cell
    }
}
