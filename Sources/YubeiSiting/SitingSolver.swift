import Foundation
import YubeiOptimization

/// How ``SitingSolver/solve(_:options:)`` runs.
public struct SitingOptions: Sendable {
    /// Wall-clock limit for the main MILP; `nil` for none.
    public var timeLimit: Duration?
    /// Relative MIP gap at which branch-and-bound stops.
    public var relativeGap: Double = 1e-4
    /// Choose staging sites for teams (a maximal-covering MILP after the main plan).
    public var stageTeams = false
    /// Hand the greedy plan to GLPK as its first incumbent.
    public var useGreedyIncumbent = true
    /// Longest search for each rule of needs after the first (people without a kit, items
    /// short): their LP bounds are weak (sites opened fractionally), so a proof can take long;
    /// the plan reports whether they were proven (`levels.needs_proven`).
    public var needStageTimeLimit: Duration = .seconds(8)
    /// Longest search for the cost rule when no overall time limit is given (the plan is then
    /// `feasible` with its gap, not `optimal`).
    public var costStageTimeLimit: Duration = .seconds(30)
    /// After the plan, re-solve with one more site at a time to say what would close each gap
    /// (``GapCloser``); off for benchmarks.
    public var closeGaps = true
    /// Solve rules 2–4 on the shelter and supply parts apart when only the budget ties them
    /// (``CostSplit``); off: on the whole model, as a check of the split.
    public var splitParts = true
    /// GLPK's cutting planes.
    public var cuts = false
    /// Add the per-route supply links Σₛ vol·f ≤ Σₛ vol·need·y (see ``SitingModel``): a slightly
    /// tighter LP for many more rows. `nil`: only for models of at most 10,000 flow columns,
    /// where they are cheap; on larger ones they cost more simplex time than they save.
    public var flowPairLinks: Bool?
    /// In the cost rule of the supply part (``CostSplit``): the per-route, per-supply links as
    /// cuts, and the LP's openings rounded into plans (``LinkCutSearch``). `nil`: when the
    /// per-route links are not in the model's rows (``flowPairLinks``).
    public var supplyLinkCuts: Bool?
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Sites required or forbidden, or an adopted plan's first stage held (see ``SiteDecisions``).
    public var decisions = SiteDecisions()
    /// A plan of the same problem to start GLPK from when it satisfies every row (e.g. a
    /// neighbouring point's plan on a budget frontier).
    public var startPlan: SitingPlan?
    /// An optimal plan (rules proven, status `optimal`) of a problem this one restricts
    /// (``SitingProblem/restricts(_:decisions:baseDecisions:)``, checked by the caller): when it
    /// is a plan of this problem too, with the same value of every rule, it is this problem's
    /// answer, with that problem's cost bound, and no search is run (see ``SitingSolver``).
    public var restrictionOf: SitingPlan?

    public init() {}
}

/// Solves a ``SitingProblem``: explanations first, then the rules of the objective order one
/// after another, then the plan in whole units, checked exactly, with team coverage and what
/// would close each gap.
public enum SitingSolver {
    /// The model GLPK solves, for export (`--export-model`), with readable names.
    /// With `holding`, rules 1–3 are rows held at the plan's values and the objective is the
    /// cost, so that glpsol re-solving it reaches the plan's cost.
    public static func model(for problem: SitingProblem, flowPairLinks: Bool? = nil, holding levels: SitingPlan.Levels? = nil) -> Model {
        var siting = SitingModel(problem, names: true, flowPairLinks: flowPairLinks)
        if let levels {
            let weights = levelWeights(problem)
            func hold(_ e: LinearExpression, _ value: Double, _ name: String) {
                guard !e.indices.isEmpty else { return }
                siting.model.addConstraint(e <= value + 1e-6 * max(1, abs(value)), name: name)
            }
            if let share = levels.worstUnshelteredShare {
                let t = siting.addWorstShare(kits: false)
                siting.model.addConstraint(LinearExpression(t) <= share + 1e-9, name: "hold_worst_share")
            }
            hold(siting.unshelteredLevel(weights: weights), levels.unsheltered, "hold_unsheltered")
            hold(siting.withoutKitLevel(weights: weights), levels.withoutKit - siting.withoutKitConstant(weights: weights), "hold_without_kit")
            hold(siting.itemsShortLevel(weights: weights), levels.itemsShort, "hold_items_short")
        }
        return siting.model
    }

