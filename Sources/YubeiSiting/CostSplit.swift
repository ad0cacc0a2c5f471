import Foundation
import YubeiOptimization

/// The cost rule solved as two smaller MILPs, when the model allows it: the shelter part
/// (shelters opened, people assigned: opening of shelters + evacuation) and the supply part
/// (warehouses opened, stock, deliveries: opening of warehouses + stock + transport).
///
/// With rules 1–3 held by the rows `Σ ωU ≤ u*`, `−Σ ωN ≤ k*` and `Σ ω·priority·V ≤ v*`, the
/// cost model's columns fall in two groups that share no row except the opening `budget`: U, x,
/// c, z in the shelter rows and the first hold row; N, V, f, S, y in the supply rows and the
/// other two. (Service levels tie U to N and capped hazards tie both to one row: the split is
/// not used then.) Dropping the joint budget row (each part keeps it for its own sites) gives a
/// relaxation whose optimum is the sum of the two parts' optima, so
///
///     bound(cost) ≥ bound(shelter part) + bound(supply part),
///
/// and when the two plans together keep the joint budget they are a plan of the full model
/// (checked row by row by ``SitingSolver/satisfiesEveryRow(_:_:)``), optimal within the larger of
/// the two gaps. Otherwise the caller falls back to the full model. Two small searches close
/// their gaps much faster than one search over the product of both.
enum CostSplit {
    /// The rules' held right-hand sides, as added to the full model.
    struct Held {
        var worstUnshelteredShare: Double?
        var unsheltered: Double?
        var worstWithoutKitShare: Double?
        var withoutKit: Double?
        var itemsShort: Double?
    }

    /// Whether the cost rule of `problem` under `options` splits into the two parts.
    static func applies(_ problem: SitingProblem, options: SitingOptions) -> Bool {
        options.splitParts && !problem.hazards.contains { $0.requiredServed > 0 } && options.decisions.cappedHazards.isEmpty
            && !problem.shelters.isEmpty && !problem.warehouses.isEmpty && !problem.supplies.isEmpty
    }

    /// What ``run(_:incumbent:held:worstKits:weights:options:clock:start:)`` found.
    struct Outcome {
        /// A plan of the full model, rules 2 and 3 held in it.
        var values: [Double]
        /// The cost rule: the plan's cost, the joint bound and why the search stopped.
        var cost: SolveResult
        /// Whether rules 2 and 3 were proven.
        var needsProven: Bool
        /// The parts' cheapest plans overspent the budget together: `values` is a plan (the
        /// shelters planned again within what the warehouses leave) but the sum of the parts'
        /// bounds is no bound for it; the cost rule is to be searched on the whole model from it.
        var costOnWholeModel = false
    }

