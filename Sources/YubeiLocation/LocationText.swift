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

    public static func textbookModelWritten(_ path: String) -> Phrase {
        Phrase(en: "textbook model written to \(path)", zh: "教科书模型已写入 \(path)")
    }

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

/// Every diagnostic of the location readers (the JSON/YAML problem file and the OR-Library files),
/// in English and Chinese.
enum LocationInputMessage {
    // MARK: The problem file (FORMATS.md §1)

    static let costOrPoints = Phrase(en: "give either 'cost' or 'points', not both", zh: "'cost' 和 'points' 只能给其一")
    static let missingCost = Phrase(en: "missing required key 'cost' (or 'points' for Euclidean distances)",
                                    zh: "缺少必填的键 'cost'（或用 'points' 按欧氏距离计算）")

    static func duplicateFacility(_ id: String, first: Int) -> Phrase {
        Phrase(en: "duplicate id '\(id)' (also facilities[\(first)])", zh: "编号 '\(id)' 重复（facilities[\(first)] 也用了它）")
    }

    static func missingCapacity(_ model: String) -> Phrase {
        Phrase(en: "missing required key 'capacity' (the \(model) model needs every facility's capacity)",
               zh: "缺少必填的键 'capacity'（\(model) 模型需要每个设施的容量）")
    }

    static func missingFacilities(_ model: String) -> Phrase {
        Phrase(en: "missing required key 'facilities' (the \(model) model needs fixed costs and capacities)",
               zh: "缺少必填的键 'facilities'（\(model) 模型需要固定费用和容量）")
    }

    static let noCostRows = Phrase(en: "expected at least one row (one per demand point)", zh: "至少要有一行（每个需求点一行）")

    static func costRowWidth(_ m: Int, found: Int) -> Phrase {
        Phrase(en: "expected \(m) costs (one per facility), found \(found)", zh: "应有 \(m) 个费用（每个设施一个），实有 \(found) 个")
    }

    static let noDemandPoint = Phrase(en: "expected at least one demand point", zh: "至少要有一个需求点")

    static func facilityCount(_ points: Int, found: Int) -> Phrase {
        Phrase(en: "expected \(points) facilities (one per point of points.facilities), found \(found)",
               zh: "应有 \(points) 个设施（points.facilities 中每个点一个），实有 \(found) 个")
    }

    static let noFacility = Phrase(en: "expected at least one facility", zh: "至少要有一个设施")

    static func demandCount(_ n: Int, found: Int) -> Phrase {
        Phrase(en: "expected \(n) weights (one per demand point), found \(found)", zh: "应有 \(n) 个权重（每个需求点一个），实有 \(found) 个")
    }

    static func tooManyCosts(_ n: Int, _ m: Int, max: Int) -> Phrase {
        Phrase(en: "\(n) demand points × \(m) facilities is more than the \(NumberText.number(Double(max))) costs a problem may hold",
               zh: "\(n) 个需求点 × \(m) 个设施超过了一个问题可容纳的 \(NumberText.number(Double(max))) 个费用")
    }

    static func pAboveFacilities(_ p: Int, _ m: Int) -> Phrase {
        Phrase(en: "p = \(p) is more than the \(m) facilities", zh: "p = \(p) 多于设施总数 \(m)")
    }

    static func missingP(_ model: String) -> Phrase {
        Phrase(en: "missing required key 'p' (the \(model) model opens exactly p facilities)",
               zh: "缺少必填的键 'p'（\(model) 模型恰好开设 p 个设施）")
    }

    static func missingRadius(_ model: String) -> Phrase {
        Phrase(en: "missing required key 'radius' (the \(model) model covers within a radius)",
               zh: "缺少必填的键 'radius'（\(model) 模型按半径覆盖）")
    }

    static func notAPair(_ count: Int) -> Phrase {
        Phrase(en: "expected a pair [x, y], found \(count) numbers", zh: "应为一对坐标 [x, y]，实有 \(count) 个数")
    }

