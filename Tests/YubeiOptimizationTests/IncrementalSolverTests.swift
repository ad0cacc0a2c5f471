import Testing
@testable import YubeiOptimization
import YubeiTestSupport

@Suite("Incremental solving: one GLPK problem across re-solves")
struct IncrementalSolverTests {
    /// A cutting-plane loop on max x + y over 0 ≤ x, y ≤ 10, cutting with x·cos θ + y·sin θ ≤ 5
    /// (tangents of the circle of radius 5): every re-solve must equal a fresh solve of the
    /// model as it stands, and the optimum tends to 5√2.
    @Test("a tangent-cut loop gives the same optimum as fresh solves at every step", arguments: [true, false])
    func tangentCuts(presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable("x", upperBound: 10), y = m.addVariable("y", upperBound: 10)
        m.maximize(x + y)
        var options = SolveOptions()
        options.presolve = presolve
        let objectives = try m.withIncrementalSolver(options: options) { session -> [Double] in
            var objectives: [Double] = []
            var r = session.solve()
            for _ in 0..<12 {
                let (px, py) = (r.value(of: x)!, r.value(of: y)!)
                let norm = (px * px + py * py).squareRoot()
                guard norm > 5 + 1e-7 else { break }
                try session.addConstraint((px / norm) * x + (py / norm) * y <= 5.0, name: "tangent \(objectives.count)")
                r = session.solve()
                let fresh = try session.model.solve(options: options)
                #expect(r.isOptimal && fresh.isOptimal)
                #expect(approximatelyEqual(r.objectiveValue, fresh.objectiveValue!))
                objectives.append(r.objectiveValue!)
            }
            return objectives
        }
        #expect(objectives.count >= 3)
        #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 })  // cuts only tighten
        #expect(objectives.last! >= 5 * 2.0.squareRoot() - 1e-9)                       // never below the true optimum
    }

    @Test("adding a row that does not bind keeps the basis: the re-solve takes no simplex iteration")
    func warmStart() throws {
        let p = LinearProgramTests.Production()
        try p.model.withIncrementalSolver { session in
            let first = session.solve()
            #expect(approximatelyEqual(first.objectiveValue, 36))
            #expect(first.iterations > 0)
            try session.addConstraint(p.x + p.y <= 100.0, name: "loose")
            let second = session.solve()
            #expect(approximatelyEqual(second.objectiveValue, 36))
            #expect(second.iterations == 0)
            // A binding row: 3x + 5y ≤ 30 moves the optimum. By hand: w = (18 − 3x − 2y)/2 at
            // best, so z = 1.5x + 4y + 9 over 3x + 5y ≤ 30, y ≤ 6: y = 6, x = 0, w = 3, z = 33.
            let row = try session.addConstraint(3 * p.x + 5 * p.y <= 30.0, name: "budget")
            let third = session.solve()
            let fresh = try session.model.solve()
            #expect(approximatelyEqual(third.objectiveValue, fresh.objectiveValue!))
            #expect(approximatelyEqual(third.dual(of: row), fresh.dual(of: row)!))
            #expect(approximatelyEqual(third.objectiveValue, 33))
            #expect(approximatelyEqual(third.value(of: p.w), 3))
        }
    }

    @Test("a MIP re-solved after rows and bound changes matches enumeration each time", arguments: [3, 4] as [UInt64])
    func knapsackSession(seed: UInt64) throws {
        var k = Knapsack(seed: seed)
        let (m, take) = k.model()
        try m.withIncrementalSolver { session in
            #expect(approximatelyEqual(session.solve().objectiveValue, Double(k.bestByEnumeration())))
            // Forbid item 0 by its bound, then lower the capacity by a second row.
            try session.setBounds(of: take[0], lower: 0, upper: 0)
            k.values[0] = 0
            #expect(approximatelyEqual(session.solve().objectiveValue, Double(k.bestByEnumeration())))
            let smaller = k.capacity - 10
            try session.addConstraint(LinearExpression(terms: zip(take, k.weights.map(Double.init))) <= Double(smaller))
            k.capacity = smaller
            let r = session.solve()
            #expect(r.isOptimal)
            #expect(approximatelyEqual(r.objectiveValue, Double(k.bestByEnumeration())))
        }
    }

