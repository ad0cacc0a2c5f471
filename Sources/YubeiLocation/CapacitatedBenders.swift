import YubeiCore
import YubeiOptimization

/// The splittable CFLP on large instances (capa, capb, capc: 100 × 1000) by Benders
/// decomposition on the transportation subproblem, in one GLPK branch-and-bound run over the
/// facilities alone.
///
/// For any multipliers v on the assignment rows Σ_j x_ij = 1, every solution obeys
///
///     Σ_ij c_ij·x_ij ≥ Σ_i v_i + Σ_j K_j(v)·y_j,
///
/// where K_j(v) = min Σ_i (c_ij − v_i)·x_ij over Σ_i d_i·x_ij ≤ s_j, 0 ≤ x_ij ≤ u_ij (a
/// continuous knapsack, solved in closed form, best ratio first; K_j ≤ 0). With v the optimal
/// duals of the transportation LP of an open set O (solved by GLPK), the cut is tight at O:
/// it is the Benders optimality cut with every closed facility's capacity dual chosen at its
/// best (the strengthening of Fischetti, Ljubić & Sinnl 2016). The same cuts with v the
/// iterates of the Lagrangian subgradient search (``CapacitatedRowGeneration/dualSearch``)
/// give the master its LP bound before any transportation LP is solved.
///
/// The steps:
/// 1. the Lagrangian dual by subgradient, every iterate kept as a cut;
/// 2. an incumbent: the open sets of the best iterates, each made to cover the demand and
///    served by its transportation LP (GLPK);
/// 3. Lagrangian fixing against it (``CapacitatedRowGeneration/lagrangianFixing``): the
///    facilities it closes leave the master;
/// 4. the master: min Σ f_j·y_j + θ, the cover and cardinality rows, the kept cuts, y binary,
///    solved by GLPK with the optimality cut of each integral y it reaches added as a lazy
///    row (``Model/solve(options:lazyConstraints:heuristic:)``); an open set whose
///    transportation problem is infeasible gets the cut "open some other facility".
///
/// Exact: an integral y is accepted only when θ is at least its transportation cost, and every
/// row of the master holds for every solution at most the incumbent's cost.
struct CapacitatedBenders {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock
    /// Subgradient rounds of the Lagrangian dual.
    var dualIterations = 600
    /// Most Lagrangian cuts put into the master (the best bounds first).
    var masterCuts = 120

    typealias Shares = [[(facility: Int, fraction: Double)]]

    /// One cut θ ≥ constant + Σ_j coefficient_j·y_j (coefficients by facility; 0 off the list).
    struct Cut {
        var constant: Double
        var coefficients: [Double]

        func value(at open: [Int]) -> Double { open.reduce(constant) { $0 + coefficients[$1] } }
    }

    private var rows: CapacitatedRowGeneration {
        CapacitatedRowGeneration(problem: problem, options: options, clock: clock)
    }

    /// The cut of multipliers `v`: constant Σ v_i, coefficient K_j(v) of each allowed facility.
    ///
    /// - Complexity: O(m·n·log n).
    func cut(_ v: [Double]) -> Cut {
        let point = rows.dualPoint(v)
        var k = [Double](repeating: 0, count: problem.facilityCount)
        for j in problem.allowedFacilities { k[j] = point.rho[j] - problem.facilities[j].fixedCost }
        return Cut(constant: v.reduce(0, +), coefficients: k)
    }

