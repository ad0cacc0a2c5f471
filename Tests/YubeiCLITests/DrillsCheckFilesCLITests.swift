import Foundation
import Testing
import YubeiTestSupport

/// `yubei drills check ORGS RECORDS...`: several files and folders, duplicates, the report duty
/// under a bureau's own pack, school terms from `--calendar`, and the warnings on standard error.
@Suite("yubei drills check: many record files, duplicates, warnings")
struct DrillsCheckFilesCLITests {
    static let orgs = """
    jurisdiction: 渠县
    rules: [bureau.yaml]
    organizations:
      - {id: hengda-chem, name: 恒达化工有限公司, kind: enterprise, sectors: [hazardous-chemicals]}
      - {id: tuxi-town, name: 土溪镇人民政府, kind: township}
      - {id: linba-town, name: 临巴镇人民政府, kind: township}
    """

    /// A bureau's own pack: no `report_to_county` anywhere.
    static let pack = """
    - id: enterprise-year
      applies_to: {kind: enterprise}
      every: year
      source: 县局自定
    - id: township-year
      applies_to: {kind: township}
      every: year
      source: 县局自定
    """

    static let header = "organization,date,type,form,plan,participants,evaluation_report,reported_to_county\n"

    func folder() throws -> URL {
        let dir = try scratchFolder(texts: [
            "orgs.yaml": Self.orgs, "bureau.yaml": Self.pack,
            "county.csv": Self.header + "hengda-chem,2026-03-14,onsite,live,tank-leak,35,yes,no\n",
        ])
        let towns = dir.appendingPathComponent("towns")
        try FileManager.default.createDirectory(at: towns, withIntermediateDirectories: true)
        // tuxi's March file repeats the county's hengda row (row 3) and adds its own drill.
        try Data((Self.header + "tuxi-town,2026-03-20,special,live,,80,yes,yes\nhengda-chem,2026/3/14,onsite,live,tank-leak,35,yes,no\n").utf8)
            .write(to: towns.appendingPathComponent("tuxi-2026-03.csv"))
        try Data("not records\n".utf8).write(to: towns.appendingPathComponent("readme.txt"))
        return dir
    }

