import YubeiCore
import YubeiOptimization

/// Single-source capacitated facility location (each customer served whole by one facility):
///
/// 1. an incumbent from the Lagrangian heuristic: at each improvement of the Lagrangian bound
///    (``SingleSourceLagrangian``) its open set is completed by regret and local search
///    (``SingleSourceHeuristic``), and the best is polished by opening and closing facilities;
/// 2. reduced-cost fixing with the best multipliers: facilities and (customer, facility) pairs
///    that no solution cheaper than the incumbent can use leave the model (when every cost is
///    a whole number, the cut-off is the incumbent − 1: only strictly better solutions matter);
/// 3. MIPs for a better incumbent: first the incumbent's open set kept (a generalised
///    assignment problem over each customer's few pairs of least Lagrangian reduced cost, at
///    most 2 s: on Holmberg's p58/p59 the heuristic finds the optimal open set but not its best
///    assignment), then a restricted MIP over the facilities of the recent Lagrangian open sets
///    and each customer's few such pairs (at most 10 % of the time limit, 4 s), after which the
///    fixing is redone at the new incumbent;
/// 4. the strong MILP on what remains (x_ij ≤ y_j, capacity rows, the aggregate capacity row
///    Σ s_j·y_j ≥ D, and Lagrangian cuts: each facility's knapsack bound at the best multipliers
///    as a row, which lifts the LP bound to the Lagrangian one) in GLPK's branch-and-bound with
///    its MIR and cover cuts, branching on facilities first: the incumbent its first solution,
///    extended cover inequalities on the capacity rows separated at the nodes
///    (``SingleSourceCoverCuts``), and each new open set of a node LP completed by the
///    heuristic and offered as an incumbent. When every cost is whole, GLPK prunes the nodes
///    whose bound is within 1 of the incumbent. With ``nodeBounds`` (off by default), the
///    Lagrangian relaxation is re-optimised at each node under its fixings
///    (``SingleSourceNodeBound``), the facilities are branched on first, and GLPK's cuts are off.
///
/// The bound reported is the best of the Lagrangian bound and GLPK's, never above the incumbent.
struct SingleSourceSolver {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock
    /// Most subgradient iterations.
    var maxIterations = 3_000
    /// Share of the time limit the Lagrangian phase may use.
    var lagrangianShare = 0.3
    /// GLPK's own cut families (Gomory, MIR, cover, clique) in the MIPs.
    var glpkCuts = true
    /// Which of them: MIR and cover. GLPK tries Gomory cuts at every node, where on Holmberg's
    /// p29, p57–p59 they cost far more than they close (CPU time about halved without them).
    var glpkCutFamilies: SolveOptions.CutFamilies = [.mixedIntegerRounding, .cover]
    /// Share of the time limit for the restricted MIP (0: none), at most ``restrictedCap``.
    var restrictedShare = 0.1
    /// Longest restricted MIP (also its limit when the solve has none).
    var restrictedCap: Duration = .seconds(4)
    /// Pairs per customer in the assignment MIP over the incumbent's open set (0: none).
    var gapPairs = 5
    /// Share of the time limit for the assignment MIP, at most ``gapCap``.
    var gapShare = 0.1
    /// Longest assignment MIP (also its limit when the solve has none).
    var gapCap: Duration = .seconds(2)
    /// How many recent open sets of the Lagrangian phase give facilities to the restricted MIP.
    var restrictedOpenSets = 10
    /// Pairs per customer in the restricted MIP (least Lagrangian reduced cost).
    var restrictedPairs = 3
    /// How many multiplier vectors give Lagrangian cuts to the MIP.
    var lagrangianCutSets = 6
    /// Lagrangian bounds at the branch-and-bound nodes (``SingleSourceNodeBound``), with the
    /// facilities branched on first and GLPK's cut families off. Off by default: on Holmberg's
    /// instances it proved some faster and some slower, none of p30–p32 within 30 s.
    var nodeBounds = false
    /// Deepest branch-and-bound node at which cover inequalities are separated.
    static let coverCutDepth = 100

    /// Smallest subgradient step before the Lagrangian phase stops.
    var minStep = 1e-4
    /// Whether the local search tries ejection chains (``SingleSourceHeuristic/chains``).
    var chains = true

