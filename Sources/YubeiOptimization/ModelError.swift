/// A model that GLPK must not see: found by ``Model/validate()`` before any GLPK call,
/// because GLPK aborts the process (or silently misbehaves) on such input.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case emptyModel
        case nonFiniteCoefficient
        case nonFiniteBound
        case invertedBounds
        case invalidName
        case unknownVariable
        case invalidOption
        /// A coefficient or bound whose magnitude GLPK's scaling cannot carry (``Model/largestMagnitude``).
        case outOfScale
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

extension Model {
    /// The longest name GLPK accepts, in bytes.
    public static let maximumNameLength = 255

    /// The largest magnitude of a coefficient or finite bound given to GLPK. Beyond it GLPK's
    /// scaling overflows (it aborts with "invalid scale factor" near 1e154) or its tolerances
    /// (1e-7 relative) lose the model's other numbers.
    public static let largestMagnitude = 1e30
    /// The smallest magnitude of a non-zero coefficient (subnormal numbers upset the scaling).
    public static let smallestMagnitude = 1e-30

    /// Throws ``ModelError/Kind/outOfScale`` when `c` is non-zero and outside
    /// ``smallestMagnitude``…``largestMagnitude``.
    static func checkScale(_ c: Double, _ what: @autoclosure () -> String) throws(ModelError) {
        let m = abs(c)
        if m > largestMagnitude || (m != 0 && m < smallestMagnitude) {
            throw ModelError(.outOfScale, "\(what()) is \(c), outside the scale GLPK carries (\(smallestMagnitude)…\(largestMagnitude) in magnitude)")
        }
    }

    static func checkBoundScale(_ b: Double?, _ what: @autoclosure () -> String) throws(ModelError) {
        if let b, b.isFinite, abs(b) > largestMagnitude {
            throw ModelError(.outOfScale, "\(what()) is \(b), outside the scale GLPK carries (at most \(largestMagnitude) in magnitude)")
        }
    }

    /// Checks everything GLPK would abort on or silently get wrong.
    ///
    /// - Throws: ``ModelError`` naming the first offending variable, row or coefficient.
    /// - Complexity: O(variables + nonzeros).
    public func validate() throws(ModelError) {
        if variables.isEmpty {
            throw ModelError(.emptyModel, "the model '\(name)' has no variables")
        }
        try Self.checkName(name, what: "model")
        for j in variables.indices { try checkVariable(at: j) }
        for i in constraints.indices { try checkConstraint(at: i) }
        for (j, c) in zip(objective.indices, objective.coefficients) {
            guard j >= 0, j < variables.count else {
                throw ModelError(.unknownVariable, "the objective uses a variable of another model")
            }
            guard c.isFinite else {
                throw ModelError(.nonFiniteCoefficient, "the objective has coefficient \(c) on '\(label(j))'")
            }
            try Self.checkScale(c, "the objective's coefficient on '\(label(j))'")
        }
        guard objective.constant.isFinite else {
            throw ModelError(.nonFiniteCoefficient, "the objective constant is \(objective.constant)")
        }
    }

    /// Checks the name and bounds of variable `j`.
    func checkVariable(at j: Int) throws(ModelError) {
        let v = variables[j]
        try Self.checkName(v.name, what: "variable \(j)")
        for bound in [v.lowerBound, v.upperBound] {
            if let b = bound, b.isNaN {
                throw ModelError(.nonFiniteBound, "variable '\(label(j))' has a NaN bound")
            }
        }
        if let l = v.lowerBound, let u = v.upperBound, l > u {
            throw ModelError(.invertedBounds, "variable '\(label(j))' has lower bound \(l) above upper bound \(u)")
        }
        try Self.checkBoundScale(v.lowerBound, "the lower bound of variable '\(label(j))'")
        try Self.checkBoundScale(v.upperBound, "the upper bound of variable '\(label(j))'")
        if v.lowerBound == .infinity || v.upperBound == -.infinity {
            throw ModelError(.nonFiniteBound, "variable '\(label(j))' has an impossible infinite bound")
        }
    }

    /// Checks the name, terms and bounds of row `i`.
    ///
    /// - Complexity: O(terms of the row).
    func checkConstraint(at i: Int) throws(ModelError) {
        let row = constraints[i]
        try Self.checkName(row.name, what: "constraint \(i)")
        let rowLabel = row.name.isEmpty ? "#\(i)" : row.name
        for (j, c) in zip(row.indices, row.coefficients) {
            guard j >= 0, j < variables.count else {
                throw ModelError(.unknownVariable, "constraint '\(rowLabel)' uses a variable of another model")
            }
            guard c.isFinite else {
                throw ModelError(.nonFiniteCoefficient, "constraint '\(rowLabel)' has coefficient \(c) on '\(label(j))'")
            }
            try Self.checkScale(c, "the coefficient of constraint '\(rowLabel)' on '\(label(j))'")
        }
        for bound in [row.lowerBound, row.upperBound] {
            if let b = bound, b.isNaN {
                throw ModelError(.nonFiniteBound, "constraint '\(rowLabel)' has a NaN right-hand side (or a non-finite constant term)")
            }
        }
        if let l = row.lowerBound, let u = row.upperBound, l > u {
            throw ModelError(.invertedBounds, "constraint '\(rowLabel)' has lower bound \(l) above upper bound \(u)")
        }
        try Self.checkBoundScale(row.lowerBound, "the lower bound of constraint '\(rowLabel)'")
        try Self.checkBoundScale(row.upperBound, "the upper bound of constraint '\(rowLabel)'")
        if row.lowerBound == .infinity || row.upperBound == -.infinity {
            throw ModelError(.nonFiniteBound, "constraint '\(rowLabel)' has an impossible infinite right-hand side")
        }
    }

    func label(_ j: Int) -> String { variables[j].name.isEmpty ? "#\(j)" : variables[j].name }

    static func checkName(_ name: String, what: String) throws(ModelError) {
        if name.utf8.count > maximumNameLength {
            throw ModelError(.invalidName, "the name of \(what) is longer than \(maximumNameLength) bytes")
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ModelError(.invalidName, "the name of \(what) contains a control character")
        }
    }
}
