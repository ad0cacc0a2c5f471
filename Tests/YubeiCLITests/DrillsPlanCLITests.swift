import Foundation
import Testing
import YubeiTestSupport

private let countyOrgs = """
jurisdiction: 渠县
rules: [national, quxian-2021]
organizations:
  - {id: quxian-gov, name: 渠县人民政府, kind: county-government}
  - {id: tuxi-town, name: 土溪镇人民政府, kind: township, hazards: [flood]}
  - {id: yingji-ju, name: 县应急管理局, kind: department}
  - {id: hengda-chem, name: 恒达化工有限公司, kind: enterprise, sectors: [hazardous-chemicals], unavailable: [{from: 2027-03-01, to: 2027-03-31}]}
  - {id: shiyan-school, name: 渠县实验小学, kind: school}
  - {id: xingfu-kg, name: 幸福幼儿园, kind: kindergarten}
  - {id: wanda-mall, name: 万达广场, kind: venue, sectors: [fire-key-unit]}
"""

private let heldRecords = """
organization,date,type,form,plan,participants,evaluation_report,reported_to_county
hengda-chem,2027-01-14,onsite,live,tank-leak,35,yes,yes
shiyan-school,2027/1/8,special,live,,300,yes,yes
"""

@Suite("yubei drills plan: end to end")
struct DrillsPlanCLITests {
    @Test("writes plan.csv/ics/md/html; the plan read back leaves nothing missed in yubei drills check")
    func planThenCheck() throws {
        let dir = try scratchFolder(texts: ["orgs.yaml": countyOrgs, "records.csv": heldRecords])
        let run = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--records", "records.csv",
                             "--observers-per-week", "3", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["plan.csv", "plan.ics", "plan.md", "plan.html"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(name)").path), "\(name) missing")
        }
        let csv = try String(contentsOf: dir.appendingPathComponent("out/plan.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.hasSuffix(",planned,planned") })
        #expect(!rows.contains { $0.hasPrefix("shiyan-school,2027-01-") })  // January already held
        #expect(!rows.contains { $0.hasPrefix("hengda-chem,2027-03-") })    // unavailable in March

        // Before the plan the held drills leave quotas missed; with it, nothing.
        let before = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2027", "--json"], in: dir)
        #expect(before.status == 1)
        let combined = heldRecords + "\n" + rows.joined(separator: "\n") + "\n"
        try Data(combined.utf8).write(to: dir.appendingPathComponent("all.csv"))
        let after = try runYubei(["drills", "check", "orgs.yaml", "all.csv", "--year", "2027", "--json"], in: dir)
        #expect(after.status == 0, "\(after.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["missed"] == 0)

        // plan.ics, read strictly (RFC 5545 §3.1): CRLF only, physical lines ≤ 75 octets,
        // continuation lines start with a space; one VEVENT per row with a unique UID, a DTSTAMP
        // and all-day DTSTART/DTEND on the CSV's dates.
        let ics = try String(contentsOf: dir.appendingPathComponent("out/plan.ics"), encoding: .utf8)
        #expect(ics.hasSuffix("\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        var physical = ics.components(separatedBy: "\r\n")
        physical.removeLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        var logical: [String] = []
        for line in physical {
            if line.hasPrefix(" ") { logical[logical.count - 1] += line.dropFirst() } else { logical.append(line) }
        }
        #expect(logical.first == "BEGIN:VCALENDAR" && logical.last == "END:VCALENDAR")
        let events = logical.split(separator: "BEGIN:VEVENT").dropFirst().map { Array($0.prefix { $0 != "END:VEVENT" }) }
        #expect(events.count == rows.count)
        let uids = events.compactMap { $0.first { $0.hasPrefix("UID:") } }
        #expect(Set(uids).count == rows.count)
        #expect(events.allSatisfy { e in e.contains { $0.hasPrefix("DTSTAMP:") && $0.hasSuffix("Z") } })
        let starts = events.compactMap { $0.first { $0.hasPrefix("DTSTART;VALUE=DATE:") }?.dropFirst(19) }.sorted()
        let csvDates = rows.map { $0.split(separator: ",")[1].replacingOccurrences(of: "-", with: "") }.sorted()
        #expect(starts.map(String.init) == csvDates)
        #expect(events.allSatisfy { e in e.contains { $0.hasPrefix("DTEND;VALUE=DATE:") } })
        let md = try String(contentsOf: dir.appendingPathComponent("out/plan.md"), encoding: .utf8)
        #expect(md.contains("恒达化工有限公司"))
        #expect(md.contains("How well the preferences were met"))
        #expect(md.contains("ESTIMATE"))
        let html = try String(contentsOf: dir.appendingPathComponent("out/plan.html"), encoding: .utf8)
        #expect(html.contains("<table class=\"cal\">"))
        #expect(html.contains("万达广场"))
    }

    @Test("no plan: exit 2, the blocking blackout is named, and nothing is written")
    func blackoutMakesItImpossible() throws {
        let calendar = """
        year: 2027
        holidays:
          - {name: 全月停产检修, from: 2027-03-01, to: 2027-03-31}
        """
        let dir = try scratchFolder(texts: ["orgs.yaml": countyOrgs, "cal.yaml": calendar])
        let run = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--calendar", "cal.yaml",
                             "--quiet", "--json"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("shiyan-school"))
        // March is a term month (the shipped terms: spring term from 2027-02-22), so its drill is owed.
        #expect(run.stderr.contains("school-evacuation-month 2027-03"))
        #expect(run.stderr.contains("全月停产检修 2027-03-01…2027-03-31"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "no-plan")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/plan.csv").path))
    }

    @Test("no plan: a team that is too small is named with its month")
    func teamTooSmall() throws {
        let orgs = """
        rules: [pack.yaml]
        organizations:
          - {id: a, name: 甲厂, kind: enterprise}
          - {id: b, name: 乙厂, kind: enterprise}
        """
        let pack = """
        - {id: march-drill, applies_to: {kind: enterprise}, every: month, at_least: 1, types: [comprehensive], source: test}
        """
        let settings = """
        teams:
          - {id: fire-rescue, name: 县消防救援大队, per_month: 1, joins: {types: [comprehensive]}}
        """
        let dir = try scratchFolder(texts: ["orgs.yaml": orgs, "pack.yaml": pack, "settings.yaml": settings])
        let run = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--settings", "settings.yaml", "--quiet"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("县消防救援大队 (fire-rescue, ≤ 1 a month), 2027-01: 2 drills need it"))
    }

    @Test("bad settings and calendar files: every problem with its position, exit 65, nothing written")
    func badInputs() throws {
        let settings = """
        observers: {per_week: -1}
        weights: {season: ten, balanse: 1}
        teams:
          - {id: fire-rescue, per_month: 2, joins: {kinds: [factory]}}
        seasons:
          - {hazard: flood, from: 13-01, to: 05-31}
        """
        let calendar = "year: 2027\nholidays:\n  - {name: 春节, from: 2027-02-30, to: 2027-02-10}\n"
        let dir = try scratchFolder(texts: ["orgs.yaml": countyOrgs, "settings.yaml": settings, "cal.yaml": calendar])
        let run = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--settings", "settings.yaml",
                             "--calendar", "cal.yaml"], in: dir)
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("settings.yaml:1:") && $0.contains("observers.per_week") })
        #expect(lines.contains { $0.hasPrefix("settings.yaml:2:") && $0.contains("weights.season") })
        #expect(lines.contains { $0.hasPrefix("settings.yaml:2:") && $0.contains("balanse") && $0.contains("balance") })
        #expect(lines.contains { $0.hasPrefix("settings.yaml:4:") && $0.contains("factory") })
        #expect(lines.contains { $0.hasPrefix("settings.yaml:6:") && $0.contains("13-01") })
        #expect(lines.contains { $0.hasPrefix("cal.yaml:3:") && $0.contains("not a real date") })
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("a year without a shipped calendar is a usage error")
    func noCalendarForYear() throws {
        let dir = try scratchFolder(texts: ["orgs.yaml": countyOrgs])
        let run = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2031", "--out", "out"], in: dir)
        #expect(run.status == 64)
        #expect(run.stderr.contains("--calendar"))
    }

    @Test("--records from a file and a folder: a 2-year duty due in the plan year is placed by its due date; no school drill outside the terms; the check of plan and history leaves nothing missed")
    func historyAcrossFiles() throws {
        let orgs = """
        rules: [national]
        organizations:
          - {id: tuxi-town, name: 土溪镇人民政府, kind: township}
          - {id: shiyan-school, name: 渠县实验小学, kind: school}
        """
        let header = "organization,date,type,form,plan,participants,evaluation_report,reported_to_county\n"
        let dir = try scratchFolder(texts: ["orgs.yaml": orgs,
                                            "2025.csv": header + "tuxi-town,2025-04-20,special,live,,80,yes,yes\n"])
        let towns = dir.appendingPathComponent("towns")
        try FileManager.default.createDirectory(at: towns, withIntermediateDirectories: true)
        // The same 2025 drill again in the township's own file: counted once.
        try Data((header + "tuxi-town,2025/4/20,special,live,,80,yes,yes\n").utf8).write(to: towns.appendingPathComponent("tuxi.csv"))
        let run = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--records", "2025.csv",
                                "--records", "towns", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: dir.appendingPathComponent("out/plan.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        // tuxi-town's 2-year duty (708号 第八条第一款) falls due on 2027-04-20: its drill by then.
        let town = rows.filter { $0[0] == "tuxi-town" }
        #expect(!town.isEmpty && town.contains { $0[1] <= "2027-04-20" })
        // Shipped 2027 terms (estimated): 2026-09-01…2027-01-22, 2027-02-22…2027-07-02, 2027-09-01…2028-01-14.
        let school = rows.filter { $0[0] == "shiyan-school" }.map { $0[1] }
        let inTerm = { (date: String) in
            ("2027-01-01"..."2027-01-22").contains(date) || ("2027-02-22"..."2027-07-02").contains(date) || date >= "2027-09-01"
        }
        #expect(school.count >= 9 && school.allSatisfy(inTerm), "\(school)")
        #expect(!school.contains { $0.hasPrefix("2027-07") || $0.hasPrefix("2027-08") || $0.hasPrefix("2027-02") })
        let check = try runYubei(["drills", "check", "orgs.yaml", "2025.csv", "towns", "out/plan.csv", "--year", "2027", "--json"],
                                 in: dir)
        #expect(check.status == 0, "\(check.stdout)")
    }
}
