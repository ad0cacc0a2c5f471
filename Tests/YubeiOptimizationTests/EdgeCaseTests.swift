import Testing
@testable import YubeiOptimization
import YubeiTestSupport

@Suite("Edge cases of model shape")
struct EdgeCaseTests {
    @Test("no rows at all: bounds alone decide, for an LP and a MIP", arguments: [true, false])
    func noRows(presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        var m = Model()
        let x = m.addVariable("x", lowerBound: -2, upperBound: 5)
        m.maximize(3 * x)
        #expect(approximatelyEqual(try m.solve(options: options).requireOptimal().objectiveValue, 15))
        let n = m.addVariable("n", kind: .integer, lowerBound: -3.5, upperBound: 4.5)
        m.minimize(x + n)
        let r = try m.solve(options: options).requireOptimal()
        #expect(approximatelyEqual(r.objectiveValue, -5))
        #expect(r.value(of: n) == -3)
    }

    @Test("every variable fixed, and a row with no terms", arguments: [true, false])
    func fixedEverything(presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        var m = Model()
        let x = m.addVariable("x", lowerBound: 2, upperBound: 2)
        let y = m.addVariable("y", kind: .integer, lowerBound: 3, upperBound: 3)
        m.addConstraint(LinearExpression(0) <= 1, name: "empty")
        m.addConstraint(x + y <= 5)
        m.minimize(x + 2 * y)
        #expect(approximatelyEqual(try m.solve(options: options).requireOptimal().objectiveValue, 8))
        m.addConstraint(LinearExpression(0) >= 1, name: "impossible empty row")
        #expect(try m.solve(options: options).termination == .infeasible)
    }

    @Test("a MIP whose LP relaxation is already integral is solved at the root")
    func integralRoot() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 4)
        let y = m.addVariable("y", kind: .integer, upperBound: 4)
        m.addConstraint(x + y <= 6)
        m.maximize(x + 2 * y)
        let r = try m.solve().requireOptimal()
        #expect(approximatelyEqual(r.objectiveValue, 10))
        #expect(approximatelyEqual(r.rootBound, 10))
    }

    @Test("the model value is unchanged by solving, and can grow between solves")
    func growBetweenSolves() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 10)
        m.maximize(LinearExpression(x))
        #expect(try m.solve().value(of: x) == 10)
        m.addConstraint(3 * x <= 20)
        #expect(try m.solve().value(of: x) == 6)
        m.setBounds(of: x, lower: 0, upper: 5)
        #expect(try m.solve().value(of: x) == 5)
    }
}
