import YubeiCore
import YubeiOptimization

/// Exact p-center as a search over radii (Minieka 1970; Daskin 2000): the optimum is one of
/// the distinct allowed costs, and radius r is achievable with p facilities exactly when the
/// set-covering problem at r needs at most p. Binary search over the sorted costs between a
/// lower bound (every point's nearest allowed facility) and a greedy upper bound; each probe is
/// answered by a greedy cover when it fits within p, else by GLPK on the covering MIP with
/// "at most p open", stopping at its first solution.
struct PCenterSolver {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock

    func solve() throws -> LocationSolution {
        let n = problem.pointCount
        let p = problem.p ?? 1
        let core = CoveringCore(problem: problem)
        var solution = LocationSolution(model: .pCenter, status: .noSolution)

        // Candidate radii: distinct allowed costs from the largest "nearest facility" up.
        var lower = 0.0
        for i in 0..<n {
            var nearest = Double.infinity
            for j in core.allowed { nearest = min(nearest, problem.cost(i, j)) }
            lower = max(lower, nearest)
        }
        var radii: [Double] = []
        radii.reserveCapacity(n * core.allowed.count / 2)
        for i in 0..<n {
            for j in core.allowed {
                let c = problem.cost(i, j)
                if c.isFinite && c >= lower { radii.append(c) }
            }
        }
        radii.sort()
        var distinct: [Double] = []
        for r in radii where distinct.last != r { distinct.append(r) }
        radii = distinct

        // Upper bound: the smallest radius at which the greedy cover fits (binary search, greedy is a heuristic).
        var hi = radii.count - 1
        var best: [Int]
        if let cover = core.greedyCover(core.coverSets(radius: radii[hi]), limit: p) {
            best = cover
        } else {
            // Greedy is only a heuristic: ask GLPK whether any p facilities serve every point.
            let (model, y) = core.coveringModel(core.coverSets(radius: radii[hi]), limit: p)
            let result = try model.solve(options: clock.solveOptions(gap: 1e9))
            guard let values = result.values else {
                solution.adoptTermination(of: result)
                if solution.status == .infeasible || solution.status == .unbounded {
                    solution.status = .infeasible
                    solution.explanation.append(LocationText.noPFacilitiesServeAll(p: p))
                }
                return solution
            }
            best = core.allowed.opened(by: y, in: values)
        }
        var lo = 0, top = hi
        while lo < top {
            let mid = (lo + top) / 2
            if let cover = core.greedyCover(core.coverSets(radius: radii[mid]), limit: p) {
                best = cover; hi = mid; top = mid
            } else {
                lo = mid + 1
            }
        }
        // Exact search: every radius below radii[lo] is proven too small; radii[hi] is achieved by `best`.
        lo = 0
        var probes = 0
        while lo < hi {
            if clock.isExpired { break }
            let mid = (lo + hi) / 2
            let sets = core.coverSets(radius: radii[mid])
            if let cover = core.greedyCover(sets, limit: p) {
                best = cover; hi = mid
                continue
            }
            let (model, y) = core.coveringModel(sets, limit: p)
            // Any cover within p answers the question: stop at the first one.
            let glpk = clock.solveOptions(gap: 1e9)
            let result = try model.solve(options: glpk)
            probes += 1
            if let values = result.values {
                best = core.allowed.opened(by: y, in: values)
                hi = mid
            } else if result.termination == .infeasible || result.termination == .infeasibleOrUnbounded {
                lo = mid + 1
            } else {
                break  // a limit: keep what is proven
            }
        }
        solution.log.append("p-center: \(radii.count) candidate radii, \(probes) covering MIPs")
        let open = pad(best, to: p, allowed: core.allowed)
        problem.assignNearest(open, into: &solution)
        solution.objective = problem.nearestObjective(open)
        solution.bound = radii[lo]
        solution.status = lo == hi ? .optimal : .feasible
        if solution.status == .feasible { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }

    /// Opens further facilities until exactly `p` are open, each the one that most lowers the
    /// total cost to the nearest open facility (the radius cannot get worse).
    ///
    /// - Complexity: O((p − |open|)·n·m).
    private func pad(_ open: [Int], to p: Int, allowed: [Int]) -> [Int] {
        var open = open
        var nearest = problem.nearest(among: open).map(\.cost)
        while open.count < p {
            var bestGain = -1.0, choice = -1
            for j in allowed where !open.contains(j) {
                var gain = 0.0
                for i in 0..<problem.pointCount {
                    let c = problem.cost(i, j)
                    if c < nearest[i] { gain += nearest[i].isFinite ? nearest[i] - c : 1e12 }
                }
                if gain > bestGain { bestGain = gain; choice = j }
            }
            guard choice >= 0 else { break }
            open.append(choice)
            for i in 0..<problem.pointCount { nearest[i] = min(nearest[i], problem.cost(i, choice)) }
        }
        return open.sorted()
    }
}
