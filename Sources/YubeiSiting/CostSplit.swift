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
        !problem.hazards.contains { $0.requiredServed > 0 } && options.decisions.cappedHazards.isEmpty
            && !problem.shelters.isEmpty && !problem.warehouses.isEmpty && !problem.supplies.isEmpty
    }

    /// Solves both parts and returns the full model's solution with its joint bound, or nil
    /// when a part found nothing or the two together break a row of `siting` (the budget).
    ///
    /// - Parameters:
    ///   - siting: the full model with rules 1–3 held.
    ///   - incumbent: a plan of `siting` (the last rule's), the start of both parts.
    static func solve(_ siting: SitingModel, incumbent: [Double], held: Held, weights: [Double], options: SitingOptions,
                      stageOptions: SolveOptions, clock: ContinuousClock) throws -> SolveResult? {
        let p = siting.problem
        let begin = clock.now
        let total = stageOptions.timeLimit

        // Shelter part: the problem without supplies and warehouses.
        var q = p
        q.supplies = []
        q.warehouses = []
        q.supplyLinks = []
        for h in q.hazards.indices { q.hazards[h].closedWarehouses = [] }
        var shelters = SitingModel(q, flowPairLinks: false, serviceLevels: .none)
        shelters.hold(options.decisions)
        if let share = held.worstUnshelteredShare {
            let t = shelters.addWorstShare(kits: false)
            shelters.model.addConstraint(LinearExpression(t) <= share + 1e-9)
        }
        if let u = held.unsheltered {
            shelters.model.addConstraint(shelters.unshelteredLevel(weights: weights) <= u + 1e-7 * max(1, abs(u)))
        }
        shelters.model.minimize(shelters.costTerm)

        // Supply part: the problem without shelters (everyone counts as unsheltered there, which
        // no supply row reads).
        var r = p
        r.shelters = []
        r.shelterLinks = []
        for h in r.hazards.indices { r.hazards[h].closedShelters = [] }
        var supplies = SitingModel(r, flowPairLinks: options.flowPairLinks, serviceLevels: .none)
        supplies.hold(options.decisions)
        if let share = held.worstWithoutKitShare {
            let t = supplies.addWorstShare(kits: true)
            supplies.model.addConstraint(LinearExpression(t) <= share + 1e-9)
        }
        if let k = held.withoutKit {
            supplies.model.addConstraint(supplies.withoutKitLevel(weights: weights) <= k + 1e-7 * max(1, abs(k)))
        }
        if let v = held.itemsShort {
            supplies.model.addConstraint(supplies.itemsShortLevel(weights: weights) <= v + 1e-7 * max(1, abs(v)))
        }
        supplies.model.minimize(supplies.costTerm)

        // Starts from the incumbent, column by column.
        var shelterStart = Array(repeating: 0.0, count: shelters.model.variables.count)
        var supplyStart = Array(repeating: 0.0, count: supplies.model.variables.count)
        transfer(from: siting, incumbent, toShelters: shelters, &shelterStart)
        transfer(from: siting, incumbent, toSupplies: supplies, &supplyStart)
        for (h, hazard) in p.hazards.enumerated() {
            for (a, u) in supplies.unsheltered[h].enumerated() { if let u { supplyStart[u.index] = hazard.displaced[a] } }
        }
        setWorstShares(shelters, &shelterStart, problem: q)
        setWorstShares(supplies, &supplyStart, problem: r)

        // The supply part is the larger search: it gets what the shelter part leaves.
        var first = stageOptions
        first.progress = nil
        first.timeLimit = total.map { $0 * 0.35 }
        first.initialSolution = shelterStart
        let shelterResult = try SitingSolver.solveWithinBudgetsPublic(&shelters, options: first)
        SitingSolver.trace("split shelters \(shelterResult.termination) obj=\(shelterResult.objectiveValue ?? .nan) bound=\(shelterResult.bestBound ?? .nan) nodes=\(shelterResult.nodes) start=\(shelterResult.initialSolutionAccepted.map(String.init) ?? "-")")
        guard let shelterValues = shelterResult.values else { return nil }
        if let path = ProcessInfo.processInfo.environment["YUBEI_DUMP_SUPPLY_PART"] {
            try? supplies.model.write(to: path, format: .freeMPS)
        }
        var second = stageOptions
        second.timeLimit = total.map { max(.seconds(1), $0 - (clock.now - begin)) }
        second.initialSolution = supplyStart
        var result = try SitingSolver.solveWithinBudgetsPublic(&supplies, options: second)
        SitingSolver.trace("split supplies \(result.termination) obj=\(result.objectiveValue ?? .nan) bound=\(result.bestBound ?? .nan) nodes=\(result.nodes) start=\(result.initialSolutionAccepted.map(String.init) ?? "-")")
        guard let supplyValues = result.values else { return nil }

        // The full model's columns from the two parts.
        var x = incumbent
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
        guard nearlySatisfiesEveryRow(x, siting.model) else {
            SitingSolver.trace("split: the two parts together break a row of the full model")
            if SitingSolver.tracing {
                for (i, row) in siting.model.constraints.enumerated() {
                    let value = zip(row.indices, row.coefficients).reduce(0.0) { $0 + $1.1 * x[$1.0] }
                    let scale = max(1, abs(row.lowerBound ?? 0), abs(row.upperBound ?? 0))
                    if let l = row.lowerBound, value < l - 1e-7 * scale { SitingSolver.trace("row \(i) \(value) < \(l) n=\(row.indices.count)") }
                    if let u = row.upperBound, value > u + 1e-7 * scale { SitingSolver.trace("row \(i) \(value) > \(u) n=\(row.indices.count) \(zip(row.indices, row.coefficients).prefix(4).map { "\($0.1)*\(x[$0.0])" })") }
                }
                for (j, v) in siting.model.variables.enumerated() {
                    if let l = v.lowerBound, x[j] < l - 1e-9 { SitingSolver.trace("col \(j) \(x[j]) < \(l)") }
                    if let u = v.upperBound, x[j] > u + 1e-9 { SitingSolver.trace("col \(j) \(x[j]) > \(u)") }
                    if v.kind.isInteger, x[j] != x[j].rounded() { SitingSolver.trace("col \(j) \(x[j]) fractional") }
                }
            }
            return nil
        }
        let shelterBound = shelterResult.bestBound ?? shelterResult.objectiveValue ?? 0
        let supplyBound = result.bestBound ?? result.objectiveValue ?? 0
        let proven = shelterResult.termination == .optimal && result.termination == .optimal
        result.values = x
        result.objectiveValue = siting.costTerm.evaluated(at: x)
        result.bestBound = shelterBound + supplyBound
        result.rootBound = (shelterResult.rootBound ?? shelterBound) + (result.rootBound ?? supplyBound)
        result.nodes += shelterResult.nodes
        result.termination = proven ? .optimal : (result.termination == .optimal ? shelterResult.termination : result.termination)
        result.initialSolutionAccepted = (shelterResult.initialSolutionAccepted ?? false) && (result.initialSolutionAccepted ?? false)
        return result
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
