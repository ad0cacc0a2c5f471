import Foundation
import YubeiOptimization
import YubeiScenario
import YubeiSiting

/// One variant of a study, compared with the base (a `study.json` entry, FORMATS.md §4).
public struct StudyVariant: Sendable, Encodable {
    public var name: String
    public var status: SolveStatus
    /// Its plan.json, relative to the study's folder.
    public var planPath: String
    public var hazards: [String: PlanFigures.Hazard]
    public var spending: SitingPlan.Spending?
    /// Sites open in this variant and not in the base, and the other way round.
    public var opened: [String]
    public var closed: [String]
    /// Stock minus the base's, by warehouse then supply, units (entries that differ only).
    public var stockChange: [String: [String: Double]]
    public var expectedUnsheltered: Double
    public var expectedWithoutKit: Double
    public var overrides: [String]
    public var scenario: String
    public var seconds: Double
    /// The problem and plan (not in study.json; the variant's folder and the maps use them).
    public var problem: SitingProblem
    public var plan: SitingPlan
    /// The variant's scenario as planned (for its plan.geojson; not in study.json).
    public var planned: Scenario

    enum CodingKeys: String, CodingKey {
        case name, status, hazards, spending, opened, closed, overrides, scenario, seconds
        case planPath = "plan", stockChange = "stock_change"
        case expectedUnsheltered = "expected_unsheltered", expectedWithoutKit = "expected_without_kit"
    }
}

/// `study.json`: the base first, then the variants in the study file's order.
public struct StudyResult: Sendable, Encodable {
    public var name: String?
    public var variants: [StudyVariant]
    /// Wall-clock seconds for all the solves.
    public var seconds: Double
    enum CodingKeys: String, CodingKey { case name, variants, seconds }
}

/// Plans a base and its variants side by side: every variant one GLPK solve in its own task,
/// all at once on every core, then each compared with the base.
public enum Study {
    /// - Throws: what the siting solver throws (a model GLPK must not see).
    /// - Complexity: one siting solve per variant, run concurrently.
    public static func run(name: String?, variants: [(name: String, scenario: OverriddenScenario)],
                           options: SitingOptions = SitingOptions()) async throws -> StudyResult {
        let clock = ContinuousClock()
        let start = clock.now
        let planned = try await withThrowingTaskGroup(of: (Int, PlannedScenario).self) { group in
            for (index, variant) in variants.enumerated() {
                let scenario = variant.scenario
                group.addTask { (index, try ScenarioPlanner.solve(scenario, options: options)) }
            }
            var results = [PlannedScenario?](repeating: nil, count: variants.count)
            for try await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
        guard let base = planned.first else { return StudyResult(name: name, variants: [], seconds: 0) }
        let baseSites = Set(base.plan.openWarehouses + base.plan.openShelters)
        var out: [StudyVariant] = []
        for ((variantName, scenario), result) in zip(variants, planned) {
            let figures = result.figures
            let sites = result.plan.openWarehouses + result.plan.openShelters
            let siteSet = Set(sites)
            var change: [String: [String: Double]] = [:]
            let warehouses = Set(result.plan.stock.keys).union(base.plan.stock.keys)
            for w in warehouses {
                let mine = result.plan.stock[w] ?? [:], theirs = base.plan.stock[w] ?? [:]
                for s in Set(mine.keys).union(theirs.keys) {
                    let delta = StressTest.clean((mine[s] ?? 0) - (theirs[s] ?? 0))
                    if delta != 0 { change[w, default: [:]][s] = delta }
                }
            }
            out.append(StudyVariant(
                name: variantName, status: result.plan.status, planPath: "\(variantName)/plan.json", hazards: figures.hazards,
                spending: result.plan.spending,
                opened: sites.filter { !baseSites.contains($0) },
                closed: (base.plan.openWarehouses + base.plan.openShelters).filter { !siteSet.contains($0) },
                stockChange: change, expectedUnsheltered: figures.expectedUnsheltered,
                expectedWithoutKit: figures.expectedWithoutKit, overrides: result.overrides.commandLines,
                scenario: scenario.scenario.sourcePath ?? "", seconds: result.plan.seconds,
                problem: result.problem, plan: result.plan, planned: scenario.scenario))
        }
        let elapsed = clock.now - start
        return StudyResult(name: name, variants: out,
                           seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