    @Test("a file and a folder: a drill listed in both counts once, reported with both positions; the sector duty holds under a bureau's pack")
    func filesAndFolder() throws {
        let dir = try folder()
        let run = try runYubei(["drills", "check", "orgs.yaml", "county.csv", "towns", "--year", "2026", "--as-of", "2026-12-31",
                                "--json"], in: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        let lines = results.map { "\($0["organization"]!) \($0["rule"]!) \($0["done"]!) \($0["status"]!)" }
        // hengda: one drill though listed twice; tuxi: its own file's drill; linba: none (2026 not ended on 12-31).
        #expect(lines == ["hengda-chem enterprise-year 1 met", "tuxi-town township-year 1 met", "linba-town township-year 0 due"])
        #expect(run.status == 0)
        // The hazardous-chemicals unit did not report its drill: a finding, though the bureau's pack says nothing of it.
        let findings = try #require(json["findings"] as? [[String: String]])
        #expect(findings == [["organization": "hengda-chem", "date": "2026-03-14", "issue": "not-reported-to-county"]])
        let duplicates = try #require(json["duplicates"] as? [[String: String]])
        #expect(duplicates == [["organization": "hengda-chem", "date": "2026-03-14", "type": "onsite", "plan": "tank-leak",
                                "first": "county.csv:2", "duplicate": "towns/tuxi-2026-03.csv:3"]])
        #expect(run.stderr.contains("towns/tuxi-2026-03.csv:3: warning: the same drill as county.csv:2"))
        #expect(run.stderr.contains("yubei: warning: linba-town (临巴镇人民政府) has no drill on record at all"))
    }

    @Test("each file's problems carry its own name; all files in one run; exit 65")
    func errorsPerFile() throws {
        let dir = try folder()
        try Data((Self.header + "tuxi,2026-03-20,special,live,,80,yes,yes\n").utf8)
            .write(to: dir.appendingPathComponent("towns/tuxi-2026-04.csv"))
        try Data((Self.header + "hengda-chem,2026-02-30,onsite,live,,1,yes,yes\n").utf8)
            .write(to: dir.appendingPathComponent("bad.csv"))
        let run = try runYubei(["drills", "check", "orgs.yaml", "bad.csv", "towns", "--year", "2026"], in: dir)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("bad.csv:2: error: column 'date'"))
        #expect(run.stderr.contains("towns/tuxi-2026-04.csv:2: error: column 'organization': unknown organisation 'tuxi'"))
    }

    @Test("warning: no record falls in the checked year (exit status unchanged)")
    func noRecordInYear() throws {
        let dir = try folder()
        let run = try runYubei(["drills", "check", "orgs.yaml", "county.csv", "towns", "--year", "1999"], in: dir)
        #expect(run.status == 1)  // every 1999 quota missed, as before
        #expect(run.stderr.contains("yubei: warning: no record falls in 1999 (2 records read, none dated in 1999)"))
    }

    @Test("warning: records dated after --as-of do not count")
    func recordsAfterAsOf() throws {
        let dir = try folder()
        let run = try runYubei(["drills", "check", "orgs.yaml", "county.csv", "towns", "--year", "2026", "--as-of", "2026-03-15"],
                               in: dir)
        #expect(run.status == 0)
        #expect(run.stderr.contains("yubei: warning: 1 records are dated after the as-of date 2026-03-15 (the latest 2026-03-20); they do not count"))
        // Nothing after as-of: no such warning.
        let later = try runYubei(["drills", "check", "orgs.yaml", "county.csv", "towns", "--year", "2026", "--as-of", "2026-03-20"],
                                 in: dir)
        #expect(!later.stderr.contains("dated after"))
    }

    @Test("warning: an organisation with no record at all; none when every organisation has one")
    func organizationWithoutRecords() throws {
        let dir = try folder()
        let run = try runYubei(["drills", "check", "orgs.yaml", "county.csv", "--year", "2026"], in: dir)
        #expect(run.stderr.contains("yubei: warning: tuxi-town (土溪镇人民政府) has no drill on record at all"))
        #expect(run.stderr.contains("yubei: warning: linba-town (临巴镇人民政府) has no drill on record at all"))
        #expect(!run.stderr.contains("hengda-chem (恒达化工有限公司) has no drill"))
        try Data((Self.header + "linba-town,2025-05-01,special,live,,80,yes,yes\n").utf8).write(to: dir.appendingPathComponent("linba.csv"))
        let all = try runYubei(["drills", "check", "orgs.yaml", "county.csv", "towns", "linba.csv", "--year", "2026"], in: dir)
        #expect(!all.stderr.contains("no drill on record"))
        // linba's 2025 drill is a record, not one of 2026: its 2026 quota is missed, exit 1.
        #expect(all.status == 1)
    }

    @Test("--calendar with terms: a school's monthly duty follows the bureau's terms")
    func calendarTerms() throws {
        let orgs = """
        rules: [national]
        organizations:
          - {id: school, name: 渠县实验小学, kind: school}
        """
        // The bureau's 2026 terms: spring term to 17 July, so July is a term month (17 of 31 days).
        let calendar = """
        year: 2026
        terms:
          - {name: 春季学期, from: 2026-02-24, to: 2026-07-17}
          - {name: 秋季学期, from: 2026-09-01, to: 2027-01-20}
        """
        let dir = try scratchFolder(texts: ["orgs.yaml": orgs, "cal.yaml": calendar,
                                            "records.csv": Self.header + "school,2026-05-10,special,live,,600,yes,yes\n"])
        func months(_ arguments: [String]) throws -> [String] {
            let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--json"] + arguments, in: dir)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let results = try #require(json["results"] as? [[String: Any]])
            return results.filter { $0["rule"] as? String == "school-evacuation-month" }.map { $0["period"] as! String }
        }
        // Shipped (estimated) 2026 terms: January, March–June, September–December.
        #expect(try months([]) == ["2026-01", "2026-03", "2026-04", "2026-05", "2026-06", "2026-09", "2026-10", "2026-11", "2026-12"])
        // The bureau's: January has 0 term days (the 2025 autumn term is not in this file), February 5 of 28, July 17 of 31.
        #expect(try months(["--calendar", "cal.yaml"]) == ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-09",
                                                           "2026-10", "2026-11", "2026-12"])
    }

    @Test("the notice and the 30-day look-ahead show a 2-year duty's due date")
    func noticeShowsDueDate() throws {
        let orgs = """
        jurisdiction: 渠县
        rules: [national]
        organizations:
          - {id: linba-town, name: 临巴镇人民政府, kind: township, township: 临巴镇, registered: 2024-12-20}
        """
        let dir = try scratchFolder(texts: ["orgs.yaml": orgs, "records.csv": Self.header])
        let md = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-12-05",
                               "--format", "md", "--lang", "zh"], in: dir)
        #expect(md.status == 0)
        // No drill on record: due two years after registration, 2026-12-20, within 30 days of 5 December.
        let dueSection = try #require(md.stdout.components(separatedBy: "## 未来30天内到期事项").last?.components(separatedBy: "## ").first)
        #expect(dueSection.contains("| 临巴镇人民政府 | 临巴镇 | 乡镇人民政府、街道办事处至少每2年组织1次应急救援预案演练 | 2026-12-20前（自2024-12-20起） | 2026-12-20 | 1 | 0 |"),
                "\(dueSection)")
        let en = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-12-05",
                               "--format", "md", "--lang", "en"], in: dir)
        #expect(en.stdout.contains("due 2026-12-20 (since 2024-12-20)"))
        let json = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-12-05", "--json"],
                                in: dir)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.first { $0["rule"] as? String == "township-708-8-1-two-years" }?["due"] as? String == "2026-12-20")
        #expect(results.first { $0["rule"] as? String == "fire-other-unit-61-year" }?["due"] == nil)
        let soon = try #require(document["due_soon"] as? [[String: Any]])
        #expect(soon.map { "\($0["rule"]!) \($0["period"]!) \($0["ends"]!)" }
                == ["township-708-8-1-two-years 2024-12-20/2026-12-20 2026-12-20", "fire-other-unit-61-year 2026 2026-12-31"])
    }
}