    func solve() throws -> LocationSolution {
        var solution = LocationSolution(model: .sscflp, status: .noSolution)
        let n = problem.pointCount, m = problem.facilityCount
        let lagrangian = SingleSourceLagrangian(problem: problem)
        var heuristic = SingleSourceHeuristic(problem: problem, lagrangian: lagrangian)
        heuristic.chains = chains
        let wholeCosts = Self.hasWholeCosts(problem)
        let tolerance = max(options.relativeGap, 1e-9)
        /// The value below which a solution must lie to beat `upper`.
        func cutoff(_ upper: Double) -> Double {
            wholeCosts ? upper - 1 + 1e-6 : upper - tolerance * max(1, abs(upper))
        }
        let phaseLimit = clock.limit.map { $0 * lagrangianShare }
        func phaseExpired() -> Bool { clock.isExpired || phaseLimit.map { clock.elapsed > $0 } ?? false }

        // 1. Subgradient optimisation with the Lagrangian heuristic.
        var incumbent: SingleSourceHeuristic.Assignment?
        func offer(_ a: SingleSourceHeuristic.Assignment?) {
            guard let a else { return }
            if incumbent.map({ a.cost < $0.cost - 1e-9 }) ?? true { incumbent = a }
        }
        var lambda = (0..<n).map { i in
            (lagrangian.allowed.map { problem.cost(i, $0) }.filter(\.isFinite).min() ?? 0)
        }
        var best = lagrangian.evaluate(lambda)
        offer(heuristic.fromLagrangian(best))
        if let a = incumbent { offer(heuristic.polish(a, expired: phaseExpired)) }
        var step = 2.0
        var stall = 0
        var iterations = 0
        var tried = Set<[Bool]>()
        var improvements: [SingleSourceLagrangian.Evaluation] = []
        while iterations < maxIterations && !phaseExpired() {
            iterations += 1
            let upper = incumbent?.cost ?? (abs(best.bound) * 1.1 + 1)
            if let incumbent, best.bound > cutoff(incumbent.cost) { break }
            let current = iterations == 1 ? best : lagrangian.evaluate(lambda)
            if current.bound > best.bound + 1e-9 || iterations % 10 == 0 {
                // The heuristic once per open set tried.
                let key = current.open.map { $0 > 0.5 }
                if tried.insert(key).inserted { offer(heuristic.fromLagrangian(current)) }
            }
            if current.bound > best.bound + 1e-9 {
                best = current
                improvements.append(current)
                stall = 0
            } else {
                stall += 1
                if stall >= 25 { step /= 2; stall = 0 }
            }
            if step < minStep { break }
            let norm = current.subgradient.reduce(0) { $0 + $1 * $1 }
            if norm < 1e-12 { break }
            let t = step * max(upper - current.bound, 1e-6 * max(1, abs(upper))) / norm
            for i in 0..<n { lambda[i] += t * current.subgradient[i] }
        }
        if let a = incumbent { offer(heuristic.polish(a, expired: { clock.isExpired })) }
        solution.log.append("sscflp Lagrangian: bound \(best.bound) after \(iterations) iterations; incumbent \(incumbent.map { "\($0.cost)" } ?? "none"), \(clock.seconds) s")
        var bound = best.bound

        // Proven by the Lagrangian bound alone?
        if let a = incumbent, bound > cutoff(a.cost) || bound >= a.cost {
            return finish(solution, incumbent: a, bound: a.cost, status: .optimal)
        }

        // Out of time: the incumbent and the Lagrangian bound, without fixing or building a MIP
        // (on a large instance either alone can take longer than the limit).
        if clock.isExpired, let a = incumbent { return stopped(solution, incumbent: a, bound: bound, wholeCosts: wholeCosts) }

        // 2. Fixing.
        var keepPairs = Set<Int>()
        if let a = incumbent { for (i, j) in a.facility.enumerated() { keepPairs.insert(i * m + j) } }
        let keepOpen = Set(incumbent?.openList ?? [])
        var fix = incumbent.map { lagrangian.fixings(at: best, cutoff: cutoff($0.cost), keepOpen: keepOpen, keepPairs: keepPairs,
                                                     expired: { clock.isExpired }) }
            ?? (closed: [], open: [], pairs: [])
        let fixedAt = incumbent?.cost ?? .infinity
        let pairCount = lagrangian.pairs.reduce(0) { $0 + $1.count }
        solution.log.append("sscflp fixing: \(fix.closed.count) facilities closed, \(fix.open.count) open, \(fix.pairs.count) of \(pairCount) pairs out, \(clock.seconds) s")

        // 3. MIPs for a better incumbent: over the incumbent's open set, then over the
        //    facilities of the best open sets seen; each customer's few pairs of least
        //    Lagrangian reduced cost.
        let sources = Self.cutSources(improvements, best: best, count: lagrangianCutSets)
        if gapPairs > 0, let a = incumbent, !clock.isExpired {
            // The incumbent's open set kept (a generalised assignment problem): each customer's
            // pairs of least Lagrangian reduced cost among its facilities, and the incumbent's.
            let run = try assignmentMIP(a, fix: fix, best: best, sources: sources, heuristic: heuristic)
            solution.log.append("sscflp assignment MIP: \(run.result.map { "\($0.termination), \($0.nodes) nodes" } ?? "no pair left"), solution \(run.assignment.map { "\($0.cost)" } ?? "none"), \(clock.seconds) s")
            offer(run.assignment)
            offer(run.nodeBest)
        }
        if restrictedShare > 0, let a = incumbent, !clock.isExpired {
            var facilities = Set(a.openList)
            for e in improvements.suffix(restrictedOpenSets) { for j in lagrangian.allowed where e.open[j] > 0.5 { facilities.insert(j) } }
            for j in lagrangian.allowed where best.open[j] > 0.5 { facilities.insert(j) }
            let keep = cheapestPairs(among: facilities.filter { !fix.closed.contains($0) }, per: restrictedPairs, in: lagrangian,
                                     at: best, without: fix.pairs, and: a)
            let closed = Set(lagrangian.allowed.filter { !facilities.contains($0) }).union(fix.closed)
            let outPairs = Set(lagrangian.pairs.indices.flatMap { j in lagrangian.pairs[j].map { $0.point * m + j } }).subtracting(keep)
            let limit = clock.limit.map { min($0 * restrictedShare, restrictedCap) } ?? restrictedCap
            let run = try mip(closed: closed, open: fix.open, outPairs: outPairs, sources: sources, incumbent: a, heuristic: heuristic, limit: limit)
            solution.log.append("sscflp restricted MIP: \(facilities.count) facilities, \(keep.count) pairs, \(run.result.map { "\($0.termination), \($0.nodes) nodes" } ?? "no pair left"), solution \(run.assignment.map { "\($0.cost)" } ?? "none"), \(clock.seconds) s")
            offer(run.assignment)
            offer(run.nodeBest)
        }

        // 4. The MIP on what remains (fixing again if the incumbent improved).
        if let a = incumbent, a.cost < fixedAt - 1e-9 {
            var keepPairs = Set<Int>()
            for (i, j) in a.facility.enumerated() { keepPairs.insert(i * m + j) }
            fix = lagrangian.fixings(at: best, cutoff: cutoff(a.cost), keepOpen: Set(a.openList), keepPairs: keepPairs,
                                     expired: { clock.isExpired })
            solution.log.append("sscflp fixing again: \(fix.closed.count) facilities closed, \(fix.open.count) open, \(fix.pairs.count) of \(pairCount) pairs out, \(clock.seconds) s")
        }
        if clock.isExpired, let a = incumbent { return stopped(solution, incumbent: a, bound: bound, wholeCosts: wholeCosts) }
        let run = try mip(closed: fix.closed, open: fix.open, outPairs: fix.pairs, sources: sources, incumbent: incumbent, heuristic: heuristic, limit: nil,
                          nodeRoot: nodeBounds ? best : nil, cutoff: cutoff)
        guard let result = run.result else {
            // Some customer has no pair left: no solution beats the incumbent (or none exists).
            if let a = incumbent { return finish(solution, incumbent: a, bound: a.cost, status: .optimal) }
            solution.status = .infeasible
            solution.explanation.append(LocationText.capacityPacking)
            return solution
        }
        solution.log.append("sscflp MIP: \(run.columns) columns, \(run.rows) rows, \(result.termination), root bound \(result.rootBound.map { "\($0)" } ?? "-"), \(result.nodes) nodes, \(result.lazyRowsAdded) cut rows, \(run.nodeLog), \(clock.seconds) s")
        offer(run.assignment)
        offer(run.nodeBest)
        guard let final = incumbent else {
            solution.adoptTermination(of: result)
            if solution.status == .infeasible || (result.termination == .optimal && !result.hasSolution) {
                solution.status = .infeasible
                solution.explanation.append(LocationText.capacityPacking)
            } else if solution.status == .noSolution {
                solution.explanation.append(LocationText.stoppedWithoutSolution)
            }
            solution.bound = result.bestBound.map { max($0, bound) } ?? bound
            return solution
        }
        switch result.termination {
        case .optimal, .infeasible:
            // Every solution left in the model is no better than the incumbent (or none is left);
            // the ones fixed out cost at least the cut-off.
            return finish(solution, incumbent: final, bound: final.cost, status: .optimal)
        default:
            if let b = result.bestBound { bound = max(bound, min(b, cutoff(final.cost))) }
            return stopped(solution, incumbent: final, bound: bound, wholeCosts: wholeCosts)
        }
    }