    /// Solves the whole siting problem over all hazards at once: the rules of the objective
    /// order one after another (``SitingModel``), then the continuous part again with every
    /// integer decision fixed, then an exact check of every constraint (``PlanVerifier``).
    ///
    /// - Throws: ``ModelError`` only for a model GLPK must not see (a defect, not an input problem).
    public static func solve(_ problem: SitingProblem, options: SitingOptions = SitingOptions()) throws -> SitingPlan {
        let clock = ContinuousClock()
        let start = clock.now
        let findings = problem.findings()
        var siting = SitingModel(problem, flowPairLinks: options.flowPairLinks)
        siting.hold(options.decisions)
        let weights = levelWeights(problem)
        let size = SitingPlan.ModelSize(
            variables: siting.model.variables.count,
            integerVariables: siting.model.variables.filter { $0.kind.isInteger }.count,
            rows: siting.model.constraints.count,
            nonzeros: siting.model.nonzeroCount,
            strongFlowLinks: siting.usesFlowPairLinks)
        var plan = SitingPlan(
            status: .noSolution, objective: nil, openWarehouses: [], stock: [:], openShelters: [], hazards: [:],
            bound: nil, gap: nil, lpBound: nil, seconds: 0, objectiveTerms: nil, spending: nil, explanations: findings,
            shadowPrices: nil, modelSize: size, teamStaging: nil, incumbentAccepted: nil)

        if let base = options.restrictionOf,
           var reused = try planOfRestriction(base, problem: problem, siting: siting, decisions: options.decisions, weights: weights,
                                              size: size, relativeGap: options.relativeGap) {
            trace("restriction: the base's plan holds, every rule at the base's optimum t=\(clock.now - start)")
            reused.explanations = findings
            teamCoverage(problem, into: &reused, stage: options.stageTeams, timeLimit: remaining(options.timeLimit, clock, start))
            if options.closeGaps {
                reused.improvements = GapCloser.improvements(problem, plan: reused, weights: weights,
                                                             deadline: remaining(options.timeLimit, clock, start))
            }
            let elapsed = clock.now - start
            reused.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return reused
        }

        // Worst-case share columns go in before the first solve, so the starting plan covers them.
        let risk = problem.policy.risk
        let worstPeople = risk == .worstCase ? siting.addWorstShare(kits: false) : nil
        let worstKits = risk == .worstCase && siting.supplied.contains(where: { $0.contains { $0 != nil } })
            ? siting.addWorstShare(kits: true) : nil
        var incumbent: [Double]?
        var held = CostSplit.Held()
        var stages: [(level: Level, expression: LinearExpression)] = []
        var proven = true
        // Rule 1 on the shelters alone: warehouses only spend budget there, so the optimum is the
        // same, and the supply part's integers do not slow the search.
        let people = try peopleFirst(problem, options: options, clock: clock, start: start)
        if let people {
            proven = people.proven
            if let t = worstPeople { siting.model.addConstraint(LinearExpression(t) <= people.worstShare + 1e-9) }
            if worstPeople != nil { held.worstUnshelteredShare = people.worstShare }
            held.unsheltered = people.unsheltered
            let level = siting.unshelteredLevel(weights: weights)
            siting.model.addConstraint(level <= people.unsheltered + 1e-7 * max(1, abs(people.unsheltered)))
            var start = SitingHeuristic(problem, fixedShelters: people.shelterOpen).values(for: siting)
            for (i, a) in siting.assignments.enumerated() {
                start[a.people.index] = people.assigned[i]
                if let c = a.choice { start[c.index] = people.chosen[i] }
            }
            for (h, row) in siting.unsheltered.enumerated() {
                for (a, u) in row.enumerated() {
                    guard let u else { continue }
                    start[u.index] = people.unshelteredByArea[h][a]
                    if let b = siting.served[h][a] { start[b.index] = min(problem.hazards[h].displaced[a] - start[u.index], siting.supplied[h][a].map { start[$0.index] } ?? .infinity) }
                }
            }
            if let t = worstPeople { start[t.index] = people.worstShare }
            if let t = worstKits { start[t.index] = 1 }
            if satisfiesEveryRow(start, siting.model) { incumbent = start }
        } else {
            if let t = worstPeople { stages.append((.worstUnshelteredShare, LinearExpression(t))) }
            stages.append((.unsheltered, siting.unshelteredLevel(weights: weights)))
        }
        if incumbent == nil, let plan = options.startPlan {
            let start = siting.values(from: plan)
            if satisfiesEveryRow(start, siting.model) { incumbent = start }
        }
        if incumbent == nil, options.useGreedyIncumbent {
            var start = SitingHeuristic(problem).values(for: siting)
            if let t = worstPeople { start[t.index] = 1 }
            if let t = worstKits { start[t.index] = 1 }
            if satisfiesEveryRow(start, siting.model) { incumbent = start }
        }
        let greedy = incumbent

        if let t = worstKits { stages.append((.worstWithoutKitShare, LinearExpression(t))) }
        stages.append((.withoutKit, siting.withoutKitLevel(weights: weights)))
        stages.append((.itemsShort, siting.itemsShortLevel(weights: weights)))
        stages.append((.cost, siting.costTerm))

        var values: [Double]?
        var last: SolveResult?
        var costResult: SolveResult?
        // Rules 2–4 with the shelter and supply parts apart, when only the budget ties them
        // (``CostSplit``); otherwise, or when that finds nothing, on the full model.
        if people != nil, CostSplit.applies(problem, options: options),
           let outcome = try CostSplit.run(&siting, incumbent: incumbent, held: held, worstKits: worstKits, weights: weights,
                                           options: options, clock: clock, start: start) {
            values = outcome.values
            proven = proven && outcome.needsProven
            trace("split cost \(outcome.cost.termination) obj=\(outcome.cost.objectiveValue ?? .nan) bound=\(outcome.cost.bestBound ?? .nan) whole=\(outcome.costOnWholeModel) t=\(clock.now - start)")
            if outcome.costOnWholeModel {
                incumbent = trimmed(outcome.values, siting)
                stages = [(.cost, siting.costTerm)]
            } else {
                last = outcome.cost
                costResult = outcome.cost
                plan.incumbentAccepted = outcome.cost.initialSolutionAccepted
                stages = []
            }
        }
        for (index, stage) in stages.enumerated() {
            if stage.expression.indices.isEmpty && stage.level != .cost { continue }
            siting.model.minimize(stage.expression)
            var stageOptions = SolveOptions()
            stageOptions.relativeGap = stage.level == .cost ? options.relativeGap : 1e-9
            stageOptions.cuts = options.cuts || stage.level == .cost
            stageOptions.timeLimit = remaining(options.timeLimit.map { $0 * 0.9 }, clock, start)
            if stage.level != .cost {
                // A rule of needs gets its share of the time; unproven, the plan says so (needs_proven).
                let share = options.needStageTimeLimit
                stageOptions.timeLimit = stageOptions.timeLimit.map { min($0, share) } ?? share
                stageOptions.relativeGap = CostSplit.latticeGap(stage.expression, siting.model) ?? 1e-9
            }
            stageOptions.initialSolution = incumbent
            if stage.level == .cost, let progress = options.progress { stageOptions.progress = progress }
            if stage.level == .cost, options.timeLimit == nil { stageOptions.timeLimit = options.costStageTimeLimit }
            let result = try solveWithinBudgets(&siting, options: stageOptions)
            trace("stage \(stage.level) \(result.termination) obj=\(result.objectiveValue ?? .nan) bound=\(result.bestBound ?? .nan) root=\(result.rootBound ?? .nan) nodes=\(result.nodes) start=\(result.initialSolutionAccepted.map(String.init) ?? "-") t=\(clock.now - start)")
            last = result
            if index == 0 || plan.incumbentAccepted == nil { plan.incumbentAccepted = result.initialSolutionAccepted }
            if stage.level == .cost { costResult = result }
            guard let found = result.values else {
                if incumbent == nil {
                    plan.status = result.status
                    if result.termination == .limitReached(.time), let greedy {
                        values = greedy
                        plan.status = .feasible
                        plan.solutionSource = .greedy
                    }
                    if result.status == .infeasible, siting.hasServiceLevels {
                        plan.serviceLevelShortfalls = try explainServiceLevels(problem, flowPairLinks: options.flowPairLinks,
                                                                                timeLimit: remaining(options.timeLimit, clock, start))
                    }
                    break
                }
                // A later rule ran out of time: keep the plan of the rule before.
                proven = proven && stage.level == .cost
                break
            }
            values = found
            incumbent = trimmed(found, siting)
            if result.termination != .optimal { if stage.level != .cost { proven = false } }
            if stage.level != .cost {
                // Hold this rule at its optimum for the rules after it.
                let optimum = stage.expression.evaluated(at: found)
                siting.model.addConstraint(stage.expression <= optimum + 1e-7 * max(1, abs(optimum)))
                switch stage.level {
                case .worstUnshelteredShare: held.worstUnshelteredShare = optimum
                case .unsheltered: held.unsheltered = optimum
                case .worstWithoutKitShare: held.worstWithoutKitShare = optimum
                case .withoutKit: held.withoutKit = optimum
                case .itemsShort: held.itemsShort = optimum
                case .cost: break
                }
            }
            if clock.now - start > (options.timeLimit ?? .seconds(1e9)) * 0.9 { if stage.level != .cost { proven = false }; break }
        }
        if plan.status == .noSolution, values != nil { plan.status = .optimal }
        if let result = costResult ?? last, values != nil, plan.solutionSource == .glpk {
            plan.status = (result.termination == .optimal && proven) ? .optimal : .feasible
            if costResult != nil {
                plan.bound = result.bestBound
                plan.gap = result.relativeGap
                plan.lpBound = result.rootBound
            }
        }

        if let values {
            do {
                try fixAndExtract(values, from: siting, into: &plan)
            } catch let failure as FixFailure {
                plan.status = .error
                plan.verification = [PlanViolation(constraint: .wholeUnits, message: failure.message)]
            }
            trace("fixed and extracted t=\(clock.now - start)")
            if plan.status != .error {
                plan.levels = levels(of: plan, problem: problem, weights: weights, proven: proven && plan.solutionSource == .glpk)
                plan.objective = plan.levels?.cost
                plan.unmetReasons = problem.unmetReasons(of: plan, decisions: options.decisions)
                plan.verification = PlanVerifier.violations(of: plan, problem: problem, decisions: options.decisions)
                if !plan.verification.isEmpty { plan.status = .error }
                trace("verified t=\(clock.now - start)")
            }
            teamCoverage(problem, into: &plan, stage: options.stageTeams && plan.status != .error,
                         timeLimit: remaining(options.timeLimit, clock, start))
            if options.closeGaps && plan.status != .error {
                plan.improvements = GapCloser.improvements(problem, plan: plan, weights: weights,
                                                           deadline: remaining(options.timeLimit, clock, start))
                trace("gap closers t=\(clock.now - start)")
            }
        } else {
            teamCoverage(problem, into: &plan, stage: false, timeLimit: nil)
        }
        let elapsed = clock.now - start
        plan.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return plan
    }

