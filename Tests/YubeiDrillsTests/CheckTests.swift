import Testing
@testable import YubeiDrills

@Suite("Check: per-plan counting, findings, corrective actions, plan evaluations")
struct CheckTests {
    let town = Organization(id: "town", name: "土溪镇", kind: .township)

    // MARK: Per plan

    let onsite = Rule(id: "onsite", appliesTo: Applicability(kinds: [.enterprise]), every: .halfYear, types: [.onsite],
                      source: "应急管理部令第2号 第三十三条")
    let firm = Organization(id: "firm", name: "恒达化工", kind: .enterprise,
                            plans: [EmergencyPlan(id: "tank-leak"), EmergencyPlan(id: "fire-pump"),
                                    EmergencyPlan(id: "overall", type: .comprehensive)])

    @Test("per unit: one on-site drill a half-year is enough, whichever plan")
    func perUnit() {
        let report = DrillCheck.run(orgs: registry([onsite], [firm]),
                                    records: [drill("firm", "2026-03-01", .onsite, plan: "tank-leak"),
                                              drill("firm", "2026-09-01", .onsite, plan: "fire-pump")], year: 2026)
        #expect(statuses(report, "firm", "onsite") == ["2026-H1": .met, "2026-H2": .met])
        #expect(report.results.allSatisfy { $0.counting == .perUnit && $0.required == 1 })
    }

    @Test("per plan (orgs.yaml count: per-plan): every on-site plan drilled each half-year")
    func perPlan() {
        let orgs = registry([onsite], [firm], halfYearCounting: .perPlan)
        let held = [drill("firm", "2026-03-01", .onsite, plan: "tank-leak"), drill("firm", "2026-04-01", .onsite, plan: "tank-leak"),
                    drill("firm", "2026-09-01", .onsite, plan: "tank-leak"), drill("firm", "2026-10-01", .onsite, plan: "fire-pump"),
                    drill("firm", "2026-11-01", .onsite)]  // no plan named: counts for no plan
        let report = DrillCheck.run(orgs: orgs, records: held, year: 2026)
        let h1 = report.results[0], h2 = report.results[1]
        #expect(h1.counting == .perPlan && h1.required == 2 && h1.done == 1 && h1.status == .missed)
        #expect(h1.plans == [PlanTally(plan: "tank-leak", required: 1, done: 2), PlanTally(plan: "fire-pump", required: 1, done: 0)])
        #expect(h2.required == 2 && h2.done == 2 && h2.status == .met)
        #expect(h2.countedRows.count == 2)
    }

    @Test("a rule's own count: overrides orgs.yaml; an organisation without plans is counted per unit")
    func countingPrecedence() {
        var perUnitRule = onsite
        perUnitRule.counting = .perUnit
        let orgs = registry([perUnitRule], [firm], halfYearCounting: .perPlan)
        #expect(orgs.counting(of: perUnitRule) == .perUnit)
        var perPlanRule = onsite
        perPlanRule.counting = .perPlan
        #expect(registry([perPlanRule], []).counting(of: perPlanRule) == .perPlan)
        // Year rules are not touched by orgs.yaml count:.
        let yearly = Rule(id: "y", appliesTo: Applicability(), every: .year, source: "t")
        #expect(registry([yearly], [], halfYearCounting: .perPlan).counting(of: yearly) == .perUnit)
        let bare = Organization(id: "bare", name: "无预案企业", kind: .enterprise)
        let report = DrillCheck.run(orgs: registry([onsite], [bare], halfYearCounting: .perPlan),
                                    records: [drill("bare", "2026-02-01", .onsite)], year: 2026)
        #expect(report.results[0].counting == .perUnit && report.results[0].status == .met)
    }

    // MARK: Findings

