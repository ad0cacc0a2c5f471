import Testing
@testable import YubeiDrills

/// FORMATS.md §3 (version 2): `2-years` and `3-years` are maximum intervals. Every expected value
/// below was worked out by hand from the paragraph: due N years after the last drill that counts
/// (else `since`, else `registered`, else 1 January of the checked year); `met` when a drill took
/// place within the N years before as-of (31 December without it); `missed` once as-of is past the
/// due date; label `START/DUE`.
@Suite("2- and 3-year rules as maximum intervals")
struct IntervalDutyTests {
    let twoYears = Rule(id: "g", appliesTo: Applicability(kinds: [.township]), every: .twoYears, source: "国务院令第708号 第八条第一款")
    let threeYears = Rule(id: "g3", appliesTo: Applicability(kinds: [.township]), every: .threeYears, source: "t")
    let town = Organization(id: "town", name: "临巴镇", kind: .township)

    func result(_ rule: Rule, _ org: Organization, _ records: [DrillRecord], year: Int, asOf: String? = nil) -> QuotaResult {
        let report = DrillCheck.run(orgs: registry([rule], [org]), records: records, year: year, asOf: asOf.map(d),
                                    terms: .standard)
        return report.results.first { $0.rule == rule.id }!
    }

    @Test("exactly N years: met on the due date, missed the day after")
    func exactlyNYears() {
        let held = [drill("town", "2024-09-30")]
        let onDue = result(twoYears, town, held, year: 2026, asOf: "2026-09-30")
        #expect(onDue.status == .met && onDue.done == 1 && onDue.required == 1)
        #expect(onDue.period.label == "2024-09-30/2026-09-30")
        let dayAfter = result(twoYears, town, held, year: 2026, asOf: "2026-10-01")
        #expect(dayAfter.status == .missed && dayAfter.done == 0)
        #expect(dayAfter.period.label == "2024-09-30/2026-09-30")
        // 3 years: exactly three years on.
        #expect(result(threeYears, town, held, year: 2027, asOf: "2027-09-30").status == .met)
        #expect(result(threeYears, town, held, year: 2027, asOf: "2027-10-01").status == .missed)
    }

    @Test("29 February: two years on is 28 February; three years on from 2028-02-29 is 2031-02-28")
    func leapDay() {
        let held = [drill("town", "2024-02-29")]
        let due = result(twoYears, town, held, year: 2026, asOf: "2026-02-28")
        #expect(due.status == .met && due.period.label == "2024-02-29/2026-02-28")
        #expect(result(twoYears, town, held, year: 2026, asOf: "2026-03-01").status == .missed)
        let three = result(threeYears, town, [drill("town", "2028-02-29")], year: 2031, asOf: "2031-02-28")
        #expect(three.status == .met && three.period.label == "2028-02-29/2031-02-28")
        // Four years on lands on a 29 February again.
        #expect(d("2024-02-29").adding(years: 4) == d("2028-02-29"))
    }

    @Test("a drill the day after the due date starts a new interval; before it, as-of past the due date is missed")
    func drillDayAfterDue() {
        let held = [drill("town", "2024-03-14"), drill("town", "2026-03-15")]
        // On 15 March the new drill counts: met, due two years after it.
        let late = result(twoYears, town, held, year: 2026, asOf: "2026-03-15")
        #expect(late.status == .met && late.period.label == "2026-03-15/2028-03-15")
        // On 14 March (the due date) the 2024 drill still keeps it; the later drill does not count yet.
        #expect(result(twoYears, town, held, year: 2026, asOf: "2026-03-14").period.label == "2024-03-14/2026-03-14")
        // Without the late drill, 15 March is past the due date.
        #expect(result(twoYears, town, [held[0]], year: 2026, asOf: "2026-03-15").status == .missed)
    }

