import Foundation
import Testing
import YubeiScenario
@testable import YubeiSiting
import YubeiTestSupport

/// A variant that only restricts a problem (``SitingProblem/restricts(_:decisions:baseDecisions:)``)
/// takes the problem's optimal plan when it fits (``SitingOptions/restrictionOf``), and gets the
/// plan a separate solve finds either way.
@Suite struct RestrictionTests {
    static let hillside = ScenarioPlanTests.fixtures.appendingPathComponent("hillside-county.yaml").path

    static func problem(_ overrides: [String] = []) throws -> (SitingProblem, SiteDecisions, OverriddenScenario) {
        let loaded = try ScenarioLoader.load(path: hillside, overrides: ScenarioOverrides(commandLines: overrides))
        let problem = SitingProblem(scenario: loaded.scenario)
        return (problem, SiteDecisions(problem: problem, required: loaded.siteRules.required, forbidden: loaded.siteRules.forbidden), loaded)
    }

    static func solve(_ problem: SitingProblem, _ decisions: SiteDecisions, restrictionOf base: SitingPlan? = nil) throws -> SitingPlan {
        var options = SitingOptions()
        options.closeGaps = false
        options.decisions = decisions
        options.restrictionOf = base
        return try SitingSolver.solve(problem, options: options)
    }

    /// Σ fixed cost of the candidates 山城县's plan opens, from the file's costs.
    static func candidatesOpened(_ plan: SitingPlan, _ problem: SitingProblem) -> (cost: Double, opened: [String], shut: [String]) {
        let open = Set(plan.openWarehouses + plan.openShelters)
        var cost = 0.0, opened: [String] = [], shut: [String] = []
        for (id, existing, fixed) in problem.warehouses.map({ ($0.id, $0.isExisting, $0.fixedCost) })
            + problem.shelters.map({ ($0.id, $0.isExisting, $0.fixedCost) }) where !existing {
            if open.contains(id) { cost += fixed; opened.append(id) } else { shut.append(id) }
        }
        return (cost, opened, shut)
    }

    @Test("lower budgets, closed, forbidden and required sites restrict; more people, wider reach and a binding higher budget do not")
    func whatRestricts() throws {
        let (base, none, _) = try Self.problem()
        // Candidates together cost 1,260,000 yuan; the file's budget is 800,000.
        #expect(base.effectiveBudget == 800_000)
        for overrides in [["--set policy.budget=300000"], ["--close county-depot"], ["--forbid stadium"], ["--require stadium"],
                          ["--set policy.budget=700000", "--close riverside-park"], []] {
            let (variant, decisions, _) = try Self.problem(overrides)
            let restricts = variant.restricts(base, decisions: decisions, baseDecisions: none)
            #expect(restricts, "\(overrides)")
        }
        for overrides in [["--scale-displaced 1.2"], ["--scale-displaced flood=0.8"],
                          ["--set policy.budget=900000"], ["--set policy.evacuation_cost_per_person_km=2"]] {
            let (variant, decisions, _) = try Self.problem(overrides)
            let restricts = variant.restricts(base, decisions: decisions, baseDecisions: none)
            #expect(!restricts, "\(overrides)")
        }
        // Budgets of 1,260,000 and more bind nothing: each restricts the other.
        let (open1, d1, _) = try Self.problem(["--set policy.budget=1260000"])
        let (open2, d2, _) = try Self.problem(["--set policy.budget=5000000"])
        #expect(open1.effectiveBudget == nil && open2.effectiveBudget == nil)
        let both = open1.restricts(open2, decisions: d1, baseDecisions: d2) && open2.restricts(open1, decisions: d2, baseDecisions: d1)
        #expect(both)
        // A wider supply reach adds routes (远山乡 is more than 30 minutes from any warehouse); one
        // that adds none leaves the same model.
        let (near, dn, _) = try Self.problem(["--set policy.supply_response_minutes=30"])
        let (far, dw, _) = try Self.problem(["--set policy.supply_response_minutes=200"])
        #expect(near.supplyLinks.count < far.supplyLinks.count && far.supplyLinks == base.supplyLinks)
        let widerReach = far.restricts(near, decisions: dw, baseDecisions: dn), sameReach = far.restricts(base, decisions: dw, baseDecisions: none)
        #expect(!widerReach && sameReach)
        // A site forbidden in the base and not in the variant: the variant may do more.
        let (forbidden, df, _) = try Self.problem(["--forbid stadium"])
        let wider = base.restricts(forbidden, decisions: none, baseDecisions: df)
        #expect(!wider)
    }

