import YubeiCore
import YubeiOptimization

/// Exact p-median by Benders decomposition over the radius formulation (Cornuéjols,
/// Nemhauser & Wolsey 1990; Fischetti, Ljubić & Sinnl 2017): the master keeps one variable
/// θ_i per weighted point and the optimality cuts of ``PMedianCuts``, so the LP phase
/// converges to the bound of the strong (x_ij ≤ y_j) formulation while holding a few rows per
/// point instead of one per pair.
///
/// A Teitz–Bart incumbent (``PMedianHeuristic``) starts GLPK's search (and the cuts, when the
/// Lagrangian phase seeds none), and after
/// every LP round reduced-cost fixing closes the facilities that cannot open in any solution
/// better than the incumbent: on OR-Library's pmed instances with small p this removes most
/// candidates before branch-and-bound starts. The MIP phase is one branch-and-bound run
/// (``Model/solve(options:lazyConstraints:heuristic:)``) that adds the cuts violated at integral nodes
/// (lazy constraints) and one round at each fractional node, branching on the last
/// fractional y (fewer nodes than GLPK's default rule on pmed36–39). When every weight and
/// cost is a whole number, a better solution costs at least one less than the incumbent: the
/// search then fixes, proves and prunes against that cutoff (a node whose LP bound passes it
/// gets the objective row as a local cut, which makes its LP infeasible).
///
/// The phases, in ``PMedianSearch``: subgradient ascent on the Lagrangian relaxation of the
/// assignment rows (``PMedianLagrangian``), which fixes facilities against the incumbent and
/// seeds the master with the cut at each point's Lagrangian radius; cold LP rounds that
/// rebuild the master and drop slack cuts (only when nothing was seeded); warm-started rounds
/// on one GLPK problem; then branch-and-cut, where GLPK itself prunes nodes within the
/// whole-cost cutoff (``SolveOptions/pruneTolerance``).
struct PMedianSolver {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock

    /// LP rounds that rebuild the master and delete slack cuts; afterwards cuts only accumulate
    /// on one warm-started GLPK problem (``Model/withIncrementalSolver(options:_:)``), so the
    /// cutting-plane loop terminates. One: a cold solve of the rebuilt master costs more than
    /// the slack rows it saves (pmed1–40 took 19 % less CPU time than with 8 such rounds).
    static let roundsWithCutDeletion = 1

    /// Rounds of optimality cuts at one fractional branch-and-bound node.
    static let fractionalRoundsPerNode = 1

    /// Subgradient passes of ``PMedianSearch/lagrangianRounds(log:)``: each after the first
    /// starts from the last radii with the facilities fixed so far left out.
    static let lagrangianPasses = 3

    func solve() throws -> LocationSolution {
        let p = problem.p ?? 1
        var solution = LocationSolution(model: .pMedian, status: .noSolution)
        // Incumbent: greedy addition and Teitz–Bart interchange.
        let heuristic = PMedianHeuristic(problem: problem)
        var start = heuristic.solve(p: p, deadline: { clock.isExpired })
        if start.count != p || !problem.nearestObjective(start).isFinite { start = [] }
        var search = PMedianSearch(solver: self, p: p, incumbent: start)
        search.heuristic = heuristic
        // Seeded by the Lagrangian radii, the master starts near its optimum: no cold round to
        // thin its cuts, straight to the warm-started ones.
        let seeded = search.lagrangianRounds(log: &solution.log)
        var infeasible = search.closed || seeded ? false : try search.coldRounds(log: &solution.log)
        if !infeasible && !search.closed { infeasible = try search.warmRounds(log: &solution.log) }
        if !infeasible { infeasible = try search.branchAndCut(log: &solution.log, record: &solution.search) }
        if infeasible {
            solution.status = .infeasible
            solution.explanation.append(LocationText.noPFacilitiesServeAll(p: p))
            return solution
        }
        return search.report(into: solution)
    }
}

/// The state of one p-median search: the cuts held, the facilities fixed, the incumbent and
/// the bound, and the three phases that move them.
struct PMedianSearch {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock
    let p: Int
    let family: PMedianCuts
    let allowed: [Int]

