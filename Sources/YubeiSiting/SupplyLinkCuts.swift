import Foundation
import YubeiOptimization

/// The per-route, per-supply links of a siting model, f[h,w,a,s] ≤ need[h,a,s]·y[w], as cuts:
/// added only where an LP solution breaks them, round after round, so the LP bound is nearly
/// that of the model with every link in it while the LP keeps a few hundred rows more instead
/// of one per flow column (the province with a 120-minute supply reach: 797 rows added in 32
/// rounds against 23,000 links; root bound 74.84 M yuan against 73.75 M without them).
///
/// Valid for every plan: a closed warehouse (y = 0) holds no stock (S ≤ Ū·y) and ships nothing
/// (Σₐ f ≤ S); an open one ships at most the need, f's upper bound. They are the per-supply
/// form of ``SitingModel``'s per-route links (Σₛ vol·f ≤ Σₛ vol·need·y, their volume-weighted
/// sum), so at least as tight. Only warehouses whose opening is not fixed get them: for a fixed
/// one they add nothing to the bounds.
struct SupplyLinkCuts: Sendable {
    struct Link: Sendable {
        var flow: Variable
        var open: Variable
        var need: Double
    }

    let links: [Link]

    /// - Complexity: O(flow columns).
    init(_ siting: SitingModel) {
        let p = siting.problem
        var links: [Link] = []
        for f in siting.flows {
            let w = p.supplyLinks[f.link].warehouse
            let open = siting.warehouseOpen[w]
            let column = siting.model[open]
            guard column.lowerBound != column.upperBound else { continue }
            let need = p.supplies[f.supply].need(people: p.hazards[f.hazard].displaced[p.supplyLinks[f.link].area])
            guard need > 0 else { continue }
            links.append(Link(flow: f.variable, open: open, need: need))
        }
        self.links = links
    }

    var isEmpty: Bool { links.isEmpty }

    /// The links `x` breaks by more than 10⁻⁶ of the need: f − need·y ≤ 0.
    ///
    /// - Complexity: O(links).
    func violated(_ x: [Double]) -> [LinearConstraint] {
        var rows: [LinearConstraint] = []
        for link in links where x[link.flow.index] > link.need * x[link.open.index] + 1e-6 * max(1, link.need) {
            rows.append(LinearExpression(terms: [(link.flow, 1.0), (link.open, -link.need)]) <= Double(0))
        }
        return rows
    }
}

/// The cost rule of a siting model without the per-route links in its rows (a large model):
/// the LP relaxation is solved with ``SupplyLinkCuts`` added round by round, its fractional
/// openings are rounded into plans (``roundedPlans(_:lp:options:deadline:)``), and when the best
/// of them is within the relative gap of that LP bound it is the answer, proven by the bound,
/// without branch-and-bound. Otherwise the cuts found stay in the model as rows, the best plan
/// starts branch-and-bound, and the links are separated at every node too.
///
/// The LP bound is a bound of the model (the relaxation of the model with valid rows added),
/// and every plan returned satisfies every row of the model exactly (``SitingSolver/satisfiesEveryRow(_:_:)``)
/// and the budgets exactly, so the result's gap is honest.
enum LinkCutSearch {
    /// - Parameter options: the cost rule's options (objective set in `siting.model`); the
    ///   initial solution, when it satisfies every row, competes with the rounded plans.
    static func solve(_ siting: inout SitingModel, options: SolveOptions) throws -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        let cuts = SupplyLinkCuts(siting)
        // Without a candidate to open (a budget of nothing, every site decided) there is no link
        // to add and nothing to round: branch-and-bound as usual.
        guard !cuts.isEmpty, siting.model.isMIP else { return try SitingSolver.solveWithinBudgets(&siting, options: options) }
        let deadline = options.timeLimit.map { start + $0 }
        func left() -> Duration? { deadline.map { max(.milliseconds(1), $0 - clock.now) } }

        // The root: the LP with the links it breaks, round by round.
        var found: [LinearConstraint] = []
        var lpOptions = SolveOptions()
        lpOptions.timeLimit = left()
        let lp = try siting.model.relaxation.solve(options: lpOptions, lazyConstraints: { request in
            let rows = cuts.violated(request.values)
            found.append(contentsOf: rows)
            return rows
        })
        SitingSolver.trace("link cuts: root LP \(lp.termination) bound=\(lp.objectiveValue ?? .nan) rows=\(found.count) t=\(clock.now - start)")
        guard lp.termination == .optimal, let bound = lp.objectiveValue, let x = lp.values else {
            return try SitingSolver.solveWithinBudgets(&siting, options: options)
        }
        for row in found { siting.model.addConstraint(row) }

        // Plans: the start given, and the LP's openings rounded.
        var best: (values: [Double], cost: Double)?
        @discardableResult func consider(_ values: [Double]) -> Bool {
            guard SitingSolver.satisfiesEveryRow(values, siting.model), SitingSolver.keepsBudgetsExactly(values, siting) else { return false }
            let cost = siting.model.objective.evaluated(at: values)
            if best == nil || cost < best!.cost { best = (values, cost) }
            return true
        }
        let startAccepted = options.initialSolution.map { consider($0) }
        func closed(_ cost: Double) -> Bool { Tolerance.relativeGap(objective: cost, bound: bound) <= options.relativeGap }
        for plan in try roundedPlans(siting, lp: x, options: options, deadline: deadline, enough: closed) { consider(plan) }
        SitingSolver.trace("link cuts: rounded best=\(best?.cost ?? .nan) t=\(clock.now - start)")

