import Foundation
import YubeiOptimization
import YubeiScenario
import YubeiSiting

/// One budget on the frontier (a `frontier.json` point, FORMATS.md §4).
public struct FrontierPoint: Sendable, Encodable {
    public var budget: Double
    public var status: SolveStatus
    /// Expected people unsheltered and without a full kit, weighted as the plan's objective.
    public var unsheltered: Double
    public var withoutKit: Double
    /// Yuan spent opening candidate sites (at most ``budget``).
    public var opening: Double
    /// Candidate sites the plan opens at this budget.
    public var opened: [String]
    /// Against the point before: sites this step opens and sites it gives up.
    public var stepOpens: [String]
    public var stepDrops: [String]
    /// Whether the set of sites differs from the point before's.
    public var breakpoint: Bool
    public var hazards: [String: PlanFigures.Hazard]
    /// Whether GLPK started from the neighbouring point's plan (handed over and accepted).
    public var warmStarted: Bool
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case budget, status, unsheltered, opening, opened, breakpoint, hazards, seconds
        case withoutKit = "without_kit", stepOpens = "step_opens", stepDrops = "step_drops", warmStarted = "warm_started"
    }
}

/// `frontier.json`: the points in order of budget.
public struct FrontierResult: Sendable, Encodable {
    public var scenario: String
    public var overrides: [String]
    public var points: [FrontierPoint]
    public var seconds: Double
    /// Site names by id, for reports.
    public var siteNames: [String: String]
    enum CodingKeys: String, CodingKey { case scenario, overrides, points, seconds }
}

/// The trade-off between the opening budget and unmet need: the scenario planned at each budget,
/// the points solved concurrently on every core in order of budget, each warm-started from the
/// plan of the largest budget below it already solved (that plan is feasible at every larger budget).
public enum Frontier {
    /// FROM, FROM + STEP, … and TO (always included); STEP defaults to (TO − FROM) ÷ 10.
    ///
    /// - Returns: nil when the numbers make no range (negative, TO < FROM, STEP ≤ 0, more than `limit` points).
    public static func budgets(from: Double, to: Double, step: Double?, limit: Int = 1000) -> [Double]? {
        guard from.isFinite, to.isFinite, from >= 0, to >= from else { return nil }
        if to == from { return [from] }
        let step = step ?? (to - from) / 10
        guard step.isFinite, step > 0, (to - from) / step < Double(limit) else { return nil }
        var budgets: [Double] = []
        var i = 0.0
        while from + i * step < to - 1e-9 * max(1, to) {
            budgets.append(from + i * step)
            i += 1
        }
        budgets.append(to)
        return budgets
    }

    /// Parses `FROM:TO[:STEP]` (yuan).
    public static func budgets(parsing text: String) -> [Double]? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2 || parts.count == 3, let from = parts[0], let to = parts[1] else { return nil }
        if parts.count == 3 {
            guard let step = parts[2] else { return nil }
            return budgets(from: from, to: to, step: step)
        }
        return budgets(from: from, to: to, step: nil)
    }

    /// Plans `scenario` at every budget.
    ///
    /// - Parameters:
    ///   - concurrency: solves at once (default: every core).
    ///   - warmStart: start each point from a solved neighbour's plan.
    /// - Throws: what the siting solver throws.
    public static func run(_ scenario: OverriddenScenario, budgets: [Double], options: SitingOptions = SitingOptions(),
                           concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                           warmStart: Bool = true) async throws -> FrontierResult {
        let clock = ContinuousClock()
        let start = clock.now
        let (base, decisions) = ScenarioPlanner.problem(scenario)
        var options = options
        options.decisions.requiredWarehouses.formUnion(decisions.requiredWarehouses)
        options.decisions.requiredShelters.formUnion(decisions.requiredShelters)
        options.decisions.forbiddenWarehouses.formUnion(decisions.forbiddenWarehouses)
        options.decisions.forbiddenShelters.formUnion(decisions.forbiddenShelters)
        options.progress = nil
        let order = budgets.indices.sorted { budgets[$0] < budgets[$1] }
        let fixedOptions = options
        var plans = [SitingPlan?](repeating: nil, count: budgets.count)
        var warmed = [Bool](repeating: false, count: budgets.count)
        try await withThrowingTaskGroup(of: (Int, SitingPlan).self) { group in
            var next = 0
            func launch() {
                guard next < order.count else { return }
                let index = order[next]
                next += 1
                var pointOptions = fixedOptions
                // The plan of the largest budget below this one already solved: feasible here too.
                if warmStart, let neighbour = order.prefix(next - 1).reversed().first(where: {
                    plans[$0].map(ScenarioPlanner.hasPlan) == true && budgets[$0] <= budgets[index]
                }) {
                    pointOptions.startPlan = plans[neighbour]
                    warmed[index] = true
                }
                var problem = base
                problem.policy.budget = budgets[index]
                let options = pointOptions
                group.addTask { (index, try SitingSolver.solve(problem, options: options)) }
            }
            for _ in 0..<max(1, concurrency) { launch() }
            while let (index, plan) = try await group.next() {
                plans[index] = plan
                launch()
            }
        }
        var points: [FrontierPoint] = []
        var previous: Set<String>?
        let candidates = Set(base.warehouses.filter { !$0.isExisting }.map(\.id) + base.shelters.filter { !$0.isExisting }.map(\.id))
        for index in order {
            let plan = plans[index]!
            var problem = base
            problem.policy.budget = budgets[index]
            let figures = PlanFigures(plan: plan, problem: problem)
            let opened = (plan.openWarehouses + plan.openShelters).filter { candidates.contains($0) }
            let set = Set(opened)
            let opens = previous.map { before in opened.filter { !before.contains($0) } } ?? []
            let drops = previous.map { before in
                (base.warehouses.map(\.id) + base.shelters.map(\.id)).filter { before.contains($0) && !set.contains($0) }
            } ?? []
            points.append(FrontierPoint(
                budget: budgets[index], status: plan.status, unsheltered: StressTest.clean(figures.expectedUnsheltered),
                withoutKit: StressTest.clean(figures.expectedWithoutKit), opening: figures.opening, opened: opened,
                stepOpens: opens, stepDrops: drops, breakpoint: previous.map { $0 != set } ?? false,
                hazards: figures.hazards, warmStarted: warmed[index] && plan.incumbentAccepted == true, seconds: plan.seconds))
            previous = set
        }
        let elapsed = clock.now - start
        var names: [String: String] = [:]
        for w in base.warehouses { names[w.id] = w.name }
        for s in base.shelters { names[s.id] = s.name }
        return FrontierResult(scenario: base.name, overrides: scenario.overrides.commandLines, points: points,
                              seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                              siteNames: names)
    }
}