    /// Cuts of the master, in order, and the same as a set.
    var cuts: [PMedianCuts.Cut] = []
    var known = Set<PMedianCuts.Cut>()
    /// Facilities fixed by reduced costs: no solution better than the incumbent opens (closes) them.
    var fixedClosed = Set<Int>()
    var fixedOpen = Set<Int>()
    var incumbent: [Int]
    var incumbentCost: Double
    /// Interchange from the Lagrangian subproblem's facilities (a Lagrangian heuristic).
    var heuristic: PMedianHeuristic?
    var lowerBound = -Double.infinity
    var rounds = 0
    var lpConverged = false
    var proven = false
    /// The last LP optimum (y by facility, θ by point): cuts slack there leave the master.
    var lastLP: (y: [Double], theta: [Double])?
    /// The final basis of the warm-started rounds, by what each row and column stands for:
    /// the branch-and-cut root starts from it (its master holds the same rows less slack cuts,
    /// whose rows are basic, and the same columns less closed facilities, non-basic at 0).
    var lastBasis: (header: [LPBasis.Status], cuts: [PMedianCuts.Cut: LPBasis.Status], y: [Int: LPBasis.Status], theta: [Int: LPBasis.Status])?

    init(solver: PMedianSolver, p: Int, incumbent: [Int]) {
        problem = solver.problem
        options = solver.options
        clock = solver.clock
        self.p = p
        family = PMedianCuts(problem: problem)
        allowed = problem.allowedFacilities
        self.incumbent = incumbent
        granularity = PMedianSearch.wholeCosts(problem) ? 1 : 0
        incumbentCost = incumbent.isEmpty ? .infinity : problem.nearestObjective(incumbent)
        if !incumbent.isEmpty { _ = addCuts(at: vector(incumbent), theta: nil) }
    }

    /// Whether every positive weight and every allowed cost is a whole number (below 2^50, so
    /// the sums stay exact): then solution costs are whole too.
    ///
    /// - Complexity: O(n·m).
    static func wholeCosts(_ problem: LocationProblem) -> Bool {
        let limit = 1e15
        for i in 0..<problem.pointCount where problem.demand[i] > 0 {
            let w = problem.demand[i]
            guard w == w.rounded(), w < limit else { return false }
            for j in 0..<problem.facilityCount {
                let c = problem.cost(i, j)
                if c.isFinite && (c != c.rounded() || abs(c) * w > limit) { return false }
            }
        }
        return true
    }

    /// 0–1 values by facility of an open set.
    func vector(_ open: [Int]) -> [Double] {
        var y = [Double](repeating: 0, count: problem.facilityCount)
        for j in open { y[j] = 1 }
        return y
    }

    /// The step between the costs of any two solutions when every weight and every cost is a
    /// whole number (then 1: a better solution costs at least 1 less than the incumbent), or 0.
    let granularity: Double

    /// No solution better than the incumbent costs more than this: the incumbent less one
    /// granularity step (and a rounding allowance), or less the relative gap when costs are not whole.
    var cutoff: Double {
        let allowance = options.relativeGap * max(1, abs(incumbentCost))
        guard granularity > 0 else { return incumbentCost - allowance }
        return incumbentCost - granularity + min(0.5 * granularity, max(allowance, 1e-6 * max(1, abs(incumbentCost))))
    }

    /// Whether the incumbent is within the gap of the bound (or no better solution is left).
    var closed: Bool {
        incumbentCost <= lowerBound + options.relativeGap * max(1, abs(incumbentCost)) || (incumbentCost.isFinite && lowerBound > cutoff)
    }

    /// Adds each weighted point's most violated cut at `y` (with θ at `theta`, or every cut
    /// when `nil`) that the master does not hold yet; returns how many.
    ///
    /// - Complexity: O(n·m).
    mutating func addCuts(at y: [Double], theta: [Double]?) -> Int {
        var added = 0
        for i in family.weighted {
            let (cut, value) = family.separate(i, y)
            let current = theta?[i] ?? -.infinity
            if value > current + 1e-7 * max(1, abs(value)), known.insert(cut).inserted {
                cuts.append(cut)
                added += 1
            }
        }
        return added
    }

    /// Drops the cuts slack at the LP point `(y, theta)`; returns how many.
    mutating func dropSlackCuts(y: [Double], theta: [Double]) -> Int {
        let before = cuts.count
        let family = self.family
        var known = self.known
        cuts.removeAll { cut in
            let slack = theta[cut.point] - family.value(of: cut, at: y)
            if slack > 1e-6 * max(1, abs(theta[cut.point])) { known.remove(cut); return true }
            return false
        }
        self.known = known
        return before - cuts.count
    }

