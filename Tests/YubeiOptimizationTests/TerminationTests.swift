import Testing
@testable import YubeiOptimization
import YubeiTestSupport

/// Jeroslow's problem: 2·Σxᵢ + y = n with n odd and binary x, y. The LP relaxation is feasible
/// (y = 0, Σx = n/2), so every node short of depth n/2 is too: branch-and-bound needs about
/// 2^(n/2) nodes to prove that y = 1 is optimal when minimising y (or that the model is
/// infeasible when y is fixed at 0). For n = 41 that is far beyond any test's time limit,
/// which makes time-limit outcomes deterministic.
func jeroslow(n: Int = 41, allowSlack: Bool, sense: ObjectiveSense = .minimize) -> (Model, x: [Variable], y: Variable) {
    var m = Model(name: "jeroslow")
    let x = (0..<n).map { m.addBinary("x\($0)") }
    let y = m.addVariable("y", kind: .integer, lowerBound: 0, upperBound: allowSlack ? 1 : 0)
    var row = LinearExpression()
    for v in x { row.add(2, v) }
    row.add(1, y)
    m.addConstraint(row == n, name: "parity")
    if sense == .minimize { m.minimize(LinearExpression(y)) } else { m.maximize(-y) }
    return (m, x, y)
}

@Suite("Each stopping reason, reproduced")
struct TerminationTests {
    @Test("infeasible LP: x + y ≤ 1 and x + y ≥ 2", arguments: [true, false])
    func infeasibleLP(presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable("x"), y = m.addVariable("y")
        m.addConstraint(x + y <= 1)
        m.addConstraint(x + y >= 2)
        m.minimize(x + y)
        var options = SolveOptions()
        options.presolve = presolve
        let r = try m.solve(options: options)
        #expect(r.termination == .infeasible)
        #expect(r.status == .infeasible)
        #expect(!r.hasSolution && r.objectiveValue == nil && r.dual(of: Constraint(index: 0)) == nil)
        #expect(throws: SolveFailure.self) { try r.requireOptimal() }
    }