    /// `base`'s plan as a plan of `problem`, a restriction of `base`'s problem: its first stage
    /// (sites and stock) must keep `problem`'s site decisions, its second stage is planned again
    /// (``fixAndExtract``) and checked exactly (``PlanVerifier``), and then every rule must be
    /// at most `base`'s value (within 1e-7, relative: the rows a rule is held by allow that much).
    /// A restriction cannot do better than `base`'s optimum on any rule with the rules before it
    /// held, so the plan is optimal here, rule by rule, and `base`'s cost bound bounds it.
    /// nil when `base` is not proven optimal within `relativeGap` or its plan does not carry over.
    static func planOfRestriction(_ base: SitingPlan, problem p: SitingProblem, siting: SitingModel, decisions: SiteDecisions,
                                  weights: [Double], size: SitingPlan.ModelSize, relativeGap: Double) throws -> SitingPlan? {
        guard base.status == .optimal, base.solutionSource == .glpk, base.verification.isEmpty,
              let baseLevels = base.levels, baseLevels.needsProven, let bound = base.bound else { return nil }
        let openW = Set(base.openWarehouses), openS = Set(base.openShelters)
        for (w, warehouse) in p.warehouses.enumerated() {
            let open = openW.contains(warehouse.id)
            if open && decisions.forbiddenWarehouses.contains(w) || !open && decisions.requiredWarehouses.contains(w) { return nil }
            if !open && warehouse.isExisting { return nil }
        }
        for (k, shelter) in p.shelters.enumerated() {
            let open = openS.contains(shelter.id)
            if open && decisions.forbiddenShelters.contains(k) || !open && decisions.requiredShelters.contains(k) { return nil }
            if !open && shelter.isExisting { return nil }
        }
        if let budget = p.policy.budget, openingCost(p, base) > Exact.decimal(budget) { return nil }
        if let stockBudget = p.policy.stockBudget, stockCost(p, base) > Exact.decimal(stockBudget) { return nil }
        var plan = SitingPlan(
            status: .optimal, objective: nil, openWarehouses: [], stock: [:], openShelters: [], hazards: [:],
            bound: nil, gap: nil, lpBound: nil, seconds: 0, objectiveTerms: nil, spending: nil, explanations: [],
            shadowPrices: nil, modelSize: size, teamStaging: nil, incumbentAccepted: nil)
        do {
            try fixAndExtract(siting.values(from: base), from: siting, into: &plan)
        } catch is FixFailure {
            return nil
        }
        // The first stage must be the base's: sites and stock as planned there.
        guard Set(plan.openWarehouses) == openW, Set(plan.openShelters) == openS, plan.stock == base.stock else { return nil }
        let levels = levels(of: plan, problem: p, weights: weights, proven: true)
        func within(_ mine: Double?, _ theirs: Double?) -> Bool {
            switch (mine, theirs) {
            case (nil, nil): return true
            case let (a?, b?): return a <= b + 1e-7 * max(1, abs(b))
            default: return false
            }
        }
        guard within(levels.worstUnshelteredShare, baseLevels.worstUnshelteredShare), within(levels.unsheltered, baseLevels.unsheltered),
              within(levels.worstWithoutKitShare, baseLevels.worstWithoutKitShare), within(levels.withoutKit, baseLevels.withoutKit),
              within(levels.itemsShort, baseLevels.itemsShort), within(levels.cost, baseLevels.cost) else { return nil }
        plan.levels = levels
        plan.objective = levels.cost
        plan.unmetReasons = p.unmetReasons(of: plan, decisions: decisions)
        plan.verification = PlanVerifier.violations(of: plan, problem: p, decisions: decisions)
        guard plan.verification.isEmpty else { return nil }
        plan.bound = min(bound, levels.cost)
        plan.gap = Tolerance.relativeGap(objective: levels.cost, bound: plan.bound!)
        // Optimal only within the gap this solve asks for (the base may have been solved to a looser one).
        guard let gap = plan.gap, gap <= relativeGap else { return nil }
        plan.lpBound = base.lpBound
        plan.carriedOver = true
        return plan
    }

