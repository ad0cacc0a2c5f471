import Foundation
import YubeiCore

/// Every user-facing sentence of the siting engine, in English and Chinese.
public enum SitingText {

    /// An area, hazard or site as planners read it: `浔中镇 (xunzhong)`, or the id alone.
    public static func label(_ id: String, name: String?) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(name) (\(id))"
    }

    /// One sentence explaining `finding`, with names from `problem`.
    public static func sentence(_ finding: SitingFinding, problem: SitingProblem, language: Language) -> String {
        let hazard = finding.hazard.map { id in label(id, name: problem.hazards.first { $0.id == id }?.name) } ?? ""
        let area = finding.area.map { id in label(id, name: problem.areas.first { $0.id == id }?.name) } ?? ""
        let site = finding.site.map { id in
            label(id, name: problem.warehouses.first { $0.id == id }?.name ?? problem.shelters.first { $0.id == id }?.name)
        } ?? ""
        let needed = NumberText.number(finding.needed ?? 0), available = NumberText.number(finding.available ?? 0)
        let specialty = finding.specialty ?? ""
        switch finding.kind {
        case .noShelterInReach:
            return Phrase(
                en: "\(hazard): \(area) has \(needed) displaced people but no usable shelter within reach by road; they are counted unsheltered.",
                zh: "\(hazard)：\(area)有\(needed)名转移群众，但道路可达范围内没有可用避难场所，计为未安置。")(language)
        case .noWarehouseInReach:
            return Phrase(
                en: "\(hazard): no usable warehouse reaches \(area) within the supply response time; its supplies are counted unmet.",
                zh: "\(hazard)：在物资响应时限内没有可用仓库能到达\(area)，其物资需求计为未满足。")(language)
        case .shelterCapacityShort:
            return Phrase(
                en: "\(hazard) displaces \(needed) people, but every usable shelter together holds \(available).",
                zh: "\(hazard)共转移\(needed)人，而全部可用避难场所合计只能容纳\(available)人。")(language)
        case .storageShort:
            return Phrase(
                en: "\(hazard) needs \(needed) m³ of supplies, but every usable warehouse together stores \(available) m³.",
                zh: "\(hazard)需要\(needed)立方米物资，而全部可用仓库合计只能存放\(available)立方米。")(language)
        case .specialtyMissing:
            return Phrase(
                en: "\(hazard) needs the specialty \(specialty), which no team has.",
                zh: "\(hazard)需要“\(specialty)”专业力量，但没有任何队伍具备。")(language)
        case .siteOverBudget:
            return Phrase(
                en: "Candidate site \(site) costs \(needed) yuan, more than the whole budget of \(available) yuan.",
                zh: "候选点\(site)建设费用\(needed)元，超过全部预算\(available)元。")(language)
        }
    }

    /// One sentence explaining why `reason`'s need was left unmet.
    public static func sentence(_ reason: UnmetReason, problem: SitingProblem, language: Language) -> String {
        let hazard = label(reason.hazard, name: problem.hazards.first { $0.id == reason.hazard }?.name)
        let area = label(reason.area, name: problem.areas.first { $0.id == reason.area }?.name)
        let names = reason.sites.prefix(6).map { id in
            label(id, name: problem.warehouses.first { $0.id == id }?.name ?? problem.shelters.first { $0.id == id }?.name)
        }.joined(separator: ", ") + (reason.sites.count > 6 ? ", …" : "")
        let amount = NumberText.number(reason.amount, digits: 0)
        switch reason.kind {
        case .sheltersFull:
            return Phrase(en: "\(hazard): \(amount) people of \(area) unsheltered because every shelter in reach is full (\(names)).",
                          zh: "\(hazard)：\(area)有\(amount)人未安置，因为可达的避难场所均已满员（\(names)）。")(language)
        case .shelterCandidatesNotOpened:
            return Phrase(en: "\(hazard): \(amount) people of \(area) unsheltered; candidate shelters in reach were not opened within the budget (\(names)).",
                          zh: "\(hazard)：\(area)有\(amount)人未安置；可达的候选避难场所因预算所限未开放（\(names)）。")(language)
        case .singleShelterRule:
            return Phrase(en: "\(hazard): \(amount) people of \(area) unsheltered; \(names) still has room, but each area goes to one shelter only.",
                          zh: "\(hazard)：\(area)有\(amount)人未安置；\(names)仍有空位，但每个区域只能去一个避难场所。")(language)
        case .warehousesFull:
            return Phrase(en: "\(hazard): supplies for about \(amount) people of \(area) short because every warehouse in reach is full (\(names)).",
                          zh: "\(hazard)：\(area)约\(amount)人份物资短缺，因为可达仓库库容已满（\(names)）。")(language)
        case .stockBudgetSpent:
            return Phrase(en: "\(hazard): supplies for about \(amount) people of \(area) short; the warehouses in reach have room (\(names)), but the stock budget is spent.",
                          zh: "\(hazard)：\(area)约\(amount)人份物资短缺；可达仓库仍有库容（\(names)），但储备采购预算已用完。")(language)
        case .warehouseCandidatesNotOpened:
            return Phrase(en: "\(hazard): supplies for about \(amount) people of \(area) short; candidate warehouses in reach were not opened within the budget (\(names)).",
                          zh: "\(hazard)：\(area)约\(amount)人份物资短缺；可达的候选仓库因预算所限未开放（\(names)）。")(language)
        }
    }
}