    /// The transportation problem of `open`, solved by GLPK: its cost, the duals of the
    /// assignment rows, and the shares. `nil` when it is infeasible (or GLPK fails).
    ///
    /// - Complexity: one LP of n rows + |open| rows and at most n·|open| columns.
    func transport(open: [Int]) -> (cost: Double, duals: [Double], shares: Shares)? {
        let n = problem.pointCount
        var model = Model(name: "transport")
        var x = [[(facility: Int, variable: Variable)]](repeating: [], count: n)
        var load = [LinearExpression](repeating: LinearExpression(), count: problem.facilityCount)
        var objective = LinearExpression()
        var assignRows: [Int] = []
        for i in 0..<n {
            let d = problem.demand[i]
            var assign = LinearExpression()
            for j in open {
                let c = problem.cost(i, j)
                guard c.isFinite else { continue }
                let capacity = problem.facilities[j].capacity ?? .infinity
                let u = d > 0 ? min(1, capacity / d) : 1
                guard u > 0 else { continue }
                let v = model.addVariable("x_\(i)_\(j)", lowerBound: 0, upperBound: u)
                x[i].append((j, v))
                assign.add(1, v)
                objective.add(c, v)
                if d > 0 { load[j].add(d, v) }
            }
            if x[i].isEmpty { return nil }
            assignRows.append(model.addConstraint(assign == 1, name: "assign_\(i)").index)
        }
        for j in open where !load[j].isConstant {
            model.addConstraint(load[j] <= (problem.facilities[j].capacity ?? .infinity))
        }
        model.minimize(objective)
        var glpk = clock.solveOptions(gap: 0)
        glpk.presolve = false
        guard let result = try? model.solve(options: glpk), result.termination == .optimal,
              let values = result.values, let z = result.objectiveValue, let duals = result.rowDuals else { return nil }
        let shares: Shares = (0..<n).map { i in
            x[i].compactMap { p in
                let value = values[p.variable.index]
                return value > 1e-9 ? (p.facility, min(1, value)) : nil
            }
        }
        return (z, assignRows.map { duals[$0] }, shares)
    }

    /// Fractional rounds of cuts at the root and at each other node of the master.
    var rootRounds = 40
    var nodeRounds = 2

    /// The columns of ``transportModel(_:)``: by facility (with u_ij) and by point.
    struct TransportColumns {
        var byFacility: [[(variable: Variable, upper: Double)]]
        var points: [[(facility: Int, variable: Variable)]]
        subscript(j: Int) -> [(variable: Variable, upper: Double)] { byFacility[j] }
    }

    /// The transportation LP over `facilities`, every facility at y_j = 1: x_ij in [0, u_ij],
    /// Σ_j x_ij = 1, Σ_i d_i·x_ij ≤ s_j·z_j with z_j a column fixed at y_j. Setting y means
    /// setting bounds (x_ij ≤ u_ij·y_j, z_j = y_j), so one GLPK problem serves every y, warm.
    /// Returns the model, its columns, the z_j by facility and the assignment rows by point.
    ///
    /// - Complexity: O(n·|facilities|).
    func transportModel(_ facilities: [Int]) -> (Model, TransportColumns, [Variable?], [Int]) {
        let n = problem.pointCount
        var model = Model(name: "transport")
        var columns = TransportColumns(byFacility: Array(repeating: [], count: problem.facilityCount),
                                       points: Array(repeating: [], count: n))
        var scale = [Variable?](repeating: nil, count: problem.facilityCount)
        for j in facilities { scale[j] = model.addVariable("z_\(j)", lowerBound: 1, upperBound: 1) }
        var load = [LinearExpression](repeating: LinearExpression(), count: problem.facilityCount)
        var objective = LinearExpression()
        var assignRows: [Int] = []
        for i in 0..<n {
            let d = problem.demand[i]
            var assign = LinearExpression()
            for j in facilities {
                let c = problem.cost(i, j)
                guard c.isFinite else { continue }
                let u = d > 0 ? min(1, (problem.facilities[j].capacity ?? .infinity) / d) : 1
                guard u > 0 else { continue }
                let v = model.addVariable("", lowerBound: 0, upperBound: u)
                columns.byFacility[j].append((v, u))
                columns.points[i].append((j, v))
                assign.add(1, v)
                objective.add(c, v)
                if d > 0 { load[j].add(d, v) }
            }
            assignRows.append(model.addConstraint(assign == 1, name: "assign_\(i)").index)
        }
        for j in facilities {
            var row = load[j]
            row.add(-(problem.facilities[j].capacity ?? 0), scale[j]!)
            model.addConstraint(row <= 0)
        }
        model.minimize(objective)
        return (model, columns, scale, assignRows)
    }

    /// Open facilities added to `open`, cheapest `rank` first, until their capacity holds the demand.
    private func covering(_ open: [Int], rank: [Double]) -> [Int] {
        let total = problem.demand.reduce(Double(0), +)
        var set = Set(open).union(problem.requiredFacilities)
        var capacity = set.reduce(0.0) { $0 + (problem.facilities[$1].capacity ?? 0) }
        for j in problem.allowedFacilities.sorted(by: { rank[$0] < rank[$1] }) where capacity < total && !set.contains(j) {
            set.insert(j)
            capacity += problem.facilities[j].capacity ?? 0
        }
        return set.sorted()
    }