    /// Stage timings on standard error when `YUBEI_TRACE_SITING` is set (for benchmarking).
    static let tracing = ProcessInfo.processInfo.environment["YUBEI_TRACE_SITING"] != nil
    static func trace(_ message: @autoclosure () -> String) {
        guard tracing else { return }
        FileHandle.standardError.write(Data(("siting: " + message() + "\n").utf8))
    }

    /// Rule 1 (and the worst share first under `worst-case`) on the shelter part alone.
    struct PeopleFirst {
        var worstShare: Double
        var unsheltered: Double
        var shelterOpen: [Bool]
        var assigned: [Double]
        var chosen: [Double]
        var unshelteredByArea: [[Double]]
        var proven: Bool
    }

    private static func peopleFirst(_ problem: SitingProblem, options: SitingOptions, clock: ContinuousClock,
                                    start: ContinuousClock.Instant) throws -> PeopleFirst? {
        var q = problem
        q.supplies = []
        q.warehouses = []
        q.supplyLinks = []
        for h in q.hazards.indices { q.hazards[h].closedWarehouses = [] }
        if problem.hazards.contains(where: { $0.requiredServed > 0 }) { return nil }
        var siting = SitingModel(q, flowPairLinks: false, serviceLevels: .none)
        siting.hold(options.decisions)
        let weights = levelWeights(problem)
        var stages: [LinearExpression] = []
        var worst: Variable?
        if problem.policy.risk == .worstCase { worst = siting.addWorstShare(kits: false); stages.append(LinearExpression(worst!)) }
        stages.append(siting.unshelteredLevel(weights: weights))
        var values: [Double]?
        var proven = true
        for expression in stages {
            siting.model.minimize(expression)
            var stageOptions = SolveOptions()
            stageOptions.relativeGap = 1e-9
            stageOptions.timeLimit = remaining(options.timeLimit.map { $0 * 0.4 }, clock, start)
            stageOptions.initialSolution = values
            let result = try solveWithinBudgets(&siting, options: stageOptions)
            trace("people \(result.termination) obj=\(result.objectiveValue ?? .nan) nodes=\(result.nodes) t=\(clock.now - start)")
            guard let found = result.values else { return values == nil ? nil : nil }
            if result.termination != .optimal { proven = false }
            values = found
            let optimum = expression.evaluated(at: found)
            siting.model.addConstraint(expression <= optimum + 1e-7 * max(1, abs(optimum)))
        }
        guard let x = values else { return nil }
        return PeopleFirst(
            worstShare: worst.map { x[$0.index] } ?? 0,
            unsheltered: siting.unshelteredLevel(weights: weights).evaluated(at: x),
            shelterOpen: siting.shelterOpen.map { x[$0.index] > 0.5 },
            assigned: siting.assignments.map { x[$0.people.index] },
            chosen: siting.assignments.map { $0.choice.map { x[$0.index].rounded() } ?? 0 },
            unshelteredByArea: siting.unsheltered.map { row in row.map { $0.map { x[$0.index] } ?? 0 } },
            proven: proven)
    }

