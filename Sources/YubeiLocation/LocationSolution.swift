import YubeiCore
import YubeiOptimization

/// What `yubei locate` reports about the search: the solve status of FORMATS.md §1.
@available(*, deprecated, renamed: "SolveStatus")
public typealias LocationStatus = SolveStatus

/// How to solve a location problem.
public struct LocationOptions: Sendable {
    /// Stop after this long; the best solution found is reported as `feasible`.
    public var timeLimit: Duration?
    /// Relative gap at which a solution counts as optimal.
    public var relativeGap: Double = 1e-9
    /// Branch-and-bound progress of each GLPK solve (see ``SolveOptions/progress``).
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init(timeLimit: Duration? = nil, relativeGap: Double = 1e-9) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }
}

/// The answer to a location problem: facilities to open and who each point goes to.
public struct LocationSolution: Sendable {
    public var model: LocationModelKind
    public var status: SolveStatus
    /// The objective of FORMATS.md §1 for ``open`` and ``shares``, when there is a solution.
    public var objective: Double?
    /// Best proven bound on the optimum (a lower bound when minimising, upper when maximising).
    public var bound: Double?
    /// Facility positions that open, ascending.
    public var open: [Int] = []
    /// For each point, the facility serving it (the largest share for `cflp`), or `nil` if unserved.
    public var assignment: [Int?] = []
    /// For `cflp`: each point's shares as (facility, fraction) pairs; otherwise one pair of 1 per served point.
    public var shares: [[(facility: Int, fraction: Double)]] = []
    /// Wall-clock time of the solve, in seconds.
    public var seconds: Double = 0
    /// Why there is no solution, or what limited the search, in the planner's words.
    public var explanation: [Phrase] = []
    /// What the solver did (GLPK solves, rounds of a search), for `--verbose` style output.
    public var log: [String] = []

    public init(model: LocationModelKind, status: SolveStatus) {
        self.model = model
        self.status = status
    }

    /// The relative gap between ``objective`` and ``bound``: |objective − bound| / max(|objective|, 1e-10).
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        let difference = abs(objective - bound)
        if difference <= 1e-9 * max(1, abs(objective)) { return 0 }
        return difference / max(abs(objective), 1e-10)
    }
}
