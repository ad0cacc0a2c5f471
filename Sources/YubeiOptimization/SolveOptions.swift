/// How ``Model/solve(options:)`` runs GLPK.
public struct SolveOptions: Sendable {
    /// How much of GLPK's own log to show. It always goes to standard error, never standard output.
    public enum Verbosity: Int, Sendable, Hashable, Comparable {
        case quiet, errors, normal, all

        public static func < (a: Verbosity, b: Verbosity) -> Bool { a.rawValue < b.rawValue }
    }

    /// Run GLPK's LP presolver before the simplex method.
    public var presolve = true
    /// Stop after this long (wall clock, across LP and branch-and-bound); `nil` for no limit.
    public var timeLimit: Duration?
    /// Stop branch-and-bound once (incumbent − bound) / |incumbent| is at most this.
    public var relativeGap: Double = 1e-9
    public var verbosity: Verbosity = .quiet
    /// GLPK's cutting planes (Gomory, MIR, cover, clique) in branch-and-bound.
    public var cuts = false
    /// Which of GLPK's cut families ``cuts`` turns on (all by default).
    public var cutFamilies: CutFamilies = .all
    /// GLPK's feasibility-pump heuristic at the root.
    public var feasibilityPump = false
    /// A known feasible solution for a MIP, indexed by variable position, handed to GLPK as
    /// its first incumbent and kept if the search stops at a limit with nothing better.
    /// Checked first: ignored when it is not feasible (see ``SolveResult/initialSolutionAccepted``).
    /// Ignored for an LP. Its length must be the number of variables.
    public var initialSolution: [Double]?
    /// After a MIP, fix the integer variables at their values and solve the LP that remains,
    /// so that ``SolveResult/dual(of:)`` gives shadow prices for that plan.
    public var dualsOfFixedMIP = false
    /// Called with branch-and-bound progress, at most every ``progressInterval``.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    public var progressInterval: Duration = .milliseconds(500)
    /// With ``Model/solve(options:lazyConstraints:)``: the model's explicit rows are complete and
    /// the separator returns only cuts that tighten the relaxation (user cuts), never a row that
    /// an integral point breaks, so GLPK's rounding heuristic stays on.
    public var separatorReturnsOnlyCuts = false
    /// How branch-and-bound picks the variable to branch on (GLPK's `br_tech`).
    public var branching: BranchingRule = .driebeckTomlin
    /// Variables (by index) branched on before all others: while one of them is fractional at
    /// a node, the one nearest ½ is branched on (GLPK's `GLP_IBRANCH` callback); otherwise
    /// ``branching`` picks. Empty: ``branching`` alone.
    public var branchFirst: [Int] = []
    /// Whether the separator's requests carry the node's column bounds and parent
    /// (``LazyConstraintRequest/lowerBounds``): O(columns) more per call, so only on demand.
    public var separatorSeesBounds = false
    /// How branch-and-bound picks the next node (GLPK's `bt_tech`).
    public var nodeSelection: NodeSelection = .bestLocalBound
    /// Where branch-and-bound tightens bounds from the rows before solving a node (GLPK's `pp_tech`).
    public var nodePreprocessing: NodePreprocessing = .everyNode
    /// Branch-and-bound prunes a node whose bound is within this fraction of (1 + |incumbent|)
    /// of the incumbent (GLPK's `tol_obj`, default 1e-7). When every solution's cost is a
    /// whole number, a value just under 1 / (1 + |incumbent|) prunes every node that cannot
    /// hold a solution better by at least one, without re-solving it.
    public var pruneTolerance: Double = 1e-7
    /// For a MIP: the basis its root LP starts from (the dual simplex method, without the
    /// presolver), e.g. the optimal basis of the same relaxation solved before
    /// (``IncrementalSolver/basis``). Ignored unless it has one status per row and per column;
    /// a basis GLPK finds invalid or singular is replaced by the standard one. `nil`: from scratch.
    public var startingBasis: LPBasis?

    public init() {}
}

extension SolveOptions {
    /// GLPK's cut families (``SolveOptions/cutFamilies``).
    public struct CutFamilies: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Gomory mixed-integer cuts (GLPK's `gmi_cuts`): dense, tried at every node.
        public static let gomory = CutFamilies(rawValue: 1)
        /// Mixed-integer rounding cuts (`mir_cuts`).
        public static let mixedIntegerRounding = CutFamilies(rawValue: 2)
        /// Mixed cover cuts (`cov_cuts`).
        public static let cover = CutFamilies(rawValue: 4)
        /// Clique cuts (`clq_cuts`).
        public static let clique = CutFamilies(rawValue: 8)
        public static let all: CutFamilies = [.gomory, .mixedIntegerRounding, .cover, .clique]
    }

    /// GLPK's branching rules: which fractional integer variable a node branches on.
    public enum BranchingRule: Sendable, Hashable {
        /// The first fractional variable (by index).
        case firstFractional
        /// The last fractional variable (by index).
        case lastFractional
        /// The variable whose value is nearest ½.
        case mostFractional
        /// Driebeck–Tomlin's penalty heuristic (GLPK's default).
        case driebeckTomlin
        /// Hybrid pseudocost branching.
        case pseudocost
    }

    /// Where GLPK's branch-and-bound preprocesses subproblems (bound tightening over the rows):
    /// worth its O(nonzeros) per node when it fixes variables, not when the rows are dense
    /// optimality cuts that imply little.
    public enum NodePreprocessing: Sendable, Hashable {
        /// At every node (GLPK's default).
        case everyNode
        /// At the root only.
        case rootOnly
        /// Never.
        case none
    }

    /// GLPK's node selection (backtracking) rules.
    public enum NodeSelection: Sendable, Hashable {
        case depthFirst
        case breadthFirst
        /// The node with the best local bound (GLPK's default).
        case bestLocalBound
        /// The node with the best projection heuristic estimate.
        case bestProjection
    }
}

/// A snapshot of branch-and-bound, passed to ``SolveOptions/progress``.
public struct SolveProgress: Sendable, Hashable {
    /// Objective of the best integer solution so far.
    public var incumbent: Double?
    /// Best proven bound on the optimum.
    public var bestBound: Double?
    /// Relative gap between the two, when both exist.
    public var relativeGap: Double?
    public var nodes: Int
    public var elapsed: Duration
}