    /// The rules of the objective order.
    enum Level: Sendable { case worstUnshelteredShare, unsheltered, worstWithoutKitShare, withoutKit, itemsShort, cost }

    /// ωₕ of rules 1–3: the objective weight (`expected`, and the tie-breaker of `worst-case`) or 1.
    static func levelWeights(_ p: SitingProblem) -> [Double] {
        p.policy.risk == .everyHazard ? p.hazards.map { _ in 1 } : p.hazards.map(\.weight)
    }

    /// Whether the openings and stock of `values` keep the opening and stock budgets exactly
    /// (the integer columns rounded), as ``solveWithinBudgets(_:options:separate:)`` checks them.
    static func keepsBudgetsExactly(_ values: [Double], _ siting: SitingModel) -> Bool {
        overBudgetOpenings(values, siting) == nil && stockOvershoot(values, siting) == nil
    }

    /// The candidate warehouses and shelters `values` opens when their fixed costs, summed
    /// exactly, exceed `policy.budget`; nil within it (or without one).
    private static func overBudgetOpenings(_ values: [Double], _ siting: SitingModel) -> (warehouses: [Int], shelters: [Int])? {
        let p = siting.problem
        guard let budget = p.policy.budget else { return nil }
        let openW = p.warehouses.indices.filter { !p.warehouses[$0].isExisting && values[siting.warehouseOpen[$0].index] > 0.5 }
        let openS = p.shelters.indices.filter { !p.shelters[$0].isExisting && values[siting.shelterOpen[$0].index] > 0.5 }
        let spent = Exact.sum(openW.map { p.warehouses[$0].fixedCost }) + Exact.sum(openS.map { p.shelters[$0].fixedCost })
        return spent > Exact.decimal(budget) ? (openW, openS) : nil
    }

    /// How far the stock `values` buys (whole units, priced exactly) exceeds
    /// `policy.stock_budget`; nil within it (or without one).
    private static func stockOvershoot(_ values: [Double], _ siting: SitingModel) -> Decimal? {
        let p = siting.problem
        guard let stockBudget = p.policy.stockBudget else { return nil }
        var spent = Decimal()
        for row in siting.stock {
            for (s, v) in row.enumerated() {
                guard let v else { continue }
                spent += Exact.decimal(values[v.index].rounded()) * Exact.decimal(p.supplies[s].unitCost)
            }
        }
        let limit = Exact.decimal(stockBudget)
        return spent > limit ? spent - limit : nil
    }

    /// Solves, then checks the budgets exactly on the integer decisions as rounded: a set of
    /// candidates whose costs exceed the budget (taken only within GLPK's tolerances, e.g. a
    /// binary at 0.999995) is cut off by a cover row Σ z ≤ |set| − 1, valid for every plan within
    /// budget, and the model solved again; likewise a stock purchase over `stock_budget` lowers
    /// that row's right-hand side by the overshoot.
    ///
    /// With `separate`, each solve separates rows at the nodes (``Model/solve(options:lazyConstraints:heuristic:)``).
    static func solveWithinBudgets(_ siting: inout SitingModel, options: SolveOptions,
                                   separate: ((LazyConstraintRequest) -> [LinearConstraint])? = nil) throws -> SolveResult {
        let p = siting.problem
        func solve() throws -> SolveResult {
            if let separate { return try siting.model.solve(options: options, lazyConstraints: separate) }
            return try siting.model.solve(options: options)
        }
        for _ in 0..<50 {
            let result = try solve()
            guard let values = result.values else { return result }
            var over = false
            if let (openW, openS) = overBudgetOpenings(values, siting) {
                var cover = LinearExpression()
                for w in openW { cover.add(1, siting.warehouseOpen[w]) }
                for k in openS { cover.add(1, siting.shelterOpen[k]) }
                siting.model.addConstraint(cover <= Double(openW.count + openS.count - 1))
                over = true
            }
            if let overshoot = stockOvershoot(values, siting), let stockBudget = p.policy.stockBudget {
                var expression = LinearExpression()
                for row in siting.stock {
                    for (s, v) in row.enumerated() {
                        guard let v else { continue }
                        expression.add(p.supplies[s].unitCost, v)
                    }
                }
                siting.model.addConstraint(expression <= stockBudget - NSDecimalNumber(decimal: overshoot).doubleValue)
                over = true
            }
            if !over { return result }
        }
        return try solve()
    }