    // MARK: OR-Library files

    /// What a number of an OR-Library file is.
    enum Item {
        case facilityCapacity(Int), facilityOpeningCost(Int), customerDemand(Int), customerCostFromFacility(Int, Int)
        case warehouseCapacity(Int), warehouseFixedCost(Int), customerCostFromWarehouse(Int, Int)

        var phrase: Phrase {
            switch self {
            case .facilityCapacity(let j): return Phrase(en: "facility \(j) capacity", zh: "设施 \(j) 的容量")
            case .facilityOpeningCost(let j): return Phrase(en: "facility \(j) opening cost", zh: "设施 \(j) 的开设费用")
            case .customerDemand(let i): return Phrase(en: "customer \(i) demand", zh: "客户 \(i) 的需求")
            case .customerCostFromFacility(let i, let j):
                return Phrase(en: "customer \(i) cost from facility \(j)", zh: "客户 \(i) 由设施 \(j) 服务的费用")
            case .warehouseCapacity(let j): return Phrase(en: "warehouse \(j) capacity", zh: "仓库 \(j) 的容量")
            case .warehouseFixedCost(let j): return Phrase(en: "warehouse \(j) fixed cost", zh: "仓库 \(j) 的固定费用")
            case .customerCostFromWarehouse(let i, let j):
                return Phrase(en: "customer \(i) cost from warehouse \(j)", zh: "客户 \(i) 由仓库 \(j) 服务的费用")
            }
        }
    }

    static func notANumber(_ item: Item, _ text: String) -> Phrase { InputText.labelled(item.phrase, InputText.notANumber(text)) }

    static func below(_ item: Item, _ limit: String, _ text: String) -> Phrase {
        InputText.labelled(item.phrase, InputText.below(limit, text))
    }

    static func outOfRange(_ item: Item, _ problem: Phrase) -> Phrase { InputText.labelled(item.phrase, problem) }

    static let headerIJ = Phrase(en: "expected the header 'I J' (facilities, customers) as two whole numbers > 0",
                                 zh: "表头应为 'I J'（设施数、客户数），两个大于 0 的整数")
    static let headerMN = Phrase(en: "expected the header 'm n' (warehouses, customers) as two whole numbers > 0",
                                 zh: "表头应为 'm n'（仓库数、客户数），两个大于 0 的整数")
    static let headerNEP = Phrase(en: "expected the header 'n edges p' as three whole numbers (n, p > 0)",
                                  zh: "表头应为 'n edges p'（顶点数、边数、p），三个整数（n、p 大于 0）")

    static func tooManyPairs(_ m: Int, _ n: Int, max: Int) -> Phrase {
        Phrase(en: "\(m) facilities × \(n) customers is more than the \(max) pairs this reader holds",
               zh: "\(m) 个设施 × \(n) 个客户超过了本读取器可容纳的 \(max) 对")
    }

    /// Where a Holmberg file ended early.
    enum Section {
        case capacities(Int, Int), openingCosts(Int, Int), demands(Int, Int), customerCosts(customer: Int, read: Int, of: Int, complete: Int, customers: Int)

        var phrase: Phrase {
            switch self {
            case let .capacities(j, m): return Phrase(en: "the capacities (\(j) of \(m))", zh: "容量部分（已读 \(j) / \(m)）")
            case let .openingCosts(j, m): return Phrase(en: "the opening costs (\(j) of \(m))", zh: "开设费用部分（已读 \(j) / \(m)）")
            case let .demands(i, n): return Phrase(en: "the demands (\(i) of \(n))", zh: "需求部分（已读 \(i) / \(n)）")
            case let .customerCosts(i, j, m, done, n):
                return Phrase(en: "customer \(i)'s costs (\(j) of \(m); \(done) of \(n) customers complete)",
                              zh: "客户 \(i) 的费用（已读 \(j) / \(m)；\(done) / \(n) 个客户已完整）")
            }
        }
    }

