import YubeiCore
import YubeiOptimization

/// The splittable CFLP on large instances (capa, capb, capc: 100 × 1000), solved from the
/// strong formulation without ever building all its n·m link rows x_ij ≤ u_ij·y_j:
///
/// 0. the Lagrangian dual by subgradient, an incumbent from the MIP over the facilities it
///    opens, and a first Lagrangian fixing against that incumbent (as in step 3);
/// 1. the LP relaxation over the facilities that fixing leaves, by row generation: start with
///    the assignment, capacity and cover rows only, add the link rows the LP optimum violates
///    and re-solve warm-started (``Model/withIncrementalSolver(options:_:)``) until none is
///    violated. This is the strong LP bound of every solution better than the incumbent (a
///    closed facility is in none), with a few thousand link rows instead of 100,000;
/// 2. an incumbent: the greedy start, improved by solving the MIP restricted to the facilities
///    the LP opens (each a small model);
/// 3. Lagrangian fixing: with the LP duals of the assignment rows as multipliers, a facility
///    whose opening (closing) lifts the Lagrangian bound above the incumbent is closed (kept
///    open), and a closed one's columns leave the model;
/// 4. the MIP on what remains, with the link rows generated in step 1 and the incumbent as
///    GLPK's first solution.
///
/// Every subset of link rows is exact for integer y when all demands are positive: y_j = 0
/// forces Σ_i d_i·x_ij ≤ 0 through the capacity row. Points of zero demand keep every link row.
struct CapacitatedRowGeneration {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock
    /// Largest number of link rows added per round (the most violated first).
    var rowsPerRound = 5_000
    /// Link rows built into the first LP for each point (its cheapest pairs).
    var seedLinks = 5
    /// A known solution (from ``CapacitatedBenders`` stopped at its budget), taken as the first
    /// incumbent when it beats the greedy one.
    var start: (open: [Int], shares: [[(facility: Int, fraction: Double)]])?
    /// Subgradient rounds of the Lagrangian dual.
    static let dualIterations = 600
    /// Most (point, facility) pairs of a MIP built with every link row.
    var directPairs = 15_000

    /// The index of a (point, facility) pair, for sets of link rows.
    private func pair(_ i: Int, _ j: Int) -> Int { i * problem.facilityCount + j }