    /// `x` with what no hazard uses taken away: stock beyond the most any hazard ships, and
    /// candidate sites that serve nobody. Needs are untouched, every row still holds (stock,
    /// volume and budget rows only get slack), and the cost can only fall, so the next rule
    /// starts from a cheaper plan; returned unchanged if the result fails a row.
    static func trimmed(_ x: [Double], _ siting: SitingModel) -> [Double] {
        let p = siting.problem
        var y = x
        var shipped = Array(repeating: Array(repeating: 0.0, count: p.supplies.count), count: p.warehouses.count)
        var perHazard = p.hazards.map { _ in Array(repeating: Array(repeating: 0.0, count: p.supplies.count), count: p.warehouses.count) }
        for f in siting.flows {
            let w = p.supplyLinks[f.link].warehouse
            perHazard[f.hazard][w][f.supply] += x[f.variable.index]
        }
        for h in perHazard.indices { for w in p.warehouses.indices { for s in p.supplies.indices { shipped[w][s] = max(shipped[w][s], perHazard[h][w][s]) } } }
        for (w, row) in siting.stock.enumerated() {
            for (s, v) in row.enumerated() {
                guard let v else { continue }
                y[v.index] = min(x[v.index], (shipped[w][s] - 1e-9).rounded(.up))
            }
        }
        for (w, site) in p.warehouses.enumerated() where !site.isExisting {
            if shipped[w].allSatisfy({ $0 <= 1e-9 }) { y[siting.warehouseOpen[w].index] = 0 }
        }
        var used = Array(repeating: false, count: p.shelters.count)
        for a in siting.assignments where x[a.people.index] > 1e-9 { used[p.shelterLinks[a.link].shelter] = true }
        for a in siting.assignments where x[a.people.index] <= 1e-9 { if let c = a.choice { y[c.index] = 0 } }
        for (k, site) in p.shelters.enumerated() where !site.isExisting && !used[k] { y[siting.shelterOpen[k].index] = 0 }
        return satisfiesEveryRow(y, siting.model) ? y : x
    }

    /// Whether `x` satisfies every row and bound of `model` (within 1e-7, relative).
    static func satisfiesEveryRow(_ x: [Double], _ model: Model) -> Bool {
        guard x.count == model.variables.count else { return false }
        for row in model.constraints {
            let value = zip(row.indices, row.coefficients).reduce(0.0) { $0 + $1.1 * x[$1.0] }
            let scale = max(1, abs(row.lowerBound ?? 0), abs(row.upperBound ?? 0))
            if let l = row.lowerBound, value < l - 1e-7 * scale { return false }
            if let u = row.upperBound, value > u + 1e-7 * scale { return false }
        }
        for (j, v) in model.variables.enumerated() {
            if let l = v.lowerBound, x[j] < l - 1e-9 { return false }
            if let u = v.upperBound, x[j] > u + 1e-9 { return false }
            if v.kind.isInteger, x[j] != x[j].rounded() { return false }
        }
        return true
    }

    private static func remaining(_ limit: Duration?, _ clock: ContinuousClock, _ start: ContinuousClock.Instant) -> Duration? {
        guard let limit else { return nil }
        return max(.seconds(1), limit - (clock.now - start))
    }

    struct FixFailure: Error { var message: String }

    /// Fixes every integer decision of `values` (rounded), solves the continuous rest again as
    /// LPs (people unsheltered first, then cost with them held), rounds the basic optimum (whole
    /// by total unimodularity, see ``SitingModel``) and writes the plan.
    static func fixAndExtractPublic(_ mip: [Double], from siting: SitingModel, into plan: inout SitingPlan) throws {
        try fixAndExtract(mip, from: siting, into: &plan)
    }