    /// Rules 2–4 with the parts apart (rule 1 is held in `siting` already).
    ///
    /// With a budget B the parts share, the shelter part first finds C, the least it can spend
    /// on opening while keeping rule 1. Every plan spends at least C on shelters, so the supply
    /// part with the budget B − C is a relaxation of the full model for rules 2 and 3, and its
    /// optimum together with that cheapest shelter plan is a plan of the full model: the
    /// optimum of rules 2 and 3, exactly. The cost rule then solves both parts for cost (the
    /// supply part still within B − C, so that the sum of bounds stays a bound); when the two
    /// together overspend B, the shelter part is solved again within what the warehouses leave
    /// (C fits in it, so it has a plan), and that plan starts the cost rule on the whole model.
    ///
    /// Returns nil when a step finds nothing or C is not proven: the caller then solves the
    /// full model; the rows added to `siting` (rules 2 and 3 at their optimum) stay valid.
    static func run(_ siting: inout SitingModel, incumbent: [Double]?, held: Held, worstKits: Variable?, weights: [Double],
                    options: SitingOptions, clock: ContinuousClock, start: ContinuousClock.Instant) throws -> Outcome? {
        let p = siting.problem
        func remaining(_ limit: Duration?) -> Duration? {
            guard let limit else { return nil }
            return max(.seconds(1), limit - (clock.now - start))
        }
        let overall = options.timeLimit.map { $0 * 0.9 }

        // Shelter part, rule 1 held.
        var q = p
        q.supplies = []
        q.warehouses = []
        q.supplyLinks = []
        for h in q.hazards.indices { q.hazards[h].closedWarehouses = [] }
        func shelterPart(budget: Double?) -> SitingModel {
            var r = q
            r.policy.budget = budget
            var shelters = SitingModel(r, flowPairLinks: false, serviceLevels: .none)
            shelters.hold(options.decisions)
            if let share = held.worstUnshelteredShare {
                let t = shelters.addWorstShare(kits: false)
                shelters.model.addConstraint(LinearExpression(t) <= share + 1e-9)
            }
            if let u = held.unsheltered {
                shelters.model.addConstraint(shelters.unshelteredLevel(weights: weights) <= u + 1e-7 * max(1, abs(u)))
            }
            return shelters
        }
        var shelters = shelterPart(budget: p.policy.budget)
        var shelterStart: [Double]?
        if let incumbent {
            var y = Array(repeating: 0.0, count: shelters.model.variables.count)
            transfer(from: siting, incumbent, toShelters: shelters, &y)
            setWorstShares(shelters, &y, problem: q)
            shelterStart = y
        }

        // The least the shelters must spend.
        var supplyBudget = p.policy.budget
        if let budget = p.policy.budget, !shelters.openingTerm.indices.isEmpty {
            shelters.model.minimize(shelters.openingTerm)
            var o = SolveOptions()
            o.relativeGap = 1e-9
            o.timeLimit = remaining(overall).map { min($0, options.needStageTimeLimit) } ?? options.needStageTimeLimit
            o.initialSolution = shelterStart
            let least = try SitingSolver.solveWithinBudgets(&shelters, options: o)
            SitingSolver.trace("split least shelter opening \(least.termination) obj=\(least.objectiveValue ?? .nan) nodes=\(least.nodes)")
            guard least.termination == .optimal, let values = least.values else { return nil }
            shelterStart = values
            let spent = Exact.sum(p.shelters.indices.filter { !p.shelters[$0].isExisting && values[shelters.shelterOpen[$0].index] > 0.5 }
                .map { p.shelters[$0].fixedCost })
            supplyBudget = NSDecimalNumber(decimal: Exact.decimal(budget) - spent).doubleValue
        }

        // Supply part within what the shelters leave.
        var r = p
        r.shelters = []
        r.shelterLinks = []
        r.policy.budget = supplyBudget
        for h in r.hazards.indices { r.hazards[h].closedShelters = [] }
        var supplies = SitingModel(r, flowPairLinks: options.flowPairLinks, serviceLevels: .none)
        supplies.hold(options.decisions)
        var supplyStart: [Double]?
        if let incumbent {
            var y = Array(repeating: 0.0, count: supplies.model.variables.count)
            transfer(from: siting, incumbent, toSupplies: supplies, &y)
            for (h, hazard) in p.hazards.enumerated() {
                for (a, u) in supplies.unsheltered[h].enumerated() { if let u { y[u.index] = hazard.displaced[a] } }
            }
            supplyStart = y
        }

        // Rules 2 and 3 on the supply part; each held in both models at its optimum.
        var needsProven = true
        var rules: [(part: LinearExpression, full: LinearExpression, isShare: Bool)] = []
        if let t = worstKits {
            let u = supplies.addWorstShare(kits: true)
            if var y = supplyStart { y.append(0); setWorstShares(supplies, &y, problem: r); supplyStart = y }
            rules.append((LinearExpression(u), LinearExpression(t), true))
        }
        rules.append((supplies.withoutKitLevel(weights: weights), siting.withoutKitLevel(weights: weights), false))
        rules.append((supplies.itemsShortLevel(weights: weights), siting.itemsShortLevel(weights: weights), false))
        for rule in rules where !rule.part.indices.isEmpty {
            supplies.model.minimize(rule.part)
            var o = SolveOptions()
            o.relativeGap = latticeGap(rule.part, supplies.model) ?? 1e-9
            o.branching = needBranching
            o.timeLimit = remaining(overall).map { min($0, options.needStageTimeLimit) } ?? options.needStageTimeLimit
            o.initialSolution = supplyStart
            let result = try SitingSolver.solveWithinBudgets(&supplies, options: o)
            SitingSolver.trace("split need rule \(result.termination) obj=\(result.objectiveValue ?? .nan) bound=\(result.bestBound ?? .nan) nodes=\(result.nodes) start=\(result.initialSolutionAccepted.map(String.init) ?? "-") t=\(clock.now - start)")
            guard let found = result.values else { return nil }
            if result.termination != .optimal { needsProven = false }
            let optimum = rule.part.evaluated(at: found)
            let slack = rule.isShare ? 1e-9 : 1e-7 * max(1, abs(optimum))
            supplies.model.addConstraint(rule.part <= optimum + slack)
            siting.model.addConstraint(rule.full <= optimum + slack)
            supplyStart = found
        }

        // The cost rule.
        let costLimit = options.timeLimit == nil ? options.costStageTimeLimit : remaining(overall)
        let begin = clock.now
        shelters.model.minimize(shelters.costTerm)
        var first = SolveOptions()
        first.relativeGap = options.relativeGap
        first.cuts = true
        first.timeLimit = costLimit.map { $0 * 0.35 }
        first.initialSolution = shelterStart
        var shelterResult = try SitingSolver.solveWithinBudgets(&shelters, options: first)
        SitingSolver.trace("split shelters \(shelterResult.termination) obj=\(shelterResult.objectiveValue ?? .nan) bound=\(shelterResult.bestBound ?? .nan) nodes=\(shelterResult.nodes) start=\(shelterResult.initialSolutionAccepted.map(String.init) ?? "-")")
        guard var shelterValues = shelterResult.values else { return nil }
        let shelterBound = shelterResult.bestBound ?? shelterResult.objectiveValue ?? 0
        let shelterRoot = shelterResult.rootBound ?? shelterBound

        supplies.model.minimize(supplies.costTerm)
        var second = SolveOptions()
        second.relativeGap = options.relativeGap
        second.cuts = true
        second.progress = options.progress
        second.timeLimit = costLimit.map { max(.seconds(1), $0 - (clock.now - begin)) }
        second.initialSolution = supplyStart
        // A large supply part (no per-route links in its rows): the links as cuts, the LP's
        // openings rounded into plans, branch-and-bound only if none is within the gap.
        let linkCuts = options.supplyLinkCuts ?? !supplies.usesFlowPairLinks
        var result = linkCuts ? try LinkCutSearch.solve(&supplies, options: second)
            : try SitingSolver.solveWithinBudgets(&supplies, options: second)
        SitingSolver.trace("split supplies \(result.termination) obj=\(result.objectiveValue ?? .nan) bound=\(result.bestBound ?? .nan) nodes=\(result.nodes) start=\(result.initialSolutionAccepted.map(String.init) ?? "-")")
        guard let supplyValues = result.values else { return nil }

        var x = incumbent ?? Array(repeating: 0.0, count: siting.model.variables.count)
        merge(shelters: shelters, shelterValues, supplies: supplies, supplyValues, into: siting, &x)
        if !nearlySatisfiesEveryRow(x, siting.model), let budget = p.policy.budget {
            // Over the joint budget: the shelters again, within what the warehouses leave.
            let warehouses = Exact.sum(p.warehouses.indices.filter { !p.warehouses[$0].isExisting && supplyValues[supplies.warehouseOpen[$0].index] > 0.5 }
                .map { p.warehouses[$0].fixedCost })
            let left = NSDecimalNumber(decimal: Exact.decimal(budget) - warehouses).doubleValue
            let cheapest = shelterStart
            shelters = shelterPart(budget: left)
            shelters.model.minimize(shelters.costTerm)
            var again = first
            again.timeLimit = costLimit.map { max(.seconds(1), $0 - (clock.now - begin)) }
            again.initialSolution = cheapest
            shelterResult = try SitingSolver.solveWithinBudgets(&shelters, options: again)
            SitingSolver.trace("split shelters within \(left): \(shelterResult.termination) obj=\(shelterResult.objectiveValue ?? .nan)")
            guard let values = shelterResult.values else { return nil }
            shelterValues = values
            x = incumbent ?? Array(repeating: 0.0, count: siting.model.variables.count)
            merge(shelters: shelters, shelterValues, supplies: supplies, supplyValues, into: siting, &x)
            guard nearlySatisfiesEveryRow(x, siting.model) else { return nil }
            result.values = x
            result.objectiveValue = siting.costTerm.evaluated(at: x)
            return Outcome(values: x, cost: result, needsProven: needsProven, costOnWholeModel: true)
        }
        guard nearlySatisfiesEveryRow(x, siting.model) else {
            SitingSolver.trace("split: the two parts together break a row of the full model")
            return nil
        }
        let supplyBound = result.bestBound ?? result.objectiveValue ?? 0
        let proven = shelterResult.termination == .optimal && result.termination == .optimal
        result.values = x
        result.objectiveValue = siting.costTerm.evaluated(at: x)
        result.bestBound = min(shelterBound + supplyBound, result.objectiveValue!)
        result.rootBound = shelterRoot + (result.rootBound ?? supplyBound)
        result.nodes += shelterResult.nodes
        result.termination = proven ? .optimal : (result.termination == .optimal ? shelterResult.termination : result.termination)
        result.initialSolutionAccepted = (shelterResult.initialSolutionAccepted ?? false) && (result.initialSolutionAccepted ?? false)
        return Outcome(values: x, cost: result, needsProven: needsProven)
    }

