import Foundation
import YubeiCore
import YubeiScenario
import YubeiSiting

extension SitingReport {
    /// Team coverage gaps per hazard and specialty, and team staging when asked for.
    static func teams(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> [ReportSection] {
        var result: [ReportSection] = []
        let (areaName, hazardName, _) = names(p)
        // Team gaps.
        var teams = ReportSection(T.teamsHeading(l))
        var teamRows: [[String]] = []
        for hazard in p.hazards {
            guard let coverage = plan.hazards[hazard.id]?.teamCoverage else { continue }
            for specialty in hazard.needs {
                let gaps = coverage.uncovered.filter { $0.specialty == specialty }.map { areaName[$0.area] ?? $0.area }
                let after = coverage.uncoveredAfterStaging?.filter { $0.specialty == specialty }.map { areaName[$0.area] ?? $0.area }
                guard !gaps.isEmpty || !(after ?? []).isEmpty else { continue }
                var row = [hazardName[hazard.id]!, ScenarioNames.specialty(specialty, l), gaps.isEmpty ? T.none(l) : gaps.joined(separator: ", ")]
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

        return result
    }
}