    /// The solve stopped by its limit with `incumbent` and a valid lower `bound`: optimal when
    /// the bound proves it within the gap asked for (rounded up when costs are whole), else
    /// feasible.
    private func stopped(_ solution: LocationSolution, incumbent: SingleSourceHeuristic.Assignment, bound: Double,
                         wholeCosts: Bool) -> LocationSolution {
        var bound = bound
        if wholeCosts { bound = (bound - 1e-6).rounded(.up) }
        let tolerance = max(options.relativeGap, 1e-9)
        let proven = bound >= incumbent.cost - tolerance * max(1, abs(incumbent.cost))
        return finish(solution, incumbent: incumbent, bound: min(bound, incumbent.cost), status: proven ? .optimal : .feasible)
    }

    /// The pairs (keys i·m + j) of each customer's `count` least Lagrangian reduced costs
    /// c_ij − λ_i at `best` among `facilities`, the pairs in `without` left out, and every pair
    /// of `incumbent`: the pairs a restricted MIP keeps.
    ///
    /// - Complexity: O(P·log P), P the pairs of `facilities`.
    private func cheapestPairs(among facilities: [Int], per count: Int, in lagrangian: SingleSourceLagrangian,
                               at best: SingleSourceLagrangian.Evaluation, without: Set<Int>,
                               and incumbent: SingleSourceHeuristic.Assignment) -> Set<Int> {
        let m = problem.facilityCount
        var keep = Set<Int>()
        for (i, j) in incumbent.facility.enumerated() { keep.insert(i * m + j) }
        var byPoint = [[(key: Int, value: Double)]](repeating: [], count: problem.pointCount)
        for j in facilities {
            for pair in lagrangian.pairs[j] where !without.contains(pair.point * m + j) {
                byPoint[pair.point].append((pair.point * m + j, pair.cost - best.lambda[pair.point]))
            }
        }
        for list in byPoint { for e in list.sorted(by: { $0.value < $1.value }).prefix(count) { keep.insert(e.key) } }
        return keep
    }

