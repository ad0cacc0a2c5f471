import Foundation
import Testing
import YubeiCore
import YubeiTestSupport
@testable import YubeiDrills
import YubeiTestSupport

/// The library entry points the commands call: reading and cross-checking every input file.
@Suite("Reading the inputs of check and plan; new keys of orgs, packs and calendars")
struct InputsTests {
    static let orgs = """
    rules: [pack.yaml]
    organizations:
      - {id: town, name: 临巴镇人民政府, kind: township, registered: 2024-03-01}
      - {id: school, name: 渠县实验小学, kind: school}
    """
    static let pack = """
    - id: g
      applies_to: {kind: township}
      every: 2-years
      since: 2021
      source: 国务院令第708号 第八条第一款
    - id: m
      applies_to: {kind: school}
      every: month
      during: school-term
      months: [3, 4, 5, 6, 9, 10, 11, 12]
      source: 教基一厅〔2014〕2号
    """
    static let header = "organization,date,type,form,plan,participants,evaluation_report,reported_to_county\n"

    @Test("registered, since (a year or a date), months and during are read")
    func newKeys() throws {
        let scratch = Scratch()
        let path = scratch.write("orgs.yaml", Self.orgs)
        scratch.write("pack.yaml", Self.pack.replacingOccurrences(of: "since: 2021", with: "since: 2021-04-01"))
        let registry = try OrganizationsFile.load(path: path)
        #expect(registry.organization("town")?.registered == d("2024-03-01"))
        let rules = registry.rules
        #expect(rules[0].since == d("2021-04-01"))
        #expect(rules[1].months == [3, 4, 5, 6, 9, 10, 11, 12] && rules[1].during == .schoolTerm)
        scratch.write("pack.yaml", Self.pack)
        #expect(try OrganizationsFile.load(path: path).rules[0].since == d("2021-01-01"))
    }

    @Test("bad months, during, since and registered: each at its line and column")
    func badKeys() {
        let scratch = Scratch()
        let path = scratch.write("orgs.yaml", Self.orgs.replacingOccurrences(of: "registered: 2024-03-01", with: "registered: 2024-02-30"))
        scratch.write("pack.yaml", Self.pack.replacingOccurrences(of: "since: 2021", with: "since: soon")
            .replacingOccurrences(of: "during: school-term", with: "during: term")
            .replacingOccurrences(of: "months: [3, 4", with: "months: [13, 4, 4"))
        let found = messages { _ = try OrganizationsFile.load(path: path) }
        #expect(found.contains { $0.hasSuffix("pack.yaml:4:10: error: [0].since: 'soon' is not a date (write 2021-04-01, or a year)") }, "\(found)")
        #expect(found.contains { $0.contains("[1].during: 'term' is not one of school-term") })
        #expect(found.contains { $0.contains("[1].months[0]: expected a month 1–12, found 13") })
        #expect(found.contains { $0.contains("[1].months[2]: month 4 is listed twice") })
        #expect(found.contains { $0.hasPrefix("\(path):3:") && $0.contains("organizations[0].registered: '2024-02-30' is not a real date") })
    }

    @Test("calendar terms: read with the years around; a term with no day in the year is an error")
    func calendarTerms() throws {
        let scratch = Scratch()
        let good = scratch.write("good.yaml", """
        year: 2027
        terms:
          - {name: 秋季学期, from: 2026-09-01, to: 2027-01-22}
          - {name: 春季学期, from: 2027-02-22, to: 2027-07-02}
        terms_source: 渠县教育局 2026—2027 学年校历
        """)
        let calendar = try HolidayCalendar.load(path: good)
        #expect(calendar.terms?.map(\.name) == ["秋季学期", "春季学期"])
        #expect(calendar.termsSource == "渠县教育局 2026—2027 学年校历")
        #expect(calendar.schoolTerms.termMonths(in: 2027) == [1, 3, 4, 5, 6])
        let bad = scratch.write("bad.yaml", """
        year: 2027
        terms:
          - {name: 旧学期, from: 2026-02-20, to: 2026-07-01}
          - {name: 远学期, from: 2029-02-20, to: 2029-07-01}
        """)
        let found = messages { _ = try HolidayCalendar.load(path: bad) }
        #expect(found.contains { $0.hasPrefix("\(bad):3:") && $0.contains("terms[0]: the term 2026-02-20…2026-07-01 has no day in 2027") })
        #expect(found.contains { $0.hasPrefix("\(bad):4:") && $0.contains("terms[1].from: 2029-02-20 is not in or next to the calendar's year 2027") })
        // The shipped calendars give terms for 2026–2028, marked as estimates.
        for year in 2026...2028 {
            let shipped = try #require(try HolidayCalendar.shipped(year: year))
            #expect(shipped.terms.map { !$0.isEmpty && $0.allSatisfy(\.isEstimated) } == true)
            #expect(!shipped.termsSource.isEmpty)
        }
        #expect(SchoolTerms.shipped.termMonths(in: 2028) == [2, 3, 4, 5, 6, 9, 10, 11, 12])
    }