    @Test("earlier years' records count; the due date no longer moves with --year")
    func earlierYearsCount() {
        let held = [drill("town", "2024-05-01")]
        // Checked in 2026 and again in 2027: the same due date, missed both times (the old windows
        // 2026-2027 and 2027-2028 made this duty impossible to miss).
        for year in [2026, 2027] {
            let r = result(twoYears, town, held, year: year)
            #expect(r.status == .missed && r.period.label == "2024-05-01/2026-05-01")
        }
        let recent = result(twoYears, town, [drill("town", "2025-05-01")], year: 2026)
        #expect(recent.status == .met && recent.period.label == "2025-05-01/2027-05-01")
    }

    @Test("without --as-of: met when a drill took place within N years before 31 December of the year")
    func yearEnd() {
        #expect(result(twoYears, town, [drill("town", "2024-12-31")], year: 2026).status == .met)
        #expect(result(twoYears, town, [drill("town", "2024-12-30")], year: 2026).status == .missed)
    }

    @Test("no drill on record, no registered date: the duty runs from 1 January of the checked year")
    func noDrillNoRegistered() {
        let r = result(twoYears, town, [], year: 2026)
        #expect(r.status == .due && r.done == 0 && r.period.label == "2026-01-01/2028-01-01")
        #expect(result(twoYears, town, [], year: 2026, asOf: "2028-01-01").status == .due)
        #expect(result(twoYears, town, [], year: 2026, asOf: "2028-01-02").status == .missed)
    }

    @Test("no drill on record, registered: the duty runs from the registered date")
    func noDrillRegistered() {
        var old = town
        old.registered = d("2023-05-10")
        let r = result(twoYears, old, [], year: 2026)
        #expect(r.status == .missed && r.period.label == "2023-05-10/2025-05-10")
        var recent = town
        recent.registered = d("2025-06-01")
        let due = result(twoYears, recent, [], year: 2026)
        #expect(due.status == .due && due.period.label == "2025-06-01/2027-06-01")
        #expect(result(twoYears, recent, [], year: 2027, asOf: "2027-06-01").status == .due)
        #expect(result(twoYears, recent, [], year: 2027, asOf: "2027-06-02").status == .missed)
    }

    @Test("since: drills before it do not count, and with none after it the duty runs from it (before registered)")
    func since() {
        var rule = twoYears
        rule.since = d("2025-07-01")
        var org = town
        org.registered = d("2020-01-01")
        let before = result(rule, org, [drill("town", "2025-06-30")], year: 2026)
        #expect(before.status == .due && before.done == 0 && before.period.label == "2025-07-01/2027-07-01")
        #expect(result(rule, org, [drill("town", "2025-06-30")], year: 2027, asOf: "2027-07-02").status == .missed)
        let onSince = result(rule, org, [drill("town", "2025-07-01")], year: 2027, asOf: "2027-07-01")
        #expect(onSince.status == .met)
    }

    @Test("the 30-day look-ahead shows the due date")
    func dueSoon() {
        var org = town
        org.registered = d("2024-10-15")
        let report = DrillCheck.run(orgs: registry([twoYears], [org]), records: [], year: 2026, asOf: d("2026-09-30"),
                                    terms: .standard)
        #expect(report.dueSoon.map(\.period.end) == [d("2026-10-15")])
        #expect(report.dueSoon.map(\.period.label) == ["2024-10-15/2026-10-15"])
    }

    @Test("at_least 2 in 3 years: due 3 years after the second-latest drill")
    func atLeastTwo() {
        var rule = threeYears
        rule.atLeast = 2
        let held = [drill("town", "2023-04-01"), drill("town", "2025-04-01")]
        let r = result(rule, town, held, year: 2026, asOf: "2026-04-01")
        #expect(r.status == .met && r.done == 2 && r.period.label == "2023-04-01/2026-04-01")
        let later = result(rule, town, held, year: 2026, asOf: "2026-04-02")
        #expect(later.status == .missed && later.done == 1)
    }
}
