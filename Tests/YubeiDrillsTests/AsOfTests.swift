import Testing
@testable import YubeiDrills

/// FORMATS.md §3: "A period has ended when --as-of is after its last day; only drills dated on or
/// before --as-of count. Without --as-of the year is judged from the first day of the next year:
/// every period inside it has ended, and a window reaching past it is judged due, never missed."
@Suite("As-of semantics exactly as the spec states")
struct AsOfTests {
    let halfYear = Rule(id: "h", appliesTo: Applicability(kinds: [.enterprise]), every: .halfYear, source: "test")
    let twoYears = Rule(id: "g", appliesTo: Applicability(kinds: [.township]), every: .twoYears, source: "test")
    let firm = Organization(id: "firm", name: "恒达化工", kind: .enterprise)
    let town = Organization(id: "town", name: "土溪镇", kind: .township)

    @Test("as-of on the last day of H1: H1 has not ended (due); the day after: missed")
    func lastDay() {
        let orgs = registry([halfYear], [firm])
        #expect(statuses(DrillCheck.run(orgs: orgs, records: [], year: 2026, asOf: d("2026-06-30")), "firm", "h")
                == ["2026-H1": .due, "2026-H2": .due])
        #expect(statuses(DrillCheck.run(orgs: orgs, records: [], year: 2026, asOf: d("2026-07-01")), "firm", "h")
                == ["2026-H1": .missed, "2026-H2": .due])
    }

    @Test("a drill dated on as-of counts; one dated the day after does not")
    func drillsUpToAsOf() {
        let orgs = registry([halfYear], [firm])
        let onDay = DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-05-10")], year: 2026, asOf: d("2026-05-10"))
        #expect(statuses(onDay, "firm", "h")["2026-H1"] == .met)
        let dayAfter = DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-05-11")], year: 2026, asOf: d("2026-05-10"))
        #expect(statuses(dayAfter, "firm", "h")["2026-H1"] == .due)
        #expect(dayAfter.results.first?.done == 0)
        // A later as-of that has H1 ended and the drill counted.
        let later = DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-05-11")], year: 2026, asOf: d("2026-07-01"))
        #expect(statuses(later, "firm", "h") == ["2026-H1": .met, "2026-H2": .due])
    }

    @Test("without as-of: judged from 1 January of the next year; every period of the year has ended")
    func defaultAsOf() {
        let orgs = registry([halfYear, twoYears], [firm, town])
        let report = DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-12-31")], year: 2026)
        #expect(report.asOf == d("2027-01-01"))
        #expect(!report.asOfGiven)
        #expect(statuses(report, "firm", "h") == ["2026-H1": .missed, "2026-H2": .met])
        // No drill on record: the 2-year duty runs from 1 January 2026 and falls due 2028-01-01: due, never missed.
        #expect(statuses(report, "town", "g") == ["2026-01-01/2028-01-01": .due])
        #expect(report.anyMissed)
    }

    @Test("a 2-year duty with no drill is missed only once as-of is after its due date")
    func windowPastTheYear() {
        let orgs = registry([twoYears], [town])
        #expect(statuses(DrillCheck.run(orgs: orgs, records: [], year: 2026, asOf: d("2028-01-01")), "town", "g")
                == ["2026-01-01/2028-01-01": .due])
        #expect(statuses(DrillCheck.run(orgs: orgs, records: [], year: 2026, asOf: d("2028-01-02")), "town", "g")
                == ["2026-01-01/2028-01-01": .missed])
        // A drill in the next year counts once as-of reaches it.
        let held = [drill("town", "2027-04-01")]
        #expect(statuses(DrillCheck.run(orgs: orgs, records: held, year: 2026), "town", "g") == ["2026-01-01/2028-01-01": .due])
        #expect(statuses(DrillCheck.run(orgs: orgs, records: held, year: 2026, asOf: d("2027-04-01")), "town", "g")
                == ["2027-04-01/2029-04-01": .met])
    }

    @Test("met stands even before the period ends; done counts every drill, not capped")
    func metEarly() {
        let orgs = registry([halfYear], [firm])
        let report = DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-01-05"), drill("firm", "2026-02-05")],
                                    year: 2026, asOf: d("2026-03-01"))
        #expect(report.results[0].status == .met && report.results[0].done == 2)
        #expect(report.summaryCounts == (1, 0, 1))
    }

    @Test("what falls due in the next 30 days: short results whose period ends by as-of + 30")
    func dueSoon() {
        let monthly = Rule(id: "m", appliesTo: Applicability(kinds: [.school]), every: .month, source: "test")
        let school = Organization(id: "school", name: "渠县中学", kind: .school)
        let orgs = registry([monthly, halfYear], [school, firm])
        let report = DrillCheck.run(orgs: orgs, records: [drill("school", "2026-06-03")], year: 2026, asOf: d("2026-06-10"))
        // June is met; July ends 31 July > 10 June + 30 = 10 July; H1 (ends 30 June) is short.
        #expect(report.dueSoon.map { "\($0.organization) \($0.period.label)" } == ["firm 2026-H1"])
        let report2 = DrillCheck.run(orgs: orgs, records: [], year: 2026, asOf: d("2026-06-10"))
        #expect(report2.dueSoon.map { "\($0.organization) \($0.period.label)" } == ["firm 2026-H1", "school 2026-06"])
    }
}

extension DrillCheckReport {
    var summaryCounts: (Int, Int, Int) { (count(.met), count(.missed), count(.due)) }
}
