/// Why the solver stopped, apart from what it found (as in OR-Tools MathOpt and JuMP).
public enum TerminationReason: Sendable, Hashable {
    /// A solution proven optimal, within the relative gap for a MIP.
    case optimal
    /// No solution satisfies every constraint.
    case infeasible
    /// Feasible solutions exist with arbitrarily good objective.
    case unbounded
    /// The LP relaxation has no dual-feasible solution: the model is infeasible or unbounded,
    /// and GLPK's presolver did not say which.
    case infeasibleOrUnbounded
    /// A limit stopped the search; ``SolveResult/hasSolution`` tells whether a solution exists.
    case limitReached(Limit)
    /// GLPK failed numerically (singular or ill-conditioned basis, instability).
    case numericalError
    /// GLPK refused the model or failed otherwise; see ``SolveResult/detail``.
    case otherError

    /// A limit that can stop a solve.
    public enum Limit: String, Sendable, Hashable {
        case time, iterations, interrupted
    }
}

/// The outcome of ``Model/solve(options:)``: why GLPK stopped and what solution exists.
public struct SolveResult: Sendable {
    /// Why the solver stopped.
    public var termination: TerminationReason
    /// GLPK's own words: return code and solution status.
    public var detail: String
    /// The objective sense of the model that was solved.
    public var sense: ObjectiveSense

    /// Primal values by variable position, when a feasible solution exists.
    public var values: [Double]?
    /// Objective of ``values``.
    public var objectiveValue: Double?
    /// Best proven bound on the optimum: the LP optimum for an LP, the best node bound of
    /// branch-and-bound for a MIP.
    public var bestBound: Double?
    /// The LP relaxation's optimum at the root (MIPs only).
    public var rootBound: Double?
    /// Row duals by constraint position (see ``dual(of:)`` for the sign).
    public var rowDuals: [Double]?
    /// Reduced costs by variable position (same sign convention as duals).
    public var reducedCosts: [Double]?
    /// Simplex iterations (all LPs of the solve).
    public var iterations: Int = 0
    /// Branch-and-bound nodes (MIPs only).
    public var nodes: Int = 0
    /// Rows added by the separator of ``Model/solve(options:lazyConstraints:)`` (0 otherwise).
    public var lazyRowsAdded: Int = 0
    public var solveTime: Duration = .zero
    /// For a MIP given a ``SolveOptions/initialSolution``: whether it met every bound, row and
    /// integrality condition (within ``Tolerance/feasibility`` and ``Tolerance/integrality``) and so served as the first
    /// incumbent. A feasible start is offered to GLPK's branch-and-bound and is kept as the
    /// solution when the search stops at a limit without a better one, so a time limit then
    /// ends `feasible`, never `no-solution`. An infeasible start is ignored (`false`), because
    /// GLPK itself would take it unchecked. `nil` for an LP or without an initial solution.
    public var initialSolutionAccepted: Bool?

    public var hasSolution: Bool { values != nil }

    public var isOptimal: Bool { termination == .optimal && values != nil }

    /// Relative gap between objective and bound (``Tolerance/relativeGap(objective:bound:)``).
    public var relativeGap: Double? {
        guard let objective = objectiveValue, let bound = bestBound else { return nil }
        return Tolerance.relativeGap(objective: objective, bound: bound)
    }

    /// The status of FORMATS.md §1 (`optimal`, `feasible`, `infeasible`, `unbounded`,
    /// `no-solution` or `error`), from ``termination`` and whether a solution exists.
    public var status: SolveStatus { SolveStatus(termination: termination, hasSolution: hasSolution) }

    /// The value of `variable` in the solution, or `nil` when there is none.
    public func value(of variable: Variable) -> Double? { values?[variable.index] }

    /// The value of `expression` in the solution, or `nil` when there is none.
    public func value(of expression: LinearExpression) -> Double? {
        values.map { expression.evaluated(at: $0) }
    }

    /// The dual value (shadow price) of `constraint`: the rate of change of the optimal
    /// objective per unit increase of the row's binding bound, in the objective's own
    /// direction (GLPK's native sign). Minimising with a binding `≥` row gives a value ≥ 0;
    /// maximising with a binding `≤` row gives a value ≥ 0; a slack row gives 0.
    ///
    /// Available for LPs, and for MIPs solved with ``SolveOptions/dualsOfFixedMIP``.
    public func dual(of constraint: Constraint) -> Double? { rowDuals?[constraint.index] }

    /// The reduced cost of `variable`: the rate of change of the optimal objective per unit
    /// increase of the variable's binding bound, with the sign convention of ``dual(of:)``.
    public func reducedCost(of variable: Variable) -> Double? { reducedCosts?[variable.index] }

    /// Throws unless an optimal solution exists (JuMP's `assert_is_solved_and_feasible`).
    public func requireOptimal() throws -> SolveResult {
        guard isOptimal else { throw SolveFailure(result: self) }
        return self
    }
}

/// Thrown by ``SolveResult/requireOptimal()``.
public struct SolveFailure: Error, Sendable, CustomStringConvertible {
    public var result: SolveResult
    public var description: String { "the solver stopped with \(result.termination): \(result.detail)" }
}
