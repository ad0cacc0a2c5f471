import Foundation
import Testing
import YubeiCore
import YubeiDrills
import YubeiTestSupport

@Suite("Drill records kept in Excel: the same records as the CSV, Chinese headers, every bad cell by sheet and cell")
struct RecordsWorkbookTests {
    let organizations = [
        Organization(id: "hengda-chem", name: "恒达化工有限公司", kind: .enterprise, sectors: ["hazardous-chemicals"],
                     plans: [EmergencyPlan(id: "tank-leak")]),
        Organization(id: "tuxi-town", name: "土溪镇人民政府", kind: .township),
        Organization(id: "quxian-gov", name: "渠县人民政府", kind: .countyGovernment),
    ]

    /// Records without their row numbers (a workbook's rows are its own).
    func contents(_ records: [DrillRecord]) -> [DrillRecord] {
        records.map { var r = $0; r.row = 0; r.file = ""; return r }
    }

    @Test("a workbook written by openpyxl (title row, Chinese headers, names for ids, date cells, TRUE/FALSE, an empty row) reads as its CSV")
    func workbookEqualsCSV() throws {
        let csv = try DrillRecordsReader.read(path: WorkbookFixtures.path("records.csv"), organizations: organizations)
        let xlsx = try DrillRecordsReader.read(path: WorkbookFixtures.path("records.xlsx"), organizations: organizations)
        #expect(csv.records.count == 4)
        #expect(contents(xlsx.records) == contents(csv.records))
        #expect(xlsx.records.map(\.row) == [4, 5, 7, 8])  // the sheet's own rows: title, blank, header, an empty row
        #expect(csv.records[1].organization == "quxian-gov" && csv.records[1].date.description == "2026-06-30")
        let mac = try DrillRecordsReader.read(path: WorkbookFixtures.path("records-1904.xlsx"), organizations: organizations)
        #expect(contents(mac.records) == contents(csv.records))
    }