    /// A relative gap at which GLPK's stop proves optimality exactly, for an objective whose
    /// values lie on a lattice: every column in it integer, every coefficient a multiple of
    /// g = 10⁻ᵏ·gcd (k ≤ 6). Then an incumbent within g of the bound is optimal, and GLPK's test
    /// |incumbent − bound| < gap·|incumbent| implies that when gap·|incumbent| < g, that is
    /// gap = 0.999·g ÷ Σ|coefficient × column bound| (the largest |incumbent|). nil otherwise.
    static func latticeGap(_ objective: LinearExpression, _ model: Model) -> Double? {
        guard !objective.indices.isEmpty else { return nil }
        var largest = 0.0
        var scaled: [Int] = []
        for (j, c) in zip(objective.indices, objective.coefficients) where c != 0 {
            let v = model.variables[j]
            guard v.kind.isInteger, let lower = v.lowerBound, let upper = v.upperBound else { return nil }
            largest += abs(c) * max(abs(lower), abs(upper))
            let m = (abs(c) * 1e6).rounded()
            guard m >= 1, abs(abs(c) * 1e6 - m) <= 1e-6 * max(1, m) else { return nil }
            scaled.append(Int(m))
        }
        guard largest > 0, let first = scaled.first else { return nil }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let g = Double(scaled.dropFirst().reduce(first, gcd)) / 1e6
        let gap = 0.999 * g / largest
        return gap > 1e-9 ? gap : nil
    }