    static func endsIn(_ section: Section) -> Phrase {
        Phrase(en: "the file ends in \(section.phrase.en)", zh: "文件在\(section.phrase.zh)处意外结束")
    }

    static func unexpectedAfterCosts(_ text: String) -> Phrase {
        Phrase(en: "unexpected '\(text)' after the last customer's costs", zh: "最后一个客户的费用之后多出了 '\(text)'")
    }

    static func literalCapacity(_ j: Int) -> Phrase {
        Phrase(en: "warehouse \(j): the capacity is the word 'capacity' (as in capa, capb, capc): give its value with --capacity",
               zh: "仓库 \(j)：容量写的是单词 'capacity'（如 capa、capb、capc）：请用 --capacity 给出其数值")
    }

    static func endsAfterWarehouses(_ j: Int, _ m: Int) -> Phrase {
        Phrase(en: "the file ends after \(j) of \(m) warehouses", zh: "文件在读完 \(j) / \(m) 个仓库后结束")
    }

    static func endsAfterCustomers(_ i: Int, _ n: Int) -> Phrase {
        Phrase(en: "the file ends after \(i) of \(n) customers", zh: "文件在读完 \(i) / \(n) 个客户后结束")
    }

    static func endsInCustomerCosts(_ i: Int, _ j: Int, _ m: Int) -> Phrase {
        Phrase(en: "the file ends in customer \(i)'s costs (\(j) of \(m))", zh: "文件在客户 \(i) 的费用处结束（已读 \(j) / \(m)）")
    }

    static func unexpectedAfterCustomer(_ text: String) -> Phrase {
        Phrase(en: "unexpected '\(text)' after the last customer", zh: "最后一个客户之后多出了 '\(text)'")
    }

    static func pAboveVertices(_ p: Int, _ n: Int) -> Phrase {
        Phrase(en: "p = \(p) is more than the \(n) vertices", zh: "p = \(p) 多于顶点数 \(n)")
    }

    static func endsAfterEdges(_ k: Int, _ e: Int) -> Phrase {
        Phrase(en: "the file ends after \(k) of \(e) edges", zh: "文件在读完 \(k) / \(e) 条边后结束")
    }

    static func badEdgeVertices(_ k: Int, _ n: Int, _ a: String, _ b: String) -> Phrase {
        Phrase(en: "edge \(k): expected two vertex numbers in 1...\(n), found '\(a) \(b)'",
               zh: "第 \(k) 条边：应为 1...\(n) 中的两个顶点编号，实为 '\(a) \(b)'")
    }

    static func badEdgeLength(_ k: Int, _ text: String) -> Phrase {
        Phrase(en: "edge \(k): expected a length ≥ 0, found '\(text)'", zh: "第 \(k) 条边：应为 ≥ 0 的长度，实为 '\(text)'")
    }

    static func unexpectedAfterEdge(_ text: String) -> Phrase {
        Phrase(en: "unexpected '\(text)' after the last edge", zh: "最后一条边之后多出了 '\(text)'")
    }

    /// What a header count of an OR-Library file counts.
    enum Count {
        case warehouses, customers, costCells, vertices, edges

        var phrase: Phrase {
            switch self {
            case .warehouses: return Phrase(en: "warehouses", zh: "仓库数")
            case .customers: return Phrase(en: "customers", zh: "客户数")
            case .costCells: return Phrase(en: "cost cells (warehouses × customers)", zh: "费用单元数（仓库 × 客户）")
            case .vertices: return Phrase(en: "vertices", zh: "顶点数")
            case .edges: return Phrase(en: "edges", zh: "边数")
            }
        }
    }

    static func headerCountOutOfRange(_ count: Count, _ problem: Phrase) -> Phrase {
        Phrase(en: "the header's number of \(count.phrase.en) is out of range: \(problem.en)",
               zh: "表头中的\(count.phrase.zh)超出范围：\(problem.zh)")
    }
}