    /// The MIP over `a`'s open set (fixed open, every other facility closed) with each customer's
    /// ``gapPairs`` pairs of least Lagrangian reduced cost at `best` (those `fix` leaves) and
    /// `a`'s own pairs, for at most ``gapCap``.
    private func assignmentMIP(_ a: SingleSourceHeuristic.Assignment, fix: (closed: Set<Int>, open: Set<Int>, pairs: Set<Int>),
                               best: SingleSourceLagrangian.Evaluation, sources: [SingleSourceLagrangian.Evaluation],
                               heuristic: SingleSourceHeuristic) throws
        -> (result: SolveResult?, assignment: SingleSourceHeuristic.Assignment?, emptyPoint: Bool, columns: Int, rows: Int,
            nodeBest: SingleSourceHeuristic.Assignment?, nodeLog: String) {
        let m = problem.facilityCount
        let lagrangian = heuristic.lagrangian
        let open = Set(a.openList)
        let keep = cheapestPairs(among: Array(open), per: gapPairs, in: lagrangian, at: best, without: fix.pairs, and: a)
        let closed = Set(lagrangian.allowed.filter { !open.contains($0) })
        var outPairs = Set<Int>()
        for j in open { for pair in lagrangian.pairs[j] where !keep.contains(pair.point * m + j) { outPairs.insert(pair.point * m + j) } }
        let limit = clock.limit.map { min($0 * gapShare, gapCap) } ?? gapCap
        return try mip(closed: closed, open: open, outPairs: outPairs, sources: sources, incumbent: a, heuristic: heuristic, limit: limit)
    }