    /// Branch on the openings first in the need rules: they are the model's first columns, so
    /// GLPK's first-fractional rule takes them before stock and kits, whose fractions the openings
    /// decide (德化's kit rule: within 0.1 person of its bound in 8 s, against 240 people with
    /// Driebeck–Tomlin). The cost rule keeps Driebeck–Tomlin, which closed the province's gap
    /// where first-fractional and pseudocost did not (measured, Benchmarks/siting/README.md).
    static let needBranching = SolveOptions.BranchingRule.firstFractional

    /// The full model's columns from the two parts' plans (`x` keeps its other columns).
    private static func merge(shelters: SitingModel, _ shelterValues: [Double], supplies: SitingModel, _ supplyValues: [Double],
                              into siting: SitingModel, _ x: inout [Double]) {
        let p = siting.problem
        for (k, v) in shelters.shelterOpen.enumerated() { x[siting.shelterOpen[k].index] = shelterValues[v.index] }
        var assignment: [Int: (people: Double, choice: Double?)] = [:]
        for a in shelters.assignments {
            assignment[a.hazard * max(1, p.shelterLinks.count) + a.link] = (shelterValues[a.people.index], a.choice.map { shelterValues[$0.index] })
        }
        for a in siting.assignments {
            let value = assignment[a.hazard * max(1, p.shelterLinks.count) + a.link] ?? (0, 0)
            x[a.people.index] = value.people
            if let c = a.choice { x[c.index] = value.choice ?? 0 }
        }
        for (h, row) in siting.unsheltered.enumerated() {
            for (a, u) in row.enumerated() { if let u, let v = shelters.unsheltered[h][a] { x[u.index] = shelterValues[v.index] } }
        }
        for (w, v) in supplies.warehouseOpen.enumerated() { x[siting.warehouseOpen[w].index] = supplyValues[v.index] }
        for (w, row) in siting.stock.enumerated() {
            for (s, v) in row.enumerated() { if let v { x[v.index] = supplies.stock[w][s].map { supplyValues[$0.index] } ?? 0 } }
        }
        var carried: [Int: Double] = [:]
        let key = { (h: Int, l: Int, s: Int) in (h * max(1, p.supplyLinks.count) + l) * max(1, p.supplies.count) + s }
        for f in supplies.flows { carried[key(f.hazard, f.link, f.supply)] = supplyValues[f.variable.index] }
        for f in siting.flows { x[f.variable.index] = carried[key(f.hazard, f.link, f.supply)] ?? 0 }
        for (h, rows) in siting.supplyShort.enumerated() {
            for (a, row) in rows.enumerated() {
                for (s, v) in row.enumerated() { if let v, let w = supplies.supplyShort[h][a][s] { x[v.index] = supplyValues[w.index] } }
                if let n = siting.supplied[h][a], let m = supplies.supplied[h][a] { x[n.index] = supplyValues[m.index] }
            }
        }
        setWorstShares(siting, &x, problem: p)
    }

