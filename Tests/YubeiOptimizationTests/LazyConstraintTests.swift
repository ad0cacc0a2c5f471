import Testing
@testable import YubeiOptimization

@Suite("Lazy constraints: rows generated during branch-and-bound")
struct LazyConstraintTests {
    /// Whole numbers from a range, drawn by a 64-bit linear congruential generator from `seed`
    /// (the instances of these tests, so the same seed gives the same instance).
    static func draws(seed: Int) -> (ClosedRange<Int>) -> Double {
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        return { range in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(range.lowerBound + Int((state >> 33) % UInt64(range.count)))
        }
    }

    /// A 0–1 knapsack whose capacity row and conflict pairs are never in the model: the
    /// separator returns them only when the node's solution breaks them. The optimum must
    /// equal the best of all 2^10 subsets that meet every implicit row.
    @Test("a knapsack with implicit rows matches enumeration", arguments: [1, 2, 3, 4])
    func knapsackAgainstEnumeration(seed: Int) throws {
        let next = Self.draws(seed: seed)
        let count = 10
        let values = (0..<count).map { _ in next(3...30) }
        let weights = (0..<count).map { _ in next(2...12) }
        let capacity = 25.0
        let conflicts = [(0, 1), (2, 3), (4, 5), (1, 7)]

        var m = Model()
        let x = (0..<count).map { m.addBinary("x\($0)") }
        var objective = LinearExpression()
        for k in 0..<count { objective.add(values[k], x[k]) }
        m.maximize(objective)
        var sawIntegral = false
        let result = try m.solve { request in
            sawIntegral = sawIntegral || request.isIntegral
            var rows: [LinearConstraint] = []
            let load = (0..<count).reduce(0.0) { $0 + weights[$1] * request.values[x[$1].index] }
            if load > capacity + 1e-7 {
                var row = LinearExpression()
                for k in 0..<count { row.add(weights[k], x[k]) }
                rows.append(row <= capacity)
            }
            for (a, b) in conflicts where request.values[x[a].index] + request.values[x[b].index] > 1 + 1e-7 {
                rows.append(x[a] + x[b] <= 1)
            }
            return rows
        }

        var best = -Double.infinity
        for mask in 0..<(1 << count) {
            let chosen = (0..<count).filter { mask & (1 << $0) != 0 }
            guard chosen.reduce(0.0, { $0 + weights[$1] }) <= capacity else { continue }
            guard conflicts.allSatisfy({ mask & (1 << $0.0) == 0 || mask & (1 << $0.1) == 0 }) else { continue }
            best = max(best, chosen.reduce(0.0) { $0 + values[$1] })
        }
        #expect(result.isOptimal)
        #expect(approximatelyEqual(result.objectiveValue, best))
        #expect(result.lazyRowsAdded > 0)
        #expect(sawIntegral)
        let solution = x.map { result.value(of: $0)! }
        #expect((0..<count).reduce(0.0) { $0 + weights[$1] * solution[$1] } <= capacity + 1e-6)
        for (a, b) in conflicts { #expect(solution[a] + solution[b] <= 1 + 1e-6) }
        // The explicit model has no rows, so none of the generated ones may show in the duals.
        #expect((result.rowDuals ?? []).isEmpty)
    }

    /// An LP whose two rows come only from the separator: min x + y with x + 2y ≥ 4 and
    /// 3x + y ≥ 6 has its optimum 2.8 at (1.6, 1.2), worked out by hand from the three vertices.
    @Test("an LP's implicit rows are added in a warm-started loop")
    func linearProgram() throws {
        var m = Model()
        let x = m.addVariable("x", lowerBound: 0), y = m.addVariable("y", lowerBound: 0)
        m.minimize(x + y)
        let result = try m.solve { request in
            let (px, py) = (request.values[x.index], request.values[y.index])
            var rows: [LinearConstraint] = []
            if px + 2 * py < 4 - 1e-9 { rows.append(x + 2 * y >= 4) }
            if 3 * px + py < 6 - 1e-9 { rows.append(3 * x + y >= 6) }
            return rows
        }
        #expect(result.isOptimal)
        #expect(approximatelyEqual(result.objectiveValue, 2.8))
        #expect(approximatelyEqual(result.value(of: x), 1.6))
        #expect(approximatelyEqual(result.value(of: y), 1.2))
        #expect(result.lazyRowsAdded == 2)
    }

    /// The node heuristic hook: a solution it offers becomes the incumbent only when it meets
    /// every explicit row (an infeasible one of better value is ignored), and the search still
    /// ends at the true optimum (enumeration of the 2^10 subsets).
    @Test("node heuristic: feasible offers kept, infeasible ones ignored", arguments: [false, true])
    func nodeHeuristic(offerInfeasible: Bool) throws {
        let values: [Double] = [12, 7, 19, 4, 15, 9, 11, 3, 17, 8]
        let weights: [Double] = [5, 3, 8, 2, 7, 4, 6, 1, 9, 4]
        let capacity = 20.0
        var m = Model()
        let x = (0..<10).map { m.addBinary("x\($0)") }
        var objective = LinearExpression()
        var load = LinearExpression()
        for k in 0..<10 { objective.add(values[k], x[k]); load.add(weights[k], x[k]) }
        m.addConstraint(load <= capacity)
        m.maximize(objective)
        var best = 0.0
        for mask in 0..<(1 << 10) {
            let chosen = (0..<10).filter { mask & (1 << $0) != 0 }
            if chosen.reduce(0.0, { $0 + weights[$1] }) <= capacity { best = max(best, chosen.reduce(0.0) { $0 + values[$1] }) }
        }
        var calls = 0
        var options = SolveOptions()
        options.separatorReturnsOnlyCuts = true
        let result = try m.solve(options: options, lazyConstraints: { _ in [] }, heuristic: { request in
            calls += 1
            // Either everything (far over capacity, worth more than the optimum) or the items
            // the LP takes fully (always within capacity).
            if offerInfeasible { return [Double](repeating: 1, count: 10) }
            return request.values.map { $0 > 1 - 1e-9 ? 1 : 0 }
        })
        #expect(calls > 0)
        #expect(result.isOptimal)
        #expect(approximatelyEqual(result.objectiveValue, best))
        let solution = x.map { result.value(of: $0)! }
        #expect((0..<10).reduce(0.0) { $0 + weights[$1] * solution[$1] } <= capacity + 1e-9)
    }

    /// The separator sees each node's column bounds and parent, and ``SolveOptions/branchFirst``
    /// makes the first branching fix the preferred variable where GLPK's rule would pick
    /// another; the optimum is unchanged.
    // Seeds 6 and 7 give a root LP with two fractional variables (the others check the bounds only).
    @Test("node bounds and parent reach the separator; preferred variables are branched on first", arguments: [5, 6, 7, 8])
    func nodeBoundsAndBranchFirst(seed: Int) throws {
        let next = Self.draws(seed: seed)
        // Two knapsack rows: the root LP has two fractional variables as a rule.
        let count = 12
        let values = (0..<count).map { _ in next(3...40) }
        let weights = (0..<2).map { _ in (0..<count).map { _ in next(3...17) } }
        let capacity = 41.0
        var m = Model()
        let x = (0..<count).map { m.addBinary("x\($0)") }
        var objective = LinearExpression()
        for k in 0..<count { objective.add(values[k], x[k]) }
        for w in weights {
            var load = LinearExpression()
            for k in 0..<count { load.add(w[k], x[k]) }
            m.addConstraint(load <= capacity)
        }
        m.maximize(objective)
        func run(_ preferred: [Int]) throws -> (result: SolveResult, root: Set<Int>, depthOne: [Set<Int>], inconsistent: Int) {
            var options = SolveOptions()
            options.branchFirst = preferred.map { x[$0].index }
            options.branching = .firstFractional
            options.separatorReturnsOnlyCuts = true
            options.separatorSeesBounds = true
            options.cuts = false
            var root = Set<Int>(), depthOne: [Set<Int>] = [], inconsistent = 0
            let result = try m.solve(options: options, lazyConstraints: { request in
                for k in 0..<count {
                    let v = request.values[x[k].index]
                    if v < request.lowerBounds[x[k].index] - 1e-7 || v > request.upperBounds[x[k].index] + 1e-7 { inconsistent += 1 }
                }
                if request.depth == 0 {
                    #expect(request.parentNode == 0)
                    root = Set((0..<count).filter { abs(request.values[x[$0].index] - request.values[x[$0].index].rounded()) > 1e-6 })
                } else {
                    #expect(request.parentNode != 0 && request.parentNode != request.node)
                    if request.depth == 1 {
                        depthOne.append(Set((0..<count).filter { request.lowerBounds[x[$0].index] == request.upperBounds[x[$0].index] }))
                    }
                }
                return []
            })
            return (result, root, depthOne, inconsistent)
        }
        var best = -Double.infinity
        for mask in 0..<(1 << count) {
            let chosen = (0..<count).filter { mask & (1 << $0) != 0 }
            guard weights.allSatisfy({ w in chosen.reduce(0.0, { $0 + w[$1] }) <= capacity }) else { continue }
            best = max(best, chosen.reduce(0.0) { $0 + values[$1] })
        }
        let plain = try run([])
        #expect(plain.result.isOptimal)
        #expect(approximatelyEqual(plain.result.objectiveValue, best))
        #expect(plain.inconsistent == 0)
        // GLPK's rule branches on the first fractional variable; prefer the last one instead.
        guard plain.root.count >= 2, let first = plain.root.min(), let last = plain.root.max() else { return }
        #expect(plain.depthOne.allSatisfy { $0.contains(first) })
        let preferred = try run([last])
        #expect(preferred.result.isOptimal)
        #expect(approximatelyEqual(preferred.result.objectiveValue, best))
        #expect(preferred.inconsistent == 0)
        #expect(!preferred.depthOne.isEmpty)
        #expect(preferred.depthOne.allSatisfy { $0.contains(last) && !$0.contains(first) }, "\(preferred.depthOne)")
    }
}
