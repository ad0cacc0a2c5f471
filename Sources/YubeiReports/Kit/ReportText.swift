import YubeiCore
import YubeiOptimization

/// Wording shared by every report: the solve status words, in English and Chinese.
public enum ReportText {
    /// The planner's word for a solve status (the JSON keeps ``SolveStatus/rawValue``).
    public static func status(_ status: SolveStatus) -> Phrase {
        switch status {
        case .optimal: return Phrase(en: "optimal", zh: "最优")
        case .feasible: return Phrase(en: "feasible (not proven optimal)", zh: "可行（未证明最优）")
        case .infeasible: return Phrase(en: "infeasible", zh: "无可行解")
        case .unbounded: return Phrase(en: "unbounded", zh: "无界")
        case .noSolution: return Phrase(en: "no solution within the limit", zh: "时限内无解")
        case .error: return Phrase(en: "solver error", zh: "求解器错误")
        }
    }
}
