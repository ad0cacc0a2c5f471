import YubeiCore
import YubeiOptimization

/// Exact p-median by Benders decomposition over the radius formulation (Cornuéjols,
/// Nemhauser & Wolsey 1990; Fischetti, Ljubić & Sinnl 2017): the master keeps one variable
/// θ_i per weighted point and the optimality cuts
///
///     θ_i ≥ D − Σ_{j: cost_ij < D} (D − cost_ij)·y_j
///
/// for a distance D of point i's sorted costs. At a 0–1 vector y the cut at the nearest open
/// facility's distance is exact; at a fractional y the cut at the distance where Σ y first
/// reaches 1 is the most violated, so the LP phase converges to the bound of the strong
/// (x_ij ≤ y_j) formulation while holding a few rows per point instead of one per pair.
///
/// A Teitz–Bart incumbent (``PMedianHeuristic``) seeds the cuts and GLPK's search, and after
/// every LP round reduced-cost fixing closes the facilities that cannot open in any solution
/// better than the incumbent: on OR-Library's pmed instances with small p this removes most
/// candidates before branch-and-bound starts. The MIP phase is one branch-and-bound run
/// (``Model/solve(options:lazyConstraints:)``) that adds the cuts violated at integral nodes
/// (lazy constraints) and one round at each fractional node, branching on the last
/// fractional y (fewer nodes than GLPK's default rule on pmed36–39).
struct PMedianSolver {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock

    /// LP rounds that rebuild the master and delete slack cuts; afterwards cuts only accumulate
    /// on one warm-started GLPK problem (``Model/withIncrementalSolver(options:_:)``), so the
    /// cutting-plane loop terminates.
    static let roundsWithCutDeletion = 8


    /// Rounds of optimality cuts at one fractional branch-and-bound node.
    static let fractionalRoundsPerNode = 1

    /// One point's allowed facilities sorted by cost.
    struct Sorted {
        var facilities: [Int]
        var costs: [Double]
    }

    /// A cut θ_i ≥ D − Σ (D − cost_ij)·y_j, stored by point and distance.
    struct Cut: Hashable {
        var point: Int
        var distance: Double
    }

    func solve() throws -> LocationSolution {
        let n = problem.pointCount
        let p = problem.p ?? 1
        let allowed = problem.allowedFacilities
        var solution = LocationSolution(model: .pMedian, status: .noSolution)
        // Incumbent: greedy addition and Teitz–Bart interchange.
        var start = PMedianHeuristic(problem: problem).solve(p: p, deadline: { clock.isExpired })
        if start.count != p || !problem.nearestObjective(start).isFinite { start = [] }
        let sorted: [Sorted] = (0..<n).map { i in
            let list = allowed.filter { problem.cost(i, $0).isFinite }.sorted { problem.cost(i, $0) < problem.cost(i, $1) }
            return Sorted(facilities: list, costs: list.map { problem.cost(i, $0) })
        }
        let needsServingRow = (0..<n).map { sorted[$0].facilities.count < allowed.count }
        let weighted = (0..<n).filter { problem.demand[$0] > 0 && sorted[$0].costs.count > 1 }

        var cuts: [Cut] = []
        var known = Set<Cut>()

        var incumbent = start
        var incumbentCost = start.isEmpty ? .infinity : problem.nearestObjective(start)

        /// The cut of point i at `y` (values by facility) and its right-hand side at `y`.
        func separate(_ i: Int, _ y: [Double]) -> (Cut, Double) {
            let s = sorted[i]
            var cumulative = 0.0, k = 0
            var distance = s.costs[s.costs.count - 1]
            while k < s.costs.count {
                let d = s.costs[k]
                var group = 0.0, end = k
                while end < s.costs.count && s.costs[end] == d { group += y[s.facilities[end]]; end += 1 }
                if cumulative + group >= 1 - 1e-9 { distance = d; break }
                cumulative += group
                k = end
            }
            var value = distance
            for (j, c) in zip(s.facilities, s.costs) {
                if c >= distance { break }
                value -= (distance - c) * y[j]
            }
            return (Cut(point: i, distance: distance), value)
        }

        /// D − Σ_{cost_ij < D} (D − cost_ij)·y_j for a cut.
        func value(of cut: Cut, at y: [Double]) -> Double {
            let s = sorted[cut.point]
            var value = cut.distance
            for (j, c) in zip(s.facilities, s.costs) {
                if c >= cut.distance { break }
                value -= (cut.distance - c) * y[j]
            }
            return value
        }

        func addCuts(at y: [Double], theta: [Double]?) -> Int {
            var added = 0
            for i in weighted {
                let (cut, value) = separate(i, y)
                let current = theta?[i] ?? -.infinity
                if value > current + 1e-7 * max(1, abs(value)), known.insert(cut).inserted {
                    cuts.append(cut)
                    added += 1
                }
            }
            return added
        }

        // Facilities fixed by reduced costs after the LP phase: no solution better than the
        // incumbent opens (or closes) them.
        var fixedClosed = Set<Int>()
        var fixedOpen = Set<Int>()

        /// The row θ_i + Σ_{cost_ij < D} (D − cost_ij)·y_j ≥ D of a cut.
        func row(of cut: Cut, _ y: [Variable?], _ theta: [Variable?]) -> LinearConstraint {
            var row = LinearExpression()
            row.add(1, theta[cut.point]!)
            for (j, c) in zip(sorted[cut.point].facilities, sorted[cut.point].costs) {
                if c >= cut.distance { break }
                if let v = y[j] { row.add(cut.distance - c, v) }
            }
            return row >= cut.distance
        }

        func master(binary: Bool) -> (Model, [Variable?], [Variable?]) {
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
                if sorted[i].costs.count > 1 {
                    let v = model.addVariable("theta_\(i)", lowerBound: sorted[i].costs[0])
                    theta[i] = v
                    objective.add(problem.demand[i], v)
                } else {
                    objective.constant += problem.demand[i] * sorted[i].costs[0]
                }
            }
            for i in 0..<n where needsServingRow[i] {
                var row = LinearExpression()
                for j in sorted[i].facilities { if let v = y[j] { row.add(1, v) } }
                model.addConstraint(row >= 1)
            }
            for cut in cuts { model.addConstraint(row(of: cut, y, theta)) }
            model.minimize(objective)
            return (model, y, theta)
        }