    @Test("infeasible MIP whose LP relaxation is feasible: integer x with 2x = 3", arguments: [true, false])
    func infeasibleMIP(presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 10)
        m.addConstraint(2 * x == 3)
        m.minimize(LinearExpression(x))
        var options = SolveOptions()
        options.presolve = presolve
        let r = try m.solve(options: options)
        #expect(r.termination == .infeasible)
        #expect(r.status == .infeasible)
        #expect(approximatelyEqual(r.rootBound, 1.5))
    }

    @Test("infeasible MIP whose LP relaxation is infeasible too", arguments: [true, false])
    func infeasibleMIPRelaxation(presolve: Bool) throws {
        var m = Model()
        let x = m.addBinary("x"), y = m.addBinary("y")
        m.addConstraint(x + y >= 3)
        m.maximize(x + y)
        var options = SolveOptions()
        options.presolve = presolve
        let r = try m.solve(options: options)
        #expect(r.termination == .infeasible)
        #expect(r.status == .infeasible)
    }

    @Test("the parity problem with y fixed at 0 is an infeasible MIP (n = 5, small enough to prove)")
    func smallParity() throws {
        let (m, _, _) = jeroslow(n: 5, allowSlack: false)
        #expect(try m.solve().termination == .infeasible)
        let (m2, _, y) = jeroslow(n: 5, allowSlack: true)
        let r = try m2.solve().requireOptimal()
        #expect(r.value(of: y) == 1)
    }

    @Test("unbounded LP: max x + y with x − y ≤ 1", arguments: [true, false])
    func unboundedLP(presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable("x"), y = m.addVariable("y")
        m.addConstraint(x - y <= 1)
        m.maximize(x + y)
        var options = SolveOptions()
        options.presolve = presolve
        let r = try m.solve(options: options)
        #expect(r.termination == .unbounded)
        #expect(r.status == .unbounded)
        #expect(r.objectiveValue == nil)
    }

    @Test("infeasible or unbounded: a MIP whose LP relaxation is unbounded", arguments: [true, false])
    func infeasibleOrUnbounded(presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer), y = m.addVariable("y", kind: .integer)
        m.addConstraint(x - y <= 1)
        m.maximize(x + y)
        var options = SolveOptions()
        options.presolve = presolve
        let r = try m.solve(options: options)
        #expect(r.termination == .infeasibleOrUnbounded)
        #expect(r.status == .unbounded)
        #expect(!r.hasSolution)
    }

    @Test("time limit without an incumbent: no-solution", arguments: [1, 150])
    func timeLimitWithoutIncumbent(milliseconds: Int) throws {
        // With y fixed at 0 the model has no integer solution at all, so no incumbent can exist.
        let (m, _, _) = jeroslow(allowSlack: false)
        var options = SolveOptions()
        options.timeLimit = .milliseconds(milliseconds)
        let r = try m.solve(options: options)
        #expect(r.termination == .limitReached(.time))
        #expect(r.status == .noSolution)
        #expect(!r.hasSolution)
        #expect(approximatelyEqual(r.bestBound, 0))
    }

    @Test("time limit with an incumbent from the initial solution: feasible, never worse than the start",
          arguments: [1, 100], [ObjectiveSense.minimize, .maximize])
    func timeLimitWithIncumbent(milliseconds: Int, sense: ObjectiveSense) throws {
        let n = 41
        let (m, x, y) = jeroslow(n: n, allowSlack: true, sense: sense)
        var start = [Double](repeating: 0, count: m.variables.count)
        for v in x.prefix(n / 2) { start[v.index] = 1 }
        start[y.index] = 1
        let startObjective = m.objective.evaluated(at: start)  // 1 when minimising y, −1 when maximising −y
        var options = SolveOptions()
        options.timeLimit = .milliseconds(milliseconds)
        options.initialSolution = start
        let r = try m.solve(options: options)
        #expect(r.initialSolutionAccepted == true)
        #expect(r.termination == .limitReached(.time))
        #expect(r.status == .feasible)
        let objective = try #require(r.objectiveValue)
        if sense == .minimize {
            #expect(objective <= startObjective + 1e-9)
            #expect(try #require(r.bestBound) <= objective + 1e-9)
        } else {
            #expect(objective >= startObjective - 1e-9)
            #expect(try #require(r.bestBound) >= objective - 1e-9)
        }
        // 1 is the true optimum of y, so nothing better than the start exists.
        #expect(approximatelyEqual(objective, startObjective))
        let values = try #require(r.values)
        #expect(approximatelyEqual(m.constraints[0].coefficients.indices.reduce(0.0) {
            $0 + m.constraints[0].coefficients[$1] * values[m.constraints[0].indices[$1]]
        }, Double(n)))
        #expect(try #require(r.relativeGap) > 0)
    }

    @Test("a feasible initial solution is accepted, an infeasible or fractional one is not, and the optimum is unchanged",
          arguments: 1...4)
    func initialSolutions(seed: UInt64) throws {
        let k = Knapsack(seed: seed)
        let (m, take) = k.model()
        let best = Double(k.bestByEnumeration())

        // Feasible: the greedy-by-index plan that fits.
        var greedy = [Double](repeating: 0, count: take.count)
        var load = 0
        for i in take.indices where load + k.weights[i] <= k.capacity { greedy[i] = 1; load += k.weights[i] }
        var options = SolveOptions()
        options.initialSolution = greedy
        let good = try m.solve(options: options)
        #expect(good.initialSolutionAccepted == true)
        #expect(good.isOptimal && approximatelyEqual(good.objectiveValue, best))

        // Infeasible: every item. Its value beats the optimum, so GLPK (which does not check
        // rows in glp_ios_heur_sol) would have kept it as an "optimal" incumbent.
        options.initialSolution = [Double](repeating: 1, count: take.count)
        let bad = try m.solve(options: options)
        #expect(bad.initialSolutionAccepted == false)
        #expect(bad.isOptimal && approximatelyEqual(bad.objectiveValue, best))

        // Fractional values of binaries are not a MIP solution.
        options.initialSolution = [Double](repeating: 0.5, count: take.count)
        let fractional = try m.solve(options: options)
        #expect(fractional.initialSolutionAccepted == false)
        #expect(approximatelyEqual(fractional.objectiveValue, best))

        // Without an initial solution the field is absent.
        #expect(try m.solve().initialSolutionAccepted == nil)
    }

    @Test("integer values within 1e-6 of an integer count as integers and are rounded")
    func nearlyIntegralStart() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 5)
        m.addConstraint(2 * x <= 7)
        m.maximize(LinearExpression(x))
        var options = SolveOptions()
        options.initialSolution = [2.0000000001]
        let r = try m.solve(options: options)
        #expect(r.initialSolutionAccepted == true)
        #expect(r.value(of: x) == 3)
    }
}