    @Test("the base's plan is a restriction's answer when it fits, with the plan and cost of a separate solve; otherwise the restriction is searched")
    func basePlanCarriesOver() throws {
        let (problem, none, _) = try Self.problem()
        let base = try Self.solve(problem, none)
        #expect(base.status == .optimal)
        let spent = Self.candidatesOpened(base, problem)
        try #require(!spent.opened.isEmpty && !spent.shut.isEmpty)
        let fits: [[String]] = [["--set policy.budget=\(Int(spent.cost))"], ["--forbid \(spent.shut[0])"], ["--require \(spent.opened[0])"]]
        let breaks: [[String]] = [["--forbid \(spent.opened[0])"], ["--set policy.budget=\(Int(spent.cost) - 1)"], ["--require \(spent.shut[0])"]]
        for (overrides, carries) in fits.map({ ($0, true) }) + breaks.map({ ($0, false) }) {
            let (variant, decisions, _) = try Self.problem(overrides)
            let restricts = variant.restricts(problem, decisions: decisions, baseDecisions: none)
            #expect(restricts, "\(overrides)")
            let siting = SitingModel(variant)
            let weights = SitingSolver.levelWeights(variant)
            let size = SitingPlan.ModelSize(variables: 0, integerVariables: 0, rows: 0, nonzeros: 0, strongFlowLinks: false)
            let reused = try SitingSolver.planOfRestriction(base, problem: variant, siting: siting, decisions: decisions, weights: weights,
                                                            size: size, relativeGap: 1e-4)
            #expect((reused != nil) == carries, "\(overrides)")
            // Never optimal within a tighter gap than the base was proven to: a base whose bound is
            // 1 % below its cost carries over to a solve asking for 2 %, not to one asking for 0.01 %.
            var loose = base
            loose.bound = try #require(base.levels).cost * 0.99
            let within2 = try SitingSolver.planOfRestriction(loose, problem: variant, siting: siting, decisions: decisions, weights: weights,
                                                             size: size, relativeGap: 0.02)
            let within1e4 = try SitingSolver.planOfRestriction(loose, problem: variant, siting: siting, decisions: decisions, weights: weights,
                                                               size: size, relativeGap: 1e-4)
            #expect((within2 != nil) == carries && within1e4 == nil, "\(overrides)")
            // Through the solver: the same rules and cost as a separate solve of the variant.
            let warm = try Self.solve(variant, decisions, restrictionOf: base)
            let alone = try Self.solve(variant, decisions)
            #expect(warm.status == alone.status, "\(overrides)")
            let a = try #require(warm.levels), b = try #require(alone.levels)
            #expect(abs(a.unsheltered - b.unsheltered) < 1e-6 && abs(a.withoutKit - b.withoutKit) < 1e-6
                    && abs(a.itemsShort - b.itemsShort) < 1e-6, "\(overrides)")
            #expect(abs(a.cost - b.cost) <= 2e-4 * b.cost, "\(overrides): \(a.cost) against \(b.cost)")
            #expect(warm.verification.isEmpty)
            if carries {
                #expect(Set(warm.openWarehouses + warm.openShelters) == Set(base.openWarehouses + base.openShelters))
                #expect(warm.bound == base.bound)
                #expect(warm.levels?.needsProven == true)
            }
        }
    }
}