    func solve() throws -> LocationSolution {
        var solution = LocationSolution(model: .cflp, status: .noSolution)
        let allowed = problem.allowedFacilities
        let fixed = problem.facilities.map(\.fixedCost)
        let fixedCost: ([Int]) -> Double = { $0.reduce(0) { $0 + fixed[$1] } }
        var incumbent = FacilityLocationSolver(problem: problem, options: options, clock: clock).greedyCFLP()
        var incumbentCost = incumbent.map { FacilityLocationSolver.objective(problem, open: $0.open, shares: $0.shares) } ?? .infinity
        solution.log.append("cflp greedy: \(incumbentCost)")

        // 1. The Lagrangian dual; every iterate a cut.
        var iterates: [(bound: Double, cut: Cut, open: [Int], rho: [Double])] = []
        let dual = rows.dualSearch(target: incumbentCost, iterations: dualIterations, expired: { clock.isExpired }) { base, point in
            var k = [Double](repeating: 0, count: problem.facilityCount)
            for j in allowed { k[j] = point.rho[j] - fixed[j] }
            iterates.append((point.bound, Cut(constant: base, coefficients: k), point.open, point.rho))
        }
        var bound = dual.point.bound
        solution.log.append("cflp Lagrangian dual \(dual.point.bound), \(dual.point.open.count) open, \(iterates.count) cuts, \(clock.seconds) s")

        // 2. Incumbents from the open sets of the best iterates.
        iterates.sort { $0.bound > $1.bound }
        var tried = Set<[Int]>()
        var evaluated: [[Int]: Double] = [:]
        var transportSolves = 0
        func consider(_ open: [Int]) -> (cost: Double, duals: [Double])? {
            transportSolves += 1
            guard let t = transport(open: open) else { return nil }
            let total = fixedCost(open) + t.cost
            evaluated[open] = total
            if total < incumbentCost - 1e-9 * max(1, abs(total)) {
                incumbentCost = total
                incumbent = (open, t.shares)
            }
            return (t.cost, t.duals)
        }
        for item in iterates.prefix(40) where tried.count < 4 && !clock.isExpired {
            let open = covering(item.open, rank: item.rho)
            if tried.insert(open).inserted { _ = consider(open) }
        }
        solution.log.append("cflp incumbent from \(tried.count) Lagrangian open sets: \(incumbentCost), \(clock.seconds) s")

        // 3. Lagrangian fixing.
        let fixing = rows.lagrangianFixing(lambda: dual.lambda, incumbent: incumbentCost)
        bound = max(bound, fixing.bound)
        let remaining = allowed.filter { !fixing.closed.contains($0) }
        solution.log.append("cflp Lagrangian fixing: \(fixing.closed.count) closed, \(fixing.open.count) open, \(remaining.count) left, \(clock.seconds) s")

        // 4. The master over the remaining facilities.
        let n = problem.pointCount
        var floor = 0.0
        var servable = true
        for i in 0..<n {
            guard let cheapest = remaining.map({ problem.cost(i, $0) }).filter(\.isFinite).min() else { servable = false; break }
            floor += cheapest
        }
        var master = Model(name: "cflp-benders")
        var y = [Variable?](repeating: nil, count: problem.facilityCount)
        var objective = LinearExpression()
        var cover = LinearExpression()
        var count = LinearExpression()
        for j in remaining {
            let v = master.addBinary("y_\(j)")
            if problem.facilities[j].status == .required || fixing.open.contains(j) { master.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            objective.add(fixed[j], v)
            cover.add(problem.facilities[j].capacity ?? 0, v)
            count.add(1, v)
        }
        let theta = master.addVariable("theta", lowerBound: floor, upperBound: nil)
        objective.add(1, theta)
        master.minimize(objective)
        let demandTotal = problem.demand.reduce(Double(0), +)
        master.addConstraint(cover >= demandTotal, name: "cover")
        let largest = allowed.map { problem.facilities[$0].capacity ?? 0 }.max() ?? 0
        if largest > 0 {
            let least = (demandTotal / largest * (1 - 1e-12)).rounded(.up)
            if least >= 1 { master.addConstraint(count >= least, name: "count") }
        }
        func row(_ cut: Cut) -> LinearConstraint {
            var e = LinearExpression()
            e.add(1, theta)
            for j in remaining where cut.coefficients[j] != 0 { e.add(-cut.coefficients[j], y[j]!) }
            return e >= cut.constant
        }
        var kept = 0
        var seen = Set<[Int]>()
        for item in iterates where kept < masterCuts {
            // One cut per open set of the relaxation (the best-bound one), to keep the master small.
            if seen.insert(item.open).inserted {
                master.addConstraint(row(item.cut))
                kept += 1
            }
        }
        if servable && !clock.isExpired {
            let (transportModel, tx, scale, assignRows) = transportModel(remaining)
            var glpk = clock.solveOptions(gap: options.relativeGap)
            if let start = incumbent, start.open.allSatisfy({ y[$0] != nil }) {
                var vector = [Double](repeating: 0, count: master.variables.count)
                for j in start.open { vector[y[j]!.index] = 1 }
                vector[theta.index] = max(floor, incumbentCost - fixedCost(start.open))
                glpk.initialSolution = vector
            }
            var lpOptions = clock.solveOptions(gap: 0)
            lpOptions.presolve = false
            lpOptions.progress = nil
            var integralVisits = 0, fractionalRounds = 0, lpSolves = 0
            let result = try transportModel.withIncrementalSolver(options: lpOptions) { sessionRef -> SolveResult in
              // A pointer, valid for this body, that the separator can capture.
              try withUnsafeMutablePointer(to: &sessionRef) { session -> SolveResult in
                // y as the session holds it.
                var current = [Double](repeating: 1, count: problem.facilityCount)
                // The transportation LP at y (fractional y scales capacities and pair bounds):
                // its cost, assignment duals and values.
                func evaluate(_ level: [Double]) -> (cost: Double, duals: [Double], values: [Double])? {
                    for j in remaining where level[j] != current[j] {
                        for (v, u) in tx[j] { try? session.pointee.setBounds(of: v, lower: 0, upper: u * level[j]) }
                        try? session.pointee.setBounds(of: scale[j]!, lower: level[j], upper: level[j])
                        current[j] = level[j]
                    }
                    if let left = clock.remaining { session.pointee.options.timeLimit = max(left, .milliseconds(1)) }
                    lpSolves += 1
                    let r = session.pointee.solve()
                    guard r.termination == .optimal, let values = r.values, let z = r.objectiveValue, let duals = r.rowDuals else { return nil }
                    return (z, assignRows.map { duals[$0] }, values)
                }
                // The cut of each open set met, kept for when GLPK meets it again in another subtree.
                var cuts: [[Int]: [LinearConstraint]] = [:]
                var costs: [[Int]: Double] = [:]
                // GLPK's row tolerance may leave a barely violated cut unseen: the same open set
                // again at the same node is then accepted (its θ is within that tolerance).
                var lastReturned: (node: Int, open: [Int])?
                var roundsAt: [Int: Int] = [:]
                return try withoutActuallyEscaping({ (request: LazyConstraintRequest) -> [LinearConstraint] in
                    let thetaValue = request.values[theta.index]
                    var level = [Double](repeating: 0, count: problem.facilityCount)
                    for j in remaining {
                        let v = request.values[y[j]!.index]
                        level[j] = v < 1e-9 ? 0 : v > 1 - 1e-9 ? 1 : v
                    }
                    guard request.isIntegral else {
                        // Fractional: the strong LP at this y gives a cut tight there; a few rounds a node.
                        let budget = request.depth == 0 ? rootRounds : nodeRounds
                        guard roundsAt[request.node, default: 0] < budget, !clock.isExpired else { return [] }
                        roundsAt[request.node, default: 0] += 1
                        fractionalRounds += 1
                        guard let e = evaluate(level) else { return [] }
                        let cut = self.cut(e.duals)
                        let value = remaining.reduce(cut.constant) { $0 + cut.coefficients[$1] * level[$1] }
                        return thetaValue < value - 1e-6 * max(1, abs(value)) ? [row(cut)] : []
                    }
                    integralVisits += 1
                    let open = remaining.filter { level[$0] > 0.5 }
                    let rowsOfOpen: [LinearConstraint]
                    let needed: Double
                    if let known = cuts[open] {
                        rowsOfOpen = known
                        needed = costs[open] ?? .infinity
                    } else {
                        for j in remaining { level[j] = level[j] > 0.5 ? 1 : 0 }
                        if let e = evaluate(level) {
                            let shares: Shares = (0..<n).map { i in
                                tx.points[i].compactMap { p in
                                    let value = e.values[p.variable.index]
                                    return value > 1e-9 ? (p.facility, min(1, value)) : nil
                                }
                            }
                            let total = fixedCost(open) + e.cost
                            if total < incumbentCost - 1e-9 * max(1, abs(total)) {
                                incumbentCost = total
                                incumbent = (open, shares)
                            }
                            let cut = self.cut(e.duals)
                            needed = e.cost
                            var list = [row(cut)]
                            if cut.value(at: open) < e.cost - 1e-6 * max(1, abs(e.cost)) {
                                // Not tight (the LP's tolerances): the no-good row keeps it exact.
                                var g = LinearExpression()
                                g.add(1, theta)
                                let drop = e.cost - floor
                                for j in remaining { g.add(open.contains(j) ? -drop : drop, y[j]!) }
                                list.append(g >= e.cost - drop * Double(open.count))
                            }
                            rowsOfOpen = list
                        } else {
                            // Infeasible: every subset of `open` is too; some other facility must open.
                            needed = .infinity
                            var g = LinearExpression()
                            let others = remaining.filter { !open.contains($0) }
                            if others.isEmpty {
                                for j in open { g.add(1, y[j]!) }
                                rowsOfOpen = [g <= Double(open.count - 1)]
                            } else {
                                for j in others { g.add(1, y[j]!) }
                                rowsOfOpen = [g >= 1]
                            }
                        }
                        cuts[open] = rowsOfOpen
                        costs[open] = needed
                    }
                    if needed.isInfinite { return rowsOfOpen }
                    guard thetaValue < needed - 1e-9 * max(1, abs(needed)) else { return [] }
                    if let last = lastReturned, last.node == request.node, last.open == open { return [] }
                    lastReturned = (request.node, open)
                    return rowsOfOpen
                }, do: { separate in try master.solve(options: glpk, lazyConstraints: separate) })
              }
            }
            solution.search.mipSolves += 1
            solution.search.lazyRowsAdded += result.lazyRowsAdded
            transportSolves += lpSolves
            solution.log.append("cflp Benders master: \(remaining.count) facilities, \(kept) Lagrangian cuts, \(result.termination), \(result.nodes) nodes, \(integralVisits) integral points, \(fractionalRounds) fractional rounds, \(lpSolves) transportation LPs, \(result.lazyRowsAdded) lazy rows, \(clock.seconds) s")
            solution.adoptTermination(of: result)
            if let b = result.bestBound { bound = max(bound, b) }
            if result.termination == .optimal {
                // Every solution better than the incumbent was in the master: none exists.
                bound = max(bound, min(incumbentCost, result.objectiveValue ?? incumbentCost))
                if incumbent != nil { solution.status = .optimal }
            } else if result.termination == .infeasible {
                // Nothing better than the incumbent among the facilities left.
                bound = max(bound, incumbentCost)
                solution.status = incumbent != nil ? .optimal : .infeasible
            }
        } else if !servable {
            bound = max(bound, incumbentCost)
            solution.status = incumbent != nil ? .optimal : .infeasible
        }
        solution.search.transportationSolves = transportSolves
        guard let incumbent else {
            if solution.status == .noSolution { solution.explanation.append(LocationText.stoppedWithoutSolution) }
            return solution
        }
        if solution.status == .noSolution || solution.status == .infeasible { solution.status = .feasible }
        solution.open = incumbent.open.sorted()
        solution.shares = incumbent.shares
        solution.assignment = incumbent.shares.map { $0.max { $0.fraction < $1.fraction }?.facility }
        solution.objective = FacilityLocationSolver.objective(problem, open: incumbent.open, shares: incumbent.shares)
        solution.bound = min(bound, solution.objective!)
        if solution.status == .feasible { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }
}
