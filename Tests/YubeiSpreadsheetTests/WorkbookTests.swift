import Foundation
import Testing
@testable import YubeiSpreadsheet

@Suite("Workbook: shared and inline strings, numbers, booleans, dates in both systems, empty rows")
struct WorkbookTests {
    @Test("every kind of cell of a hand-assembled SpreadsheetML part comes out as Excel shows it")
    func cellKinds() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: WorkbookFixtures.path("inline.xlsx")))
        let workbook = try Workbook(data: data)
        #expect(workbook.sheetNames == ["乡镇 "])
        #expect(workbook.date1904)
        let sheet = try workbook.sheet(named: "乡镇")  // a trailing space in the sheet's name is forgiven
        #expect(sheet.rows.map(\.number) == [1, 3, 4])  // row 2 is empty and absent
        let header = sheet.rows[0]
        #expect(header.value(at: 0) == .text("编号"))
        #expect(header.value(at: 1) == .text("名称 "))  // rich-text runs joined, the phonetic run left out
        #expect(header.value(at: 2) == .text("日期"))  // a formula's text result
        let first = sheet.rows[1]
        #expect(first.value(at: 0) == .text("xunzhong"))  // shared string
        #expect(first.value(at: 1) == .text("浔中镇"))  // inline string
        // 44998 days after 1904-01-01 (the 1904 system), custom format yyyy"年"m"月"d"日".
        #expect(first.value(at: 2) == .date(CellDate(year: 2027, month: 3, day: 14)))
        #expect(first.value(at: 3) == .boolean(true))
        #expect(first.value(at: 4) == .number(140366))
        let second = sheet.rows[2]
        #expect(second.value(at: 0) == .text("gekeng"))  // a shared string of two runs
        #expect(second.value(at: 1) == nil)
        #expect(second.value(at: 2) == .date(CellDate(year: 1904, month: 1, day: 1)))  // built-in format 14
        #expect(second.value(at: 3) == .boolean(false))
        #expect(second.value(at: 4) == .number(2.5))  // 0.00"d": the d is a literal, not a day
        #expect(second.value(at: 6) == .error("#DIV/0!"))
    }

    @Test("a sheet that is not there names the ones that are, and the closest")
    func missingSheet() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: WorkbookFixtures.path("county.xlsx")))
        let workbook = try Workbook(data: data)
        #expect(workbook.sheetNames == ["乡镇", "仓库", "避难场所", "队伍"])
        #expect(throws: SpreadsheetProblem(.noSuchSheet("仓库2", available: ["乡镇", "仓库", "避难场所", "队伍"]))) {
            _ = try workbook.sheet(named: "仓库2")
        }
    }

    @Test("bytes that are not a workbook are refused, an old .xls by name")
    func notWorkbooks() {
        #expect(throws: SpreadsheetProblem(.notWorkbook)) { _ = try Workbook(data: Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0])) }
        #expect(throws: (any Error).self) { _ = try Workbook(data: Data("PK\u{3}\u{4}not really a zip".utf8)) }
    }

    @Test("a part that would inflate past the limit is refused before it fills memory")
    func inflationLimit() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: WorkbookFixtures.path("county.xlsx")))
        _ = try Workbook(data: data)
        do {
            _ = try Workbook(data: data, maximumPartBytes: 600)
            Issue.record("a part larger than the limit was inflated")
        } catch {
            guard case .partTooLarge = error.kind else { Issue.record("\(error)"); return }
        }
    }

    @Test("Excel serial numbers: 1900 system with its fictitious 29 February, and the 1904 system")
    func serials() {
        // Worked out by hand: serial 1 = 1900-01-01; 59 = 1900-02-28; 60 = 1900-02-29, which never was;
        // from 61 on, days after 1899-12-30. 46095 = 2026-03-14 (Python: date(1899,12,30)+46095 days).
        #expect(CellDate.fromSerial(1, date1904: false) == CellDate(year: 1900, month: 1, day: 1))
        #expect(CellDate.fromSerial(59, date1904: false) == CellDate(year: 1900, month: 2, day: 28))
        #expect(CellDate.fromSerial(60, date1904: false) == nil)
        #expect(CellDate.fromSerial(61, date1904: false) == CellDate(year: 1900, month: 3, day: 1))
        #expect(CellDate.fromSerial(46095.75, date1904: false) == CellDate(year: 2026, month: 3, day: 14))
        #expect(CellDate.fromSerial(0, date1904: false) == nil)
        // 1904 system: 0 = 1904-01-01, and the same day is 1462 less than in the 1900 system.
        #expect(CellDate.fromSerial(0, date1904: true) == CellDate(year: 1904, month: 1, day: 1))
        #expect(CellDate.fromSerial(46095 - 1462, date1904: true) == CellDate(year: 2026, month: 3, day: 14))
        #expect(CellDate.fromSerial(-1, date1904: true) == nil)
    }

    @Test("cell addresses: letters both ways")
    func references() {
        #expect(CellReference.letters(0) == "A" && CellReference.letters(25) == "Z")
        #expect(CellReference.letters(26) == "AA" && CellReference.letters(701) == "ZZ" && CellReference.letters(702) == "AAA")
        #expect(CellReference("C14") == CellReference(column: 2, row: 14))
        #expect(CellReference("aa10") == CellReference(column: 26, row: 10))
        #expect(CellReference("14C") == nil && CellReference("C0") == nil && CellReference("") == nil)
        for column in [0, 1, 25, 26, 51, 52, 701, 702, 16383] {
            #expect(CellReference(CellReference(column: column, row: 7).description) == CellReference(column: column, row: 7))
        }
    }
}
