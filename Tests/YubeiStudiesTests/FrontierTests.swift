import Foundation
import Testing
import YubeiScenario
import YubeiSiting
import YubeiStudies
import YubeiTestSupport

@Suite("Budget frontier")
struct FrontierTests {
    @Test("budget ranges: TO included, STEP by default a tenth")
    func ranges() {
        #expect(Frontier.budgets(parsing: "0:1000") == [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
        #expect(Frontier.budgets(parsing: "0:1000:300") == [0, 300, 600, 900, 1000])
        #expect(Frontier.budgets(parsing: "500:500") == [500])
        #expect(Frontier.budgets(parsing: "1000:0") == nil)
        #expect(Frontier.budgets(parsing: "0:1000:0") == nil)
        #expect(Frontier.budgets(parsing: "-1:1000") == nil)
        #expect(Frontier.budgets(parsing: "0:1e9:1") == nil)
        #expect(Frontier.budgets(parsing: "a:b") == nil)
    }

    /// The optimal set of candidate sites at each budget, found by enumeration: every subset of
    /// the candidates planned with exactly those sites open, and at each budget the best subset
    /// that fits. The frontier's sites and breakpoints must be the same.
    @Test("the sites at each budget and the breakpoints are those found by enumerating every set of sites")
    func breakpointsByEnumeration() async throws {
        let path = packageRoot.appendingPathComponent("Tests/YubeiStudiesTests/Fixtures/budget-villages.yaml").path
        let scenario = try ScenarioLoader.load(path: path, overrides: ScenarioOverrides())
        var problem = ScenarioPlanner.problem(scenario).problem
        problem.policy.budget = nil
        let warehouses = problem.warehouses.indices.filter { !problem.warehouses[$0].isExisting }

        let shelters = problem.shelters.indices.filter { !problem.shelters[$0].isExisting }
        let candidates = warehouses.map { (true, $0) } + shelters.map { (false, $0) }
        #expect(candidates.count == 2)
        struct Subset { var sites: Set<String>; var cost: Double; var key: [Double]; var unsheltered: Double; var withoutKit: Double }
        var subsets: [Subset] = []
        for mask in 0..<(1 << candidates.count) {
            var options = Fixture.quiet
            options.decisions.forbiddenWarehouses = Set(problem.warehouses.indices.filter { !problem.warehouses[$0].isExisting })
            var sites = Set<String>()
            var cost = 0.0
            for (bit, (isWarehouse, index)) in candidates.enumerated() {
                let open = mask & (1 << bit) != 0
                if isWarehouse {
                    if open { options.decisions.requiredWarehouses.insert(index); sites.insert(problem.warehouses[index].id); cost += problem.warehouses[index].fixedCost }
                    else { options.decisions.forbiddenWarehouses.insert(index) }
                } else {
                    if open { options.decisions.requiredShelters.insert(index); sites.insert(problem.shelters[index].id); cost += problem.shelters[index].fixedCost }
                    else { options.decisions.forbiddenShelters.insert(index) }
                }
            }
            let plan = try SitingSolver.solve(problem, options: options)
            #expect(plan.status.hasSolution)
            let figures = PlanFigures(plan: plan, problem: problem)
            let levels = try #require(plan.levels)
            // The objective order: people unsheltered, then without a kit, then items short, then cost.
            subsets.append(Subset(sites: sites, cost: cost, key: [levels.unsheltered, levels.withoutKit, levels.itemsShort, levels.cost],
                                  unsheltered: figures.expectedUnsheltered,
                                  withoutKit: figures.expectedWithoutKit))
        }
        let budgets = Frontier.budgets(parsing: "0:200000:20000")!
        var options = Fixture.quiet
        options.closeGaps = false
        let frontier = try await Frontier.run(scenario, budgets: budgets, options: options)
        #expect(frontier.points.map(\.budget) == budgets)
        var expectedBreakpoints: [Double] = []
        var before: Set<String>?
        for point in frontier.points {
            func better(_ a: Subset, _ b: Subset) -> Bool {
                for (x, y) in zip(a.key, b.key) where abs(x - y) > 1e-6 * max(1, abs(x)) { return x < y }
                return false
            }
            let best = subsets.filter { $0.cost <= point.budget + 1e-6 }.min(by: better)!
            #expect(Set(point.opened) == best.sites, "budget \(point.budget)")
            #expect(abs(point.unsheltered - best.unsheltered) < 1e-6, "budget \(point.budget)")
            #expect(abs(point.withoutKit - best.withoutKit) < 1e-6, "budget \(point.budget)")
            if let before, before != best.sites { expectedBreakpoints.append(point.budget) }
            if let before {
                #expect(Set(point.stepOpens) == best.sites.subtracting(before))
            }
            before = best.sites
        }
        #expect(frontier.points.filter(\.breakpoint).map(\.budget) == expectedBreakpoints)
        // The steps worked out by hand in the fixture: +S4 at 60,000, +S5 at 160,000.
        #expect(expectedBreakpoints == [60000, 160000])
        #expect(frontier.points.map(\.unsheltered) == [500, 500, 500, 200, 200, 200, 200, 200, 0, 0, 0])
        #expect(frontier.points.first { $0.budget == 160000 }?.stepOpens == ["S5"])
        #expect(frontier.points.dropFirst(2).contains { $0.warmStarted })
    }
}