    @Test("invalid changes throw and leave the session usable; an empty integer domain is infeasible")
    func invalidChanges() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 5)
        m.maximize(LinearExpression(x))
        try m.withIncrementalSolver { session in
            #expect(throws: ModelError.self) { try session.addConstraint(Double.nan * x <= 1.0) }
            #expect(throws: ModelError.self) { try session.setBounds(of: x, lower: 3, upper: 1) }
            #expect(session.model.constraints.isEmpty)
            #expect(session.solve().value(of: x) == 5)
            try session.setBounds(of: x, lower: 0.2, upper: 0.8)
            #expect(session.solve().termination == .infeasible)
            try session.setBounds(of: x, lower: 0.5, upper: 3.5)
            #expect(session.solve().value(of: x) == 3)
        }
        #expect(throws: ModelError.self) { try Model().withIncrementalSolver { _ in } }
    }

    @Test("sessions on many tasks at once")
    func concurrentSessions() async {
        let ok = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let p = LinearProgramTests.Production()
                    return (try? p.model.withIncrementalSolver { session -> Bool in
                        let a = session.solve().objectiveValue
                        _ = try session.addConstraint(3 * p.x + 5 * p.y <= 30.0)
                        return approximatelyEqual(a, 36) && approximatelyEqual(session.solve().objectiveValue, 33)
                    }) ?? false
                }
            }
            var all = true
            for await r in group { all = all && r }
            return all
        }
        #expect(ok)
    }
}

/// ``SolveOptions/startingBasis``: a MIP's root LP from a basis read off an ``IncrementalSolver``.
@Suite("MIP root LP from a starting basis")
struct StartingBasisTests {
    @Test("the optimal basis of the same model makes the root LP take no simplex iteration")
    func optimalBasisSkipsTheRootLP() throws {
        // max x + y, x ≤ 3, y ≤ 4 (rows), x, y integer ≥ 0: the LP optimum (3, 4) is integral.
        var m = Model(name: "start")
        let x = m.addVariable("x", kind: .integer, lowerBound: 0)
        let y = m.addVariable("y", kind: .integer, lowerBound: 0)
        m.addConstraint(1 * x <= 3.0)
        m.addConstraint(1 * y <= 4.0)
        m.maximize(x + y)
        var options = SolveOptions()
        options.presolve = false
        let cold = try m.solve(options: options)
        #expect(cold.isOptimal && approximatelyEqual(cold.objectiveValue, 7))
        #expect(cold.iterations > 0)
        let basis = try m.withIncrementalSolver(options: options) { session in
            _ = session.solve()
            return session.basis
        }
        #expect(basis.rows == [.atUpper, .atUpper])
        options.startingBasis = basis
        let warm = try m.solve(options: options, lazyConstraints: { _ in [] })
        #expect(warm.isOptimal && approximatelyEqual(warm.objectiveValue, 7))
        #expect(warm.iterations == 0)
    }

    @Test("a basis of the wrong size or with the wrong number of basic variables changes no answer", arguments: [3, 4, 5] as [UInt64])
    func unusableBasis(seed: UInt64) throws {
        let k = Knapsack(seed: seed)
        let (m, _) = k.model()
        let best = Double(k.bestByEnumeration())
        let sizes = (rows: m.constraints.count, columns: m.variables.count)
        let bases = [
            LPBasis(rows: [.basic], columns: []),
            LPBasis(rows: Array(repeating: .atLower, count: sizes.rows), columns: Array(repeating: .basic, count: sizes.columns)),
            LPBasis(rows: Array(repeating: .basic, count: sizes.rows), columns: Array(repeating: .atUpper, count: sizes.columns)),
        ]
        for basis in bases {
            var options = SolveOptions()
            options.startingBasis = basis
            let r = try m.solve(options: options, lazyConstraints: { _ in [] })
            #expect(r.isOptimal && approximatelyEqual(r.objectiveValue, best), "\(basis)")
        }
    }
}
