import Foundation
import Testing
import YubeiCore
@testable import YubeiDrills
import YubeiTestSupport

@Suite("Records CSV: encodings, date forms, every row error with its row number")
struct RecordsReaderTests {
    let organizations = [
        Organization(id: "hengda-chem", name: "恒达化工有限公司", kind: .enterprise, sectors: ["hazardous-chemicals"],
                     plans: [EmergencyPlan(id: "tank-leak")]),
        Organization(id: "tuxi-town", name: "土溪镇人民政府", kind: .township),
    ]
    static let header = "organization,date,type,form,plan,participants,evaluation_report,reported_to_county\n"

    func read(_ data: Data, name: String = "records.csv") throws(InputError) -> (records: [DrillRecord], warnings: Diagnostics, encoding: RecordsEncoding) {
        let path = Scratch().write(name, data)
        return try DrillRecordsReader.read(path: path, organizations: organizations)
    }

    @Test("UTF-8, UTF-8 with BOM and GB18030 give the same records")
    func encodings() throws {
        let text = "单位备注,organization,date,type,form,plan,participants,evaluation_report,reported_to_county\n"
            + "恒达化工,hengda-chem,2026-03-14,onsite,live,tank-leak,35,yes,yes\n"
            + "土溪镇,tuxi-town,2026/9/1,综合,实战,,120,是,否\n"
        let plain = try read(Data(text.utf8))
        let bom = try read(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let gbData = try #require(TextDecoding.gb18030Data(text))
        #expect(gbData != Data(text.utf8))
        let gb = try read(gbData)
        #expect(plain.encoding == .utf8 && bom.encoding == .utf8WithBOM && gb.encoding == .gb18030)
        #expect(plain.records.withoutFile == bom.records.withoutFile && bom.records.withoutFile == gb.records.withoutFile)
        #expect(plain.records.count == 2)
        #expect(plain.records[1].withoutFile == DrillRecord(organization: "tuxi-town", date: d("2026-09-01"), type: .comprehensive,
                                                form: .live, participants: 120, evaluationReport: .yes,
                                                reportedToCounty: .no, row: 3))
    }

    @Test("GB18030 bytes written by hand: 恒达化工 is BA E3 B4 EF BB AF B9 A4")
    func knownGB18030Bytes() throws {
        let bytes = Data([0xBA, 0xE3, 0xB4, 0xEF, 0xBB, 0xAF, 0xB9, 0xA4])
        #expect(TextDecoding.gb18030(bytes) == "恒达化工")
        #expect(TextDecoding.gb18030Data("恒达化工") == bytes)
        #expect(TextDecoding.gb18030Data("年月日") == Data([0xC4, 0xEA, 0xD4, 0xC2, 0xC8, 0xD5]))
        // A file whose only non-ASCII text is that name, in an extra column.
        let file = Data((Self.header.dropLast() + ",note\n").utf8)
            + Data("hengda-chem,2026".utf8) + Data([0xC4, 0xEA]) + Data("3".utf8) + Data([0xD4, 0xC2])  // 年, 月
            + Data("14".utf8) + Data([0xC8, 0xD5])  // 日
            + Data(",onsite,live,tank-leak,35,yes,yes,".utf8) + bytes + Data("\n".utf8)
        let result = try read(file)
        #expect(result.encoding == .gb18030)
        #expect(result.records.map(\.date) == [d("2026-03-14")])
        // Bytes that are neither UTF-8 nor GB18030.
        let broken = Data(Self.header.utf8) + Data([0x80, 0xFF, 0xFF, 0x0A])
        #expect(messages { _ = try read(broken) }.first?.contains("neither UTF-8 nor GB18030") == true)
    }

    @Test("each date form", arguments: ["2026-03-14", "2026-3-14", "2026/3/14", "2026/03/14", "2026年3月14日"])
    func dateForms(text: String) throws {
        let result = try read(Data((Self.header + "hengda-chem,\(text),onsite,live,,,yes,yes\n").utf8))
        #expect(result.records.map(\.date) == [d("2026-03-14")])
    }

    @Test("every bad row reported with its row number, all in one run")
    func rowErrors() {
        let text = Self.header
            + "hengda-chem,2026-03-14,onsite,live,tank-leak,35,yes,yes\n"  // 2: good
            + "hengda-chme,2026-03-15,onsite,live,,,yes,yes\n"  // 3: unknown organisation (typo)
            + "hengda-chem,2026-02-30,onsite,live,,,yes,yes\n"  // 4: impossible date
            + "hengda-chem,14.03.2026,onsite,live,,,yes,yes\n"  // 5: not a date
            + "hengda-chem,2026-03-16,drill,live,,,yes,yes\n"  // 6: unknown type
            + "hengda-chem,2026-03-17,onsite,online,,,yes,yes\n"  // 7: unknown form
            + "hengda-chem,2026-03-18,onsite,live,,,maybe,yes\n"  // 8: bad yes/no
            + "hengda-chem,2026-03-19,onsite,live,,many,yes,\n"  // 9: participants, empty reported_to_county
            + "hengda-chem,2026-03-20,onsite,live\n"  // 10: too few fields
            + "\n"  // 11: blank, skipped
            + ",2026-03-21,onsite,live,,,yes,yes\n"  // 12: empty organisation
            + "\"tuxi-town\",\"2026-03-22\",special,tabletop,\"line one\nline two\",5,yes,yes\n"  // 13: quoted newline, good
            + "nobody,2026-02-29,fire,live,,,yes,yes\n"  // 14: three errors in one row
        let found = messages { _ = try read(Data(text.utf8), name: "records.csv") }
        let rows = found.map { String($0.split(separator: ":")[0...1].joined(separator: ":").split(separator: "/").last!) }
        #expect(rows == ["records.csv:3", "records.csv:4", "records.csv:5", "records.csv:6", "records.csv:7",
                         "records.csv:8", "records.csv:9", "records.csv:9", "records.csv:10", "records.csv:10",
                         "records.csv:10", "records.csv:12",
                         "records.csv:14", "records.csv:14", "records.csv:14"])
        #expect(found.allSatisfy { $0.contains(": error: ") })
        #expect(found[0].hasSuffix("column 'organization': unknown organisation 'hengda-chme' (not in the organisations file); did you mean 'hengda-chem'?"))
        #expect(found[1].hasSuffix("column 'date': '2026-02-30' is not a real date (no such day in that month)"))
        #expect(found[2].contains("column 'date': '14.03.2026' is not a date"))
        #expect(found[3].contains("column 'type': 'drill' is not one of comprehensive, special, onsite"))
        #expect(found[4].contains("column 'form': 'online' is not one of live, tabletop"))
        #expect(found[5].contains("column 'evaluation_report': 'maybe' is not one of yes, no, planned"))
        #expect(found[6].contains("column 'participants': 'many'"))
        #expect(found[7].contains("column 'reported_to_county': empty"))
        #expect(found[8].contains("the row has 4 fields but the header has 8"))
        #expect(found[9].contains("column 'evaluation_report': empty"))
        #expect(found[11].contains("column 'organization': empty"))
        #expect(found[12].contains("unknown organisation 'nobody'"))
        #expect(found[13].contains("'2026-02-29' is not a real date"))
        #expect(found[14].contains("'fire' is not one of"))
    }

    @Test("29 February is a real date in 2028")
    func leapDay() throws {
        let result = try read(Data((Self.header + "hengda-chem,2028-02-29,onsite,live,,,yes,yes\n").utf8))
        #expect(result.records.map(\.date) == [d("2028-02-29")])
    }

    @Test("a missing column is reported on row 1, with a hint when a header is misspelt")
    func missingColumn() {
        let found = messages { _ = try read(Data("organization,date,typ,form,evaluation_report\nhengda-chem,2026-03-14,onsite,live,yes\n".utf8)) }
        #expect(found.count == 2)
        #expect(found[0].contains("records.csv:1: error: missing column 'type'"))
        #expect(found[0].contains("is 'typ' meant to be 'type'?"))
        #expect(found[1].contains("missing column 'reported_to_county'"))
        #expect(messages { _ = try read(Data()) }.first?.contains("records.csv:1: error: the file is empty") == true)
        let twice = messages { _ = try read(Data("organization,date,date,type,form,evaluation_report,reported_to_county\n".utf8)) }
        #expect(twice.count == 1 && twice[0].contains("records.csv:1: error: column 'date' appears twice"))
    }

    @Test("plan and participants columns may be left out; header names are trimmed and case-free; extra columns kept out")
    func optionalColumns() throws {
        let result = try read(Data(" Organization , DATE,type,form,evaluation_report,reported_to_county,备注\nhengda-chem,2026-01-02,special,tabletop,planned,no,年初\n".utf8))
        #expect(result.records.withoutFile == [DrillRecord(organization: "hengda-chem", date: d("2026-01-02"), type: .special,
                                               form: .tabletop, evaluationReport: .planned, reportedToCounty: .no, row: 2)])
    }

    @Test("a plan the organisation does not list is a warning, not an error")
    func unknownPlan() throws {
        let result = try read(Data((Self.header + "hengda-chem,2026-03-14,onsite,live,pump,,yes,yes\n").utf8))
        #expect(result.records.count == 1)
        #expect(result.warnings.warnings.first?.description.contains("records.csv:2: warning: column 'plan': 'pump'") == true)
    }

    @Test("RFC 4180: quotes, doubled quotes, CRLF, a quoted field left open")
    func csv() {
        guard case .success(let rows) = CSVParser.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\nx,\"1\r\n2\",y\r\nlast,,") else {
            Issue.record("did not parse"); return
        }
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows[0].fields == ["a", "b,c", "say \"hi\""])
        #expect(rows[1].fields == ["x", "1\r\n2", "y"])
        #expect(rows[2].fields == ["last", "", ""])
        guard case .failure(let error) = CSVParser.parse("a,b\nc,\"open\nd,e\n") else { Issue.record("parsed"); return }
        #expect(error.row == 2)
    }

    @Test("records written by DrillRecordsCSV read back the same")
    func roundTrip() throws {
        let records = [DrillRecord(organization: "hengda-chem", date: d("2026-03-14"), type: .onsite, form: .live,
                                   plan: "tank-leak", participants: 35, evaluationReport: .planned,
                                   reportedToCounty: .planned, row: 2)]
        #expect(try read(Data(DrillRecordsCSV.text(records).utf8)).records.withoutFile == records)
    }
}