    @Test("every bad cell at once as FILE[SHEET]:CELL, with the closest organisation name suggested")
    func badCells() throws {
        let path = try WorkbookFixtures.path("bad-records.xlsx")
        do {
            _ = try DrillRecordsReader.read(path: path, organizations: organizations)
            Issue.record("bad records were accepted")
        } catch {
            let lines = error.diagnostics.errors.map(\.description)
            #expect(lines.count == 4, "\(lines)")
            #expect(lines.contains("\(path)[记录]:B2: error: column '演练日期': '2026-02-30' is not a real date (no such day in that month)"))
            #expect(lines.contains { $0.hasPrefix("\(path)[记录]:A3: error: column '单位名称': unknown organisation '渠县政府'")
                && $0.contains("'渠县人民政府' (quxian-gov)") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("\(path)[记录]:C4: error: column '演练类型': '#N/A' is not one of") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("\(path)[记录]:F4: error: column '参演人数': '2.5'") }, "\(lines)")
        }
    }

    @Test("a missing sheet is named with the ones there; a header missing a column names its Chinese names")
    func sheetAndHeader() throws {
        let county = try WorkbookFixtures.path("county.xlsx")
        do {
            _ = try CSVTable.load(path: county, sheet: "避难所", required: ["id"])
            Issue.record("a missing sheet was accepted")
        } catch {
            let message = error.diagnostics.errors.first?.description ?? ""
            #expect(message.contains("[避难所]: error: no sheet named '避难所'") || message.contains(": error: no sheet named '避难所'"), "\(message)")
            #expect(message.contains("'避难场所'"), "\(message)")
        }
        do {
            _ = try CSVTable.load(path: county, sheet: "仓库", required: ["id", "population"],
                                  aliases: ["id": ["编号"], "population": ["人口", "常住人口"]])
            Issue.record("a missing column was accepted")
        } catch {
            let message = error.diagnostics.errors.first?.description ?? ""
            #expect(message.contains("county.xlsx[仓库]:1: error: missing column 'population' (or '人口', '常住人口')"), "\(message)")
        }
    }

    @Test("Chinese header variants, spacing, full-width forms and bracketed units name the same column")
    func headerVariants() throws {
        let folder = try scratchFolder(texts: [
            "a.csv": "单位,日期,类型,形式,评估报告,是否上报\nhengda-chem,2026.3.14,现场处置,实战,是,否\n",
            "b.csv": " 单位名称 ,演练日期（年月日）,演练类型*,演练形式,是否评估,上报\n恒达化工有限公司,2026年3月14日,onsite,live,yes,no\n",
            "c.csv": "organization,DATE,type,form,evaluation_report,reported_to_county\nhengda-chem,2026-3-14,onsite,live,有,无\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = DrillRecord(organization: "hengda-chem", date: CalendarDate(year: 2026, month: 3, day: 14)!,
                                   type: .onsite, form: .live, evaluationReport: .yes, reportedToCounty: .no)
        for name in ["a.csv", "b.csv", "c.csv"] {
            let read = try DrillRecordsReader.read(path: folder.appendingPathComponent(name).path, organizations: organizations)
            #expect(contents(read.records) == [expected], "\(name)")
        }
    }

    @Test("the drills command reads .xlsx records and refuses bad ones with exit 65 and every cell")
    func commandLine() throws {
        let orgs = """
        jurisdiction: 渠县
        rules: [national]
        organizations:
          - {id: quxian-gov, name: 渠县人民政府, kind: county-government}
          - {id: tuxi-town, name: 土溪镇人民政府, kind: township}
          - {id: hengda-chem, name: 恒达化工有限公司, kind: enterprise, sectors: [hazardous-chemicals], plans: [tank-leak]}
        """
        let folder = try scratchFolder(texts: ["orgs.yaml": orgs])
        defer { try? FileManager.default.removeItem(at: folder) }
        let orgsPath = folder.appendingPathComponent("orgs.yaml").path
        let good = try runYubei(["drills", "check", orgsPath, WorkbookFixtures.path("records.xlsx"), "--year", "2026", "--json"])
        let fromCSV = try runYubei(["drills", "check", orgsPath, WorkbookFixtures.path("records.csv"), "--year", "2026", "--json"])
        #expect(good.status == fromCSV.status && good.status != 65, "\(good.stderr)")
        #expect(good.stdout == fromCSV.stdout)
        // A folder of records files takes workbooks too (an Excel lock file `~$…` is passed over).
        let records = folder.appendingPathComponent("records")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WorkbookFixtures.path("records.xlsx"), toPath: records.appendingPathComponent("2026.xlsx").path)
        try Data("not a workbook".utf8).write(to: records.appendingPathComponent("~$2026.xlsx"))
        let fromFolder = try runYubei(["drills", "check", orgsPath, records.path, "--year", "2026", "--json"])
        #expect(fromFolder.status == fromCSV.status, "\(fromFolder.stderr)")
        #expect(fromFolder.stdout == fromCSV.stdout)
        let bad = try runYubei(["drills", "check", orgsPath, WorkbookFixtures.path("bad-records.xlsx"), "--year", "2026"])
        #expect(bad.status == 65)
        #expect(bad.stdout.isEmpty)
        for cell in ["B2", "A3", "C4", "F4"] { #expect(bad.stderr.contains("bad-records.xlsx[记录]:\(cell): error:"), "\(bad.stderr)") }
        // In Chinese: the same places, the messages in Chinese.
        let zh = try runYubei(["drills", "check", orgsPath, WorkbookFixtures.path("bad-records.xlsx"), "--year", "2026", "--lang", "zh"])
        #expect(zh.status == 65)
        #expect(zh.stderr.contains("bad-records.xlsx[记录]:B2: error: 列 '演练日期'：'2026-02-30' 不是真实的日期（该月没有这一天）"), "\(zh.stderr)")
        #expect(zh.stderr.contains("bad-records.xlsx[记录]:A3: error: 列 '单位名称'：未知的单位 '渠县政府'（单位名录中没有）；是否应为 '渠县人民政府' (quxian-gov)？"),
                "\(zh.stderr)")
        #expect(zh.stderr.contains("bad-records.xlsx[记录]:C4: error: 列 '演练类型'：'#N/A' 不在可选值 comprehensive、special、onsite 之中"), "\(zh.stderr)")
    }
}

@Suite("Organisations kept in a workbook")
struct OrganizationsWorkbookTests {
    @Test("an organisations sheet with Chinese headers, kinds and sectors gives the organisations of the inline file")
    func sameOrganizations() throws {
        let table = try OrganizationsFile.load(path: WorkbookFixtures.path("orgs-table.yaml"))
        let inline = try OrganizationsFile.load(path: WorkbookFixtures.path("orgs-inline.yaml"))
        func summary(_ o: Organization) -> String {
            "\(o.id)|\(o.name)|\(o.kind.rawValue)|\(o.sectors.joined(separator: ","))|\(o.plans.map(\.id).joined(separator: ","))"
        }
        #expect(table.organizations.count == 3)
        #expect(table.organizations.map(summary) == inline.organizations.map(summary))
    }
}
