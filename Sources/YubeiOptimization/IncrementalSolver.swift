/// One GLPK problem kept across several solves of a growing model, for iterative methods
/// (cutting planes, constraint generation, radius searches): each re-solve starts from the
/// last optimal basis with the dual simplex method instead of building and solving from
/// scratch.
///
/// Obtained only inside ``Model/withIncrementalSolver(options:_:)``, which creates the GLPK
/// problem, runs the body and frees the problem on the calling thread (GLPK's problems must
/// not cross threads). Non-copyable and not `Sendable`, so it cannot escape the body.
///
/// ```swift
/// let bound = try model.withIncrementalSolver { session in
///     var result = session.solve()
///     while let cut = separate(result) {
///         try session.addConstraint(cut)
///         result = session.solve()
///     }
///     return result.objectiveValue
/// }
/// ```
public struct IncrementalSolver: ~Copyable {
    /// The model as it stands: the original plus every row added and bound changed.
    public private(set) var model: Model
    /// Options of every ``solve()``; the presolver is used only for the first one (it would
    /// discard the basis).
    public var options: SolveOptions
    private var problem: GLPKProblem
    /// The same model with integer bounds rounded inwards, as GLPK has it.
    private var rounded: Model
    private var hasBasis = false

    init(_ model: Model, rounded: Model, options: SolveOptions) {
        self.model = model
        self.rounded = rounded
        self.options = options
        problem = GLPKProblem(rounded)
    }

    /// Adds a row to the model and to the GLPK problem.
    ///
    /// - Throws: ``ModelError`` for a row GLPK must not see; the model is then unchanged.
    /// - Complexity: O(n log n) for n terms.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint, name: String = "") throws(ModelError) -> Constraint {
        // Checked in place and taken back on error: copying the model would cost O(rows) a row.
        let handle = model.addConstraint(constraint, name: name)
        do {
            try model.checkConstraint(at: handle.index)
        } catch {
            model.constraints.removeLast()
            throw error
        }
        rounded.constraints.append(model.constraints[handle.index])
        problem.addRow(model.constraints[handle.index])
        return handle
    }

    /// Adds the range row `range.lowerBound ≤ expression ≤ range.upperBound`.
    @discardableResult
    public mutating func addConstraint(
        _ expression: LinearExpression, in range: ClosedRange<Double>, name: String = ""
    ) throws(ModelError) -> Constraint {
        try addConstraint(LinearConstraint(expression, lowerBound: range.lowerBound, upperBound: range.upperBound), name: name)
    }

    /// Changes a variable's bounds (to fix it, or to branch by hand).
    ///
    /// An integer variable left with no integer in its bounds makes the next ``solve()``
    /// report `.infeasible`, as ``Model/solve(options:)`` does.
    ///
    /// - Throws: ``ModelError`` for NaN or inverted bounds; the model is then unchanged.
    public mutating func setBounds(of variable: Variable, lower: Double?, upper: Double?) throws(ModelError) {
        guard variable.index >= 0, variable.index < model.variables.count else {
            throw ModelError(.unknownVariable, "a variable of another model")
        }
        // Checked in place and restored on error, without copying the model.
        let previous = model.variables[variable.index]
        model.setBounds(of: variable, lower: lower, upper: upper)
        do {
            try model.checkVariable(at: variable.index)
        } catch {
            model.variables[variable.index] = previous
            throw error
        }
        let j = variable.index
        rounded.variables[j] = model.variables[j]
        if rounded.variables[j].kind.isInteger {
            // Left unchanged in GLPK when it holds no integer: solve() reports that instead.
            guard let definition = rounded.roundedIntegerBounds(of: j) else { return }
            rounded.variables[j] = definition
        }
        problem.setColumnBounds(j, lower: rounded.variables[j].lowerBound, upper: rounded.variables[j].upperBound)
    }

    /// The basis GLPK holds (after a solve: that solve's final basis), for
    /// ``SolveOptions/startingBasis`` of a later solve of a model with the same rows and columns.
    public var basis: LPBasis { problem.basis }

    /// Solves the model as it stands, warm-started from the previous solve's basis.
    ///
    /// The initial solution of ``options`` is checked and offered as in ``Model/solve(options:)``.
    public mutating func solve() -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        var scratch = rounded
        if let empty = scratch.roundIntegerBounds() {
            var result = SolveResult(termination: .infeasible, detail: empty, sense: model.sense)
            result.solveTime = clock.now - start
            return result
        }
        var options = self.options
        if let x = options.initialSolution, x.count != model.variables.count || !x.allSatisfy(\.isFinite) {
            options.initialSolution = nil  // checked by Model.solve; here simply not offered
        }
        let incumbent = rounded.isMIP ? options.initialSolution.flatMap { rounded.feasibleStart($0) } : nil
        let warm = hasBasis
        var result = withGLPKTerminal(options.verbosity) {
            rounded.isMIP
                ? problem.solveMIP(options, incumbent: incumbent, clock: clock, start: start, sense: model.sense, warm: warm)
                : problem.solveLP(options, clock: clock, start: start, sense: model.sense, warm: warm)
        }
        if rounded.isMIP && options.initialSolution != nil { result.initialSolutionAccepted = incumbent != nil }
        hasBasis = true
        result.solveTime = clock.now - start
        return result
    }
}

@available(*, unavailable)
extension IncrementalSolver: Sendable {}

extension Model {
    /// Runs `body` with an ``IncrementalSolver`` over this model: one GLPK problem, created
    /// and freed within this call on the calling thread, re-solved as `body` adds rows or
    /// changes bounds.
    ///
    /// - Throws: ``ModelError`` when the model fails ``validate()``; whatever `body` throws.
    public func withIncrementalSolver<R>(
        options: SolveOptions = SolveOptions(),
        _ body: (inout IncrementalSolver) throws -> R
    ) throws -> R {
        try validate()
        var rounded = self
        for j in rounded.variables.indices {
            if let definition = rounded.roundedIntegerBounds(of: j) { rounded.variables[j] = definition }
        }
        var session = IncrementalSolver(self, rounded: rounded, options: options)
        return try body(&session)
    }

    /// The definition of integer variable `j` with bounds rounded inwards, or `nil` when `j`
    /// is continuous or has no integer in its bounds (then left as is).
    func roundedIntegerBounds(of j: Int) -> VariableDefinition? {
        var v = variables[j]
        guard v.kind.isInteger else { return nil }
        guard let (l, u) = Tolerance.integerBounds(lower: v.lowerBound, upper: v.upperBound) else { return nil }
        v.lowerBound = l
        v.upperBound = u
        return v
    }
}
