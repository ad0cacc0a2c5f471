import YubeiCore
import YubeiOptimization

/// Maximal covering location (Church & ReVelle 1974): exactly p open facilities covering the
/// most demand within the radius. z_i ≤ Σ_{j covers i} y_j with z_i ∈ [0, 1] continuous (it is
/// integral once y is); points no facility can cover are left out of the model.
struct MaximalCoveringSolver {
    let problem: LocationProblem
    let options: LocationOptions
    let clock: SolveClock

    func solve() throws -> LocationSolution {
        let n = problem.pointCount
        let p = problem.p ?? 1
        let core = CoveringCore(problem: problem)
        let sets = core.coverSets(radius: problem.radius ?? 0)
        var solution = LocationSolution(model: .mclp, status: .noSolution)

        var model = Model(name: "mclp")
        var y = [Variable?](repeating: nil, count: problem.facilityCount)
        var count = LinearExpression()
        for j in core.allowed {
            let v = model.addBinary("y_\(j)")
            if problem.facilities[j].status == .required { model.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
            count.add(1, v)
        }
        model.addConstraint(count == Double(p), name: "p")
        var objective = LinearExpression()
        var z = [Variable?](repeating: nil, count: n)
        for i in 0..<n where !sets[i].isEmpty && problem.demand[i] > 0 {
            let v = model.addVariable("z_\(i)", lowerBound: 0, upperBound: 1)
            z[i] = v
            objective.add(problem.demand[i], v)
            var row = LinearExpression()
            row.add(1, v)
            for j in sets[i] { row.add(-1, y[j]!) }
            model.addConstraint(row <= 0)
        }
        model.maximize(objective)

        // Greedy incumbent: required facilities, then the one adding the most uncovered demand.
        var open = core.required
        var covered = [Bool](repeating: false, count: n)
        for i in 0..<n where sets[i].contains(where: open.contains) { covered[i] = true }
        while open.count < p {
            var best = -1, bestGain = -1.0
            for j in core.allowed where !open.contains(j) {
                var gain = 0.0
                for i in 0..<n where !covered[i] && problem.covers(j, i) { gain += problem.demand[i] }
                if gain > bestGain { bestGain = gain; best = j }
            }
            guard best >= 0 else { break }
            open.append(best)
            for i in 0..<n where problem.covers(best, i) { covered[i] = true }
        }
        var glpk = clock.solveOptions(gap: options.relativeGap)
        if open.count == p {
            var start = [Double](repeating: 0, count: model.variables.count)
            for j in open { start[y[j]!.index] = 1 }
            for i in 0..<n where covered[i] { if let v = z[i] { start[v.index] = 1 } }
            glpk.initialSolution = start
        }
        let result = try model.solve(options: glpk)
        guard let chosen = core.openFacilities(after: result, y: y, into: &solution) else { return solution }
        problem.assignNearest(chosen, into: &solution)
        solution.objective = problem.nearestObjective(chosen)
        solution.bound = result.bestBound.map { max($0, solution.objective ?? $0) }
        if solution.status == .feasible { solution.explanation.append(LocationText.stoppedAtLimit(gap: solution.gap)) }
        return solution
    }
}