    /// The CFLP model over `facilities` (closed ones left out), with link rows for `links`
    /// (pairs) and every pair of a zero-demand point; y continuous in [0, 1] when `relaxed`.
    ///
    /// - Complexity: O(n·m).
    func model(facilities: [Int], links: Set<Int>, relaxed: Bool, fixedOpen: Set<Int> = [])
        -> (Model, [Variable?], [[(facility: Int, variable: Variable)]]) {
        let n = problem.pointCount
        var model = Model(name: "cflp")
        var y = [Variable?](repeating: nil, count: problem.facilityCount)
        var objective = LinearExpression()
        var cover = LinearExpression()
        for j in facilities {
            let v = relaxed ? model.addVariable("y_\(j)", lowerBound: 0, upperBound: 1) : model.addBinary("y_\(j)")
            if problem.facilities[j].status == .required || fixedOpen.contains(j) { model.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            objective.add(problem.facilities[j].fixedCost, v)
            cover.add(problem.facilities[j].capacity ?? 0, v)
        }
        var x = [[(facility: Int, variable: Variable)]](repeating: [], count: n)
        var load = [LinearExpression](repeating: LinearExpression(), count: problem.facilityCount)
        for i in 0..<n {
            let d = problem.demand[i]
            var assign = LinearExpression()
            for j in facilities {
                let c = problem.cost(i, j)
                guard c.isFinite else { continue }
                let u = problem.shareBound(i, j)
                guard u > 0 else { continue }
                let v = model.addVariable("x_\(i)_\(j)", lowerBound: 0, upperBound: u)
                x[i].append((j, v))
                assign.add(1, v)
                objective.add(c, v)
                if d <= 0 || links.contains(pair(i, j)) {
                    var link = LinearExpression()
                    link.add(1, v)
                    link.add(-u, y[j]!)
                    model.addConstraint(link <= 0)
                }
                if d > 0 { load[j].add(d, v) }
            }
            model.addConstraint(assign == 1, name: "assign_\(i)")
        }
        for j in facilities {
            var row = load[j]
            row.add(-(problem.facilities[j].capacity ?? 0), y[j]!)
            model.addConstraint(row <= 0)
        }
        let total = problem.demand.reduce(Double(0), +)
        model.addConstraint(cover >= total, name: "cover")
        // Cardinality cover: at least ⌈D / largest capacity⌉ facilities open (the integer
        // knapsack cover, exact when capacities are equal as in capa, capb, capc; the LP
        // alone opens fractions summing to less).
        let largest = problem.allowedFacilities.map { problem.facilities[$0].capacity ?? 0 }.max() ?? 0
        if largest > 0 {
            let least = (total / largest * (1 - 1e-12)).rounded(.up)
            if least >= 1 {
                var count = LinearExpression()
                for j in facilities { count.add(1, y[j]!) }
                model.addConstraint(count >= least, name: "count")
            }
        }
        model.minimize(objective)
        return (model, y, x)
    }

    /// The strong LP relaxation by row generation over `facilities`: its optimum, y values,
    /// the duals of the assignment rows, and the link rows it needed (added to `links`). `nil` when the clock
    /// ran out or the LP failed.
    func stronglp(facilities: [Int], links: inout Set<Int>, log: inout [String])
        throws -> (bound: Double, y: [Double], lambda: [Double])? {
        let (lp, y, x) = model(facilities: facilities, links: links, relaxed: true)
        var options = clock.solveOptions(gap: 0)
        options.presolve = false
        var generated = links
        let answer: (Double, [Double], [Double])? = try lp.withIncrementalSolver(options: options) { session in
            var round = 0
            while true {
                round += 1
                if let left = clock.remaining { session.options.timeLimit = max(left, .milliseconds(1)) }
                let result = session.solve()
                guard result.termination == .optimal, let values = result.values, let z = result.objectiveValue else { return nil }
                var violated: [(Double, Int, Int, Variable)] = []
                for i in 0..<problem.pointCount where problem.demand[i] > 0 {
                    for (j, v) in x[i] {
                        let excess = values[v.index] - problem.shareBound(i, j) * values[y[j]!.index]
                        if excess > 1e-7 && !generated.contains(pair(i, j)) { violated.append((excess, i, j, v)) }
                    }
                }
                log.append("cflp row generation round \(round): LP \(z), \(violated.count) violated link rows, \(result.iterations) iterations, solve \(result.solveTime), at \(clock.seconds) s")
                if violated.isEmpty {
                    let duals = result.rowDuals ?? []
                    var lambda = [Double](repeating: 0, count: problem.pointCount)
                    for (r, row) in session.model.constraints.enumerated() where row.name.hasPrefix("assign_") && r < duals.count {
                        if let i = Int(row.name.dropFirst(7)) { lambda[i] = duals[r] }
                    }
                    return (z, facilities.map { values[y[$0]!.index] }, lambda)
                }
                if violated.count > rowsPerRound {
                    violated.sort { $0.0 > $1.0 }
                    violated.removeLast(violated.count - rowsPerRound)
                }
                for (_, i, j, v) in violated {
                    var link = LinearExpression()
                    link.add(1, v)
                    link.add(-problem.shareBound(i, j), y[j]!)
                    try session.addConstraint(link <= 0)
                    generated.insert(pair(i, j))
                }
                if clock.isExpired { return nil }
            }
        }
        links = generated
        guard let answer else { return nil }
        var yFull = [Double](repeating: 0, count: problem.facilityCount)
        for (k, j) in facilities.enumerated() { yFull[j] = answer.1[k] }
        return (answer.0, yFull, answer.2)
    }

    /// Solves the MIP over `facilities` with link rows `links` and an optional start; returns
    /// the GLPK result with the open set and shares it found.
    func mip(facilities: [Int], links: Set<Int>, fixedOpen: Set<Int>, start: (open: [Int], shares: [[(facility: Int, fraction: Double)]])?,
             gap: Double, timeLimit: Duration?)
        throws -> (result: SolveResult, open: [Int], shares: [[(facility: Int, fraction: Double)]])? {
        let (model, y, x) = model(facilities: facilities, links: links, relaxed: false, fixedOpen: fixedOpen)
        var options = clock.solveOptions(gap: gap)
        if let timeLimit { options.timeLimit = min(options.timeLimit ?? timeLimit, timeLimit) }
        if let start, start.open.allSatisfy({ y[$0] != nil }) {
            options.initialSolution = FacilityLocationSolver.vector(model: model, y: y, x: x, open: start.open, shares: start.shares)
        }
        let result = try model.solve(options: options)
        guard let values = result.values else { return (result, [], []) }
        let open = facilities.opened(by: y, in: values)
        let shares: [[(facility: Int, fraction: Double)]] = (0..<problem.pointCount).map { i in
            x[i].compactMap { p in
                let v = values[p.variable.index]
                return v > 1e-9 ? (p.facility, min(1, v)) : nil
            }
        }
        return (result, open, shares)
    }

    /// Facilities that the Lagrangian bound with multipliers `lambda` on the assignment rows
    /// proves closed (opening them costs more than `incumbent`) or open, and that bound.
    ///
    /// With the assignment rows relaxed the problem splits: facility j, if open, contributes
    /// ρ_j = f_j + min Σ_i (c_ij − λ_i)·x_ij over Σ_i d_i·x_ij ≤ capacity_j, 0 ≤ x_ij ≤ u_ij (a
    /// continuous knapsack), and the open set must hold at least ⌈D / largest capacity⌉
    /// facilities. Forcing y_j to 1 (or 0) and choosing the rest optimally bounds every
    /// solution with j open (closed) from below.
    ///
    /// - Complexity: O(m·n·log n + m²·log m).
    func lagrangianFixing(lambda: [Double], incumbent: Double) -> (closed: Set<Int>, open: Set<Int>, bound: Double) {
        let allowed = problem.allowedFacilities
        let n = problem.pointCount
        var rho = [Double](repeating: 0, count: problem.facilityCount)
        for j in allowed {
            let capacity = problem.facilities[j].capacity ?? .infinity
            var items: [(ratio: Double, value: Double, weight: Double)] = []
            for i in 0..<n {
                let c = problem.cost(i, j)
                guard c.isFinite else { continue }
                let r = c - lambda[i]
                guard r < 0 else { continue }
                let u = problem.shareBound(i, j)
                let w = problem.demand[i] * u
                if w <= 0 { rho[j] += r * u; continue }
                items.append((r / problem.demand[i], r * u, w))
            }
            items.sort { $0.ratio < $1.ratio }
            var left = capacity
            var total = 0.0
            for item in items where left > 0 {
                let take = min(1, left / item.weight)
                total += item.value * take
                left -= item.weight * take
            }
            rho[j] = problem.facilities[j].fixedCost + rho[j] + total
        }
        let demandTotal = problem.demand.reduce(Double(0), +)
        let largest = allowed.map { problem.facilities[$0].capacity ?? 0 }.max() ?? 0
        let least = largest > 0 ? max(0, Int((demandTotal / largest * (1 - 1e-12)).rounded(.up))) : 0
        let base = lambda.reduce(Double(0), +)
        let required = Set(problem.requiredFacilities)
        // The best choice of y with `forced` open and `banned` closed: every required and every
        // negative ρ, then the cheapest until `least` are open.
        func best(forced: Int?, banned: Int?) -> Double {
            var total = 0.0, count = 0
            var rest: [Double] = []
            for j in allowed where j != banned {
                if j == forced || required.contains(j) || rho[j] < 0 { total += rho[j]; count += 1 } else { rest.append(rho[j]) }
            }
            if count < least {
                rest.sort()
                if rest.count < least - count { return .infinity }
                total += rest.prefix(least - count).reduce(0, +)
            }
            return base + total
        }
        let bound = best(forced: nil, banned: nil)
        let slack = 1e-7 * max(1, abs(incumbent))
        var closed = Set<Int>(), open = Set<Int>()
        for j in allowed where !required.contains(j) {
            if best(forced: j, banned: nil) > incumbent + slack { closed.insert(j) }
            else if best(forced: nil, banned: j) > incumbent + slack { open.insert(j) }
        }
        return (closed, open, bound)
    }

    func solve() throws -> LocationSolution {
        var solution = LocationSolution(model: .cflp, status: .noSolution)
        let allowed = problem.allowedFacilities
        let base = FacilityLocationSolver(problem: problem, options: options, clock: clock)
        var incumbent = base.greedyCFLP()
        var incumbentCost = incumbent.map { FacilityLocationSolver.objective(problem, open: $0.open, shares: $0.shares) } ?? .infinity
        solution.log.append("cflp greedy: \(incumbentCost)")
        if let start {
            let cost = FacilityLocationSolver.objective(problem, open: start.open, shares: start.shares)
            if cost < incumbentCost { incumbentCost = cost; incumbent = start }
        }
        let n = problem.pointCount
        func allLinks(_ facilities: [Int]) -> Set<Int> {
            var set = Set<Int>(minimumCapacity: n * facilities.count)
            for i in 0..<n { for j in facilities { set.insert(pair(i, j)) } }
            return set
        }
        // The Lagrangian dual first: an incumbent from the facilities it opens (a restricted
        // MIP), then fixing with its multipliers. When few facilities remain, the MIP over them
        // holds every link row and no LP row generation is needed.
        let dual = dualSearch(target: incumbentCost, iterations: Self.dualIterations, expired: { clock.isExpired })
        solution.log.append("cflp Lagrangian dual \(dual.point.bound), \(dual.point.open.count) open, \(clock.seconds) s")
        let dualOpen = Set(dual.point.open)
        let extra = allowed.filter { !dualOpen.contains($0) }.sorted { dual.point.rho[$0] < dual.point.rho[$1] }
        let support = dual.point.open + extra.prefix(max(5, dual.point.open.count / 2))
        if support.count * n <= directPairs && !clock.isExpired {
            // Only a heuristic, at most 20 s; but fixing needs a near-optimal incumbent, so a tight gap.
            let heuristicLimit = min(clock.remaining.map { $0 / 4 } ?? .seconds(20), .seconds(20))
            if let restricted = try mip(facilities: support, links: allLinks(support), fixedOpen: [], start: incumbent, gap: 1e-6,
                                        timeLimit: heuristicLimit), !restricted.open.isEmpty {
                let cost = FacilityLocationSolver.objective(problem, open: restricted.open, shares: restricted.shares)
                solution.log.append("cflp restricted MIP over \(support.count) facilities: \(cost), \(clock.seconds) s")
                if cost < incumbentCost { incumbentCost = cost; incumbent = (restricted.open, restricted.shares) }
            }
        }
        let early = lagrangianFixing(lambda: dual.lambda, incumbent: incumbentCost)
        solution.log.append("cflp Lagrangian fixing (bound \(early.bound)): \(early.closed.count) closed, \(early.open.count) open, \(clock.seconds) s")
        var links = Set<Int>()
        // Seed: each point's links to its seedLinks cheapest facilities (rows built with the
        // model are cheap; rows added to a session copy the model).
        // The facilities the fixing leaves: the strong LP over them bounds every solution better
        // than the incumbent (the others cannot be in one).
        let shortcut = allowed.filter { !early.closed.contains($0) }
        for i in 0..<problem.pointCount {
            for j in shortcut.sorted(by: { problem.cost(i, $0) < problem.cost(i, $1) }).prefix(seedLinks) { links.insert(pair(i, j)) }
        }
        let direct = shortcut.count * n <= directPairs
        let lp = direct ? nil : try stronglp(facilities: shortcut, links: &links, log: &solution.log)
        var bound: Double? = max(dual.point.bound, early.bound)
        if let b = lp?.bound { bound = max(bound!, b) }
        var fixedClosed = early.closed, fixedOpen = early.open
        if direct {
            links = allLinks(shortcut)
            solution.search.generatedLinkRows = links.count
        }
        if let lp {
            solution.log.append("cflp strong LP \(lp.bound) with \(links.count) link rows, \(clock.seconds) s")
            solution.search.generatedLinkRows = links.count
            // Incumbent from the facilities the LP opens at all (a restricted MIP).
            let support = allowed.filter { lp.y[$0] > 1e-6 || problem.facilities[$0].status == .required }
            // At most a quarter of the time left and 30 s: it is only a heuristic.
            let heuristicLimit = min(clock.remaining.map { $0 / 4 } ?? .seconds(30), .seconds(30))
            if let restricted = try mip(facilities: support, links: links, fixedOpen: [], start: incumbent, gap: 1e-4,
                                        timeLimit: heuristicLimit),
               !restricted.open.isEmpty {
                let cost = FacilityLocationSolver.objective(problem, open: restricted.open, shares: restricted.shares)
                solution.log.append("cflp restricted MIP over \(support.count) facilities: \(cost), \(clock.seconds) s")
                if cost < incumbentCost { incumbentCost = cost; incumbent = (restricted.open, restricted.shares) }
            }
            // Lagrangian fixing against the incumbent (the LP's y reduced costs are degenerate:
            // the link rows' duals absorb them).
            let fixing = lagrangianFixing(lambda: lp.lambda, incumbent: incumbentCost)
            fixedClosed = fixing.closed.union(early.closed)
            fixedOpen = fixing.open.union(early.open)
            solution.log.append("cflp Lagrangian fixing (bound \(fixing.bound)): \(fixedClosed.count) closed, \(fixedOpen.count) open, \(clock.seconds) s")
        }
        let remaining = allowed.filter { !fixedClosed.contains($0) }
        if let final = try mip(facilities: remaining, links: links, fixedOpen: fixedOpen, start: incumbent,
                               gap: options.relativeGap, timeLimit: nil) {
            let result = final.result
            solution.log.append("cflp MIP: \(remaining.count) facilities, \(result.termination), \(result.nodes) nodes, \(clock.seconds) s")
            solution.search.mipSolves += 1
            solution.adoptTermination(of: result)
            if result.termination == .infeasible, incumbent != nil {
                // No solution among the facilities the fixing left: none beats the incumbent.
                solution.status = .optimal
                bound = incumbentCost
            }
            if !final.open.isEmpty {
                let cost = FacilityLocationSolver.objective(problem, open: final.open, shares: final.shares)
                if cost <= incumbentCost + 1e-9 * max(1, abs(cost)) || incumbent == nil {
                    incumbentCost = cost; incumbent = (final.open, final.shares)
                }
            }
            if let b = result.bestBound { bound = max(bound ?? -.infinity, b) }
            if result.termination == .optimal, result.hasSolution { bound = result.objectiveValue }
        }
        guard let incumbent else {
            if solution.status == .noSolution { solution.explanation.append(LocationText.stoppedWithoutSolution) }
            return solution
        }
        if solution.status == .noSolution { solution.status = .feasible }
        solution.open = incumbent.open.sorted()
        solution.shares = incumbent.shares
        solution.assignment = incumbent.shares.map { $0.max { $0.fraction < $1.fraction }?.facility }
        solution.objective = incumbentCost
        solution.bound = bound.map { min($0, incumbentCost) }
        if solution.status == .feasible { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }
}