    /// The master over the facilities not fixed closed: y (binary or in [0, 1]), θ_i ≥ nearest
    /// cost per weighted point, Σ y = p, the serving rows, and the cuts held.
    func master(binary: Bool) -> (Model, [Variable?], [Variable?]) {
        let n = problem.pointCount
        var model = Model(name: "p_median_master")
        var y = [Variable?](repeating: nil, count: problem.facilityCount)
        var count = LinearExpression()
        for j in allowed where !fixedClosed.contains(j) {
            let v = binary ? model.addBinary("y_\(j)") : model.addVariable("y_\(j)", lowerBound: 0, upperBound: 1)
            if problem.facilities[j].status == .required || fixedOpen.contains(j) { model.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            count.add(1, v)
        }
        model.addConstraint(count == Double(p), name: "p")
        var theta = [Variable?](repeating: nil, count: n)
        var objective = LinearExpression()
        for i in 0..<n where problem.demand[i] > 0 {
            if family.sorted[i].costs.count > 1 {
                let v = model.addVariable("theta_\(i)", lowerBound: family.sorted[i].costs[0])
                theta[i] = v
                objective.add(problem.demand[i], v)
            } else {
                objective.constant += problem.demand[i] * family.sorted[i].costs[0]
            }
        }
        for i in 0..<n where family.needsServingRow[i] {
            var row = LinearExpression()
            for j in family.sorted[i].facilities { if let v = y[j] { row.add(1, v) } }
            model.addConstraint(row >= 1)
        }
        for cut in cuts { model.addConstraint(family.row(of: cut, y, theta)) }
        model.minimize(objective)
        return (model, y, theta)
    }

    /// Reduced-cost fixing on any relaxation: opening j costs at least bound + d_j, and closing
    /// an open j at least bound − d_j, so no solution better than the incumbent does either.
    mutating func fixByReducedCosts(_ result: SolveResult, _ y: [Variable?]) {
        guard let reduced = result.reducedCosts, let bound = result.objectiveValue, incumbentCost.isFinite else { return }
        let slack = max(cutoff, incumbentCost - options.relativeGap * max(1, abs(incumbentCost))) - bound
        let open = Set(incumbent)
        for j in allowed where problem.facilities[j].status == .candidate {
            guard let v = y[j] else { continue }
            let d = reduced[v.index]
            if d > slack && !open.contains(j) { fixedClosed.insert(j) }
            if -d > slack && open.contains(j) { fixedOpen.insert(j) }
        }
    }

    /// The master LP's point: y by facility (0 where it has no column) and θ by demand point.
    func masterPoint(_ values: [Double], _ y: [Variable?], _ theta: [Variable?]) -> (y: [Double], theta: [Double]) {
        var yValues = [Double](repeating: 0, count: problem.facilityCount)
        for j in allowed { if let v = y[j] { yValues[j] = values[v.index] } }
        return (yValues, (0..<problem.pointCount).map { theta[$0].map { values[$0.index] } ?? 0 })
    }

    // MARK: Phases (each returns whether the master proved the problem infeasible)

    /// Subgradient ascent on the Lagrangian relaxation (``PMedianLagrangian``) from the
    /// incumbent's distances: its bound, the facilities it fixes against the cutoff, and the
    /// radius cuts around its radii, which start the master near the LP optimum.
    ///
    /// - Complexity: O(passes · iterations · (Σ_i k_i + m·log m)).
    @discardableResult
    mutating func lagrangianRounds(log: inout [String]) -> Bool {
        guard incumbentCost.isFinite, !family.weighted.isEmpty, !clock.isExpired else { return false }
        let lagrangian = PMedianLagrangian(problem: problem, family: family, p: p)
        let started = ContinuousClock.now
        var threshold: Double { max(cutoff, incumbentCost - options.relativeGap * max(1, abs(incumbentCost))) }
        var radius = problem.nearest(among: incumbent).map(\.cost)
        var best: PMedianLagrangian.Evaluation?
        for pass in 0..<PMedianSolver.lagrangianPasses {
            var closedMask = [Bool](repeating: false, count: problem.facilityCount)
            for j in fixedClosed { closedMask[j] = true }
            guard let e = lagrangian.ascend(from: radius, closed: closedMask, upper: incumbentCost, stopAbove: threshold,
                                            iterations: pass == 0 ? 300 : 100) else { return false }
            best = e
            radius = e.radius
            lowerBound = max(lowerBound, e.bound)
            if pass == 0, let heuristic, e.chosen.count == p {
                // The subproblem's p facilities, improved by interchange, may beat the incumbent.
                let candidate = heuristic.improve(e.chosen, deadline: { clock.isExpired })
                let cost = problem.nearestObjective(candidate)
                if candidate.count == p && cost < incumbentCost && fixedClosed.isDisjoint(with: candidate) {
                    incumbent = candidate
                    incumbentCost = cost
                    log.append("Lagrangian heuristic: incumbent \(cost)")
                }
            }
            let (closing, opening) = lagrangian.fixings(e, threshold: threshold, keepOpen: Set(incumbent))
            let before = fixedClosed.count + fixedOpen.count
            fixedClosed.formUnion(closing)
            fixedOpen.formUnion(opening)
            log.append("Lagrangian pass \(pass + 1): bound \(e.bound), \(fixedClosed.count) closed, \(fixedOpen.count) open")
            if closed || fixedClosed.count + fixedOpen.count == before || clock.isExpired { break }
        }
        guard let e = best, !closed else { return false }
        // Seed the master with each point's cut at the first sorted distance from its radius on
        // (its neighbour below as well made the first LP 2× slower on pmed36 for the same bound).
        var seeded = 0
        // Only the seeded cuts: the incumbent's, exact at one vertex far from the LP optimum,
        // made the first (cold) LP 5× slower on pmed36 and come back by separation if violated.
        cuts.removeAll()
        known.removeAll()
        for i in family.weighted {
            let costs = family.sorted[i].costs
            var k = 0
            while k < costs.count - 1 && costs[k] < e.radius[i] { k += 1 }
            let cut = PMedianCuts.Cut(point: i, distance: costs[k])
            if costs[k] > costs[0], known.insert(cut).inserted { cuts.append(cut); seeded += 1 }
        }
        log.append("Lagrangian: \(seeded) cuts seeded, \(ContinuousClock.now - started)")
        return seeded > 0
    }

    /// Kelley's cutting planes on the relaxation, the master rebuilt each round without the
    /// cuts the last LP left slack (at most ``PMedianSolver/roundsWithCutDeletion`` rounds).
    mutating func coldRounds(log: inout [String]) throws -> Bool {
        while !clock.isExpired {
            rounds += 1
            let (model, y, theta) = master(binary: false)
            let result = try model.solve(options: clock.solveOptions(gap: options.relativeGap))
            guard result.termination == .optimal, let values = result.values else {
                if result.termination == .infeasible { return true }
                break
            }
            lowerBound = max(lowerBound, result.objectiveValue ?? lowerBound)
            let (yValues, thetaValues) = masterPoint(values, y, theta)
            lastLP = (yValues, thetaValues)
            // Drop cuts the relaxation leaves slack (they come back if violated again), then add the violated ones.
            let dropped = rounds < PMedianSolver.roundsWithCutDeletion ? dropSlackCuts(y: yValues, theta: thetaValues) : 0
            let added = addCuts(at: yValues, theta: thetaValues)
            fixByReducedCosts(result, y)
            log.append("LP round \(rounds): \(fixedClosed.count) closed, \(fixedOpen.count) open by reduced costs; \(model.constraints.count) rows, \(model.nonzeroCount) nonzeros, bound \(result.objectiveValue ?? 0), \(added) cuts added, \(dropped) dropped, \(result.solveTime)")
            if added == 0 || closed { lpConverged = true; break }
            if rounds >= PMedianSolver.roundsWithCutDeletion { break }
        }
        return false
    }

    /// Then warm-started rounds on one GLPK problem: cuts only accumulate, closed facilities
    /// are fixed at 0 in place.
    mutating func warmRounds(log: inout [String]) throws -> Bool {
        guard !lpConverged && !clock.isExpired else { return false }
        let (model, y, theta) = master(binary: false)
        let header = model.constraints.count - cuts.count
        var infeasible = false
        try model.withIncrementalSolver(options: clock.solveOptions(gap: options.relativeGap)) { session in
            defer {
                // Session rows: the header (p, serving rows), then the cuts in the order held.
                let basis = session.basis
                if !infeasible && basis.rows.count == header + cuts.count {
                    var byCut: [PMedianCuts.Cut: LPBasis.Status] = [:]
                    for (k, cut) in cuts.enumerated() { byCut[cut] = basis.rows[header + k] }
                    var byFacility: [Int: LPBasis.Status] = [:], byPoint: [Int: LPBasis.Status] = [:]
                    for (j, v) in y.enumerated() { if let v { byFacility[j] = basis.columns[v.index] } }
                    for (i, t) in theta.enumerated() { if let t { byPoint[i] = basis.columns[t.index] } }
                    lastBasis = (Array(basis.rows[..<header]), byCut, byFacility, byPoint)
                }
            }
            var closedInSession = fixedClosed
            while !clock.isExpired {
                rounds += 1
                session.options.timeLimit = clock.remaining.map { max($0, .milliseconds(1)) }
                let result = session.solve()
                guard result.termination == .optimal, let values = result.values else {
                    infeasible = result.termination == .infeasible
                    break
                }
                lowerBound = max(lowerBound, result.objectiveValue ?? lowerBound)
                let (yValues, thetaValues) = masterPoint(values, y, theta)
                lastLP = (yValues, thetaValues)
                let before = cuts.count
                let added = addCuts(at: yValues, theta: thetaValues)
                for cut in cuts[before...] { try session.addConstraint(family.row(of: cut, y, theta)) }
                fixByReducedCosts(result, y)
                for j in fixedClosed where !closedInSession.contains(j) {
                    if let v = y[j] { try session.setBounds(of: v, lower: 0, upper: 0) }
                    closedInSession.insert(j)
                }
                log.append("LP round \(rounds) (warm): \(fixedClosed.count) closed by reduced costs; \(session.model.constraints.count) rows, bound \(result.objectiveValue ?? 0), \(added) cuts added, \(result.solveTime)")
                if added == 0 || closed { break }
            }
        }
        return infeasible
    }

    /// One branch-and-bound run on the LP's tight cuts,
    /// whose separator adds the optimality cuts its node LPs violate (lazily at integral
    /// nodes, to strengthen the bound at fractional ones).
    mutating func branchAndCut(log: inout [String], record: inout LocationSolution.SearchRecord) throws -> Bool {
        if let (yValues, thetaValues) = lastLP { _ = dropSlackCuts(y: yValues, theta: thetaValues) }
        // The incumbent's exact cuts are not added: the start (θ at its true costs) meets every
        // cut anyway, and without them the root LP is cheaper and the nodes faster (pmed36,
        // 38, 39: 15–25 % less CPU time).
        if closed || incumbentCost <= lowerBound + options.relativeGap * max(1, abs(incumbentCost)) + 1e-9 { proven = true }
        guard !proven && !clock.isExpired else { return false }
        let n = problem.pointCount
        let (model, y, theta) = master(binary: true)
        var glpk = clock.solveOptions(gap: options.relativeGap)
        if !incumbent.isEmpty {
            var start = [Double](repeating: 0, count: model.variables.count)
            for j in incumbent { start[y[j]!.index] = 1 }
            let nearest = problem.nearest(among: incumbent)
            for i in 0..<n { if let t = theta[i] { start[t.index] = nearest[i].cost } }
            glpk.initialSolution = start
        }
        glpk.branching = .lastFractional
        if let last = lastBasis, last.header.count == model.constraints.count - cuts.count {
            // The root LP starts from the warm rounds' optimal basis instead of from scratch.
            var columns = [LPBasis.Status](repeating: .basic, count: model.variables.count)
            for (j, v) in y.enumerated() { if let v { columns[v.index] = last.y[j] ?? .atLower } }
            for (i, t) in theta.enumerated() { if let t { columns[t.index] = last.theta[i] ?? .basic } }
            glpk.startingBasis = LPBasis(rows: last.header + cuts.map { last.cuts[$0] ?? .basic }, columns: columns)
        }
        // Bound tightening over the dense optimality cuts fixes little and costs a pass over
        // them at every node: about 6 % of the CPU time on pmed1–40.
        glpk.nodePreprocessing = .none
        if granularity > 0 && incumbentCost.isFinite {
            // GLPK prunes a node within (incumbent − cutoff) of the incumbent itself: with whole
            // costs no better solution lies there (the tolerance shrinks with a better incumbent).
            glpk.pruneTolerance = max(1e-7, (incumbentCost - cutoff) * (1 - 1e-6) / (1 + abs(incumbentCost)))
        }
        var roundsAtNode: [Int: Int] = [:]
        let family = self.family, allowed = self.allowed, facilityCount = problem.facilityCount
        // With whole costs, a node whose bound is above the incumbent less one cannot hold a
        // better solution: the objective cutoff row, added to that node only, makes its LP infeasible.
        var objective = LinearExpression(), constant = 0.0
        for i in 0..<n where problem.demand[i] > 0 {
            if let t = theta[i] { objective.add(problem.demand[i], t) } else { constant += problem.demand[i] * family.sorted[i].costs[0] }
        }
        let granularity = self.granularity
        var best = incumbentCost
        let relativeGap = options.relativeGap
        let result = try model.solve(options: glpk, lazyConstraints: { request in
            var yValues = [Double](repeating: 0, count: facilityCount)
            for j in allowed { if let v = y[j] { yValues[j] = request.values[v.index] } }
            if granularity > 0 && best.isFinite {
                var value = constant
                for (index, coefficient) in zip(objective.indices, objective.coefficients) { value += coefficient * request.values[index] }
                let allowance = min(0.5 * granularity, max(relativeGap * max(1, abs(best)), 1e-6 * max(1, abs(best))))
                let limit = best - granularity + allowance
                if !request.isIntegral && value > limit + 1e-6 * max(1, abs(best)) {
                    return [objective <= limit - constant]
                }
            }
            if !request.isIntegral {
                let r = roundsAtNode[request.node, default: 0]
                if r >= PMedianSolver.fractionalRoundsPerNode { return [] }
                roundsAtNode[request.node] = r + 1
            }
            var rows: [LinearConstraint] = []
            for i in family.weighted {
                guard let t = theta[i] else { continue }
                let (cut, value) = family.separate(i, yValues)
                let current = request.values[t.index]
                let tolerance = (request.isIntegral ? 1e-7 : 1e-4) * max(1, abs(value))
                guard value > current + tolerance else { continue }
                rows.append(family.row(of: cut, y, theta))
            }
            if rows.isEmpty && request.isIntegral {
                // A new incumbent (GLPK takes it): the cutoff follows it.
                var cost = constant
                for (index, coefficient) in zip(objective.indices, objective.coefficients) { cost += coefficient * request.values[index] }
                best = min(best, cost)
            }
            return rows
        })
        log.append("MIP: \(model.constraints.count) rows + \(result.lazyRowsAdded) lazy; \(result.termination), objective \(result.objectiveValue ?? .nan), bound \(result.bestBound ?? .nan), \(result.nodes) nodes, \(result.solveTime)")
        record.mipSolves += 1
        record.lazyRowsAdded += result.lazyRowsAdded
        if result.termination == .infeasible { return true }
        if let values = result.values {
            let open = allowed.filter { y[$0].map { values[$0.index] > 0.5 } ?? false }
            let cost = problem.nearestObjective(open)
            if open.count == p && cost < incumbentCost { incumbent = open; incumbentCost = cost }
        }
        if let bound = result.bestBound, result.termination == .optimal || result.termination == .limitReached(.time) {
            lowerBound = max(lowerBound, bound)
        }
        if result.termination == .optimal { proven = true; lowerBound = max(lowerBound, min(incumbentCost, result.bestBound ?? lowerBound)) }
        return false
    }

    /// The solution: the incumbent with each point at its nearest open facility, and the bound.
    func report(into base: LocationSolution) -> LocationSolution {
        var solution = base
        if incumbent.isEmpty {
            solution.status = .noSolution
            solution.explanation.append(LocationText.stoppedWithoutSolution)
            return solution
        }
        problem.assignNearest(incumbent, into: &solution)
        solution.objective = incumbentCost
        // With whole costs and the bound above the cutoff, the optimum is the incumbent's cost.
        let wholeProof = proven && granularity > 0 && lowerBound > cutoff
        solution.bound = wholeProof ? incumbentCost : proven ? min(max(lowerBound, -Double.greatestFiniteMagnitude), incumbentCost) : (lowerBound.isFinite ? lowerBound : nil)
        solution.status = proven ? .optimal : .feasible
        if !proven { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }
}
