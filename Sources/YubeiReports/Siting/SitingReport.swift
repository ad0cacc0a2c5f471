import Foundation
import YubeiCore
import YubeiSiting

/// The planner's report of a siting plan, as Markdown (`report.md`) and as one self-contained
/// HTML page with an SVG map (`report.html`). Both come from the same sections, so they agree.
public enum SitingReport {
    typealias T = SitingReportText

    /// A few lines for the terminal after `yubei solve`.
    public static func summary(problem: SitingProblem, plan: SitingPlan, outputDirectory: String, language: Language) -> String {
        let unsheltered = plan.hazards.values.reduce(0.0) { $0 + $1.unmet.peopleUnsheltered.values.reduce(0, +) }
        let shortfalls = plan.hazards.values.reduce(0) { $0 + $1.unmet.supplies.count }
        let gaps = plan.hazards.values.reduce(0) { $0 + $1.teamCoverage.uncovered.count }
        return T.summary(
            name: problem.name, status: ReportText.status(plan.status)(language),
            objective: n(plan.objective, digits: 0),
            cost: plan.objectiveTerms.map { n($0.opening + $0.stock + $0.expectedTransport, digits: 0) } ?? "—",
            gap: NumberText.percent(plan.gap),
            seconds: NumberText.seconds(plan.seconds), warehouses: plan.openWarehouses.count,
            shelters: plan.openShelters.count, opening: n(plan.spending?.opening ?? 0, digits: 0),
            unsheltered: n(unsheltered, digits: 0), shortfalls: shortfalls, gaps: gaps,
            explanations: plan.explanations.count + plan.unmetReasons.count, out: outputDirectory)(language)
    }

    /// `report.md`.
    public static func markdown(problem: SitingProblem, plan: SitingPlan, language: Language) -> String {
        MarkdownRenderer.render(document(problem: problem, plan: plan, language: language))
    }

    /// `report.html`: inline CSS and SVG, no external resources.
    public static func html(problem: SitingProblem, plan: SitingPlan, language: Language) -> String {
        HTMLRenderer.render(document(problem: problem, plan: plan, language: language))
    }

    /// The report's content, independent of markup: one document for both forms.
    static func document(problem: SitingProblem, plan: SitingPlan, language: Language) -> ReportDocument {
        ReportDocument(title: "\(T.title(language)): \(problem.name)", language: language,
                       sections: sections(problem: problem, plan: plan, language: language))
    }

    static func n(_ x: Double?, digits: Int = 1) -> String { NumberText.number(x, digits: digits) }

    // MARK: Sections

    static func sections(problem p: SitingProblem, plan: SitingPlan, language l: Language) -> [ReportSection] {
        var result: [ReportSection] = []
        let areaName = Dictionary(p.areas.map { ($0.id, SitingText.label($0.id, name: $0.name)) }, uniquingKeysWith: { a, _ in a })
        let hazardName = Dictionary(p.hazards.map { ($0.id, SitingText.label($0.id, name: $0.name)) }, uniquingKeysWith: { a, _ in a })
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)

        // Status.
        var status = ReportSection(T.status(l))
        status.blocks.append(.table(ReportTable(headings: [T.term(l), ""], rows: [
            [T.status(l), ReportText.status(plan.status)(l)],
            [T.objective(l), n(plan.objective, digits: 0)],
            [T.bound(l), n(plan.bound, digits: 0)],
            [T.lpBound(l), n(plan.lpBound, digits: 0)],
            [T.gap(l), NumberText.percent(plan.gap, digits: 4)],
            [T.seconds(l), NumberText(l).duration(seconds: plan.seconds)],
        ])))
        result.append(status)
        guard plan.objective != nil else {
            var none = ReportSection(T.sitesHeading(l))
            none.blocks.append(.paragraph(T.noSolution(l)))
            result.append(none)
            result.append(explanations(p, plan, l))
            return result
        }

        result.append(ReportSection(T.mapHeading(l), [.html(SitingMap.svg(problem: p, plan: plan, language: l))]))