    @Test("check inputs: files and folders, every file's errors under its own name, the calendars' terms")
    func checkInputs() throws {
        let scratch = Scratch()
        let orgs = scratch.write("orgs.yaml", Self.orgs)
        scratch.write("pack.yaml", Self.pack)
        let a = scratch.write("a.csv", Self.header + "town,2025-05-01,special,live,,40,yes,yes\n")
        scratch.write("towns/01.csv", Self.header + "school,2026-03-05,special,live,,600,yes,yes\n")
        scratch.write("towns/02.csv", Self.header + "town,2025-05-01,special,live,,40,yes,yes\n")
        scratch.write("towns/notes.txt", "ignored")
        let calendar = scratch.write("cal.yaml", "year: 2026\nterms: [{name: 春, from: 2026-03-02, to: 2026-07-10}]\n")
        let folder = scratch.url.appendingPathComponent("towns").path
        let inputs = try DrillCheckInputs.read(orgs: orgs, records: [a, folder], calendars: [calendar])
        #expect(inputs.records.map(\.position) == [a + ":2", folder + "/01.csv:2", folder + "/02.csv:2"])
        #expect(inputs.terms.termMonths(in: 2026) == [3, 4, 5, 6])
        let report = inputs.check(year: 2026, asOf: nil)
        #expect(report.duplicates.map { "\($0.kept.position) \($0.duplicate.position)" } == ["\(a):2 \(folder)/02.csv:2"])
        #expect(statuses(report, "town", "g") == ["2025-05-01/2027-05-01": .met])
        // March met; April–June missed (the bureau's terms: March–June only, and `months:` keeps them).
        #expect(statuses(report, "school", "m") == ["2026-03": .met, "2026-04": .missed, "2026-05": .missed, "2026-06": .missed])

        scratch.write("towns/03.csv", Self.header + "nobody,2026-03-05,special,live,,600,yes,yes\n")
        let bad = scratch.write("bad.csv", Self.header + "town,2026-13-01,special,live,,40,yes,yes\n")
        let found = messages { _ = try DrillCheckInputs.read(orgs: orgs, records: [bad, folder]) }
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("\(bad):2: error: column 'date'"))
        #expect(found[1].hasPrefix("\(folder)/03.csv:2: error: column 'organization': unknown organisation 'nobody'"))
        let empty = scratch.url.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(messages { _ = try DrillCheckInputs.read(orgs: orgs, records: [empty]) }
                == ["\(empty): error: the folder holds no records file (.csv, .xlsx)"])
        // Two calendars for one year.
        #expect(messages { _ = try DrillCheckInputs.read(orgs: orgs, records: [a], calendars: [calendar, calendar]) }
                .contains { $0.contains("is a calendar for 2026 too") })
    }

    @Test("plan inputs: held drills from files and folders, duplicates once; the calendar's terms; every error together")
    func planInputs() throws {
        let scratch = Scratch()
        let orgs = scratch.write("orgs.yaml", Self.orgs)
        scratch.write("pack.yaml", Self.pack)
        let a = scratch.write("a.csv", Self.header + "town,2025-05-01,special,live,,40,yes,yes\n")
        let b = scratch.write("b.csv", Self.header + "town,2025-05-01,special,live,,40,yes,yes\n")
        let calendar = scratch.write("cal.yaml", "year: 2027\nterms: [{name: 春, from: 2027-03-01, to: 2027-06-30}]\n")
        let inputs = try DrillPlanInputs.read(orgs: orgs, year: 2027, calendar: calendar, records: [a, b], observersPerWeek: 3)
        #expect(inputs.held.count == 1)
        #expect(inputs.settings.observers?.perWeek == 3)
        #expect(inputs.terms.termMonths(in: 2027) == [3, 4, 5, 6])
        let problem = inputs.problem(year: 2027)
        #expect(problem.obligations.filter { $0.organization == "school" }.map(\.period) == ["2027-03", "2027-04", "2027-05", "2027-06"])
        #expect(problem.obligations.first { $0.organization == "town" }?.last == d("2027-05-01"))
        // The one entry point the command calls: plan, then check the plan with the held drills.
        guard case .planned(let plan) = try inputs.plan(year: 2027) else {
            Issue.record("no plan")
            return
        }
        #expect(plan.drills.filter { $0.organization == "town" }.allSatisfy { $0.date <= d("2027-05-01") })
        #expect(plan.drills.filter { $0.organization == "school" }.allSatisfy { (3...6).contains($0.date.month) })
        #expect(!plan.check(registry: inputs.registry, held: inputs.held, terms: inputs.terms).anyMissed)

        let wrongYear = scratch.write("cal2026.yaml", "year: 2026\n")
        let settings = scratch.write("settings.yaml", "teams: [{id: fire, per_month: 2, joins: {organizations: [ghost]}}]\n")
        let found = messages {
            _ = try DrillPlanInputs.read(orgs: orgs, year: 2027, calendar: wrongYear, records: [a], settings: settings)
        }
        #expect(found.contains { $0.hasPrefix("\(wrongYear):1:1: error: year: the calendar is for 2026, but --year is 2027") })
        #expect(found.contains { $0.contains("organizations: 'ghost' is not an organisation of \(orgs)") })
    }
}
