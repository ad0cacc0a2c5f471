import Foundation
import YubeiCore
import YubeiScenario
import YubeiSiting

extension SitingReport {
    /// Sites and their decisions, stock per warehouse, shelter load per hazard (closed sites
    /// marked), and who goes where.
    static func sites(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> [ReportSection] {
        var result: [ReportSection] = []
        let (areaName, hazardName, _) = names(p)
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        // Sites.
        var sites = ReportSection(T.sitesHeading(l))
        var siteRows: [[String]] = []
        for w in p.warehouses {
            let state = SiteDecision(existing: w.isExisting, open: openW.contains(w.id), in: plan).phrase(l)
            siteRows.append([SitingText.label(w.id, name: w.name), T.warehouse(l), state, "\(n(w.capacity)) m³", n(w.isExisting ? 0 : w.fixedCost, digits: 0)])
        }
        for s in p.shelters {
            let state = SiteDecision(existing: s.isExisting, open: openS.contains(s.id), in: plan).phrase(l)
            let cls = s.shelterClass.map { " · " + ScenarioNames.shelterClass($0, l) } ?? ""
            siteRows.append([SitingText.label(s.id, name: s.name), T.shelter(l) + cls, state,
                             "\(n(s.capacity, digits: 0)) (\(n(s.area)) m²)", n(s.isExisting ? 0 : s.fixedCost, digits: 0)])
        }
        sites.blocks.append(.table(ReportTable(headings: [T.site(l), T.kind(l), T.state(l), T.capacity(l), T.fixedCost(l)], rows: siteRows)))
        result.append(sites)

        // Stock.
        if !p.supplies.isEmpty {
            var stock = ReportSection(T.stockHeading(l))
            var rows: [[String]] = []
            for w in p.warehouses where openW.contains(w.id) {
                let held = plan.stock[w.id] ?? [:]
                let volume = p.supplies.reduce(0.0) { $0 + (held[$1.id] ?? 0) * $1.volume }
                rows.append([SitingText.label(w.id, name: w.name)] + p.supplies.map { n(held[$0.id] ?? 0, digits: 0) }
                            + ["\(n(volume)) / \(n(w.capacity))"])
            }
            stock.blocks.append(.table(ReportTable(headings: [T.warehouse(l)] + p.supplies.map { SitingText.label($0.id, name: $0.name) } + [T.volume(l)], rows: rows)))
            result.append(stock)
        }

        // Shelter load.
        var load = ReportSection(T.loadHeading(l))
        var loadRows: [[String]] = []
        for s in p.shelters where openS.contains(s.id) {
            var row = [SitingText.label(s.id, name: s.name), n(s.capacity, digits: 0)]
            for hazard in p.hazards {
                if hazard.closedShelters.contains(p.shelters.firstIndex { $0.id == s.id }!) { row.append(T.closed(l)); continue }
                let people = plan.hazards[hazard.id]?.shelterAssignment.values.reduce(0.0) { $0 + ($1[s.id] ?? 0) } ?? 0
                row.append("\(n(people, digits: 0)) (\(s.capacity > 0 ? Int((people / s.capacity * 100).rounded()) : 0)%)")
            }
            loadRows.append(row)
        }
        load.blocks.append(.table(ReportTable(headings: [T.shelter(l), T.capacity(l)] + p.hazards.map { hazardName[$0.id]! }, rows: loadRows)))
        result.append(load)

        // Evacuation per area.
        var evacuation = ReportSection(T.evacuationHeading(l))
        var evacuationRows: [[String]] = []
        var shortRows = Set<Int>()
        let shelterName = Dictionary(p.shelters.map { ($0.id, SitingText.label($0.id, name: $0.name)) }, uniquingKeysWith: { a, _ in a })
        outer: for hazard in p.hazards {
            guard let hp = plan.hazards[hazard.id] else { continue }
            for (a, area) in p.areas.enumerated() where hazard.displaced[a] > 0 {
                if evacuationRows.count >= 3000 { evacuation.blocks.append(.paragraph(T.truncated(l))); break outer }
                let row = hp.shelterAssignment[area.id] ?? [:]
                let unsheltered = hp.unmet.peopleUnsheltered[area.id] ?? 0
                if unsheltered > 0 { shortRows.insert(evacuationRows.count) }
                evacuationRows.append([hazardName[hazard.id]!, areaName[area.id]!, n(hazard.displaced[a], digits: 0),
                                       row.sorted { $0.key < $1.key }.map { "\(shelterName[$0.key] ?? $0.key) \(n($0.value, digits: 0))" }.joined(separator: "; "),
                                       n(unsheltered, digits: 0)])
            }
        }
        evacuation.blocks.append(.table(ReportTable(headings: [T.hazard(l), T.area(l), T.displaced(l), T.shelters(l), T.unsheltered(l)],
                                       rows: evacuationRows, flagged: shortRows)))
        result.append(evacuation)

        return result
    }
}
