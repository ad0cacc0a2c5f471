import Foundation
import Testing
@testable import YubeiDrills

/// `drills plan` honours school terms, `months:` and 2-year due dates, and its plan still leaves
/// nothing `missed` in the check of its year.
@Suite("Plan: school terms, months and interval due dates")
struct PlanTermsAndIntervalsTests {
    typealias F = PlanningFixtures

    /// Terms of 2027 worked for the test: spring term 2027-02-22 … 2027-07-02 and autumn
    /// 2027-09-01 … 2028-01-14, with the autumn term of 2026 running to 2027-01-22.
    /// Term months (at least half the days in a term): January (22 of 31), March–June,
    /// September–December; not February (7 of 28) nor July (2 of 31) nor August.
    static let terms = SchoolTerms(byYear: [2027: [
        SchoolTerm(name: "2026秋", first: F.date("2026-09-01"), last: F.date("2027-01-22")),
        SchoolTerm(name: "2027春", first: F.date("2027-02-22"), last: F.date("2027-07-02")),
        SchoolTerm(name: "2027秋", first: F.date("2027-09-01"), last: F.date("2028-01-14")),
    ]])

    @Test("term months by the half-the-days rule, worked by hand")
    func termMonths() {
        #expect(Self.terms.termMonths(in: 2027) == [1, 3, 4, 5, 6, 9, 10, 11, 12])
        // A year without terms falls back to the usual months.
        #expect(Self.terms.termMonths(in: 2030) == SchoolTerms.standardMonths)
        #expect(Self.terms.isTermDay(F.date("2027-07-02")) && !Self.terms.isTermDay(F.date("2027-07-05")))
        #expect(!Self.terms.isTermDay(F.date("2027-02-19")) && Self.terms.isTermDay(F.date("2027-02-22")))
    }

    static func registry(_ rules: [Rule], _ orgs: [Organization]) -> OrganizationRegistry {
        OrganizationRegistry(rulePacks: [RulePack(name: "test", rules: rules)], organizations: orgs)
    }

    let monthlyInTerm = Rule(id: "school-month", appliesTo: Applicability(kinds: [.school]), every: .month,
                             source: "教基一厅〔2014〕2号", during: .schoolTerm)
    let school = Organization(id: "school", name: "渠县实验小学", kind: .school)

