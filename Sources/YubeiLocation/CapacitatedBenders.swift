import Foundation
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
/// 2. an incumbent: the open set of the best iterate, made to cover the demand and served
///    greedily (or by its transportation LP, without ``greedyFirst``), then the master over
///    the facilities the best multipliers rate cheapest (a heuristic);
/// 3. Lagrangian fixing against it (``CapacitatedRowGeneration/lagrangianFixing``): the
///    facilities it closes leave the master;
/// 4. the master: min Σ f_j·y_j + θ, the cover and cardinality rows, the kept cuts, y binary,
///    solved by GLPK with the optimality cut of each integral y it reaches added as a lazy
///    row (``Model/solve(options:lazyConstraints:heuristic:)``); an open set whose
///    transportation problem is infeasible gets the cut "open some other facility". With
///    ``nodeLagrangian`` each node is bounded by its own Lagrangian dual
///    (``CapacitatedNodeLagrangian``, the facilities branched on fixed): a node whose dual
///    exceeds the incumbent is closed by an infeasible row, the free facilities its ρ fixes
///    are fixed by rows for the node's subtree, its multipliers' cut is added, and an integral
///    y whose dual (every y fixed) exceeds the incumbent is cut off by that dual's cut without
///    a transportation LP. (capb at 6000 and 7000, capc at 5750: 150–250 nodes of a few ms
///    each where the transportation LP costs ~0.1 s.)
///
/// Exact: an integral y is accepted only when θ is at least its transportation cost, and every
/// row of the master holds for every solution at most the incumbent's cost (the rows of a
/// node, for every solution of its subtree at most that cost).
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

    /// The cut of a node dual's multipliers (evaluated with every ρ, ``CapacitatedNodeLagrangian``):
    /// θ ≥ base + Σ_j (ρ_j − f_j)·y_j, valid everywhere.
    ///
    /// - Complexity: O(m).
    func cut(of e: CapacitatedNodeLagrangian.Evaluation, in dual: CapacitatedNodeLagrangian) -> Cut {
        var k = [Double](repeating: 0, count: problem.facilityCount)
        for (index, j) in dual.facilities.enumerated() { k[j] = e.rho[index] - dual.fixed[index] }
        return Cut(constant: e.base, coefficients: k)
    }

    /// The transportation problem of `open`, solved by GLPK: its cost, the duals of the
    /// assignment rows, and the shares. `nil` when a point has no pair to an open facility, when
    /// it is infeasible, or when GLPK fails. One solve of ``transportModel(_:)``.
    ///
    /// - Complexity: one LP of n rows + |open| rows and at most n·|open| columns.
    func transport(open: [Int]) -> (cost: Double, duals: [Double], shares: Shares)? {
        let (model, columns, _, assignRows) = transportModel(open)
        guard !columns.points.contains(where: \.isEmpty) else { return nil }
        var glpk = clock.solveOptions(gap: 0)
        glpk.presolve = false
        guard let result = try? model.solve(options: glpk), result.termination == .optimal,
              let values = result.values, let z = result.objectiveValue, let duals = result.rowDuals else { return nil }
        return (z, assignRows.map { duals[$0] }, columns.shares(values))
    }

    /// Fractional rounds of transportation-LP cuts at the root (after the node duals' rounds
    /// there: none with ``nodeLagrangian``, whose duals come near the same bound for a few ms
    /// where each LP costs ~0.1 s; else 40) and at each other node of the master (without
    /// ``nodeLagrangian`` only).
    var rootRounds = 40
    var nodeRounds = 1
    var nodeLagrangianRootRounds = 0
    /// Facilities of the heuristic master (those the best multipliers rate cheapest).
    var candidateFacilities = 20
    /// The heuristic master runs only when more facilities than this survive the first fixing.
    var heuristicAbove = 40
    /// The time of the heuristic master: it reaches its gap in 5–10 s where the full master
    /// then proves the optimum (capb 8000, capc 6500); where it does not, more time seldom
    /// helps (capb 6000: the incumbent after 20 s is 0.6 % above the optimum).
    var heuristicLimit: Duration = .seconds(12)
    /// The relative gap of the heuristic master.
    var heuristicGap = 1e-3
    /// The full master runs only when at most this many facilities survive the fixing. More
    /// left means a Lagrangian bound far below the incumbent; without ``nodeLagrangian`` the
    /// master's branch and bound (bounds from cuts alone) then closes the gap far more slowly
    /// than the strong model over those facilities, so the search stops with its incumbent
    /// (status feasible) and ``FacilityLocationSolver`` goes on by link-row generation (capb
    /// at 6000 and 7000, capc at 5750 leave 36–61). With node duals the master proves those in
    /// seconds: the limit is then ``nodeMasterFacilities``.
    var masterFacilities = 35
    var nodeMasterFacilities = 100
    /// ``heuristicDepth`` of the final master (the heuristic master found the incumbent).
    var proofHeuristicDepth = 0
    /// Bound the master's fractional nodes by the node's own Lagrangian dual
    /// (``CapacitatedNodeLagrangian``): subgradient steps from the parent's multipliers, a
    /// node whose bound exceeds the incumbent pruned, free facilities fixed by their ρ, the
    /// relaxation's open set tried as an incumbent. Off: the transportation LP's cut at a few
    /// fractional points only.
    var nodeLagrangian = true
    /// Subgradient steps at the root's rounds and at each other node's.
    var rootLagrangianSteps = 150
    var nodeLagrangianSteps = 60
    /// Rounds of the node dual at the root and at each other node.
    var rootLagrangianRounds = 6
    var nodeLagrangianRounds = 2
    /// The node duals' open sets are tried as incumbents (a transportation LP each) down to this depth.
    var heuristicDepth = Int.max
    /// Serve the first incumbent's open set greedily (cheapest pairs first) instead of by its
    /// transportation LP.
    var greedyFirst = true
    /// Multipliers the node duals start from at the root (the best of the first dual search).
    var startLambda: [Double]?

    /// The columns of ``transportModel(_:)``: by facility (with u_ij) and by point.
    struct TransportColumns {
        var byFacility: [[(variable: Variable, upper: Double)]]
        var points: [[(facility: Int, variable: Variable)]]
        subscript(j: Int) -> [(variable: Variable, upper: Double)] { byFacility[j] }

        /// Each point's shares in the solution `values` (those above 10⁻⁹, at most 1).
        func shares(_ values: [Double]) -> Shares {
            points.map { pairs in
                pairs.compactMap { p in
                    let value = values[p.variable.index]
                    return value > 1e-9 ? (p.facility, min(1, value)) : nil
                }
            }
        }
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
                let u = problem.shareBound(i, j)
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

    /// What the phases of one search share: the incumbent, the cuts met, the counts.
    final class State {
        var incumbent: (open: [Int], shares: Shares)?
        var incumbentCost = Double.infinity
        /// Cuts of transportation duals met so far (valid for every master).
        var cuts: [Cut] = []
        /// Transportation cost of each open set solved (infinity: infeasible).
        var costs: [[Int]: Double] = [:]
        var transportSolves = 0

        /// Takes `open` with `shares` at `total` when it beats the incumbent.
        func offer(_ open: [Int], _ shares: Shares, total: Double) {
            if total < incumbentCost - 1e-9 * max(1, abs(total)) {
                incumbentCost = total
                incumbent = (open, shares)
            }
        }
    }

    /// The Benders master over `facilities` (the others closed), `fixedOpen` forced open, the
    /// `lagrangian` cuts and those of `state`, solved by GLPK to `gap` within `timeLimit`,
    /// with the cut of every integral y met (and of a few fractional ones) added lazily.
    /// `nil` when some point has no allowed pair among `facilities`: then no solution uses only them.
    func master(facilities remaining: [Int], fixedOpen: Set<Int>, lagrangian: [Cut], gap: Double, timeLimit: Duration?,
                state: State, log: inout [String]) throws -> SolveResult? {
        let n = problem.pointCount
        let fixed = problem.facilities.map(\.fixedCost)
        let fixedCost: ([Int]) -> Double = { $0.reduce(0) { $0 + fixed[$1] } }
        var floor = 0.0
        for i in 0..<n {
            guard let cheapest = remaining.map({ problem.cost(i, $0) }).filter(\.isFinite).min() else { return nil }
            floor += cheapest
        }
        var master = Model(name: "cflp-benders")
        var y = [Variable?](repeating: nil, count: problem.facilityCount)
        var objective = LinearExpression()
        var cover = LinearExpression()
        var count = LinearExpression()
        let largest = problem.allowedFacilities.map { problem.facilities[$0].capacity ?? 0 }.max() ?? 0
        let capacityUnit = largest > 0 ? largest : 1
        for j in remaining {
            let v = master.addBinary("y_\(j)")
            if problem.facilities[j].status == .required || fixedOpen.contains(j) { master.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            objective.add(fixed[j], v)
            cover.add((problem.facilities[j].capacity ?? 0) / capacityUnit, v)
            count.add(1, v)
        }
        // θ in units of `unit` (a power of ten near the transportation cost), so that the cut
        // rows hold numbers near 1: GLPK's simplex aborts on some badly scaled masters.
        let unit = pow(10, max(0, log10(max(floor, 1)).rounded(.down)))
        let theta = master.addVariable("theta", lowerBound: floor / unit, upperBound: nil)
        objective.add(unit, theta)
        master.minimize(objective)
        let demandTotal = problem.demand.reduce(Double(0), +)
        master.addConstraint(cover >= demandTotal / capacityUnit, name: "cover")
        if largest > 0 {
            let least = (demandTotal / largest * (1 - 1e-12)).rounded(.up)
            if least >= 1 { master.addConstraint(count >= least, name: "count") }
        }
        // A cut in the master's units; a coefficient too small for GLPK (|K_j| < 1e-12 units)
        // is left out and the constant lowered by as much, which keeps the row valid.
        func row(_ cut: Cut) -> LinearConstraint {
            var e = LinearExpression()
            e.add(1, theta)
            var constant = cut.constant / unit
            for j in remaining where cut.coefficients[j] != 0 {
                let k = cut.coefficients[j] / unit
                if k > -1e-12 { constant -= 1e-12 } else { e.add(-k, y[j]!) }
            }
            return e >= constant
        }
        for cut in lagrangian + state.cuts { master.addConstraint(row(cut)) }
        var glpk = clock.solveOptions(gap: gap)
        if let timeLimit { glpk.timeLimit = min(glpk.timeLimit ?? timeLimit, timeLimit) }
        if let start = state.incumbent, start.open.allSatisfy({ y[$0] != nil }), fixedOpen.isSubset(of: start.open) {
            var vector = [Double](repeating: 0, count: master.variables.count)
            for j in start.open { vector[y[j]!.index] = 1 }
            vector[theta.index] = max(floor, state.incumbentCost - fixedCost(start.open)) / unit
            glpk.initialSolution = vector
        }
        let (transportModel, tx, scale, assignRows) = transportModel(remaining)
        let nodeDual = nodeLagrangian ? CapacitatedNodeLagrangian(problem: problem, facilities: remaining) : nil
        if nodeLagrangian { glpk.separatorSeesBounds = true }
        var lagrangianSolves = 0, lagrangianPrunes = 0, lagrangianFixed = 0
        var lagrangianTime = Duration.zero
        var screened = 0
        var lpOptions = clock.solveOptions(gap: 0)
        lpOptions.presolve = false
        lpOptions.progress = nil
        var integralVisits = 0, fractionalRounds = 0, lpSolves = 0
        var lpTime = Duration.zero
        let deadline = glpk.timeLimit.map { clock.elapsed + $0 }
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
                if let deadline { session.pointee.options.timeLimit = max(deadline - clock.elapsed, .milliseconds(1)) }
                lpSolves += 1
                let started = clock.elapsed
                let r = session.pointee.solve()
                lpTime += clock.elapsed - started
                guard r.termination == .optimal, let values = r.values, let z = r.objectiveValue, let duals = r.rowDuals else { return nil }
                return (z, assignRows.map { duals[$0] }, values)
            }
            // The cut rows of each open set met, kept for when GLPK meets it again in another subtree.
            var cuts: [[Int]: [LinearConstraint]] = [:]
            // GLPK's row tolerance may leave a barely violated cut unseen: the same open set
            // again at the same node is then accepted (its θ is within that tolerance).
            var lastReturned: (node: Int, open: [Int])?
            var roundsAt: [Int: Int] = [:]
            // The node duals: multipliers by node, Lagrangian rounds by node (with its parent,
            // as GLPK reuses numbers), and a solution for GLPK's heuristic hook.
            var lambdas: [Int: [Double]] = [:]
            var lagrangianRoundsAt: [Int: (parent: Int, count: Int)] = [:]
            var pending: [Double]?
            // The cut of the node dual with exactly `open` open, when its bound exceeds the
            // incumbent (then `open` need not be solved).
            func screen(_ open: [Int], request: LazyConstraintRequest) -> Cut? {
                guard let nodeDual, state.incumbentCost.isFinite else { return nil }
                let set = Set(open)
                let fixedState: [CapacitatedNodeLagrangian.State] = nodeDual.facilities.map { set.contains($0) ? .open : .closed }
                let from = lambdas[request.node] ?? lambdas[request.parentNode] ?? startLambda ?? problem.demand.map { _ in 0 }
                let dualStarted = clock.elapsed
                defer { lagrangianTime += clock.elapsed - dualStarted }
                let (lambda, point) = nodeDual.search(from: from, state: fixedState, target: state.incumbentCost + 2e-7 * max(1, abs(state.incumbentCost)),
                                                      iterations: nodeLagrangianSteps, step: 0.5)
                lagrangianSolves += 1
                guard point.bound > state.incumbentCost + 1e-7 * max(1, abs(state.incumbentCost)) else { return nil }
                return cut(of: nodeDual.evaluate(lambda, state: fixedState, allRho: true), in: nodeDual)
            }
            // The node's Lagrangian dual: prune, fix, cut, and try its open set.
            func lagrangianRows(_ request: LazyConstraintRequest, thetaValue: Double, level: [Double]) -> [LinearConstraint]? {
                guard let nodeDual, !clock.isExpired else { return nil }
                var entry = lagrangianRoundsAt[request.node]
                if entry?.parent != request.parentNode { entry = (request.parentNode, 0) }
                let budget = request.depth == 0 ? rootLagrangianRounds : nodeLagrangianRounds
                guard entry!.count < budget else { return nil }
                entry!.count += 1
                lagrangianRoundsAt[request.node] = entry
                let nodeState: [CapacitatedNodeLagrangian.State] = nodeDual.facilities.map { j in
                    let v = y[j]!.index
                    if request.lowerBounds.count > v && request.lowerBounds[v] > 0.5 { return .open }
                    if request.upperBounds.count > v && request.upperBounds[v] < 0.5 { return .closed }
                    return .free
                }
                let from = (entry!.count > 1 ? lambdas[request.node] : nil) ?? lambdas[request.parentNode] ?? startLambda
                    ?? problem.demand.map { _ in 0 }
                let steps = request.depth == 0 ? rootLagrangianSteps : nodeLagrangianSteps
                let dualStarted = clock.elapsed
                defer { lagrangianTime += clock.elapsed - dualStarted }
                let (lambda, point) = nodeDual.search(from: from, state: nodeState, target: state.incumbentCost + 2e-7 * max(1, abs(state.incumbentCost)),
                                                      iterations: steps, step: request.depth == 0 ? 1 : 0.5)
                lambdas[request.node] = lambda
                lagrangianSolves += 1
                let slack = 1e-7 * max(1, abs(state.incumbentCost))
                // Nothing in this subtree beats the incumbent: an infeasible row closes it.
                let prune: LinearConstraint = { var e = LinearExpression(); e.add(1, theta); return e <= floor / unit - 1 }()
                if point.bound > state.incumbentCost + slack {
                    lagrangianPrunes += 1
                    return [prune]
                }
                var rows: [LinearConstraint] = []
                // Its open set as a solution.
                let open = point.open.map { nodeDual.facilities[$0] }.sorted()
                let capacityOpen = open.reduce(0.0) { $0 + (problem.facilities[$1].capacity ?? 0) }
                if request.depth <= heuristicDepth && state.costs[open] == nil && capacityOpen >= demandTotal
                    && screen(open, request: request) == nil {
                    var integral = [Double](repeating: 0, count: problem.facilityCount)
                    for j in open { integral[j] = 1 }
                    let before = state.incumbentCost
                    if let e = evaluate(integral) {
                        state.costs[open] = e.cost
                        state.offer(open, tx.shares(e.values), total: fixedCost(open) + e.cost)
                        let c = self.cut(e.duals)
                        state.cuts.append(c)
                        rows.append(row(c))
                        if state.incumbentCost < before {
                            var vector = [Double](repeating: 0, count: master.variables.count)
                            for j in open { vector[y[j]!.index] = 1 }
                            vector[theta.index] = max(floor, e.cost) / unit
                            pending = vector
                        }
                    } else {
                        state.costs[open] = .infinity
                    }
                    if point.bound > state.incumbentCost + slack {
                        lagrangianPrunes += 1
                        return [prune]
                    }
                }
                // Fixing by ρ against the incumbent, for the node's subtree.
                let fix = nodeDual.fixing(point, state: nodeState, incumbent: state.incumbentCost)
                for k in fix.closed {
                    var e = LinearExpression(); e.add(1, y[nodeDual.facilities[k]]!); rows.append(e <= 0)
                }
                for k in fix.open {
                    var e = LinearExpression(); e.add(1, y[nodeDual.facilities[k]]!); rows.append(e >= 1)
                }
                lagrangianFixed += fix.closed.count + fix.open.count
                // The cut of these multipliers (every facility's ρ: valid everywhere).
                let c = cut(of: nodeDual.evaluate(lambda, state: nodeState, allRho: true), in: nodeDual)
                let value = remaining.reduce(c.constant) { $0 + c.coefficients[$1] * level[$1] }
                if thetaValue < value - 1e-6 * max(1, abs(value)) { rows.append(row(c)) }
                return rows
            }
            return try withoutActuallyEscaping({ (request: LazyConstraintRequest) -> [LinearConstraint] in
                let thetaValue = request.values[theta.index] * unit
                var level = [Double](repeating: 0, count: problem.facilityCount)
                for j in remaining {
                    // On a grid of 1e-6: GLPK's primal simplex trips over bound ranges of a
                    // few ulps (an assertion, not an error code).
                    let v = (request.values[y[j]!.index] * 1e6).rounded() / 1e6
                    level[j] = min(1, max(0, v))
                }
                if !request.isIntegral, nodeLagrangian, let rows = lagrangianRows(request, thetaValue: thetaValue, level: level),
                   !rows.isEmpty || request.depth > 0 {
                    return rows
                }
                guard request.isIntegral else {
                    if nodeLagrangian && request.depth > 0 { return [] }
                    // Fractional: the strong LP at this y gives a cut tight there; a few rounds a node.
                    let budget = request.depth == 0 ? (nodeLagrangian ? min(rootRounds, nodeLagrangianRootRounds) : rootRounds) : nodeRounds
                    guard roundsAt[request.node, default: 0] < budget, !clock.isExpired else { return [] }
                    roundsAt[request.node, default: 0] += 1
                    fractionalRounds += 1
                    guard let e = evaluate(level) else { return [] }
                    let cut = self.cut(e.duals)
                    let value = remaining.reduce(cut.constant) { $0 + cut.coefficients[$1] * level[$1] }
                    guard thetaValue < value - 1e-6 * max(1, abs(value)) else { return [] }
                    state.cuts.append(cut)
                    return [row(cut)]
                }
                integralVisits += 1
                let open = remaining.filter { level[$0] > 0.5 }
                if cuts[open] == nil, let c = screen(open, request: request) {
                    // The node dual with exactly `open` open already exceeds the incumbent.
                    if thetaValue < c.value(at: open) - 1e-6 * max(1, abs(thetaValue)) {
                        screened += 1
                        return [row(c)]
                    }
                }
                let rowsOfOpen: [LinearConstraint]
                let needed: Double
                if let known = cuts[open] {
                    rowsOfOpen = known
                    needed = state.costs[open] ?? .infinity
                } else {
                    for j in remaining { level[j] = level[j] > 0.5 ? 1 : 0 }
                    if let e = evaluate(level) {
                        state.offer(open, tx.shares(e.values), total: fixedCost(open) + e.cost)
                        let cut = self.cut(e.duals)
                        state.cuts.append(cut)
                        needed = e.cost
                        var list = [row(cut)]
                        if cut.value(at: open) < e.cost - 1e-6 * max(1, abs(e.cost)) {
                            // Not tight (the LP's tolerances): the no-good row keeps it exact.
                            var g = LinearExpression()
                            g.add(1, theta)
                            let drop = (e.cost - floor) / unit
                            for j in remaining { g.add(open.contains(j) ? -drop : drop, y[j]!) }
                            list.append(g >= e.cost / unit - drop * Double(open.count))
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
                    state.costs[open] = needed
                }
                if needed.isInfinite { return rowsOfOpen }
                guard thetaValue < needed - 1e-9 * max(1, abs(needed)) else { return [] }
                if let last = lastReturned, last.node == request.node, last.open == open { return [] }
                lastReturned = (request.node, open)
                return rowsOfOpen
            }, do: { separate in
                try withoutActuallyEscaping({ (_: LazyConstraintRequest) -> [Double]? in
                    defer { pending = nil }
                    return pending
                }, do: { heuristic in try master.solve(options: glpk, lazyConstraints: separate, heuristic: heuristic) })
            })
          }
        }
        state.transportSolves += lpSolves
        log.append("cflp master: \(remaining.count) facilities, \(result.nodes) nodes, \(integralVisits) integral points, \(fractionalRounds) fractional rounds, \(lpSolves) transportation LPs in \(lpTime); node duals \(lagrangianSolves) in \(lagrangianTime), pruned \(lagrangianPrunes), fixed \(lagrangianFixed), screened \(screened), at \(clock.seconds) s")
        log.append("cflp master detail: root \(result.rootBound.map { "\($0)" } ?? "-"), bound \(result.bestBound.map { "\($0)" } ?? "-"), objective \(result.objectiveValue.map { "\($0)" } ?? "-"), start accepted \(result.initialSolutionAccepted.map { "\($0)" } ?? "-"), \(result.detail)")
        return result
    }

    /// The Lagrangian dual of the whole problem by subgradient (as
    /// ``CapacitatedRowGeneration/dualSearch``: λ_i from the cheapest fully loaded cost of i,
    /// Polyak steps towards `target` from 2, halved after 20 rounds without progress), on the
    /// flat data of ``CapacitatedNodeLagrangian``; `record` sees each iterate's evaluation, its
    /// cut and open set (problem indices).
    ///
    /// - Returns: the best multipliers, their bound, open set and ρ by facility (+∞ off `allowed`).
    func rootDual(target: Double, record: @escaping (CapacitatedNodeLagrangian.Evaluation, Cut, [Int]) -> Void)
        -> (lambda: [Double], point: (bound: Double, open: [Int], rho: [Double])) {
        let allowed = problem.allowedFacilities
        let dual = CapacitatedNodeLagrangian(problem: problem, facilities: allowed)
        let state: [CapacitatedNodeLagrangian.State] = allowed.map { problem.facilities[$0].status == .required ? .open : .free }
        let start = CapacitatedRowGeneration.loadedCostMultipliers(problem)
        let (lambda, best) = dual.search(from: start, state: state, target: target, iterations: dualIterations, step: 2,
                                         patience: 20, smallestStep: 1e-5, expired: { clock.isExpired }) { point in
            record(point, cut(of: point, in: dual), point.open.map { allowed[$0] }.sorted())
        }
        var rho = [Double](repeating: .infinity, count: problem.facilityCount)
        for (index, j) in allowed.enumerated() { rho[j] = best.rho[index] }
        return (lambda, (best.bound, best.open.map { allowed[$0] }.sorted(), rho))
    }

    /// Whether a master's result proves that no solution among its facilities beats the
    /// incumbent: GLPK's optimum, or an empty master, but never "infeasible" for a master that
    /// was handed a feasible start (GLPK lost it: no proof).
    private func proves(_ result: SolveResult) -> Bool {
        switch result.termination {
        case .optimal: return true
        case .infeasible: return result.initialSolutionAccepted != true
        default: return false
        }
    }

    func solve() throws -> LocationSolution {
        var solution = LocationSolution(model: .cflp, status: .noSolution)
        let allowed = problem.allowedFacilities
        let fixed = problem.facilities.map(\.fixedCost)
        let fixedCost: ([Int]) -> Double = { $0.reduce(0) { $0 + fixed[$1] } }
        let state = State()
        if let greedy = FacilityLocationSolver(problem: problem, options: options, clock: clock).greedyCFLP() {
            state.offer(greedy.open, greedy.shares, total: FacilityLocationSolver.objective(problem, open: greedy.open, shares: greedy.shares))
        }
        solution.log.append("cflp greedy: \(state.incumbentCost)")

        // 1. The Lagrangian dual; every iterate a cut.
        var iterates: [(bound: Double, cut: Cut, open: [Int])] = []
        let dual = rootDual(target: state.incumbentCost) { point, cut, open in
            iterates.append((point.bound, cut, open))
        }
        var bound = dual.point.bound
        var this = self
        this.startLambda = dual.lambda
        solution.log.append("cflp Lagrangian dual \(dual.point.bound), \(dual.point.open.count) open, \(iterates.count) cuts, \(clock.seconds) s")
        iterates.sort { $0.bound > $1.bound }
        // One cut per open set of the relaxation (the best-bound one), to keep the master small.
        var lagrangian: [Cut] = []
        var seen = Set<[Int]>()
        for item in iterates where lagrangian.count < masterCuts {
            if seen.insert(item.open).inserted { lagrangian.append(item.cut) }
        }

        // 2. An incumbent: the open set of the best iterate, made to cover the demand; then the
        //    master over the facilities the best multipliers rate cheapest (a heuristic).
        let first = covering(dual.point.open, rank: dual.point.rho)
        if greedyFirst, let g = FacilityLocationSolver(problem: problem, options: options, clock: clock).greedyShares(open: first) {
            state.offer(first, g, total: FacilityLocationSolver.objective(problem, open: first, shares: g))
        } else if let t = transport(open: first) {
            state.offer(first, t.shares, total: fixedCost(first) + t.cost)
            state.cuts.append(cut(t.duals))
            state.transportSolves += 1
        }
        solution.log.append("cflp incumbent from the Lagrangian open set: \(state.incumbentCost), \(clock.seconds) s")
        var early = rows.lagrangianFixing(lambda: dual.lambda, incumbent: state.incumbentCost)
        let ranked = allowed.filter { !early.closed.contains($0) }.sorted { dual.point.rho[$0] < dual.point.rho[$1] }
        var candidates = Set(ranked.prefix(max(candidateFacilities, 2 * first.count))).union(first)
        candidates.formIntersection(ranked)
        let candidateList = allowed.filter { candidates.contains($0) }
        var heuristicProved = false
        if candidateList.count < ranked.count && ranked.count > heuristicAbove && !clock.isExpired {
            let limit = min(clock.remaining.map { $0 / 3 } ?? heuristicLimit, heuristicLimit)
            let gap = max(options.relativeGap, heuristicGap)
            if let r = try this.master(facilities: candidateList, fixedOpen: early.open, lagrangian: lagrangian, gap: gap,
                                  timeLimit: limit, state: state, log: &solution.log) {
                heuristicProved = proves(r) && gap <= options.relativeGap
            }
            solution.search.mipSolves += 1
            solution.log.append("cflp incumbent from the master over \(candidateList.count) facilities: \(state.incumbentCost), \(clock.seconds) s")
        }

        // 3. Lagrangian fixing against it.
        let fixing = rows.lagrangianFixing(lambda: dual.lambda, incumbent: state.incumbentCost)
        early = fixing
        bound = max(bound, fixing.bound)
        let remaining = allowed.filter { !fixing.closed.contains($0) }
        solution.log.append("cflp Lagrangian fixing: \(fixing.closed.count) closed, \(fixing.open.count) open, \(remaining.count) left, \(clock.seconds) s")

        // 4. The master over the remaining facilities (unless the heuristic's master held them all).
        if heuristicProved && remaining.allSatisfy(candidates.contains) {
            bound = max(bound, state.incumbentCost)
            if state.incumbent != nil { solution.status = .optimal }
            solution.log.append("cflp: every facility left was in the proven master")
        } else if remaining.count > (nodeLagrangian ? nodeMasterFacilities : masterFacilities) && !heuristicProved {
            solution.log.append("cflp: \(remaining.count) facilities left, more than the master's \(nodeLagrangian ? nodeMasterFacilities : masterFacilities): stopped with the incumbent")
        } else if !clock.isExpired {
            // The proof: open sets tried at the root only (the heuristic master found the incumbent).
            this.heuristicDepth = min(this.heuristicDepth, proofHeuristicDepth)
            var result = try this.master(facilities: remaining, fixedOpen: fixing.open, lagrangian: lagrangian, gap: options.relativeGap,
                                    timeLimit: nil, state: state, log: &solution.log)
            solution.search.mipSolves += 1
            if let r = result, r.termination == .infeasible, !proves(r), !clock.isExpired {
                // GLPK lost the start in the fractional rounds: again, with cuts at integral points only.
                var plain = this
                plain.rootRounds = 0
                plain.nodeLagrangian = false
                plain.nodeRounds = 0
                result = try plain.master(facilities: remaining, fixedOpen: fixing.open, lagrangian: lagrangian, gap: options.relativeGap,
                                          timeLimit: nil, state: state, log: &solution.log)
                solution.search.mipSolves += 1
            }
            if let result {
                solution.search.lazyRowsAdded += result.lazyRowsAdded
                solution.adoptTermination(of: result)
                if let b = result.bestBound { bound = max(bound, b) }
                if proves(result) {
                    // Every solution better than the incumbent was in the master: none exists.
                    bound = max(bound, result.termination == .optimal
                                ? min(state.incumbentCost, result.objectiveValue ?? state.incumbentCost) : state.incumbentCost)
                    solution.status = state.incumbent != nil ? .optimal : .infeasible
                } else if result.termination == .infeasible {
                    // GLPK gave up on a master that holds the incumbent: nothing is proven.
                    solution.status = .feasible
                }
            } else {
                // Some point cannot be served by the facilities left: nothing beats the incumbent.
                bound = max(bound, state.incumbentCost)
                solution.status = state.incumbent != nil ? .optimal : .infeasible
            }
        }
        solution.search.transportationSolves = state.transportSolves
        guard let incumbent = state.incumbent else {
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