    private static func fixAndExtract(_ mip: [Double], from siting: SitingModel, into plan: inout SitingPlan) throws {
        let p = siting.problem
        var fixed = SitingModel(p, relaxed: true, flowPairLinks: false, serviceLevels: .none)
        func round(_ x: Double, _ what: String) throws -> Double {
            let r = x.rounded()
            guard abs(x - r) <= 1e-6 else { throw FixFailure(message: "\(what) is \(x) after the MIP, not a whole number") }
            return r
        }
        for (w, v) in siting.warehouseOpen.enumerated() {
            let r = try round(mip[v.index], "opening of \(p.warehouses[w].id)")
            fixed.model.setBounds(of: fixed.warehouseOpen[w], lower: r, upper: r)
        }
        for (k, v) in siting.shelterOpen.enumerated() {
            let r = try round(mip[v.index], "opening of \(p.shelters[k].id)")
            fixed.model.setBounds(of: fixed.shelterOpen[k], lower: r, upper: r)
        }
        for (w, row) in siting.stock.enumerated() {
            for (s, v) in row.enumerated() {
                guard let v, let f = fixed.stock[w][s] else { continue }
                let r = try round(mip[v.index], "stock of \(p.supplies[s].id) at \(p.warehouses[w].id)")
                fixed.model.setBounds(of: f, lower: r, upper: r)
            }
        }
        for (i, a) in siting.assignments.enumerated() {
            guard let c = a.choice, let fc = fixed.assignments[i].choice else { continue }
            let r = try round(mip[c.index], "shelter choice")
            fixed.model.setBounds(of: fc, lower: r, upper: r)
        }
        // Units short as the MIP left them (whole); the kits follow from the deliveries.
        for (h, rows) in siting.supplyShort.enumerated() {
            for (a, row) in rows.enumerated() {
                for (s, v) in row.enumerated() {
                    guard let v, let f = fixed.supplyShort[h][a][s] else { continue }
                    let r = try round(mip[v.index], "units of \(p.supplies[s].id) short")
                    fixed.model.setBounds(of: f, lower: r, upper: r)
                }
                if let k = fixed.supplied[h][a] { fixed.model.setBounds(of: k, lower: 0, upper: 0) }
            }
        }
        // 1. Fewest unsheltered with the sites and choices fixed (a transportation problem).
        var people = LinearExpression()
        for row in fixed.unsheltered { for u in row { if let u { people.add(1, u) } } }
        fixed.model.minimize(people)
        var options = SolveOptions()
        options.presolve = false
        let first = try fixed.model.solve(options: options)
        guard let firstValues = first.values else {
            throw FixFailure(message: "with the MIP's whole-unit decisions fixed, the rest has no solution (\(first.status.rawValue))")
        }
        for row in fixed.unsheltered {
            for u in row {
                guard let u else { continue }
                let r = try round(firstValues[u.index], "people unsheltered")
                fixed.model.setBounds(of: u, lower: r, upper: r)
            }
        }
        // 2. Cheapest evacuation and transport with those held.
        fixed.model.minimize(fixed.transportTerm)
        let second = try fixed.model.solve(options: options)
        guard let x = second.values else {
            throw FixFailure(message: "with people unsheltered fixed, evacuation and transport have no solution (\(second.status.rawValue))")
        }
        try extract(x, from: fixed, into: &plan, round: round)
    }

    private static func extract(_ values: [Double], from siting: SitingModel, into plan: inout SitingPlan,
                                round: (Double, String) throws -> Double) throws {
        let p = siting.problem
        plan.openWarehouses = p.warehouses.indices.filter { values[siting.warehouseOpen[$0].index] > 0.5 }.map { p.warehouses[$0].id }
        plan.openShelters = p.shelters.indices.filter { values[siting.shelterOpen[$0].index] > 0.5 }.map { p.shelters[$0].id }
        plan.stock = [:]
        for (w, row) in siting.stock.enumerated() {
            var held: [String: Double] = [:]
            for (s, v) in row.enumerated() {
                guard let v else { continue }
                let q = try round(values[v.index], "stock")
                if q > 0 { held[p.supplies[s].id] = q }
            }
            if !held.isEmpty { plan.stock[p.warehouses[w].id] = held }
        }
        var hazards = p.hazards.map { _ in
            SitingPlan.HazardPlan(shelterAssignment: [:], supplyFlows: [], unmet: .init(peopleUnsheltered: [:], supplies: [:]),
                                  teamCoverage: .init(uncovered: []), summary: .init())
        }
        var sheltered = p.hazards.map { _ in Array(repeating: 0.0, count: p.areas.count) }
        for a in siting.assignments {
            let q = try round(values[a.people.index], "people assigned")
            guard q > 0 else { continue }
            let link = p.shelterLinks[a.link]
            hazards[a.hazard].shelterAssignment[p.areas[link.area].id, default: [:]][p.shelters[link.shelter].id, default: 0] += q
            sheltered[a.hazard][link.area] += q
        }
        var delivered = p.hazards.map { _ in Array(repeating: Array(repeating: 0.0, count: p.supplies.count), count: p.areas.count) }
        for f in siting.flows {
            let q = try round(values[f.variable.index], "units carried")
            guard q > 0 else { continue }
            let link = p.supplyLinks[f.link]
            hazards[f.hazard].supplyFlows.append(.init(from: p.warehouses[link.warehouse].id, to: p.areas[link.area].id,
                                                       supply: p.supplies[f.supply].id, quantity: q))
            delivered[f.hazard][link.area][f.supply] += q
        }
        for (h, hazard) in p.hazards.enumerated() {
            hazards[h].supplyFlows.sort { ($0.to, $0.supply, $0.from) < ($1.to, $1.supply, $1.from) }
            var summary = SitingPlan.Summary()
            for (a, area) in p.areas.enumerated() {
                let d = hazard.displaced[a]
                let unsheltered = d - sheltered[h][a]
                if unsheltered > 0 { hazards[h].unmet.peopleUnsheltered[area.id] = unsheltered }
                var full = d
                for (s, supply) in p.supplies.enumerated() {
                    let short = supply.need(people: d) - delivered[h][a][s]
                    if short > 0 { hazards[h].unmet.supplies[area.id, default: [:]][supply.id] = short }
                    if supply.perPerson > 0 { full = min(full, supply.peopleServed(units: delivered[h][a][s])) }
                }
                if d - full > 0 { hazards[h].unmet.peopleWithoutKit[area.id] = d - full }
                summary.displaced += d
                summary.sheltered += sheltered[h][a]
                summary.unsheltered += unsheltered
                summary.fullySupplied += full
                summary.shelteredAndSupplied += min(sheltered[h][a], full)
            }
            hazards[h].summary = summary
            plan.hazards[hazard.id] = hazards[h]
        }
        let terms = SitingPlan.ObjectiveTerms(
            opening: siting.openingTerm.evaluated(at: values.map { $0.rounded() }),
            stock: siting.stockTerm.evaluated(at: values.map { $0.rounded() }),
            expectedTransport: siting.transportTerm.evaluated(at: values.map { $0.rounded() }))
        plan.objectiveTerms = terms
        plan.spending = .init(opening: NSDecimalNumber(decimal: openingCost(p, plan)).doubleValue, budget: p.policy.budget,
                              stock: NSDecimalNumber(decimal: stockCost(p, plan)).doubleValue, stockBudget: p.policy.stockBudget)
    }