    @Test("findings: no evaluation report anywhere; not reported only for 708号 ¶2 units; planned is no finding")
    func findings() {
        let highRisk = Rule(id: "hr", appliesTo: Applicability(kinds: [.enterprise], sectors: ["mining"]), every: .halfYear,
                            source: "国务院令第708号 第八条第二款", reportToCounty: true)
        let mine = Organization(id: "mine", name: "煤矿", kind: .enterprise, sectors: ["mining"])
        let shop = Organization(id: "shop", name: "商店", kind: .enterprise)
        let orgs = registry([highRisk, onsite], [mine, shop])
        let held = [
            drill("mine", "2026-03-01", evaluation: .no, reported: .no),
            drill("mine", "2026-04-01", evaluation: .planned, reported: .planned),
            drill("shop", "2026-03-02", .onsite, evaluation: .no, reported: .no),
            drill("shop", "2025-12-30", .onsite, evaluation: .no),  // another year
            drill("mine", "2026-08-01", evaluation: .no, reported: .no),  // after as-of
        ]
        let report = DrillCheck.run(orgs: orgs, records: held, year: 2026, asOf: d("2026-06-30"))
        #expect(report.findings.map { "\($0.organization) \($0.date) \($0.issue.rawValue)" } == [
            "mine 2026-03-01 no-evaluation-report", "mine 2026-03-01 not-reported-to-county",
            "shop 2026-03-02 no-evaluation-report",
        ])
        // A finding does not stop a drill from counting.
        #expect(statuses(report, "mine", "hr")["2026-H1"] == .met)
    }

    // MARK: Follow-up

    @Test("corrective actions: open ones listed, overdue first; closed on or before as-of are gone")
    func actions() {
        let actions = [
            CorrectiveAction(organization: "firm", drillDate: d("2026-03-01"), action: "更换消防泵", owner: "王工",
                             dueDate: d("2026-05-01"), row: 2),
            CorrectiveAction(organization: "firm", drillDate: d("2026-03-01"), action: "修订预案", owner: "李科长",
                             dueDate: d("2026-08-01"), row: 3),
            CorrectiveAction(organization: "firm", drillDate: d("2026-03-01"), action: "补充物资", owner: "张三",
                             dueDate: d("2026-04-01"), closedDate: d("2026-06-01"), row: 4),
            CorrectiveAction(organization: "firm", drillDate: d("2026-03-01"), action: "培训", owner: "赵四",
                             dueDate: d("2026-04-01"), closedDate: d("2026-07-15"), row: 5),
        ]
        let report = DrillCheck.run(orgs: registry([], [firm]), records: [], year: 2026, asOf: d("2026-07-01"),
                                    correctiveActions: actions)
        #expect(report.openActions.map(\.row) == [5, 2, 3])
        #expect(report.overdueActions.map(\.row) == [5, 2])
    }

    @Test("plan evaluations every 3 years: due by year end or within 30 days of as-of; overdue once past")
    func evaluations() {
        let plans = Organization(id: "firm", name: "恒达化工", kind: .enterprise, plans: [
            EmergencyPlan(id: "a", lastEvaluated: d("2023-03-01")),  // due 2026-03-01: overdue on 2026-07-01
            EmergencyPlan(id: "b", lastEvaluated: d("2023-12-31")),  // due 2026-12-31: due this year
            EmergencyPlan(id: "c", lastEvaluated: d("2024-01-15")),  // due 2027-01-15: beyond
            EmergencyPlan(id: "leap", lastEvaluated: d("2024-02-29")),  // due 2027-02-28: beyond
            EmergencyPlan(id: "never"),
        ])
        let report = DrillCheck.run(orgs: registry([], [plans]), records: [], year: 2026, asOf: d("2026-07-01"))
        #expect(report.planEvaluations.map { "\($0.plan) \($0.dueDate) \($0.overdue)" }
                == ["a 2026-03-01 true", "b 2026-12-31 false"])
        // Judged in December, the January 2027 one is within 30 days.
        let december = DrillCheck.run(orgs: registry([], [plans]), records: [], year: 2026, asOf: d("2026-12-20"))
        #expect(december.planEvaluations.map(\.plan) == ["a", "b", "c"])
    }
}
