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
    /// Whether the variant only restricts the base (a lower budget, a site closed, forbidden or
    /// required) and the base's plan holds in it, so that plan is its answer, proven without a search.
    public var basePlanHolds: Bool
    /// The problem and plan (not in study.json; the variant's folder and the maps use them).
    public var problem: SitingProblem
    public var plan: SitingPlan
    /// The variant's scenario as planned (for its plan.geojson; not in study.json).
    public var planned: Scenario

    enum CodingKeys: String, CodingKey {
        case name, status, hazards, spending, opened, closed, overrides, scenario, seconds
        case planPath = "plan", stockChange = "stock_change", basePlanHolds = "base_plan_holds"
        case expectedUnsheltered = "expected_unsheltered", expectedWithoutKit = "expected_without_kit"
    }

    /// Every key of the entry, `spending` as `null` for a variant without a plan (not left out).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(planPath, forKey: .planPath)
        try c.encode(hazards, forKey: .hazards)
        try c.encode(spending, forKey: .spending)
        try c.encode(opened, forKey: .opened)
        try c.encode(closed, forKey: .closed)
        try c.encode(stockChange, forKey: .stockChange)
        try c.encode(expectedUnsheltered, forKey: .expectedUnsheltered)
        try c.encode(expectedWithoutKit, forKey: .expectedWithoutKit)
        try c.encode(overrides, forKey: .overrides)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(basePlanHolds, forKey: .basePlanHolds)
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
/// as many at once as there are cores, then each compared with the base.
///
/// The base is solved first. A variant that only restricts the base (a lower budget, a site
/// closed, forbidden or required: ``SitingProblem/restricts(_:decisions:baseDecisions:)``) waits
/// for it and starts from its plan as soon as it is planned: when that plan holds there too it is
/// the variant's answer, proven (``SitingOptions/restrictionOf``), and otherwise the variant is
/// searched as usual. The other variants are solved meanwhile, the largest model first.
public enum Study {
    /// - Parameter concurrency: solves at once (default: every core).
    /// - Throws: what the siting solver throws (a model GLPK must not see).
    /// - Complexity: one siting solve per variant, at most `concurrency` at once; a restriction of
    ///   the base whose base plan holds costs one LP re-solve of its second stage instead.
    public static func run(name: String?, variants: [(name: String, scenario: OverriddenScenario)],
                           options: SitingOptions = SitingOptions(),
                           concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) async throws -> StudyResult {
        let clock = ContinuousClock()
        let start = clock.now
        let problems = variants.map { ScenarioPlanner.problem($0.scenario) }
        let restricts = problems.indices.map { i in
            i > 0 && problems[i].problem.restricts(problems[0].problem, decisions: problems[i].decisions,
                                                   baseDecisions: problems[0].decisions)
        }
        // The base first, then the variants searched from scratch, largest model first, then the restrictions.
        func size(_ i: Int) -> Int {
            let p = problems[i].problem
            return p.hazards.count * (p.supplyLinks.count * max(1, p.supplies.count) + p.shelterLinks.count)
        }
        let searched = variants.indices.dropFirst().filter { !restricts[$0] }.sorted { (size($0), -$0) > (size($1), -$1) }
        let order = Array(variants.indices.prefix(1)) + searched + variants.indices.filter { restricts[$0] }
        let fixedOptions = options
        let planned = try await withThrowingTaskGroup(of: (Int, PlannedScenario).self) { group in
            var results = [PlannedScenario?](repeating: nil, count: variants.count)
            var waiting = order
            var running = 0
            // Starts the next variant that can start: a restriction only once the base is planned,
            // and then before the searches left (it takes one LP re-solve when the base's plan holds).
            func launch() -> Bool {
                let ready = results[0] != nil ? waiting.firstIndex(where: { restricts[$0] }) : nil
                guard let at = ready ?? waiting.firstIndex(where: { !restricts[$0] }) else { return false }
                let index = waiting.remove(at: at)
                var variantOptions = fixedOptions
                if restricts[index], let base = results[0] {
                    variantOptions.restrictionOf = base.plan
                    variantOptions.startPlan = base.plan
                }
                let built = problems[index], overrides = variants[index].scenario.overrides, chosen = variantOptions
                group.addTask { (index, try ScenarioPlanner.solve(built, overrides: overrides, options: chosen)) }
                running += 1
                return true
            }
            while running < max(1, concurrency), launch() {}
            while let (index, result) = try await group.next() {
                results[index] = result
                running -= 1
                while running < max(1, concurrency), launch() {}
            }
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
                scenario: scenario.scenario.sourcePath ?? "", seconds: result.plan.seconds, basePlanHolds: result.plan.carriedOver,
                problem: result.problem, plan: result.plan, planned: scenario.scenario))
        }
        let elapsed = clock.now - start
        return StudyResult(name: name, variants: out,
                           seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