        // Objective.
        var objective = ReportSection(T.objectiveHeading(l))
        objective.blocks.append(.paragraph(T.objectiveText(penalty: n(plan.unmetPenaltyPerPerson, digits: 0))(l)))
        if let terms = plan.objectiveTerms {
            objective.blocks.append(.table(ReportTable(headings: [T.term(l), T.yuan(l)], rows: [
                [T.unmetPenalty(l), n(terms.unmetPenalty, digits: 0)],
                [T.opening(l), n(terms.opening, digits: 0)],
                [T.stockCost(l), n(terms.stock, digits: 0)],
                [T.transport(l), n(terms.expectedTransport, digits: 0)],
                [T.objective(l), n(plan.objective, digits: 0)],
            ])))
        }
        result.append(objective)
        result.append(explanations(p, plan, l))

        // Sites.
        var sites = ReportSection(T.sitesHeading(l))
        var siteRows: [[String]] = []
        for w in p.warehouses {
            let state = w.isExisting ? T.existing(l) : openW.contains(w.id) ? T.opened(l) : T.notOpened(l)
            siteRows.append([SitingText.label(w.id, name: w.name), T.warehouse(l), state, "\(n(w.capacity)) m³", n(w.isExisting ? 0 : w.fixedCost, digits: 0)])
        }
        for s in p.shelters {
            let state = s.isExisting ? T.existing(l) : openS.contains(s.id) ? T.opened(l) : T.notOpened(l)
            let cls = s.shelterClass.map { " · \($0)" } ?? ""
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
                rows.append([SitingText.label(w.id, name: w.name)] + p.supplies.map { n(held[$0.id] ?? 0) }
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

        // Unmet.
        var unmet = ReportSection(T.unmetHeading(l))
        var unmetRows: [[String]] = []
        var flagged = Set<Int>()
        for hazard in p.hazards {
            let hp = plan.hazards[hazard.id]
            let people = hp?.unmet.peopleUnsheltered.values.reduce(0, +) ?? 0
            var short: [String: Double] = [:]
            for (_, row) in hp?.unmet.supplies ?? [:] { for (s, q) in row { short[s, default: 0] += q } }
            let shortText = short.isEmpty ? T.none(l) : p.supplies.compactMap { s in short[s.id].map { "\(s.name.isEmpty ? s.id : s.name) \(n($0))" } }.joined(separator: "; ")
            let areas = Set((hp?.unmet.peopleUnsheltered.keys).map(Array.init) ?? []).union((hp?.unmet.supplies.keys).map(Array.init) ?? [])
            if people > 0 || !short.isEmpty { flagged.insert(unmetRows.count) }
            unmetRows.append([hazardName[hazard.id]!, hazard.probability.map { n($0, digits: 3) } ?? "—",
                              n(hazard.displaced.reduce(0, +), digits: 0), n(people, digits: 0), shortText,
                              areas.sorted().map { areaName[$0] ?? $0 }.joined(separator: ", ")])
        }
        unmet.blocks.append(.table(ReportTable(headings: [T.hazard(l), T.probability(l), T.displaced(l), T.unsheltered(l), T.suppliesShort(l), T.areas(l)],
                                  rows: unmetRows, flagged: flagged)))
        if !plan.unmetReasons.isEmpty {
            unmet.blocks.append(.paragraph(T.whyUnmet(l)))
            for reason in plan.unmetReasons.prefix(200) {
                unmet.blocks.append(.paragraph("• " + SitingText.sentence(reason, problem: p, language: l)))
            }
            if plan.unmetReasons.count > 200 { unmet.blocks.append(.paragraph(T.more(plan.unmetReasons.count - 200)(l))) }
        }
        result.append(unmet)

        // Team gaps.
        var teams = ReportSection(T.teamsHeading(l))
        var teamRows: [[String]] = []
        for hazard in p.hazards {
            guard let coverage = plan.hazards[hazard.id]?.teamCoverage else { continue }
            for specialty in hazard.needs {
                let gaps = coverage.uncovered.filter { $0.specialty == specialty }.map { areaName[$0.area] ?? $0.area }
                let after = coverage.uncoveredAfterStaging?.filter { $0.specialty == specialty }.map { areaName[$0.area] ?? $0.area }
                guard !gaps.isEmpty || !(after ?? []).isEmpty else { continue }
                var row = [hazardName[hazard.id]!, specialty, gaps.isEmpty ? T.none(l) : gaps.joined(separator: ", ")]
                if plan.teamStaging != nil { row.append((after ?? []).isEmpty ? T.none(l) : after!.joined(separator: ", ")) }
                teamRows.append(row)
            }
        }
        if teamRows.isEmpty {
            teams.blocks.append(.paragraph(T.noTeamGaps(l)))
        } else {
            var header = [T.hazard(l), T.specialty(l), T.uncoveredAreas(l)]
            if plan.teamStaging != nil { header.append(T.afterStaging(l)) }
            teams.blocks.append(.table(ReportTable(headings: header, rows: teamRows)))
        }
        result.append(teams)
        if let staging = plan.teamStaging {
            var section = ReportSection(T.stagingHeading(l))
            section.blocks.append(.paragraph(T.stagingSummary(before: n(staging.coveredBefore, digits: 0), after: n(staging.coveredAfter, digits: 0))(l)))
            let names = Dictionary((p.warehouses.map { ($0.id, $0.name) } + p.shelters.map { ($0.id, $0.name) }), uniquingKeysWith: { a, _ in a })
            section.blocks.append(.table(ReportTable(headings: [T.team(l), T.site(l)], rows: p.teams.map { team in
                switch staging.sites[team.id] ?? .base {
                case .base: return [SitingText.label(team.id, name: team.name), T.base(l)]
                case .site(let site): return [SitingText.label(team.id, name: team.name), SitingText.label(site, name: names[site])]
                }
            })))
            result.append(section)
        }

        // Spending.
        if let spending = plan.spending {
            var section = ReportSection(T.spendingHeading(l))
            let over = spending.budget.map { spending.opening > $0 + 1e-6 } ?? false
            section.blocks.append(.table(ReportTable(headings: [T.term(l), T.yuan(l)], rows: [
                [T.budget(l), spending.budget.map { n($0, digits: 0) } ?? T.unlimited(l)],
                [T.spentOnOpening(l), n(spending.opening, digits: 0) + (spending.budget.map { $0 > 0 ? " (\(Int((spending.opening / $0 * 100).rounded()))%)" : "" } ?? "")],
                [T.stockOutsideBudget(l), n(spending.stock, digits: 0)],
            ], flagged: over ? [1] : [])))
            result.append(section)
        }

        // Shadow prices.
        if let prices = plan.shadowPrices {
            var section = ReportSection(T.shadowHeading(l))
            section.blocks.append(.paragraph(T.shadowNote(l)))
            var rows: [[String]] = []
            for w in p.warehouses { if let v = prices.warehouseCubicMetre[w.id], abs(v) > 1e-9 { rows.append(["\(T.perCubicMetre(l)) \(SitingText.label(w.id, name: w.name))", n(v, digits: 2)]) } }
            for s in p.shelters { if let v = prices.shelterSquareMetre[s.id], abs(v) > 1e-9 { rows.append(["\(T.perSquareMetre(l)) \(SitingText.label(s.id, name: s.name))", n(v, digits: 2)]) } }
            if let v = prices.budgetYuan { rows.append([T.perYuan(l), n(v, digits: 4)]) }
            if rows.isEmpty { section.blocks.append(.paragraph(T.noneBinding(l))) } else { section.blocks.append(.table(ReportTable(headings: [T.term(l), T.yuan(l)], rows: rows))) }
            result.append(section)
        }

        // Model.
        var model = ReportSection(T.modelHeading(l))
        model.blocks.append(.table(ReportTable(headings: [T.term(l), ""], rows: [
            [T.variables(l), "\(plan.modelSize.variables)"],
            [T.integerVariables(l), "\(plan.modelSize.integerVariables)"],
            [T.rows(l), "\(plan.modelSize.rows)"],
            [T.nonzeros(l), "\(plan.modelSize.nonzeros)"],
            [T.strongFlowLinks(l), plan.modelSize.strongFlowLinks ? T.yes(l) : T.no(l)],
            [T.seconds(l), NumberText(l).duration(seconds: plan.seconds)],
            [T.gap(l), NumberText.percent(plan.gap, digits: 4)],
            [T.incumbent(l), plan.incumbentAccepted.map { $0 ? T.yes(l) : T.no(l) } ?? "—"],
        ])))
        result.append(model)
        return result
    }

    static func explanations(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> ReportSection {
        var section = ReportSection(T.explanationsHeading(l))
        if plan.explanations.isEmpty {
            section.blocks.append(.paragraph(T.noExplanations(l)))
        } else {
            for finding in plan.explanations.prefix(200) {
                section.blocks.append(.paragraph("• " + SitingText.sentence(finding, problem: p, language: l)))
            }
            if plan.explanations.count > 200 { section.blocks.append(.paragraph(T.more(plan.explanations.count - 200)(l))) }
        }
        return section
    }
}
