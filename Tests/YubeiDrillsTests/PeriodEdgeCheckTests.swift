import Testing
@testable import YubeiDrills

@Suite("Period edges through the check: which quota a drill on the edge counts for")
struct PeriodEdgeCheckTests {
    let firm = Organization(id: "firm", name: "恒达化工", kind: .enterprise)
    let school = Organization(id: "school", name: "渠县中学", kind: .school)
    let half = Rule(id: "h", appliesTo: Applicability(kinds: [.enterprise]), every: .halfYear, source: "t")
    let year = Rule(id: "y", appliesTo: Applicability(kinds: [.enterprise]), every: .year, source: "t")
    let twoYears = Rule(id: "g", appliesTo: Applicability(kinds: [.enterprise]), every: .twoYears, source: "t")
    let monthly = Rule(id: "m", appliesTo: Applicability(kinds: [.school]), every: .month, source: "t")
    let quarterly = Rule(id: "q", appliesTo: Applicability(kinds: [.school]), every: .quarter, source: "t")

    @Test("a drill on 30 June counts for H1 only; one on 1 July for H2 only")
    func midYear() {
        let orgs = registry([half], [firm])
        #expect(statuses(DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-06-30")], year: 2026), "firm", "h")
                == ["2026-H1": .met, "2026-H2": .missed])
        #expect(statuses(DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-07-01")], year: 2026), "firm", "h")
                == ["2026-H1": .missed, "2026-H2": .met])
    }

    @Test("31 December counts for the year and H2; 1 January of the next year for neither, but for a 2-year window")
    func yearEnd() {
        let orgs = registry([half, year, twoYears], [firm])
        let dec31 = DrillCheck.run(orgs: orgs, records: [drill("firm", "2026-12-31")], year: 2026)
        #expect(statuses(dec31, "firm", "y") == ["2026": .met])
        #expect(statuses(dec31, "firm", "h") == ["2026-H1": .missed, "2026-H2": .met])
        let jan1 = DrillCheck.run(orgs: orgs, records: [drill("firm", "2027-01-01")], year: 2026)
        #expect(statuses(jan1, "firm", "y") == ["2026": .missed])
        #expect(statuses(jan1, "firm", "h") == ["2026-H1": .missed, "2026-H2": .missed])
        // Judged from 1 January 2027 (the default), that day's drill is on or before as-of: it keeps the 2-year duty.
        #expect(statuses(jan1, "firm", "g") == ["2027-01-01/2029-01-01": .met])
        // Checking 2027, it counts for 2027 and 2027-H1.
        let next = DrillCheck.run(orgs: orgs, records: [drill("firm", "2027-01-01")], year: 2027, asOf: d("2027-01-01"))
        #expect(statuses(next, "firm", "y") == ["2027": .met])
        #expect(statuses(next, "firm", "h") == ["2027-H1": .met, "2027-H2": .due])
    }

    @Test("29 February 2028 counts for February, Q1 of 2028; as-of 29 February leaves February due, 1 March missed")
    func leapDay() {
        let orgs = registry([monthly, quarterly], [school])
        let held = [drill("school", "2028-02-29")]
        let report = DrillCheck.run(orgs: orgs, records: held, year: 2028)
        #expect(statuses(report, "school", "m")["2028-02"] == .met)
        #expect(statuses(report, "school", "m")["2028-03"] == .missed)
        #expect(statuses(report, "school", "q") == ["2028-Q1": .met, "2028-Q2": .missed, "2028-Q3": .missed, "2028-Q4": .missed])
        let none = DrillCheck.run(orgs: orgs, records: [], year: 2028, asOf: d("2028-02-29"))
        #expect(statuses(none, "school", "m")["2028-02"] == .due)
        #expect(statuses(none, "school", "m")["2028-01"] == .missed)
        let march = DrillCheck.run(orgs: orgs, records: [], year: 2028, asOf: d("2028-03-01"))
        #expect(statuses(march, "school", "m")["2028-02"] == .missed)
        #expect(report.results.count == 12 + 4)
    }
}