    @Test("check: a month rule limited to terms asks nothing in July, August or February")
    func checkTermMonths() {
        let orgs = Self.registry([monthlyInTerm], [school])
        let report = DrillCheck.run(orgs: orgs, records: [], year: 2027, terms: Self.terms)
        #expect(report.results.map(\.period.label) == ["2027-01", "2027-03", "2027-04", "2027-05", "2027-06", "2027-09",
                                                       "2027-10", "2027-11", "2027-12"])
        // A drill in January's holiday days still counts for January (a term month).
        let jan = DrillCheck.run(orgs: orgs, records: [drill("school", "2027-01-28")], year: 2027, terms: Self.terms)
        #expect(statuses(jan, "school", "school-month")["2027-01"] == .met)
        // The shipped school rule is limited to terms: on the shipped 2026 terms, July is not asked for.
        let shipped = try! RulePackLoader.shipped(named: "national").rules.first { $0.id == "school-evacuation-month" }!
        #expect(shipped.during == .schoolTerm)
        let r2026 = DrillCheck.run(orgs: Self.registry([shipped], [school]), records: [], year: 2026)
        #expect(!r2026.results.contains { $0.period.label == "2026-07" || $0.period.label == "2026-08" })
    }

    @Test("check: months: limits which months are asked for and which drills count")
    func checkMonths() {
        var rule = Rule(id: "flood", appliesTo: Applicability(kinds: [.township]), every: .year, source: "t")
        rule.months = [4, 5]
        var monthly = Rule(id: "m", appliesTo: Applicability(kinds: [.township]), every: .month, source: "t")
        monthly.months = [3, 4, 5, 6, 9, 10, 11, 12]
        let town = Organization(id: "town", name: "土溪镇", kind: .township)
        let orgs = Self.registry([rule, monthly], [town])
        // A drill in December does not count toward a rule limited to April and May.
        let dec = DrillCheck.run(orgs: orgs, records: [drill("town", "2027-12-01")], year: 2027, terms: .standard)
        #expect(statuses(dec, "town", "flood") == ["2027": .missed])
        let may = DrillCheck.run(orgs: orgs, records: [drill("town", "2027-05-10")], year: 2027, terms: .standard)
        #expect(statuses(may, "town", "flood") == ["2027": .met])
        #expect(statuses(may, "town", "m").count == 8)
        #expect(statuses(may, "town", "m")["2027-01"] == nil)
    }

    @Test("plan: no term-bound drill outside the terms; months respected; nothing missed when checked")
    func planHonoursTerms() throws {
        var flood = Rule(id: "flood", appliesTo: Applicability(kinds: [.school]), every: .year, source: "t")
        flood.months = [5]
        let orgs = Self.registry([monthlyInTerm, flood], [school])
        let problem = DrillScheduleProblem(registry: orgs, records: [], year: 2027, calendar: F.plainCalendar,
                                           settings: F.hardOnly, terms: Self.terms)
        let plan = try #require(try F.plan(problem))
        let termBound = plan.drills.filter { $0.counts.contains { $0.hasPrefix("school-month") } }
        #expect(termBound.count == 9)
        #expect(termBound.allSatisfy { Self.terms.isTermDay($0.date) })
        #expect(Set(termBound.map(\.date.month)) == [1, 3, 4, 5, 6, 9, 10, 11, 12])
        #expect(plan.drills.contains { $0.date.month == 5 && $0.counts.contains { $0.hasPrefix("flood") } })
        let check = plan.check(registry: orgs, held: [], terms: Self.terms)
        #expect(!check.anyMissed)
    }

    let twoYears = Rule(id: "g", appliesTo: Applicability(kinds: [.township]), every: .twoYears, source: "国务院令第708号 第八条第一款")

    @Test("plan: a 2-year duty falling due in the plan year is placed on or before its due date")
    func planBeforeDueDate() throws {
        let town = Organization(id: "town", name: "临巴镇", kind: .township)
        var late = Organization(id: "late", name: "三汇镇", kind: .township)
        late.registered = F.date("2020-01-01")
        let fresh = Organization(id: "fresh", name: "土溪镇", kind: .township)
        let orgs = Self.registry([twoYears], [town, late, fresh])
        // town: last drill 2025-03-10, due 2027-03-10. late: registered 2020, no drill: overdue
        // since 2022-01-01, any day of 2027 will do. fresh: drilled 2026-06-01, due 2028: nothing to plan.
        let held = [drill("town", "2025-03-10"), drill("fresh", "2026-06-01")]
        let problem = DrillScheduleProblem(registry: orgs, records: held, year: 2027, calendar: F.plainCalendar,
                                           settings: F.hardOnly, terms: .standard)
        let window = try #require(problem.obligations.first { $0.organization == "town" })
        #expect(window.first == F.date("2027-01-01") && window.last == F.date("2027-03-10") && window.due == F.date("2027-03-10"))
        #expect(window.period == "2025-03-10/2027-03-10")
        let plan = try #require(try F.plan(problem))
        let townDrills = plan.drills.filter { $0.organization == "town" }
        #expect(townDrills.count == 1 && townDrills[0].date <= F.date("2027-03-10"))
        #expect(plan.drills.filter { $0.organization == "late" }.count == 1)
        #expect(!plan.drills.contains { $0.organization == "fresh" })
        let check = plan.check(registry: orgs, held: held, terms: .standard)
        #expect(!check.anyMissed)
        #expect(statuses(check, "town", "g").values.allSatisfy { $0 == .met })
    }

    @Test("no plan when the term days of a term month are all unavailable; the explanation names the days outside the term")
    func blockedByTerms() throws {
        // One short term: 1–20 March is term, so March is a term month (20 of 31 days) and the only one.
        let terms = SchoolTerms(byYear: [2027: [SchoolTerm(name: "短学期", first: F.date("2027-03-01"), last: F.date("2027-03-20"))]])
        var busy = school
        busy.unavailable = [DateRange(from: F.date("2027-03-01"), to: F.date("2027-03-20"))]
        let orgs = Self.registry([monthlyInTerm], [busy])
        let problem = DrillScheduleProblem(registry: orgs, records: [], year: 2027, calendar: F.plainCalendar,
                                           settings: F.hardOnly, terms: terms)
        #expect(problem.obligations.map(\.period) == ["2027-03"])
        let why = try #require(try F.infeasibility(problem))
        #expect(why.blocked.count == 1 && why.blocked[0].availableDays == 0)
        #expect(why.blocked[0].closures == ["学期外 2027-03-21…2027-03-31"])
        #expect(why.blocked[0].unavailable == ["2027-03-01…2027-03-20"])
    }
}
