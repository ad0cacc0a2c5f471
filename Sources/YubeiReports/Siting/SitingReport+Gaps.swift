import Foundation
import YubeiCore
import YubeiSiting

extension SitingReport {
    /// What would close each gap (found by re-solving with one more site, ``GapCloser``) and any
    /// service level that cannot be met.
    static func gaps(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> [ReportSection] {
        var result = serviceLevels(p, plan, l)
        let hasGap = plan.hazards.values.contains { $0.summary.unsheltered > 0 || $0.summary.fullySupplied < $0.summary.displaced }
        guard hasGap else { return result }
        var section = ReportSection(T.closersHeading(l))
        section.blocks.append(.paragraph(T.closersNote(l)))
        let (_, hazardName, siteName) = names(p)
        let yuan = NumberText(l)
        var rows: [[String]] = []
        for closer in plan.improvements {
            let gains = p.hazards.compactMap { h in closer.gainByHazard[h.id].map { "\(hazardName[h.id] ?? h.id) +\(n($0, digits: 0))" } }
            rows.append([
                (closer.kind == .shelter ? T.openShelter(l) : T.openWarehouse(l)) + " " + (siteName[closer.site] ?? closer.site),
                yuan.money(closer.cost),
                closer.extraBudget > 0 ? "+" + yuan.money(closer.extraBudget) : T.withinBudget(l),
                (closer.kind == .shelter ? T.moreSheltered(l) : T.moreSupplied(l)) + ": " + gains.joined(separator: "; "),
                n(closer.peoplePer10000Yuan, digits: 2),
            ])
        }
        if rows.isEmpty {
            section.blocks.append(.paragraph(T.noCloser(l)))
        } else {
            section.blocks.append(.table(ReportTable(headings: [T.change(l), T.siteCost(l), T.budgetNeeded(l), T.gain(l), T.perTenThousand(l)],
                                                     rows: rows)))
        }
        result.append(section)
        return result
    }

    /// Service levels that cannot be met: which areas, by how much, what blocks it.
    static func serviceLevels(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> [ReportSection] {
        guard !plan.serviceLevelShortfalls.isEmpty else { return [] }
        let (areaName, hazardName, _) = names(p)
        var section = ReportSection(T.serviceHeading(l))
        for shortfall in plan.serviceLevelShortfalls {
            section.blocks.append(.paragraph(T.serviceSentence(
                hazard: hazardName[shortfall.hazard] ?? shortfall.hazard, level: n(shortfall.serviceLevel * 100, digits: 1),
                required: n(shortfall.required, digits: 0), achievable: n(shortfall.achievable, digits: 0))(l), tone: .flag))
            section.blocks.append(.table(ReportTable(
                headings: [T.area(l), T.unsheltered(l), T.withoutKit(l)],
                rows: shortfall.areas.prefix(50).map { [areaName[$0.area] ?? $0.area, n($0.unsheltered, digits: 0), n($0.withoutKit, digits: 0)] })))
            let why = shortfall.findings.map { SitingText.sentence($0, problem: p, language: l) }
                + shortfall.reasons.map { SitingText.sentence($0, problem: p, language: l) }
            if !why.isEmpty { section.blocks.append(.list(Array(why.prefix(30)))) }
        }
        return [section]
    }

    /// Unmet needs by hazard and area, with the reasons found after solving.
    static func unmet(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> ReportSection {
        let (areaName, hazardName, _) = names(p)
        var section = ReportSection(T.unmetHeading(l))
        var rows: [[String]] = []
        for hazard in p.hazards {
            guard let hp = plan.hazards[hazard.id] else { continue }
            let areas = Set(hp.unmet.peopleUnsheltered.keys).union(hp.unmet.peopleWithoutKit.keys).union(hp.unmet.supplies.keys)
            for area in p.areas where areas.contains(area.id) {
                let short = p.supplies.compactMap { s in hp.unmet.supplies[area.id]?[s.id].map { "\(s.name.isEmpty ? s.id : s.name) \(n($0, digits: 0))" } }
                rows.append([hazardName[hazard.id] ?? hazard.id, areaName[area.id] ?? area.id,
                             n(hp.unmet.peopleUnsheltered[area.id] ?? 0, digits: 0), n(hp.unmet.peopleWithoutKit[area.id] ?? 0, digits: 0),
                             short.isEmpty ? T.none(l) : short.joined(separator: "; ")])
                if rows.count >= 3000 { break }
            }
        }
        section.blocks.append(.table(ReportTable(headings: [T.hazard(l), T.area(l), T.unsheltered(l), T.withoutKit(l), T.suppliesShort(l)],
                                                 rows: rows, whenEmpty: T.none(l))))
        if !plan.unmetReasons.isEmpty {
            section.blocks.append(.paragraph(T.whyUnmet(l)))
            section.blocks.append(.list(plan.unmetReasons.prefix(200).map { SitingText.sentence($0, problem: p, language: l) }))
            if plan.unmetReasons.count > 200 { section.blocks.append(.paragraph(T.more(plan.unmetReasons.count - 200)(l))) }
        }
        return section
    }

    /// What no decision can meet, found before solving.
    static func explanations(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> ReportSection {
        var section = ReportSection(T.explanationsHeading(l))
        if plan.explanations.isEmpty {
            section.blocks.append(.paragraph(T.noExplanations(l)))
        } else {
            section.blocks.append(.list(plan.explanations.prefix(200).map { SitingText.sentence($0, problem: p, language: l) }))
            if plan.explanations.count > 200 { section.blocks.append(.paragraph(T.more(plan.explanations.count - 200)(l))) }
        }
        return section
    }
}
