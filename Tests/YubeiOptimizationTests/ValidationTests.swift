import Testing
import Foundation
@testable import YubeiOptimization
import YubeiTestSupport

/// A model that GLPK must never see, and the kind of error it must give instead.
struct InvalidCase: CustomTestStringConvertible, Sendable {
    var label: String
    var kind: ModelError.Kind
    var build: @Sendable () -> Model
    var testDescription: String { label }
}

/// x, y ≥ 0 with x + y ≤ 4, max x + y: valid until a case spoils it.
func validModel(_ spoil: (inout Model, Variable, Variable) -> Void) -> Model {
    var m = Model()
    let x = m.addVariable("x"), y = m.addVariable("y")
    m.addConstraint(x + y <= 4, name: "cap")
    m.maximize(x + y)
    spoil(&m, x, y)
    return m
}

let invalidCases: [InvalidCase] = [
    InvalidCase(label: "empty model", kind: .emptyModel) { Model() },
    InvalidCase(label: "NaN objective coefficient", kind: .nonFiniteCoefficient) {
        validModel { m, x, y in m.maximize(Double.nan * x + y) }
    },
    InvalidCase(label: "infinite objective coefficient", kind: .nonFiniteCoefficient) {
        validModel { m, x, y in m.maximize(Double.infinity * x + y) }
    },
    InvalidCase(label: "NaN objective constant", kind: .nonFiniteCoefficient) {
        validModel { m, x, y in m.maximize(x + y + Double.nan) }
    },
    InvalidCase(label: "NaN row coefficient", kind: .nonFiniteCoefficient) {
        validModel { m, x, y in m.addConstraint(Double.nan * x + y <= 3) }
    },
    InvalidCase(label: "−∞ row coefficient", kind: .nonFiniteCoefficient) {
        validModel { m, x, y in m.addConstraint(-Double.infinity * x + y <= 3) }
    },
    InvalidCase(label: "NaN right-hand side", kind: .nonFiniteBound) {
        validModel { m, x, y in m.addConstraint(x + y <= Double.nan) }
    },
    InvalidCase(label: "infinite constant inside a row (would silently drop the row)", kind: .nonFiniteBound) {
        validModel { m, x, y in m.addConstraint(x + y + Double.infinity >= 3) }
    },
    InvalidCase(label: "row ≤ −∞", kind: .nonFiniteBound) {
        validModel { m, x, y in m.addConstraint(x + y <= -Double.infinity) }
    },
    InvalidCase(label: "NaN variable bound", kind: .nonFiniteBound) {
        validModel { m, x, _ in m.setBounds(of: x, lower: .nan, upper: 3) }
    },
    InvalidCase(label: "variable lower bound +∞", kind: .nonFiniteBound) {
        validModel { m, _, _ in m.addVariable("z", lowerBound: .infinity) }
    },
    InvalidCase(label: "variable lower > upper", kind: .invertedBounds) {
        validModel { m, x, _ in m.setBounds(of: x, lower: 3, upper: 2) }
    },
    InvalidCase(label: "row lower > upper", kind: .invertedBounds) {
        validModel { m, x, y in m.addConstraint(LinearConstraint(x + y, lowerBound: 5, upperBound: 1)) }
    },
    InvalidCase(label: "variable name of 256 ASCII bytes", kind: .invalidName) {
        validModel { m, _, _ in m.addVariable(String(repeating: "a", count: 256)) }
    },
    InvalidCase(label: "row name of 86 Chinese characters (258 bytes)", kind: .invalidName) {
        validModel { m, x, _ in m.addConstraint(x <= 1, name: String(repeating: "仓", count: 86)) }
    },
    InvalidCase(label: "control character in a variable name", kind: .invalidName) {
        validModel { m, _, _ in m.addVariable("a\nb") }
    },
    InvalidCase(label: "control character in a row name", kind: .invalidName) {
        validModel { m, x, _ in m.addConstraint(x <= 1, name: "tab\there") }
    },
    InvalidCase(label: "control character in the model name", kind: .invalidName) {
        validModel { m, _, _ in m.name = "bell\u{7}" }
    },
    InvalidCase(label: "a variable of another, larger model", kind: .unknownVariable) {
        var other = Model()
        for k in 0..<5 { other.addVariable("v\(k)") }
        let foreign = other.addVariable("foreign")
        return validModel { m, x, _ in m.addConstraint(x + foreign <= 1) }
    },
]

@Suite("Invalid input is a thrown ModelError, never a crash")
struct ValidationTests {
    @Test("validate, solve and write all throw the same ModelError", arguments: invalidCases)
    func invalid(_ c: InvalidCase) throws {
        let m = c.build()
        #expect(throws: ModelError.self) { try m.validate() }
        do {
            _ = try m.solve()
            Issue.record("solve accepted an invalid model")
        } catch {
            #expect(error.kind == c.kind, "\(error.message)")
            #expect(!error.message.isEmpty)
        }
        let path = try scratchPath("invalid.lp").path
        #expect(throws: ModelError.self) { try m.write(to: path, format: .cplexLP) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("names of exactly 255 bytes, spaces and Chinese characters are accepted")
    func longestValidName() throws {
        let m = validModel { m, x, _ in
            m.addVariable(String(repeating: "b", count: 255))
            m.addConstraint(x <= 3, name: "应急 物资 " + String(repeating: "x", count: 241))
        }
        #expect(m.constraints.last!.name.utf8.count == 255)
        #expect(approximatelyEqual(try m.solve().requireOptimal().objectiveValue, 4))
    }

    @Test("initial solution of the wrong length or with NaN, and a bad relative gap, are option errors",
          arguments: [[1.0], [1, 2, 3], [Double.nan, 0]])
    func badInitialSolution(values: [Double]) throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 3), y = m.addBinary("y")
        m.addConstraint(x + y <= 3)
        m.maximize(x + y)
        var options = SolveOptions()
        options.initialSolution = values
        #expect { try m.solve(options: options) } throws: { ($0 as? ModelError)?.kind == .invalidOption }
        options.initialSolution = nil
        options.relativeGap = -1
        #expect { try m.solve(options: options) } throws: { ($0 as? ModelError)?.kind == .invalidOption }
    }

    @Test("an integer variable with no integer in its bounds is an infeasible result, not GLPK's EBOUND",
          arguments: [(0.2, 0.8), (-0.5, -0.1), (2.5, 2.9)])
    func emptyIntegerDomain(bounds: (Double, Double)) throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, lowerBound: bounds.0, upperBound: bounds.1)
        let y = m.addVariable("y")
        m.addConstraint(x + y <= 10)
        m.maximize(x + y)
        let r = try m.solve()
        #expect(r.termination == .infeasible)
        #expect(r.status == .infeasible)
        #expect(r.detail.contains("'x'"))
        #expect(!r.detail.contains("EBOUND"))
    }

    @Test("fractional integer bounds are rounded inwards: integer x in [0.5, 3.7] maximises to 3, minimises to 1")
    func roundedIntegerBounds() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, lowerBound: 0.5, upperBound: 3.7)
        m.maximize(LinearExpression(x))
        #expect(try m.solve().requireOptimal().value(of: x) == 3)
        m.minimize(LinearExpression(x))
        #expect(try m.solve().requireOptimal().value(of: x) == 1)
        // The model itself keeps the bounds as given.
        #expect(m[x].lowerBound == 0.5 && m[x].upperBound == 3.7)
    }
}
