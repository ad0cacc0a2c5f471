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
    /// What the search did, as facts (``log`` says it in words for people).
    public var search = SearchRecord()

    /// Facts about a location search, for tests and summaries.
    public struct SearchRecord: Sendable, Hashable {
        /// Branch-and-bound runs of GLPK over the whole model.
        public var mipSolves = 0
        /// Rows a separator added during branch-and-bound (lazy constraints).
        public var lazyRowsAdded = 0
        /// Link rows x_ij ≤ y_j generated for the strong LP of a capacitated model, when the
        /// row-generation path was taken (`nil` otherwise).
        public var generatedLinkRows: Int?
        /// Transportation LPs solved for a large CFLP's Benders decomposition, when that path
        /// was taken (`nil` otherwise).
        public var transportationSolves: Int?
    }

    public init(model: LocationModelKind, status: SolveStatus) {
        self.model = model
        self.status = status
    }

    /// The relative gap between ``objective`` and ``bound`` (``Tolerance/relativeGap(objective:bound:)``).
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return Tolerance.relativeGap(objective: objective, bound: bound)
    }
}
