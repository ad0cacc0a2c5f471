/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Hashable {
    case minimize, maximize
}

/// A linear or mixed-integer program: variables with bounds, named rows, and one objective.
///
/// A `Model` is a plain value: it can be built on any task, copied, extended with more rows
/// between solves (the basis of iterative methods such as cut loops and radius searches), and
/// solved from several tasks at once. GLPK appears only inside ``solve(options:)``,
/// ``write(to:format:)`` and ``withIncrementalSolver(options:_:)``, each of which creates,
/// uses and frees its GLPK problem in one call. For many re-solves of a growing model,
/// ``withIncrementalSolver(options:_:)`` keeps one GLPK problem and its basis between them.
public struct Model: Sendable {
    public var name: String
    public internal(set) var variables: [VariableDefinition] = []
    public internal(set) var constraints: [ConstraintDefinition] = []
    public internal(set) var objective = LinearExpression()
    public internal(set) var sense: ObjectiveSense = .minimize

    public init(name: String = "yubei") { self.name = name }

    public var isMIP: Bool { variables.contains { $0.kind.isInteger } }

    /// Number of nonzero coefficients in the constraint matrix.
    ///
    /// - Complexity: O(rows).
    public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.indices.count } }

    /// Adds a variable with bounds (`nil` for infinite) and returns its handle.
    ///
    /// Binary variables always have bounds [0, 1]. Bounds are checked when the model is solved.
    @discardableResult
    public mutating func addVariable(
        _ name: String = "",
        kind: VariableKind = .continuous,
        lowerBound: Double? = 0,
        upperBound: Double? = nil
    ) -> Variable {
        let variable = Variable(index: variables.count)
        let isBinary = kind == .binary
        variables.append(VariableDefinition(
            name: name,
            kind: kind,
            lowerBound: isBinary ? 0 : lowerBound,
            upperBound: isBinary ? 1 : upperBound
        ))
        return variable
    }

    /// Adds a 0–1 variable.
    @discardableResult
    public mutating func addBinary(_ name: String = "") -> Variable {
        addVariable(name, kind: .binary)
    }

    /// The definition of `variable`.
    public subscript(variable: Variable) -> VariableDefinition { variables[variable.index] }

    /// The definition of `constraint`.
    public subscript(constraint: Constraint) -> ConstraintDefinition { constraints[constraint.index] }

    /// Changes a variable's bounds (for example to fix it between solves).
    public mutating func setBounds(of variable: Variable, lower: Double?, upper: Double?) {
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    /// Adds a row, merging repeated variables, and returns its handle.
    ///
    /// - Complexity: O(n log n) for n terms.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint, name: String = "") -> Constraint {
        let terms = constraint.expression.mergedTerms()
        let shift = constraint.expression.constant
        let handle = Constraint(index: constraints.count)
        // A non-finite constant would vanish into an infinite (that is, absent) bound: make
        // the bounds NaN so that validate() reports the row instead.
        func moved(_ bound: Double?) -> Double? { bound.map { shift.isFinite ? $0 - shift : .nan } }
        constraints.append(ConstraintDefinition(
            name: name,
            indices: terms.map(\.index),
            coefficients: terms.map(\.coefficient),
            lowerBound: moved(constraint.lowerBound),
            upperBound: moved(constraint.upperBound)
        ))
        return handle
    }

    /// Adds the range row `range.lowerBound ≤ expression ≤ range.upperBound`.
    @discardableResult
    public mutating func addConstraint(
        _ expression: LinearExpression, in range: ClosedRange<Double>, name: String = ""
    ) -> Constraint {
        addConstraint(LinearConstraint(expression, lowerBound: range.lowerBound, upperBound: range.upperBound), name: name)
    }

    /// Sets the objective to minimise `expression`.
    public mutating func minimize(_ expression: LinearExpression) {
        objective = expression
        sense = .minimize
    }

    /// Sets the objective to maximise `expression`.
    public mutating func maximize(_ expression: LinearExpression) {
        objective = expression
        sense = .maximize
    }
}