    /// One GLPK run of the strong model: `closed` facilities out, `open` ones fixed open, the
    /// pairs keyed i·m + j in `outPairs` out, the Lagrangian cuts of `sources`, cover cuts at the
    /// nodes, the node heuristic, `incumbent` as the start; `limit` caps the time (else the clock's).
    private func mip(closed: Set<Int>, open: Set<Int>, outPairs: Set<Int>, sources: [SingleSourceLagrangian.Evaluation],
                     incumbent: SingleSourceHeuristic.Assignment?, heuristic: SingleSourceHeuristic, limit: Duration?,
                     nodeRoot: SingleSourceLagrangian.Evaluation? = nil, cutoff: @escaping (Double) -> Double = { $0 }) throws
        -> (result: SolveResult?, assignment: SingleSourceHeuristic.Assignment?, emptyPoint: Bool, columns: Int, rows: Int,
            nodeBest: SingleSourceHeuristic.Assignment?, nodeLog: String) {
        let n = problem.pointCount, m = problem.facilityCount
        let lagrangian = heuristic.lagrangian
        let wholeCosts = Self.hasWholeCosts(problem)
        var model = Model(name: "sscflp")
        var y = [Variable?](repeating: nil, count: m)
        var objective = LinearExpression()
        var cover = LinearExpression()
        for j in lagrangian.allowed where !closed.contains(j) {
            let v = model.addBinary("y_\(j)")
            if lagrangian.required.contains(j) || open.contains(j) { model.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            objective.add(problem.facilities[j].fixedCost, v)
            cover.add(problem.facilities[j].capacity ?? 0, v)
        }
        var x = [[(facility: Int, variable: Variable)]](repeating: [], count: n)
        var columns = [[(point: Int, variable: Variable)]](repeating: [], count: m)
        for j in lagrangian.allowed where y[j] != nil {
            var load = LinearExpression()
            for pair in lagrangian.pairs[j] where !outPairs.contains(pair.point * m + j) {
                let v = model.addBinary("x_\(pair.point)_\(j)")
                x[pair.point].append((j, v))
                columns[j].append((pair.point, v))
                objective.add(pair.cost, v)
                load.add(problem.demand[pair.point], v)
                model.addConstraint(LinearExpression(v) <= LinearExpression(y[j]!))
            }
            load.add(-(problem.facilities[j].capacity ?? 0), y[j]!)
            model.addConstraint(load <= 0)
        }
        var emptyPoint = false
        for i in 0..<n {
            var assign = LinearExpression()
            for pair in x[i] { assign.add(1, pair.variable) }
            if x[i].isEmpty { emptyPoint = true }
            model.addConstraint(assign == 1)
        }
        model.addConstraint(cover >= lagrangian.totalDemand)
        // Lagrangian cuts: the knapsack bound of each facility at the best multipliers (and a
        // few earlier good ones) as rows, so that the LP bound reaches the Lagrangian one.
        for evaluation in sources {
            for row in lagrangian.cuts(at: evaluation, y: y, columns: columns) { model.addConstraint(row) }
        }
        model.minimize(objective)
        if emptyPoint {
            return (nil, nil, true, model.variables.count, model.constraints.count, nil, "")
        }
        var glpk = clock.solveOptions(gap: options.relativeGap)
        if let limit, let left = glpk.timeLimit { glpk.timeLimit = min(limit, left) } else if let limit { glpk.timeLimit = limit }
        if limit != nil { glpk.progress = nil }
        if let a = incumbent {
            var start = [Double](repeating: 0, count: model.variables.count)
            var complete = true
            for j in a.openList { if let v = y[j] { start[v.index] = 1 } else { complete = false } }
            for (i, j) in a.facility.enumerated() {
                if let pair = x[i].first(where: { $0.facility == j }) { start[pair.variable.index] = 1 } else { complete = false }
            }
            if complete { glpk.initialSolution = start }
        }
        let cuts = SingleSourceCoverCuts(problem: problem, y: y, columns: columns)
        // Every row is explicit (the separator adds only cuts), so GLPK's rounding stays on;
        // branching on the first fractional column branches on the y columns (first in the
        // model) before any x: far fewer nodes than GLPK's default rule on p29–p32, p56.
        if wholeCosts, let a = incumbent {
            // Every cost is whole: a node whose bound is within 1 of the incumbent holds nothing
            // better, so GLPK prunes it without branching (its tolerance is relative to 1 + |incumbent|,
            // and incumbents only fall, so it stays under 1).
            glpk.pruneTolerance = max(glpk.pruneTolerance, (1 - 1e-6) / (1 + abs(a.cost)))
        }
        glpk.separatorReturnsOnlyCuts = true
        glpk.branching = .firstFractional
        glpk.cuts = glpkCuts
        glpk.cutFamilies = glpkCutFamilies
        if nodeRoot != nil {
            // With node bounds: facilities branched on first (nearest ½), GLPK's own cut
            // families off (the node relaxation is stronger, and they cost most per node).
            glpk.branchFirst = y.compactMap { $0?.index }
            glpk.separatorSeesBounds = true
            glpk.cuts = false
        }
        // The node heuristic: each new open set of a node LP (y ≥ ½), completed by regret and
        // local search from the customers the LP places (x ≥ ½).
        var triedOpenSets = Set<[Bool]>()
        var nodeBest = incumbent?.cost ?? .infinity
        var nodeBestAssignment: SingleSourceHeuristic.Assignment?
        // Lagrangian bounds at the nodes (``SingleSourceNodeBound``), when asked for.
        let nodeBound = nodeRoot.map {
            SingleSourceNodeBound(lagrangian: lagrangian, heuristic: heuristic, y: y, columns: columns, root: $0,
                                  incumbentCost: incumbent?.cost ?? .infinity, cutoff: cutoff)
        }
        func vector(_ a: SingleSourceHeuristic.Assignment) -> [Double]? {
            var vector = [Double](repeating: 0, count: model.variables.count)
            for j in 0..<m where a.open[j] {
                guard let v = y[j] else { return nil }
                vector[v.index] = 1
            }
            for (i, j) in a.facility.enumerated() {
                guard let pair = x[i].first(where: { $0.facility == j }) else { return nil }
                vector[pair.variable.index] = 1
            }
            return vector
        }
        let nodeHeuristic: (LazyConstraintRequest) -> [Double]? = { request in
            if let nodeBound, let a = nodeBound.best, a.cost < nodeBest - 1e-9 {
                // A solution the node bounds' heuristic found (kept for the answer either way).
                nodeBest = a.cost
                nodeBestAssignment = a
                if let v = vector(a) { return v }
            }
            var open = [Bool](repeating: false, count: m)
            for j in 0..<m { if let v = y[j], request.values[v.index] > 0.5 { open[j] = true } }
            guard triedOpenSets.insert(open).inserted else { return nil }
            var seed = [Int](repeating: -1, count: n)
            for i in 0..<n { for pair in x[i] where request.values[pair.variable.index] > 0.5 && open[pair.facility] { seed[i] = pair.facility } }
            guard let a = heuristic.assign(open: open, seed: seed), a.cost < nodeBest - 1e-9 else { return nil }
            nodeBest = a.cost
            nodeBestAssignment = a
            nodeBound?.incumbentCost = min(nodeBound?.incumbentCost ?? a.cost, a.cost)
            return vector(a)
        }
        let result = try model.solve(options: glpk, lazyConstraints: { request in
            // Every row of the model is explicit: an integral point needs no cut.
            guard !request.isIntegral else { return [] }
            if let rows = nodeBound?.rows(request), !rows.isEmpty { return rows }
            if let rows = nodeBound?.openSetRows(request), !rows.isEmpty { return rows }
            guard request.depth <= Self.coverCutDepth else { return [] }
            return cuts.separate(request.values)
        }, heuristic: nodeHeuristic)
        var found: SingleSourceHeuristic.Assignment?
        if let values = result.values {
            var facility = [Int](repeating: -1, count: n)
            var load = [Double](repeating: 0, count: m)
            for i in 0..<n {
                for pair in x[i] where values[pair.variable.index] > 0.5 { facility[i] = pair.facility }
                if facility[i] >= 0 { load[facility[i]] += problem.demand[i] }
            }
            if facility.allSatisfy({ $0 >= 0 }) {
                var openMask = [Bool](repeating: false, count: m)
                for j in lagrangian.allowed where y[j].map({ values[$0.index] > 0.5 }) ?? false { openMask[j] = true }
                var a = SingleSourceHeuristic.Assignment(facility: facility, load: load, cost: 0, open: openMask)
                a.cost = heuristic.cost(of: a)
                found = a
            }
        }
        if let a = nodeBound?.best, a.cost < (nodeBestAssignment?.cost ?? .infinity) { nodeBestAssignment = a }
        let nodeLog = nodeBound.map { "node bounds at \($0.nodes) nodes, \($0.pruned) pruned, \($0.fixedFacilities) facilities fixed, \($0.openSetsEvaluated) open sets evaluated, \($0.openSetsCut) cut off, \($0.openSetRowsAdded) open-set rows, \($0.fixedPairs) pairs fixed" } ?? "no node bounds"
        return (result, found, false, model.variables.count, model.constraints.count, nodeBestAssignment, nodeLog)
    }

    /// The evaluations whose multipliers give cuts: the best, then the latest improvements.
    static func cutSources(_ improvements: [SingleSourceLagrangian.Evaluation], best: SingleSourceLagrangian.Evaluation, count: Int) -> [SingleSourceLagrangian.Evaluation] {
        // Only finite multipliers and bounds make rows (an infinite bound: no open set covers the demand).
        func usable(_ e: SingleSourceLagrangian.Evaluation) -> Bool {
            abs(e.bound) < 1e12 && e.lambda.allSatisfy { abs($0) < 1e12 } && e.rho.allSatisfy { !$0.isFinite || abs($0) < 1e12 }
        }
        guard count > 0, usable(best) else { return [] }
        var list = [best]
        for e in improvements.reversed() where list.count < count && e.bound < best.bound - 1e-9 && usable(e) { list.append(e) }
        return list
    }

    /// The solution reported for `incumbent`, its loads checked against the capacities.
    private func finish(_ base: LocationSolution, incumbent: SingleSourceHeuristic.Assignment, bound: Double, status: SolveStatus) -> LocationSolution {
        var solution = base
        var load = [Double](repeating: 0, count: problem.facilityCount)
        for (i, j) in incumbent.facility.enumerated() { load[j] += problem.demand[i] }
        precondition(load.indices.allSatisfy { load[$0] <= (problem.facilities[$0].capacity ?? .infinity) * (1 + 1e-12) },
                     "a single-source solution exceeds a capacity")
        solution.status = status
        solution.open = incumbent.openList
        solution.assignment = incumbent.facility.map { $0 }
        solution.shares = incumbent.facility.map { [($0, 1.0)] }
        solution.objective = incumbent.cost
        solution.bound = bound
        if status == .feasible { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }

    /// Whether every fixed cost and every finite service cost is a whole number, so that every
    /// solution's cost is one.
    static func hasWholeCosts(_ problem: LocationProblem) -> Bool {
        problem.facilities.allSatisfy { $0.fixedCost == $0.fixedCost.rounded() && abs($0.fixedCost) < 1e12 }
            && problem.costs.allSatisfy { !$0.isFinite || ($0 == $0.rounded() && abs($0) < 1e12) }
    }
}
