import Testing
@testable import YubeiOptimization
import YubeiTestSupport

/// Textbook LPs whose optimum, duals and reduced costs were worked out by hand; each dual is
/// also checked against a finite difference of re-solved models, which pins the sign
/// convention of `dual(of:)`: ∂z*/∂rhs in the objective's own direction.
@Suite("Linear programs: optimum, duals, reduced costs")
struct LinearProgramTests {
    /// max 3x + 5y + w  s.t.  x ≤ 4, 2y ≤ 12, 3x + 2y + 2w ≤ 18, x, y, w ≥ 0.
    /// By hand: x = 2, y = 6, w = 0, z = 36; duals (0, 3/2, 1); reduced cost of w is 1 − 2·1 = −1.
    struct Production {
        var model = Model(name: "production")
        let x: Variable, y: Variable, w: Variable
        let plantA: Constraint, plantB: Constraint, plantC: Constraint

        init(rhs: [Double] = [4, 12, 18], wLowerBound: Double = 0) {
            x = model.addVariable("x")
            y = model.addVariable("y")
            w = model.addVariable("w", lowerBound: wLowerBound)
            plantA = model.addConstraint(x <= rhs[0], name: "plant A")
            plantB = model.addConstraint(2 * y <= rhs[1], name: "plant B")
            plantC = model.addConstraint(3 * x + 2 * y + 2 * w <= rhs[2], name: "plant C")
            model.maximize(3 * x + 5 * y + 1 * w)
        }
    }

    @Test("maximise: 3x + 5y production LP", arguments: [true, false])
    func production(presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        let p = Production()
        let r = try p.model.solve(options: options)
        #expect(r.termination == .optimal)
        #expect(r.status == .optimal)
        #expect(approximatelyEqual(r.objectiveValue, 36))
        #expect(approximatelyEqual(r.bestBound, 36))
        #expect(r.relativeGap == 0)
        #expect(approximatelyEqual(r.value(of: p.x), 2))
        #expect(approximatelyEqual(r.value(of: p.y), 6))
        #expect(approximatelyEqual(r.value(of: p.w), 0))
        #expect(approximatelyEqual(r.dual(of: p.plantA), 0))
        #expect(approximatelyEqual(r.dual(of: p.plantB), 1.5))
        #expect(approximatelyEqual(r.dual(of: p.plantC), 1))
        #expect(approximatelyEqual(r.reducedCost(of: p.x), 0))
        #expect(approximatelyEqual(r.reducedCost(of: p.y), 0))
        #expect(approximatelyEqual(r.reducedCost(of: p.w), -1))
    }

