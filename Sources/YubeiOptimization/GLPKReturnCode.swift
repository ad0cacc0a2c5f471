internal import CGLPK

/// A return code of `glp_simplex` or `glp_intopt`, in the manner of swift-system's `Errno`.
public struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Success (`0`): read the solution status.
    public static var success: Self { Self(rawValue: 0) }
    /// Invalid initial basis (`GLP_EBADB`).
    public static var invalidBasis: Self { Self(rawValue: GLP_EBADB) }
    /// Singular basis matrix (`GLP_ESING`).
    public static var singularMatrix: Self { Self(rawValue: GLP_ESING) }
    /// Ill-conditioned basis matrix (`GLP_ECOND`).
    public static var illConditioned: Self { Self(rawValue: GLP_ECOND) }
    /// Invalid (or fractional integer) bounds (`GLP_EBOUND`).
    public static var invalidBounds: Self { Self(rawValue: GLP_EBOUND) }
    /// Solver failure (`GLP_EFAIL`).
    public static var solverFailed: Self { Self(rawValue: GLP_EFAIL) }
    /// Iteration limit (`GLP_EITLIM`).
    public static var iterationLimit: Self { Self(rawValue: GLP_EITLIM) }
    /// Time limit (`GLP_ETMLIM`).
    public static var timeLimit: Self { Self(rawValue: GLP_ETMLIM) }
    /// No primal feasible solution, proven by the presolver (`GLP_ENOPFS`).
    public static var noPrimalFeasible: Self { Self(rawValue: GLP_ENOPFS) }
    /// No dual feasible solution, proven by the presolver (`GLP_ENODFS`).
    public static var noDualFeasible: Self { Self(rawValue: GLP_ENODFS) }
    /// No optimal root LP was given to `glp_intopt` (`GLP_EROOT`).
    public static var rootNotOptimal: Self { Self(rawValue: GLP_EROOT) }
    /// Search stopped by the callback (`GLP_ESTOP`).
    public static var stopped: Self { Self(rawValue: GLP_ESTOP) }
    /// Relative MIP gap tolerance reached (`GLP_EMIPGAP`).
    public static var gapReached: Self { Self(rawValue: GLP_EMIPGAP) }

    public var description: String {
        switch self {
        case .success: return "success"
        case .invalidBasis: return "GLP_EBADB (invalid basis)"
        case .singularMatrix: return "GLP_ESING (singular matrix)"
        case .illConditioned: return "GLP_ECOND (ill-conditioned matrix)"
        case .invalidBounds: return "GLP_EBOUND (invalid bounds)"
        case .solverFailed: return "GLP_EFAIL (solver failed)"
        case .iterationLimit: return "GLP_EITLIM (iteration limit)"
        case .timeLimit: return "GLP_ETMLIM (time limit)"
        case .noPrimalFeasible: return "GLP_ENOPFS (no primal feasible solution)"
        case .noDualFeasible: return "GLP_ENODFS (no dual feasible solution)"
        case .rootNotOptimal: return "GLP_EROOT (root LP optimum not provided)"
        case .stopped: return "GLP_ESTOP (search stopped)"
        case .gapReached: return "GLP_EMIPGAP (relative gap reached)"
        default: return "GLPK return code \(rawValue)"
        }
    }
}

/// A solution status of `glp_get_status` or `glp_mip_status`.
public struct GLPKSolutionStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Undefined (`GLP_UNDEF`).
    public static var undefined: Self { Self(rawValue: GLP_UNDEF) }
    /// Feasible (`GLP_FEAS`).
    public static var feasible: Self { Self(rawValue: GLP_FEAS) }
    /// Infeasible (`GLP_INFEAS`).
    public static var infeasible: Self { Self(rawValue: GLP_INFEAS) }
    /// No feasible solution exists (`GLP_NOFEAS`).
    public static var noFeasible: Self { Self(rawValue: GLP_NOFEAS) }
    /// Optimal (`GLP_OPT`).
    public static var optimal: Self { Self(rawValue: GLP_OPT) }
    /// Unbounded (`GLP_UNBND`).
    public static var unbounded: Self { Self(rawValue: GLP_UNBND) }

    public var description: String {
        switch self {
        case .undefined: return "GLP_UNDEF"
        case .feasible: return "GLP_FEAS"
        case .infeasible: return "GLP_INFEAS"
        case .noFeasible: return "GLP_NOFEAS"
        case .optimal: return "GLP_OPT"
        case .unbounded: return "GLP_UNBND"
        default: return "GLPK status \(rawValue)"
        }
    }
}