        if let best, closed(best.cost) {
            var result = lp
            result.values = best.values
            result.objectiveValue = best.cost
            result.bestBound = min(bound, best.cost)
            result.rootBound = bound
            result.nodes = 0
            result.rowDuals = nil
            result.reducedCosts = nil
            result.initialSolutionAccepted = startAccepted
            result.solveTime = clock.now - start
            return result
        }
        var search = options
        search.timeLimit = left()
        search.initialSolution = best?.values ?? options.initialSolution
        search.separatorReturnsOnlyCuts = true
        var result = try SitingSolver.solveWithinBudgets(&siting, options: search, separate: { cuts.violated($0.values) })
        if let objective = result.objectiveValue, result.values != nil {
            result.bestBound = min(objective, max(result.bestBound ?? bound, bound))
        }
        result.rootBound = max(result.rootBound ?? bound, bound)
        result.solveTime = clock.now - start
        return result
    }

    /// Plans from the LP solution `lp`: the candidate warehouses whose opening is at least θ
    /// opened and the others closed, for θ = ½, ⅓, ⅕, 1/10 and any opening, each completed by
    /// ``complete(_:deadline:)``. Stops once a plan is `enough`.
    ///
    /// - Complexity: at most five LPs (and small MIPs) of the model's size.
    static func roundedPlans(_ siting: SitingModel, lp x: [Double], options: SolveOptions, deadline: ContinuousClock.Instant?,
                             enough: (Double) -> Bool) throws -> [[Double]] {
        let clock = ContinuousClock()
        let free = siting.warehouseOpen.indices.filter {
            let column = siting.model[siting.warehouseOpen[$0]]
            return column.lowerBound != column.upperBound
        }
        var plans: [[Double]] = []
        var tried = Set<[Int]>()
        for theta in [0.5, 1.0 / 3, 0.2, 0.1, 1e-6] {
            if let deadline, clock.now >= deadline { break }
            let open = free.filter { x[siting.warehouseOpen[$0].index] >= theta - 1e-9 }
            guard tried.insert(open).inserted else { continue }
            var fixed = siting
            for w in free {
                let value: Double = open.contains(w) ? 1 : 0
                fixed.model.setBounds(of: fixed.warehouseOpen[w], lower: value, upper: value)
            }
            let plan = try complete(fixed, deadline: deadline)
            let cost = plan.map { siting.model.objective.evaluated(at: $0) }
            SitingSolver.trace("link cuts: θ=\(String(format: "%.2f", theta)) open=\(open.count) plan=\(cost ?? .nan)")
            guard let plan, let cost else { continue }
            plans.append(plan)
            if enough(cost) { return plans }
        }
        return plans
    }

    /// A plan of `fixed` (every opening fixed): the LP with every volume row (and the stock
    /// budget) kept with room for one more unit of each supply, its stock rounded up (so every
    /// row still holds: stock only grows, within the room kept), and, when the people with a kit
    /// and the units short are not whole there, those solved again as a small MIP with the stock
    /// fixed. nil when a step finds nothing.
    static func complete(_ fixed: SitingModel, deadline: ContinuousClock.Instant?) throws -> [Double]? {
        let p = fixed.problem
        let clock = ContinuousClock()
        var relaxed = fixed.model.relaxation
        var stockCost = LinearExpression(), spare = 0.0
        for (w, row) in fixed.stock.enumerated() {
            let isOpen = (fixed.model[fixed.warehouseOpen[w]].lowerBound ?? 0) > 0.5
            var volume = LinearExpression(), room = 0.0
            for (s, column) in row.enumerated() {
                guard let column else { continue }
                let supply = p.supplies[s]
                if supply.volume > 0 { volume.add(supply.volume, column); room += supply.volume }
                if supply.unitCost > 0 { stockCost.add(supply.unitCost, column); if isOpen { spare += supply.unitCost } }
            }
            if isOpen, !volume.indices.isEmpty {
                relaxed.addConstraint(volume <= max(0, p.warehouses[w].capacity - room))
            }
        }
        if let budget = p.policy.stockBudget, !stockCost.indices.isEmpty {
            relaxed.addConstraint(stockCost <= max(0, budget - spare))
        }
        var needColumns: [Variable] = []
        for (h, rows) in fixed.supplyShort.enumerated() {
            for (a, row) in rows.enumerated() {
                needColumns.append(contentsOf: row.compactMap { $0 })
                if let n = fixed.supplied[h][a] { needColumns.append(n) }
            }
        }
        var lpOptions = SolveOptions()
        lpOptions.timeLimit = deadline.map { max(.milliseconds(1), $0 - clock.now) }
        let lp = try relaxed.solve(options: lpOptions)
        guard lp.termination == .optimal, var x = lp.values else { return nil }
        var completed = fixed
        for row in fixed.stock {
            for column in row {
                guard let column else { continue }
                let upper = fixed.model[column].upperBound ?? .infinity
                let units = min(max(0, (x[column.index] - 1e-7).rounded(.up)), upper)
                x[column.index] = units
                completed.model.setBounds(of: column, lower: units, upper: units)
            }
        }
        for (j, v) in fixed.model.variables.enumerated() where v.kind.isInteger && abs(x[j] - x[j].rounded()) <= 1e-9 { x[j] = x[j].rounded() }
        if needColumns.allSatisfy({ x[$0.index] == x[$0.index].rounded() }) { return x }
        // People with a kit or units short not whole: solve them again with the stock fixed.
        var rest = SolveOptions()
        rest.relativeGap = 1e-6
        rest.timeLimit = deadline.map { min(.seconds(2), max(.milliseconds(1), $0 - clock.now)) } ?? .seconds(2)
        return try completed.model.solve(options: rest).values
    }
}
