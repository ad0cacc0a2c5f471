import YubeiCore
import YubeiOptimization

/// The set-covering core shared by LSCP and the p-center radius search: which allowed
/// facilities cover each point within a radius, a greedy cover, and the covering MIP.
struct CoveringCore {
    let problem: LocationProblem
    let allowed: [Int]
    let required: [Int]

    init(problem: LocationProblem) {
        self.problem = problem
        allowed = problem.allowedFacilities
        required = problem.requiredFacilities
    }

    /// The facilities a covering solve opened, after taking its termination into `solution`;
    /// `nil` (with the reason noted when no solution was found) when there is no solution.
    func openFacilities(after result: SolveResult, y: [Variable?], into solution: inout LocationSolution) -> [Int]? {
        solution.adoptTermination(of: result)
        guard let values = result.values else {
            if solution.status == .noSolution { solution.explanation.append(LocationText.stoppedWithoutSolution) }
            return nil
        }
        return allowed.opened(by: y, in: values)
    }

    /// Allowed facilities within `radius` of each point.
    ///
    /// - Complexity: O(n·m).
    func coverSets(radius: Double) -> [[Int]] {
        (0..<problem.pointCount).map { i in allowed.filter { problem.cost(i, $0) <= radius } }
    }

    /// Chvátal's greedy cover: the required facilities, then repeatedly the facility covering
    /// the most uncovered points; `nil` when some point cannot be covered or more than `limit` are needed.
    ///
    /// - Complexity: O(|cover|·n·m).
    func greedyCover(_ sets: [[Int]], limit: Int = .max) -> [Int]? {
        let n = problem.pointCount
        var covered = [Bool](repeating: false, count: n)
        var open = required
        var isOpen = [Bool](repeating: false, count: problem.facilityCount)
        for j in required { isOpen[j] = true }
        var coveredBy = [[Int]](repeating: [], count: problem.facilityCount)
        for i in 0..<n {
            for j in sets[i] {
                coveredBy[j].append(i)
                if isOpen[j] { covered[i] = true }
            }
        }
        var left = covered.filter { !$0 }.count
        while left > 0 {
            if open.count >= limit { return nil }
            var best = -1, bestCount = 0
            for j in allowed where !isOpen[j] {
                var count = 0
                for i in coveredBy[j] where !covered[i] { count += 1 }
                if count > bestCount { bestCount = count; best = j }
            }
            guard best >= 0 else { return nil }
            isOpen[best] = true
            open.append(best)
            for i in coveredBy[best] where !covered[i] { covered[i] = true; left -= 1 }
        }
        // Drop facilities made redundant by later ones (reverse order), keeping required ones.
        var count = [Int](repeating: 0, count: n)
        for j in open { for i in coveredBy[j] { count[i] += 1 } }
        for j in open.reversed() where problem.facilities[j].status != .required {
            if coveredBy[j].allSatisfy({ count[$0] > 1 }) {
                for i in coveredBy[j] { count[i] -= 1 }
                open.removeAll { $0 == j }
            }
        }
        return open.count <= limit ? open.sorted() : nil
    }

    /// The covering MIP: minimise the number of open facilities with every point covered,
    /// and, when `limit` is given, at most `limit` open.
    func coveringModel(_ sets: [[Int]], limit: Int? = nil) -> (Model, [Variable?]) {
        var model = Model(name: "set_covering")
        var y = [Variable?](repeating: nil, count: problem.facilityCount)
        var count = LinearExpression()
        for j in allowed {
            let v = model.addBinary("y_\(j)")
            if problem.facilities[j].status == .required { model.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            count.add(1, v)
        }
        // Rows with the same cover set are one row; a point already covered by a required facility needs none.
        var seen = Set<[Int]>()
        let requiredSet = Set(required)
        for set in sets where !set.contains(where: requiredSet.contains) && seen.insert(set).inserted {
            var row = LinearExpression()
            for j in set { row.add(1, y[j]!) }
            model.addConstraint(row >= 1)
        }
        if let limit { model.addConstraint(count <= Double(limit), name: "p") }
        model.minimize(count)
        return (model, y)
    }
}

/// Location set covering (Toregas et al. 1971): the fewest open facilities such that every
/// point has one within the radius.
struct SetCoveringSolver {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock

    func solve() throws -> LocationSolution {
        let core = CoveringCore(problem: problem)
        let sets = core.coverSets(radius: problem.radius ?? 0)
        var solution = LocationSolution(model: .lscp, status: .noSolution)
        let greedy = core.greedyCover(sets)
        let (model, y) = core.coveringModel(sets)
        var glpk = clock.solveOptions(gap: options.relativeGap)
        if let greedy {
            var start = [Double](repeating: 0, count: model.variables.count)
            for j in greedy { start[y[j]!.index] = 1 }
            glpk.initialSolution = start
        }
        let result = try model.solve(options: glpk)
        guard let open = core.openFacilities(after: result, y: y, into: &solution) else { return solution }
        problem.assignNearest(open, into: &solution)
        solution.objective = Double(open.count)
        // Counts are whole: a bound of 3.2 proves 4.
        solution.bound = result.bestBound.map { ($0 - 1e-6).rounded(.up) }
        if solution.status == .feasible, solution.bound == solution.objective { solution.status = .optimal }
        if solution.status == .feasible { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }
}