        func vector(_ open: [Int]) -> [Double] {
            var y = [Double](repeating: 0, count: problem.facilityCount)
            for j in open { y[j] = 1 }
            return y
        }

        if !incumbent.isEmpty { _ = addCuts(at: vector(incumbent), theta: nil) }

        // LP phase: Kelley's cutting planes on the relaxation.
        var lowerBound = -Double.infinity
        var rounds = 0
        var lpConverged = false
        /// The last LP optimum (y by facility, θ by point): cuts slack there leave the master.
        var lastLP: (y: [Double], theta: [Double])?

        /// Reduced-cost fixing on any relaxation: opening j costs at least bound + d_j, and closing
        /// an open j at least bound − d_j, so no solution better than the incumbent does either.
        func fixByReducedCosts(_ result: SolveResult, _ y: [Variable?]) {
            guard let reduced = result.reducedCosts, let bound = result.objectiveValue, incumbentCost.isFinite else { return }
            let slack = incumbentCost - bound + 1e-6 * max(1, abs(incumbentCost))
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
            return (yValues, (0..<n).map { theta[$0].map { values[$0.index] } ?? 0 })
        }
        while !clock.isExpired {
            rounds += 1
            let (model, y, theta) = master(binary: false)
            let result = try model.solve(options: clock.solveOptions(gap: options.relativeGap))
            guard result.termination == .optimal, let values = result.values else {
                if result.termination == .infeasible { solution.status = .infeasible; solution.explanation.append(LocationText.noPFacilitiesServeAll(p: p)); return solution }
                break
            }
            lowerBound = max(lowerBound, result.objectiveValue ?? lowerBound)
            let (yValues, thetaValues) = masterPoint(values, y, theta)
            lastLP = (yValues, thetaValues)
            // Drop cuts the relaxation leaves slack (they come back if violated again), then add the violated ones.
            var dropped = 0
            if rounds < Self.roundsWithCutDeletion {
                let before = cuts.count
                cuts.removeAll { cut in
                    let slack = thetaValues[cut.point] - value(of: cut, at: yValues)
                    if slack > 1e-6 * max(1, abs(thetaValues[cut.point])) { known.remove(cut); return true }
                    return false
                }
                dropped = before - cuts.count
            }
            let added = addCuts(at: yValues, theta: thetaValues)
            fixByReducedCosts(result, y)
            solution.log.append("LP round \(rounds): \(fixedClosed.count) closed, \(fixedOpen.count) open by reduced costs; \(model.constraints.count) rows, \(model.nonzeroCount) nonzeros, bound \(result.objectiveValue ?? 0), \(added) cuts added, \(dropped) dropped, \(result.solveTime)")
            if added == 0 { lpConverged = true; break }
            if incumbentCost <= lowerBound + options.relativeGap * max(1, abs(incumbentCost)) { lpConverged = true; break }
            if rounds >= Self.roundsWithCutDeletion { break }
        }
        // Then warm-started rounds on one GLPK problem: cuts only accumulate, closed facilities
        // are fixed at 0 in place.
        if !lpConverged && !clock.isExpired {
            let (model, y, theta) = master(binary: false)
            var infeasible = false
            try model.withIncrementalSolver(options: clock.solveOptions(gap: options.relativeGap)) { session in
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
                    for cut in cuts[before...] { try session.addConstraint(row(of: cut, y, theta)) }
                    fixByReducedCosts(result, y)
                    for j in fixedClosed where !closedInSession.contains(j) {
                        if let v = y[j] { try session.setBounds(of: v, lower: 0, upper: 0) }
                        closedInSession.insert(j)
                    }
                    solution.log.append("LP round \(rounds) (warm): \(fixedClosed.count) closed by reduced costs; \(session.model.constraints.count) rows, bound \(result.objectiveValue ?? 0), \(added) cuts added, \(result.solveTime)")
                    if added == 0 { break }
                    if incumbentCost <= lowerBound + options.relativeGap * max(1, abs(incumbentCost)) { break }
                }
            }
            if infeasible { solution.status = .infeasible; solution.explanation.append(LocationText.noPFacilitiesServeAll(p: p)); return solution }
        }

        // MIP phase: the LP's tight cuts plus those exact at the incumbent (fewer rows, faster nodes).
        if let (yValues, thetaValues) = lastLP {
            cuts.removeAll { cut in
                let slack = thetaValues[cut.point] - value(of: cut, at: yValues)
                if slack > 1e-6 * max(1, abs(thetaValues[cut.point])) { known.remove(cut); return true }
                return false
            }
        }
        if !incumbent.isEmpty {
            _ = addCuts(at: vector(incumbent), theta: nil)
        }
        // MIP phase: one branch-and-bound run whose separator adds the optimality cuts its
        // node LPs violate (lazily at integral nodes, to strengthen the bound at fractional ones).
        var proven = false
        if incumbentCost <= lowerBound + options.relativeGap * max(1, abs(incumbentCost)) + 1e-9 { proven = true }
        if !proven && !clock.isExpired {
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
            var roundsAtNode: [Int: Int] = [:]
            let result = try model.solve(options: glpk) { request in
                var yValues = [Double](repeating: 0, count: problem.facilityCount)
                for j in allowed { if let v = y[j] { yValues[j] = request.values[v.index] } }
                if !request.isIntegral {
                    let r = roundsAtNode[request.node, default: 0]
                    if r >= Self.fractionalRoundsPerNode { return [] }
                    roundsAtNode[request.node] = r + 1
                }
                var rows: [LinearConstraint] = []
                for i in weighted {
                    guard let t = theta[i] else { continue }
                    let (cut, value) = separate(i, yValues)
                    let current = request.values[t.index]
                    let tolerance = (request.isIntegral ? 1e-7 : 1e-4) * max(1, abs(value))
                    guard value > current + tolerance else { continue }
                    rows.append(row(of: cut, y, theta))
                }
                return rows
            }
            solution.log.append("MIP: \(model.constraints.count) rows + \(result.lazyRowsAdded) lazy; \(result.termination), objective \(result.objectiveValue ?? .nan), bound \(result.bestBound ?? .nan), \(result.nodes) nodes, \(result.solveTime)")
            solution.search.mipSolves += 1
            solution.search.lazyRowsAdded += result.lazyRowsAdded
            if result.termination == .infeasible { solution.status = .infeasible; solution.explanation.append(LocationText.noPFacilitiesServeAll(p: p)); return solution }
            if let values = result.values {
                let open = allowed.filter { y[$0].map { values[$0.index] > 0.5 } ?? false }
                let cost = problem.nearestObjective(open)
                if open.count == p && cost < incumbentCost { incumbent = open; incumbentCost = cost }
            }
            if let bound = result.bestBound, result.termination == .optimal || result.termination == .limitReached(.time) {
                lowerBound = max(lowerBound, bound)
            }
            if result.termination == .optimal { proven = true; lowerBound = max(lowerBound, min(incumbentCost, result.bestBound ?? lowerBound)) }
        }

        if incumbent.isEmpty {
            solution.status = .noSolution
            solution.explanation.append(LocationText.stoppedWithoutSolution)
            return solution
        }
        problem.assignNearest(incumbent, into: &solution)
        solution.objective = incumbentCost
        solution.bound = proven ? min(max(lowerBound, -Double.greatestFiniteMagnitude), incumbentCost) : (lowerBound.isFinite ? lowerBound : nil)
        solution.status = proven ? .optimal : .feasible
        if !proven { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }
}
