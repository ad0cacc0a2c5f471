/// What a solve produced, in the status words of FORMATS.md §1: the one status every planning
/// layer (siting, location, drills) reports and every report translates.
///
/// It is derived from why the solver stopped (``TerminationReason``) and whether a solution
/// exists (``SolveResult/hasSolution``); the raw values are the JSON words of the contract.
public enum SolveStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// A solution proven optimal within the relative gap asked for.
    case optimal
    /// A solution that is not proven optimal (a limit or a numerical failure stopped the search).
    case feasible
    /// No solution satisfies every constraint.
    case infeasible
    /// The objective can improve without limit (or GLPK could not tell infeasible from unbounded).
    case unbounded
    /// A limit stopped the search before any solution was found.
    case noSolution = "no-solution"
    /// The solver failed without a solution.
    case error

    /// The status of a solve that stopped for `termination`, with or without a solution.
    public init(termination: TerminationReason, hasSolution: Bool) {
        switch termination {
        case .optimal: self = hasSolution ? .optimal : .error
        case .infeasible: self = .infeasible
        case .unbounded, .infeasibleOrUnbounded: self = .unbounded
        case .limitReached: self = hasSolution ? .feasible : .noSolution
        case .numericalError, .otherError: self = hasSolution ? .feasible : .error
        }
    }

    /// Whether a solution comes with this status (`optimal` or `feasible`).
    public var hasSolution: Bool { self == .optimal || self == .feasible }
}
