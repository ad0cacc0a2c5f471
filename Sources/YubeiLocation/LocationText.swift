import Foundation
import YubeiCore

/// Every piece of user-facing wording of the classic location models, in English and Chinese.
public enum LocationText {
    /// "points 0, 3, 7" (at most ten listed), 0-based as in the problem's `demand` list.
    static func pointList(_ points: [Int]) -> (en: String, zh: String) {
        let shown = points.prefix(10).map(String.init).joined(separator: ", ")
        let more = points.count > 10 ? " (+\(points.count - 10))" : ""
        return (shown + more, shown + more)
    }

    static func pAboveAllowed(p: Int, allowed: Int) -> Phrase {
        Phrase(en: "p = \(p) facilities must open, but only \(allowed) may open (the others are forbidden)",
               zh: "须开设 p = \(p) 个设施，但只有 \(allowed) 个可开设（其余为禁止）")
    }

    static func requiredAboveP(p: Int, required: Int) -> Phrase {
        Phrase(en: "\(required) facilities are required, more than p = \(p)",
               zh: "必须开设的设施有 \(required) 个，多于 p = \(p)")
    }

    static func pointsOutsideRadius(_ points: [Int], radius: Double) -> Phrase {
        let list = pointList(points)
        return Phrase(en: "demand points \(list.en) (0-based) have no allowed facility within radius \(NumberText.plain(radius))",
                      zh: "需求点 \(list.zh)（从 0 编号）在半径 \(NumberText.plain(radius)) 内没有可开设的设施")
    }

    static func pointsWithoutFacility(_ points: [Int]) -> Phrase {
        let list = pointList(points)
        return Phrase(en: "demand points \(list.en) (0-based) have no allowed facility (every cost is null or the facility is forbidden)",
                      zh: "需求点 \(list.zh)（从 0 编号）没有可服务的设施（费用均为 null 或设施被禁止）")
    }

    static func pointsWithoutSingleSource(_ points: [Int]) -> Phrase {
        let list = pointList(points)
        return Phrase(en: "demand points \(list.en) (0-based) have no allowed facility whose capacity holds all their demand",
                      zh: "需求点 \(list.zh)（从 0 编号）没有容量足以承担其全部需求的可用设施")
    }

    static func capacityBelowDemand(capacity: Double, demand: Double) -> Phrase {
        Phrase(en: "the capacity of all allowed facilities (\(NumberText.plain(capacity))) is below the total demand (\(NumberText.plain(demand)))",
               zh: "所有可用设施的容量之和（\(NumberText.plain(capacity))）小于总需求（\(NumberText.plain(demand))）")
    }

    static func noPFacilitiesServeAll(p: Int) -> Phrase {
        Phrase(en: "no \(p) allowed facilities together serve every demand point (some pairs are null)",
               zh: "任何 \(p) 个可用设施都无法共同服务所有需求点（部分费用为 null）")
    }

    static let capacityPacking = Phrase(
        en: "no assignment of whole demand points to facilities fits within the capacities",
        zh: "无法在容量之内把每个需求点整体分配给一个设施")

    static func solverFailed(_ detail: String) -> Phrase {
        Phrase(en: "the solver failed: \(detail)", zh: "求解器出错：\(detail)")
    }

    static func stoppedAtLimit(gap: Double?) -> Phrase {
        guard let gap else {
            return Phrase(en: "the time limit stopped the search before any bound was proven; the solution is the best found",
                          zh: "求解达到时间上限，尚未证明任何界；给出的是已找到的最好解")
        }
        let g = String(format: "%.4g%%", gap * 100)
        return Phrase(en: "the time limit stopped the search; the best solution found is within \(g) of optimal",
                      zh: "求解达到时间上限；已得最好解与最优的差距不超过 \(g)")
    }

    static let stoppedWithoutSolution = Phrase(
        en: "the time limit stopped the search before any solution was found",
        zh: "在找到任何解之前已达到时间上限")

    // MARK: Summary labels (human-readable output of `yubei locate`)

    public static let modelLabel = Phrase(en: "model", zh: "模型")
    public static let statusLabel = Phrase(en: "status", zh: "状态")
    public static let objectiveLabel = Phrase(en: "objective", zh: "目标值")
    public static let boundLabel = Phrase(en: "bound", zh: "界")
    public static let gapLabel = Phrase(en: "gap", zh: "差距")
    public static let openLabel = Phrase(en: "open", zh: "开设")
    public static let secondsLabel = Phrase(en: "seconds", zh: "用时（秒）")
    public static let assignmentLabel = Phrase(en: "assignment (point → facility)", zh: "分配（需求点 → 设施）")
    public static let unservedWord = Phrase(en: "unserved", zh: "未服务")
}
