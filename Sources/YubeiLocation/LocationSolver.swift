import YubeiCore
import YubeiOptimization

extension LocationProblem {
    /// Solves the problem with the method suited to its model (all through GLPK):
    ///
    /// - p-median: Benders decomposition of the radius formulation (a few cuts per point instead
    ///   of one variable per pair), a Teitz–Bart incumbent, and reduced-cost fixing of facilities;
    /// - p-center: a search over the sorted distinct costs, each radius a set-covering question;
    /// - lscp, mclp: the covering models, with a greedy incumbent;
    /// - uflp, cflp, sscflp: the strong formulation (x_ij ≤ y_j, on large instances for each
    ///   point's cheapest pairs), with the aggregate capacity row Σ capacity·y ≥ total demand.
    ///
    /// Infeasible problems come back with ``LocationSolution/explanation`` saying why.
    public func solve(options: LocationOptions = LocationOptions()) -> LocationSolution {
        let clock = SolveClock(limit: options.timeLimit, progress: options.progress)
        var solution: LocationSolution
        if let reasons = infeasibilityReasons(), !reasons.isEmpty {
            solution = LocationSolution(model: model, status: .infeasible)
            solution.explanation = reasons
        } else {
            do {
                switch model {
                case .pMedian: solution = try PMedianSolver(problem: self, options: options, clock: clock).solve()
                case .pCenter: solution = try PCenterSolver(problem: self, options: options, clock: clock).solve()
                case .lscp: solution = try SetCoveringSolver(problem: self, options: options, clock: clock).solve()
                case .mclp: solution = try MaximalCoveringSolver(problem: self, options: options, clock: clock).solve()
                case .uflp, .cflp, .sscflp: solution = try FacilityLocationSolver(problem: self, options: options, clock: clock).solve()
                }
            } catch {
                solution = LocationSolution(model: model, status: .error)
                solution.explanation = [LocationText.solverFailed("\(error)")]
            }
        }
        solution.seconds = clock.seconds
        return solution
    }

    /// Reasons no solution can exist that are visible without solving, or `nil`/empty when none.
    ///
    /// - Complexity: O(n·m).
    func infeasibilityReasons() -> [Phrase]? {
        var reasons: [Phrase] = []
        let allowed = allowedFacilities
        let required = requiredFacilities
        if let p, model.needsP {
            if p > allowed.count {
                reasons.append(LocationText.pAboveAllowed(p: p, allowed: allowed.count))
            }
            if required.count > p {
                reasons.append(LocationText.requiredAboveP(p: p, required: required.count))
            }
        }
        let reach: (Int, Int) -> Bool
        switch model {
        case .lscp: reach = { i, j in covers(j, i) }
        case .mclp: return reasons
        case .sscflp: reach = { i, j in cost(i, j).isFinite && (facilities[j].capacity ?? .infinity) >= demand[i] }
        default: reach = { i, j in cost(i, j).isFinite }
        }
        var unreachable: [Int] = []
        for i in 0..<pointCount where !allowed.contains(where: { reach(i, $0) }) {
            unreachable.append(i)
        }
        if !unreachable.isEmpty {
            reasons.append(model == .lscp
                ? LocationText.pointsOutsideRadius(unreachable, radius: radius ?? 0)
                : model == .sscflp ? LocationText.pointsWithoutSingleSource(unreachable)
                : LocationText.pointsWithoutFacility(unreachable))
        }
        if model.needsCapacity {
            let total = demand.reduce(Double(0), +)
            let capacity = allowed.reduce(Double(0)) { $0 + (facilities[$1].capacity ?? .infinity) }
            if capacity < total * (1 - 1e-12) {
                reasons.append(LocationText.capacityBelowDemand(capacity: capacity, demand: total))
            }
        }
        return reasons
    }

    // MARK: Evaluation shared by the solvers

    /// For each point, the open facility with the least cost (`nil` when none is finite), and that cost.
    ///
    /// - Complexity: O(n·|open|).
    func nearest(among open: [Int]) -> [(facility: Int?, cost: Double)] {
        (0..<pointCount).map { i in
            var best: Int?
            var bestCost = Double.infinity
            for j in open where cost(i, j) < bestCost {
                best = j
                bestCost = cost(i, j)
            }
            return (best, bestCost)
        }
    }

    /// Fills ``LocationSolution/open``, ``assignment`` and ``shares`` with each point served by
    /// its nearest open facility (within the radius, for the covering models).
    func assignNearest(_ open: [Int], into solution: inout LocationSolution) {
        solution.open = open.sorted()
        let nearest = nearest(among: open)
        solution.assignment = nearest.enumerated().map { i, n in
            guard let j = n.facility else { return nil }
            if model == .lscp || model == .mclp, !covers(j, i) { return nil }
            return j
        }
        solution.shares = solution.assignment.map { $0.map { [($0, 1.0)] } ?? [] }
    }

    /// The objective of FORMATS.md §1 for an open set with each point at its nearest open facility
    /// (p-median, p-center, lscp, mclp).
    ///
    /// - Complexity: O(n·|open|).
    func nearestObjective(_ open: [Int]) -> Double {
        let nearest = nearest(among: open)
        switch model {
        case .pMedian:
            return zip(demand, nearest).reduce(Double(0)) { $0 + ($1.0 == 0 ? 0 : $1.0 * $1.1.cost) }
        case .pCenter:
            return nearest.reduce(Double(0)) { max($0, $1.cost) }
        case .lscp:
            return Double(open.count)
        case .mclp:
            return (0..<pointCount).reduce(Double(0)) { sum, i in
                open.contains { covers($0, i) } ? sum + demand[i] : sum
            }
        case .uflp, .cflp, .sscflp:
            return open.reduce(Double(0)) { $0 + facilities[$1].fixedCost } + nearest.reduce(Double(0)) { $0 + $1.cost }
        }
    }
}

extension LocationSolution {
    /// Copies GLPK's verdict on a final solve into the location status words.
    mutating func adoptTermination(of result: SolveResult) {
        status = result.status
        switch result.termination {
        case .numericalError, .otherError: explanation.append(LocationText.solverFailed(result.detail))
        default: break
        }
    }
}

extension Array where Element == Int {
    /// The facilities among these whose 0–1 open variable `y[j]` is 1 in `values`.
    func opened(by y: [Variable?], in values: [Double]) -> [Int] {
        filter { values[y[$0]!.index] > 0.5 }
    }
}