    /// Σ fixed cost of the candidates `plan` opens, exactly.
    static func openingCost(_ p: SitingProblem, _ plan: SitingPlan) -> Decimal {
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        return Exact.sum(p.warehouses.filter { !$0.isExisting && openW.contains($0.id) }.map(\.fixedCost))
            + Exact.sum(p.shelters.filter { !$0.isExisting && openS.contains($0.id) }.map(\.fixedCost))
    }

    /// Σ unit cost × stock of `plan`, exactly.
    static func stockCost(_ p: SitingProblem, _ plan: SitingPlan) -> Decimal {
        var total = Decimal()
        for supply in p.supplies {
            let units = plan.stock.values.reduce(0.0) { $0 + ($1[supply.id] ?? 0) }
            total += Exact.decimal(units) * Exact.decimal(supply.unitCost)
        }
        return total
    }

    /// The rules of the objective order evaluated on the written plan.
    static func levels(of plan: SitingPlan, problem p: SitingProblem, weights: [Double], proven: Bool) -> SitingPlan.Levels {
        var unsheltered = 0.0, withoutKit = 0.0, itemsShort = 0.0
        var worstPeople = 0.0, worstKits = 0.0
        for (h, hazard) in p.hazards.enumerated() {
            guard let hp = plan.hazards[hazard.id] else { continue }
            let u = hp.unmet.peopleUnsheltered.values.reduce(0.0, +)
            let k = hp.unmet.peopleWithoutKit.values.reduce(0.0, +)
            unsheltered += weights[h] * u
            withoutKit += weights[h] * k
            for row in hp.unmet.supplies.values {
                for supply in p.supplies { itemsShort += weights[h] * supply.priority * (row[supply.id] ?? 0) }
            }
            let total = hazard.totalDisplaced
            if total > 0 { worstPeople = max(worstPeople, u / total); worstKits = max(worstKits, k / total) }
        }
        let worst = p.policy.risk == .worstCase
        return SitingPlan.Levels(
            risk: p.policy.risk.rawValue,
            hazardWeights: Dictionary(p.hazards.enumerated().map { ($1.id, weights[$0]) }, uniquingKeysWith: { a, _ in a }),
            worstUnshelteredShare: worst ? worstPeople : nil, unsheltered: unsheltered,
            worstWithoutKitShare: worst ? worstKits : nil, withoutKit: withoutKit, itemsShort: itemsShort,
            cost: (plan.objectiveTerms.map { $0.opening + $0.stock + $0.expectedTransport }) ?? 0, needsProven: proven)
    }

    private static func teamCoverage(_ problem: SitingProblem, into plan: inout SitingPlan, stage: Bool, timeLimit: Duration?) {
        let needs = TeamCoverageAnalysis.needs(problem)
        for (need, covered) in needs where !covered {
            plan.hazards[problem.hazards[need.hazard].id]?.teamCoverage.uncovered.append(
                .init(area: problem.areas[need.area].id, specialty: need.specialty))
        }
        guard stage, !problem.teams.isEmpty else { return }
        var sites = Set<SitingProblem.Site>()
        for (w, warehouse) in problem.warehouses.enumerated() where plan.openWarehouses.contains(warehouse.id) { sites.insert(.warehouse(w)) }
        for (k, shelter) in problem.shelters.enumerated() where plan.openShelters.contains(shelter.id) { sites.insert(.shelter(k)) }
        guard let staging = try? TeamCoverageAnalysis.stage(problem, sites: sites, timeLimit: timeLimit) else { return }
        var chosen: [String: SitingPlan.StagingSite] = [:]
        for (t, team) in problem.teams.enumerated() {
            switch staging.sites[t] {
            case .none: chosen[team.id] = .base
            case .warehouse(let w)?: chosen[team.id] = .site(problem.warehouses[w].id)
            case .shelter(let k)?: chosen[team.id] = .site(problem.shelters[k].id)
            }
        }
        plan.teamStaging = .init(status: staging.status, sites: chosen, coveredBefore: staging.coveredBefore,
                                 coveredAfter: staging.coveredAfter)
        for (h, hazard) in problem.hazards.enumerated() {
            plan.hazards[hazard.id]?.teamCoverage.uncoveredAfterStaging = staging.uncovered
                .filter { $0.hazard == h }
                .map { SitingPlan.TeamCoverage.Gap(area: problem.areas[$0.area].id, specialty: $0.specialty) }
                .sorted { ($0.area, $0.specialty) < ($1.area, $1.specialty) }
        }
    }
}
