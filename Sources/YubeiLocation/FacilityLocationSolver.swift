import YubeiCore
import YubeiOptimization

/// Fixed-charge facility location: UFLP, CFLP (splittable) and SSCFLP (single source), in the
/// strong formulation.
///
/// x_ij is the share of point i served by j (binary for SSCFLP), only for allowed pairs;
/// Σ_j x_ij = 1; x_ij ≤ u_ij·y_j with u_ij = min(1, capacity_j / demand_i) (the disaggregated
/// link, far tighter in the LP than the aggregated capacity row alone); Σ_i demand_i·x_ij ≤
/// capacity_j·y_j; and the aggregate cover Σ_j capacity_j·y_j ≥ total demand, which the LP
/// relaxation otherwise ignores. The objective is Σ fixed_j·y_j + Σ cost_ij·x_ij.
struct FacilityLocationSolver {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock

    func solve() throws -> LocationSolution {
        if problem.model == .sscflp {
            return try SingleSourceSolver(problem: problem, options: options, clock: clock).solve()
        }
        if problem.model == .cflp && problem.pointCount * problem.allowedFacilities.count > Self.rowGenerationThreshold {
            // Benders first, within a budget (three quarters of a time limit: with its node
            // duals it proves capa, capb, capc in seconds, where the strong model over the
            // facilities left needs far longer); a master it cannot close in time, or too many
            // facilities left after its fixing, goes on to the strong model by link-row
            // generation, from its incumbent.
            let budget = min(clock.remaining.map { $0 * 3 / 4 } ?? Self.bendersBudget, Self.bendersBudget)
            var benders = try CapacitatedBenders(problem: problem, options: options,
                                                 clock: SolveClock(limit: budget, progress: clock.progress)).solve()
            guard benders.status == .feasible || benders.status == .noSolution, !clock.isExpired else { return benders }
            var rows = CapacitatedRowGeneration(problem: problem, options: options, clock: clock)
            rows.start = (benders.open, benders.shares)
            var solution = try rows.solve()
            solution.log = benders.log + ["cflp Benders stopped (its budget, or too many facilities left for its master); link-row generation from its incumbent"] + solution.log
            if let b = benders.bound, let own = solution.bound, let objective = solution.objective {
                solution.bound = min(max(b, own), objective)
            }
            solution.search.transportationSolves = benders.search.transportationSolves
            benders = solution
            return benders
        }
        let (model, y, x) = Self.strongModel(problem)
        var solution = LocationSolution(model: problem.model, status: .noSolution)
        var glpk = clock.solveOptions(gap: options.relativeGap)
        let greedy = problem.model == .cflp ? greedyCFLP() : nil
        if let start = greedy.map({ Self.vector(model: model, y: y, x: x, open: $0.open, shares: $0.shares) }) ?? initialSolution(model: model, y: y, x: x) {
            glpk.initialSolution = start
        }
        let result = try model.solve(options: glpk)
        solution.log.append("\(problem.model.rawValue): \(model.variables.count) columns, \(model.constraints.count) rows; \(result.termination), root bound \(result.rootBound.map { "\($0)" } ?? "-"), \(result.nodes) nodes")
        solution.adoptTermination(of: result)
        if solution.status == .infeasible, problem.model == .sscflp {
            solution.explanation.append(LocationText.capacityPacking)
        }
        guard let values = result.values else {
            if solution.status == .noSolution, let greedy {
                // The limit struck before GLPK had a solution of its own: report the greedy one.
                solution.status = .feasible
                solution.open = greedy.open.sorted()
                solution.shares = greedy.shares
                solution.assignment = greedy.shares.map { $0.max { $0.fraction < $1.fraction }?.facility }
                solution.objective = Self.objective(problem, open: greedy.open, shares: greedy.shares)
                solution.bound = result.bestBound
                solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap))
            } else if solution.status == .noSolution {
                solution.explanation.append(LocationText.stoppedWithoutSolution)
            }
            return solution
        }
        let n = problem.pointCount
        solution.open = problem.allowedFacilities.opened(by: y, in: values)
        solution.shares = (0..<n).map { i in
            x[i].compactMap { pair in
                let v = values[pair.variable.index]
                return v > 1e-9 ? (pair.facility, min(1, v)) : nil
            }
        }
        solution.assignment = solution.shares.map { $0.max { $0.fraction < $1.fraction }?.facility }
        solution.objective = Self.objective(problem, open: solution.open, shares: solution.shares)
        solution.bound = result.bestBound
        if solution.status == .feasible { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }

    /// Above this many (point, facility) pairs a CFLP is solved by ``CapacitatedBenders``
    /// (a master over the facilities, the transportation LP as subproblem) instead of the full
    /// strong model.
    static let rowGenerationThreshold = 20_000

    /// The time ``CapacitatedBenders`` gets before link-row generation takes over.
    static let bendersBudget: Duration = .seconds(60)

    /// Σ fixed costs of `open` + Σ cost_ij · share_ij.
    static func objective(_ problem: LocationProblem, open: [Int], shares: [[(facility: Int, fraction: Double)]]) -> Double {
        var total = open.reduce(Double(0)) { $0 + problem.facilities[$1].fixedCost }
        for (i, list) in shares.enumerated() {
            for (j, f) in list { total += problem.cost(i, j) * f }
        }
        return total
    }

    /// The strong model, its y variables by facility and x variables by point.
    static func strongModel(_ problem: LocationProblem, maxLinkRows: Int = 20_000, linkRowsPerPoint: Int = 10)
        -> (Model, [Variable?], [[(facility: Int, variable: Variable)]]) {
        let n = problem.pointCount
        let kind = problem.model
        let capacitated = kind.needsCapacity
        var model = Model(name: kind.rawValue)
        let allowed = problem.allowedFacilities
        var y = [Variable?](repeating: nil, count: problem.facilityCount)
        var objective = LinearExpression()
        var cover = LinearExpression()
        for j in allowed {
            let v = model.addBinary("y_\(j)")
            if problem.facilities[j].status == .required { model.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            objective.add(problem.facilities[j].fixedCost, v)
            if capacitated { cover.add(problem.facilities[j].capacity ?? 0, v) }
        }
        var x = [[(facility: Int, variable: Variable)]](repeating: [], count: n)
        var load = [LinearExpression](repeating: LinearExpression(), count: problem.facilityCount)
        // Which pairs get their own link row: all of them on small instances; on large ones the
        // linkRowsPerPoint cheapest of each point, where the LP relaxation would otherwise split
        // demand to half-open facilities. The others stay exact through the capacity row
        // (cflp, sscflp) or one aggregated link row per facility (uflp).
        let linkAll = n * allowed.count <= maxLinkRows
        var aggregated = [LinearExpression](repeating: LinearExpression(), count: problem.facilityCount)
        var aggregatedCount = [Int](repeating: 0, count: problem.facilityCount)
        for i in 0..<n {
            let d = problem.demand[i]
            var assign = LinearExpression()
            let linked: Set<Int> = linkAll ? [] : Set(
                allowed.filter { problem.cost(i, $0).isFinite }
                    .sorted { problem.cost(i, $0) < problem.cost(i, $1) }
                    .prefix(linkRowsPerPoint))
            for j in allowed {
                let c = problem.cost(i, j)
                guard c.isFinite else { continue }
                let capacity = problem.facilities[j].capacity ?? .infinity
                var upper = 1.0
                if capacitated && d > 0 {
                    if kind == .sscflp && capacity < d { continue }
                    upper = min(1, capacity / d)
                }
                if upper <= 0 { continue }
                let v = kind == .sscflp ? model.addBinary("x_\(i)_\(j)") : model.addVariable("x_\(i)_\(j)", lowerBound: 0, upperBound: upper)
                x[i].append((j, v))
                assign.add(1, v)
                objective.add(c, v)
                if linkAll || linked.contains(j) {
                    var link = LinearExpression()
                    link.add(1, v)
                    link.add(-upper, y[j]!)
                    model.addConstraint(link <= 0)
                } else if !capacitated {
                    aggregated[j].add(1, v)
                    aggregatedCount[j] += 1
                }
                if capacitated && d > 0 { load[j].add(d, v) }
            }
            model.addConstraint(assign == 1)
        }
        for j in allowed where aggregatedCount[j] > 0 {
            var row = aggregated[j]
            row.add(-Double(aggregatedCount[j]), y[j]!)
            model.addConstraint(row <= 0)
        }
        if capacitated {
            for j in allowed {
                var row = load[j]
                row.add(-(problem.facilities[j].capacity ?? 0), y[j]!)
                model.addConstraint(row <= 0)
            }
            model.addConstraint(cover >= problem.demand.reduce(Double(0), +), name: "cover")
        }
        model.minimize(objective)
        return (model, y, x)
    }

    /// A CFLP solution by greed: open facilities by fixed cost per unit of capacity (required
    /// ones first) until they hold the total demand, then fill the cheapest (point, facility)
    /// pairs first, splitting demand where a capacity runs out. `nil` when that leaves demand unserved.
    ///
    /// - Complexity: O(n·m·log(n·m)).
    func greedyCFLP() -> (open: [Int], shares: [[(facility: Int, fraction: Double)]])? {
        let total = problem.demand.reduce(Double(0), +)
        let order = problem.allowedFacilities.sorted { a, b in
            let fa = problem.facilities[a], fb = problem.facilities[b]
            if (fa.status == .required) != (fb.status == .required) { return fa.status == .required }
            return fa.fixedCost / max(fa.capacity ?? 0, 1e-9) < fb.fixedCost / max(fb.capacity ?? 0, 1e-9)
        }
        var open: [Int] = []
        var capacity = 0.0
        for j in order where capacity < total || problem.facilities[j].status == .required {
            open.append(j)
            capacity += problem.facilities[j].capacity ?? 0
        }
        return greedyShares(open: open).map { (open, $0) }
    }

    /// The points served by `open` greedily: the cheapest (point, facility) pairs first,
    /// demand split where a capacity runs out. `nil` when that leaves demand unserved.
    ///
    /// - Complexity: O(n·|open|·log(n·|open|)).
    func greedyShares(open: [Int]) -> [[(facility: Int, fraction: Double)]]? {
        let n = problem.pointCount
        var left = problem.facilities.map { $0.capacity ?? 0 }
        var need = problem.demand
        var shares = [[(facility: Int, fraction: Double)]](repeating: [], count: n)
        var pairs: [(Double, Int, Int)] = []
        for i in 0..<n { for j in open where problem.cost(i, j).isFinite { pairs.append((problem.cost(i, j), i, j)) } }
        pairs.sort { $0.0 < $1.0 }
        for (_, i, j) in pairs where need[i] > 0 && left[j] > 0 {
            let amount = min(need[i], left[j])
            need[i] -= amount
            left[j] -= amount
            shares[i].append((j, amount / problem.demand[i]))
        }
        for i in 0..<n where problem.demand[i] == 0 {
            if let j = open.min(by: { problem.cost(i, $0) < problem.cost(i, $1) }), problem.cost(i, j).isFinite { shares[i] = [(j, 1)] }
        }
        guard need.allSatisfy({ $0 <= 1e-9 }), shares.allSatisfy({ !$0.isEmpty }) else { return nil }
        return shares
    }

    /// The model's variable vector for an open set and shares.
    static func vector(model: Model, y: [Variable?], x: [[(facility: Int, variable: Variable)]],
                       open: [Int], shares: [[(facility: Int, fraction: Double)]]) -> [Double]? {
        var start = [Double](repeating: 0, count: model.variables.count)
        for j in open { start[y[j]!.index] = 1 }
        for (i, list) in shares.enumerated() {
            for (j, f) in list {
                guard let pair = x[i].first(where: { $0.facility == j }) else { return nil }
                start[pair.variable.index] = f
            }
        }
        return start
    }

    /// A first incumbent for UFLP: the open set from greedy addition, each point at its
    /// cheapest open facility.
    private func initialSolution(model: Model, y: [Variable?], x: [[(facility: Int, variable: Variable)]]) -> [Double]? {
        guard problem.model == .uflp else { return nil }
        let n = problem.pointCount
        let allowed = problem.allowedFacilities
        var open = problem.requiredFacilities
        func total(_ set: [Int]) -> Double {
            set.isEmpty ? .infinity : problem.nearestObjective(set)
        }
        var current = total(open)
        // Add while it pays.
        while true {
            var best = -1, bestValue = current
            for j in allowed where !open.contains(j) {
                let value = total(open + [j])
                if value < bestValue - 1e-9 { bestValue = value; best = j }
            }
            if best < 0 || clock.isExpired { break }
            open.append(best); current = bestValue
        }
        guard current.isFinite else { return nil }
        var start = [Double](repeating: 0, count: model.variables.count)
        for j in open { start[y[j]!.index] = 1 }
        let nearest = problem.nearest(among: open)
        for i in 0..<n {
            guard let j = nearest[i].facility, let pair = x[i].first(where: { $0.facility == j }) else { return nil }
            start[pair.variable.index] = 1
        }
        return start
    }
}
