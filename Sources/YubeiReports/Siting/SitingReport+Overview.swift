import Foundation
import YubeiCore
import YubeiScenario
import YubeiSiting

extension SitingReport {
    /// The first screen: per hazard with its probability, displaced, sheltered, unsheltered,
    /// fully supplied, short by item, team gaps and the sites usable in it (closed ones left
    /// out); then spending against each budget.
    static func overview(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> ReportSection {
        var section = ReportSection(T.overviewHeading(l))
        section.blocks.append(.paragraph(T.statusSentence(plan.status, proven: plan.levels?.needsProven ?? false, risk: ScenarioNames.risk(p.policy.risk.rawValue, l))(l),
                                         tone: plan.status == .optimal ? nil : .warn))
        for violation in plan.verification { section.blocks.append(.paragraph("✗ " + violation.description, tone: .flag)) }
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        var rows: [[String]] = []
        var flagged = Set<Int>()
        for hazard in p.hazards {
            guard let hp = plan.hazards[hazard.id] else { continue }
            let s = hp.summary
            var short: [String] = []
            for supply in p.supplies {
                let units = hp.unmet.supplies.values.reduce(0.0) { $0 + ($1[supply.id] ?? 0) }
                if units > 0 { short.append("\(supply.name.isEmpty ? supply.id : supply.name) \(n(units, digits: 0))") }
            }
            let usableShelters = p.shelters.indices.filter { openS.contains(p.shelters[$0].id) && !hazard.closedShelters.contains($0) }.count
            let usableWarehouses = p.warehouses.indices.filter { openW.contains(p.warehouses[$0].id) && !hazard.closedWarehouses.contains($0) }.count
            let gaps = hp.teamCoverage.uncovered.count
            if s.unsheltered > 0 || s.fullySupplied < s.displaced || gaps > 0 { flagged.insert(rows.count) }
            rows.append([SitingText.label(hazard.id, name: hazard.name), hazard.probability.map { n($0, digits: 3) } ?? "—",
                         n(s.displaced, digits: 0), n(s.sheltered, digits: 0), n(s.unsheltered, digits: 0),
                         n(s.fullySupplied, digits: 0), short.isEmpty ? T.none(l) : short.joined(separator: "; "),
                         gaps == 0 ? T.none(l) : "\(gaps)", "\(usableShelters) / \(usableWarehouses)"])
        }
        section.blocks.append(.table(ReportTable(
            headings: [T.hazard(l), T.probability(l), T.displaced(l), T.sheltered(l), T.unsheltered(l), T.fullySupplied(l),
                       T.shortByItem(l), T.teamGaps(l), T.sitesInUse(l)],
            rows: rows, flagged: flagged)))
        if let spending = plan.spending {
            let yuan = NumberText(l)
            func share(_ spent: Double, _ budget: Double?) -> String {
                guard let budget, budget > 0 else { return "" }
                return " (\(Int((spent / budget * 100).rounded()))%)"
            }
            section.blocks.append(.table(ReportTable(headings: [T.budgetItem(l), T.spent(l), T.budgetColumn(l)], rows: [
                [T.openingSites(l), yuan.money(spending.opening) + share(spending.opening, spending.budget),
                 spending.budget.map { yuan.money($0) } ?? T.unlimited(l)],
                [T.buyingStock(l), yuan.money(spending.stock) + share(spending.stock, spending.stockBudget),
                 spending.stockBudget.map { yuan.money($0) } ?? T.unlimited(l)],
            ])))
        }
        return section
    }
}