    /// Whether `x` keeps every row of `model` that has only integer columns (the budgets, their
    /// cover rows) exactly as ``SitingSolver/satisfiesEveryRow(_:_:)`` does, and every other row
    /// and bound within GLPK's tolerance (1e-5 of the row's largest bound or coefficient): each
    /// part's plan is GLPK's, and the plan written is re-solved with its integers fixed and
    /// checked exactly afterwards (``PlanVerifier``). Integer columns must be whole.
    static func nearlySatisfiesEveryRow(_ x: [Double], _ model: Model) -> Bool {
        guard x.count == model.variables.count else { return false }
        for row in model.constraints {
            var value = 0.0, largest = 1.0, integral = true
            for (j, c) in zip(row.indices, row.coefficients) {
                value += c * x[j]
                largest = max(largest, abs(c))
                integral = integral && model.variables[j].kind.isInteger
            }
            let scale = max(1, abs(row.lowerBound ?? 0), abs(row.upperBound ?? 0))
            let tolerance = integral ? 1e-7 * scale : 1e-5 * max(largest, scale)
            if let l = row.lowerBound, value < l - tolerance { return false }
            if let u = row.upperBound, value > u + tolerance { return false }
        }
        for (j, v) in model.variables.enumerated() {
            if let l = v.lowerBound, x[j] < l - 1e-5 * max(1, abs(l)) { return false }
            if let u = v.upperBound, x[j] > u + 1e-5 * max(1, abs(u)) { return false }
            if v.kind.isInteger, x[j] != x[j].rounded() { return false }
        }
        return true
    }

    /// The shelter columns of `x` (a plan of `full`) in the shelter part's model.
    private static func transfer(from full: SitingModel, _ x: [Double], toShelters part: SitingModel, _ y: inout [Double]) {
        let p = full.problem
        for (k, v) in part.shelterOpen.enumerated() { y[v.index] = x[full.shelterOpen[k].index] }
        var byKey: [Int: (Double, Double?)] = [:]
        for a in full.assignments { byKey[a.hazard * max(1, p.shelterLinks.count) + a.link] = (x[a.people.index], a.choice.map { x[$0.index] }) }
        for a in part.assignments {
            let value = byKey[a.hazard * max(1, p.shelterLinks.count) + a.link] ?? (0, 0)
            y[a.people.index] = value.0
            if let c = a.choice { y[c.index] = value.1 ?? 0 }
        }
        for (h, row) in part.unsheltered.enumerated() {
            for (a, u) in row.enumerated() { if let u, let v = full.unsheltered[h][a] { y[u.index] = x[v.index] } }
        }
    }

    /// The supply columns of `x` (a plan of `full`) in the supply part's model.
    private static func transfer(from full: SitingModel, _ x: [Double], toSupplies part: SitingModel, _ y: inout [Double]) {
        let p = full.problem
        for (w, v) in part.warehouseOpen.enumerated() { y[v.index] = x[full.warehouseOpen[w].index] }
        for (w, row) in part.stock.enumerated() {
            for (s, v) in row.enumerated() { if let v { y[v.index] = full.stock[w][s].map { x[$0.index] } ?? 0 } }
        }
        let key = { (h: Int, l: Int, s: Int) in (h * max(1, p.supplyLinks.count) + l) * max(1, p.supplies.count) + s }
        var carried: [Int: Double] = [:]
        for f in full.flows { carried[key(f.hazard, f.link, f.supply)] = x[f.variable.index] }
        for f in part.flows { y[f.variable.index] = carried[key(f.hazard, f.link, f.supply)] ?? 0 }
        for (h, rows) in part.supplyShort.enumerated() {
            for (a, row) in rows.enumerated() {
                for (s, v) in row.enumerated() { if let v, let w = full.supplyShort[h][a][s] { y[v.index] = x[w.index] } }
                if let n = part.supplied[h][a], let m = full.supplied[h][a] { y[n.index] = x[m.index] }
            }
        }
    }

    /// Sets the worst-share columns (named by ``SitingModel/addWorstShare(kits:)``) to the
    /// shares of the plan in `x`.
    private static func setWorstShares(_ siting: SitingModel, _ x: inout [Double], problem p: SitingProblem) {
        for (j, v) in siting.model.variables.enumerated() where v.name == "worst_unsheltered_share" || v.name == "worst_kit_share" {
            let kits = v.name == "worst_kit_share"
            var share = 0.0
            for (h, hazard) in p.hazards.enumerated() {
                let total = hazard.totalDisplaced
                guard total > 0 else { continue }
                var left = 0.0
                for (a, d) in hazard.displaced.enumerated() where d > 0 {
                    if kits {
                        if let n = siting.supplied[h][a] { left += d - x[n.index] }
                    } else if let u = siting.unsheltered[h][a] {
                        left += x[u.index]
                    }
                }
                share = max(share, left / total)
            }
            x[j] = share
        }
    }
}