    @Test("maximise: duals and reduced costs equal finite differences of the optimum")
    func productionFiniteDifferences() throws {
        let base = try Production().model.solve().requireOptimal()
        let z = try #require(base.objectiveValue)
        let p = Production()
        for (k, row) in [p.plantA, p.plantB, p.plantC].enumerated() {
            var rhs: [Double] = [4, 12, 18]
            rhs[k] += 0.5
            let moved = try Production(rhs: rhs).model.solve().requireOptimal()
            let slope = (try #require(moved.objectiveValue) - z) / 0.5
            #expect(approximatelyEqual(base.dual(of: row), slope), "row \(k)")
        }
        let forced = try Production(wLowerBound: 0.5).model.solve().requireOptimal()
        #expect(approximatelyEqual(base.reducedCost(of: p.w), (try #require(forced.objectiveValue) - z) / 0.5))
    }

    /// min 2f₁ + 3f₂ + 4f₃ + 5f₄ + 100  s.t.  f₁ + f₂ + f₃ + f₄ = 10 (ration), f₂ ≥ 3 (protein),
    /// f₁ + 3f₃ ≥ 12 (iron), f ≥ 0. By hand: f = (4.5, 3, 2.5, 0), z = 28 + 100 = 128;
    /// duals from c_B = B^T π: π = (1, 2, 1); reduced cost of f₄ = 5 − π₁ = 4.
    struct Diet {
        var model = Model(name: "diet")
        var foods: [Variable] = []
        let ration: Constraint, protein: Constraint, iron: Constraint

        init(rhs: [Double] = [10, 3, 12], f4LowerBound: Double = 0) {
            for k in 1...4 { foods.append(model.addVariable("food \(k)", lowerBound: k == 4 ? f4LowerBound : 0)) }
            let f = foods
            ration = model.addConstraint(f[0] + f[1] + f[2] + f[3] == rhs[0], name: "ration")
            protein = model.addConstraint(LinearExpression(f[1]) >= rhs[1], name: "protein")
            iron = model.addConstraint(f[0] + 3 * f[2] >= rhs[2], name: "iron")
            model.minimize(2 * f[0] + 3 * f[1] + 4 * f[2] + 5 * f[3] + 100)
        }
    }

    @Test("minimise: diet LP with = and ≥ rows and an objective constant", arguments: [true, false])
    func diet(presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        let d = Diet()
        let r = try d.model.solve(options: options)
        #expect(r.isOptimal)
        #expect(approximatelyEqual(r.objectiveValue, 128))
        #expect(approximatelyEqual(r.bestBound, 128))
        for (v, expected) in zip(d.foods, [4.5, 3, 2.5, 0]) {
            #expect(approximatelyEqual(r.value(of: v), expected))
        }
        #expect(approximatelyEqual(r.dual(of: d.ration), 1))
        #expect(approximatelyEqual(r.dual(of: d.protein), 2))
        #expect(approximatelyEqual(r.dual(of: d.iron), 1))
        #expect(approximatelyEqual(r.reducedCost(of: d.foods[3]), 4))
        #expect(approximatelyEqual(r.reducedCost(of: d.foods[0]), 0))
        // The objective of the reported point, with its constant, is the reported objective.
        #expect(approximatelyEqual(r.value(of: d.model.objective), 128))
    }

    @Test("minimise: duals and reduced costs equal finite differences of the optimum")
    func dietFiniteDifferences() throws {
        let base = try Diet().model.solve().requireOptimal()
        let z = try #require(base.objectiveValue)
        let d = Diet()
        for (k, row) in [d.ration, d.protein, d.iron].enumerated() {
            var rhs: [Double] = [10, 3, 12]
            rhs[k] += 0.25
            let moved = try Diet(rhs: rhs).model.solve().requireOptimal()
            #expect(approximatelyEqual(base.dual(of: row), (try #require(moved.objectiveValue) - z) / 0.25), "row \(k)")
        }
        let forced = try Diet(f4LowerBound: 0.25).model.solve().requireOptimal()
        #expect(approximatelyEqual(base.reducedCost(of: d.foods[3]), (try #require(forced.objectiveValue) - z) / 0.25))
    }

    /// Free x, y with y ≤ 4; range row 1 ≤ x + y ≤ 5; x − y ≤ 1.
    /// min −x: x = 3, y = 2, z = −3; upper end of the range binding, dual −1/2; dual of x − y ≤ 1 is −1/2.
    /// min  x: x = −3, y = 4, z = −3; lower end binding, dual +1; reduced cost of y (at its upper bound) −1.
    @Test("range row and free variables, both ends of the range")
    func rangeAndFreeVariables() throws {
        var m = Model()
        let x = m.addVariable("x", lowerBound: nil)
        let y = m.addVariable("y", lowerBound: nil, upperBound: 4)
        let range = m.addConstraint(x + y, in: 1...5, name: "range")
        let spread = m.addConstraint(x - y <= 1, name: "spread")

        m.minimize(-x)
        let top = try m.solve().requireOptimal()
        #expect(approximatelyEqual(top.objectiveValue, -3))
        #expect(approximatelyEqual(top.value(of: x), 3))
        #expect(approximatelyEqual(top.value(of: y), 2))
        #expect(approximatelyEqual(top.dual(of: range), -0.5))
        #expect(approximatelyEqual(top.dual(of: spread), -0.5))

        m.minimize(LinearExpression(x))
        let bottom = try m.solve().requireOptimal()
        #expect(approximatelyEqual(bottom.objectiveValue, -3))
        #expect(approximatelyEqual(bottom.value(of: x), -3))
        #expect(approximatelyEqual(bottom.value(of: y), 4))
        #expect(approximatelyEqual(bottom.dual(of: range), 1))
        #expect(approximatelyEqual(bottom.dual(of: spread), 0))
        #expect(approximatelyEqual(bottom.reducedCost(of: y), -1))
        #expect(m[x].lowerBound == nil && m[y].upperBound == 4)
    }

    @Test("an objective that is only a constant, and constants on both sides of a row")
    func constants() throws {
        var m = Model()
        let x = m.addVariable("x", upperBound: 10)
        // x + 3 ≥ 2x − 4  ⇔  −x + 7 ≥ 0  ⇔  −x ≥ −7
        let row = m.addConstraint(x + 3.0 >= 2 * x - 4.0, name: "moved constants")
        #expect(m[row].coefficients == [-1] && m[row].lowerBound == -7 && m[row].upperBound == nil)
        m.maximize(2 * x - 5.0)
        let r = try m.solve().requireOptimal()
        #expect(approximatelyEqual(r.objectiveValue, 9))
        #expect(approximatelyEqual(r.value(of: x), 7))
        m.minimize(LinearExpression(42))
        #expect(approximatelyEqual(try m.solve().requireOptimal().objectiveValue, 42))
    }

    @Test("repeated terms are merged: x + x + x − x ≤ 4 is 2x ≤ 4")
    func mergedTerms() throws {
        var m = Model()
        let x = m.addVariable("x")
        let row = m.addConstraint(x + x + x - x <= 4)
        #expect(m[row].indices == [x.index] && m[row].coefficients == [2])
        m.maximize(LinearExpression(x))
        #expect(approximatelyEqual(try m.solve().requireOptimal().value(of: x), 2))
    }
}
