import Foundation
import YubeiCore
import YubeiScenario
import YubeiSiting

/// The planner's report of a siting plan, as Markdown (`report.md`) and as one self-contained
/// HTML page with an SVG map per hazard (`report.html`). Both come from the same sections, so
/// they agree. It speaks people and yuan: the first screen is each hazard's people and the
/// spending against each budget, then what would close each gap; solver figures are last, and
/// no penalty figure appears anywhere (the raw numbers stay in plan.json).
///
/// One file per concept: ``overview`` (SitingReport+Overview.swift), ``gaps`` and explanations
/// (+Gaps), sites, stock and evacuation (+Sites), teams (+Teams), the solve (+Solve).
public enum SitingReport {
    typealias T = SitingReportText

    /// A few lines for the terminal after `yubei solve`.
    public static func summary(problem: SitingProblem, plan: SitingPlan, outputDirectory: String, language: Language) -> String {
        var lines = ["\(problem.name): \(ReportText.status(plan.status)(language))"]
        for hazard in problem.hazards {
            guard let s = plan.hazards[hazard.id]?.summary else { continue }
            lines.append(T.hazardLine(name: SitingText.label(hazard.id, name: hazard.name),
                                      probability: hazard.probability.map { n($0, digits: 3) } ?? "—",
                                      displaced: n(s.displaced, digits: 0), sheltered: n(s.sheltered, digits: 0),
                                      unsheltered: n(s.unsheltered, digits: 0), supplied: n(s.fullySupplied, digits: 0))(language))
        }
        if let spending = plan.spending {
            lines.append(T.spendingLine(opening: n(spending.opening, digits: 0), budget: spending.budget.map { n($0, digits: 0) } ?? T.unlimited(language),
                                        stock: n(spending.stock, digits: 0),
                                        stockBudget: spending.stockBudget.map { n($0, digits: 0) } ?? T.unlimited(language))(language))
        }
        for violation in plan.verification.prefix(5) { lines.append("✗ " + violation.description) }
        lines.append(T.written(outputDirectory)(language))
        return lines.joined(separator: "\n")
    }

    /// `report.md`.
    public static func markdown(problem: SitingProblem, plan: SitingPlan, language: Language, boundaries: Boundaries? = nil) -> String {
        MarkdownRenderer.render(document(problem: problem, plan: plan, language: language, boundaries: boundaries))
    }

    /// `report.html`: inline CSS and SVG, no scripts, no external resources.
    public static func html(problem: SitingProblem, plan: SitingPlan, language: Language, boundaries: Boundaries? = nil) -> String {
        HTMLRenderer.render(document(problem: problem, plan: plan, language: language, boundaries: boundaries))
    }

    /// The report's content, independent of markup: one document for both forms.
    static func document(problem: SitingProblem, plan: SitingPlan, language: Language, boundaries: Boundaries? = nil) -> ReportDocument {
        var document = ReportDocument(title: "\(T.title(language)): \(problem.name)", language: language,
                                      sections: sections(problem: problem, plan: plan, language: language, boundaries: boundaries))
        document.style = SitingMap.style(hazards: problem.hazards.count)
        return document
    }

    static func n(_ x: Double?, digits: Int = 1) -> String { NumberText.number(x, digits: digits) }

    /// Every section, first screen first.
    static func sections(problem p: SitingProblem, plan: SitingPlan, language l: Language, boundaries: Boundaries? = nil) -> [ReportSection] {
        var result = [overview(p, plan, l)]
        guard plan.status.hasSolution || plan.status == .error else {
            result += serviceLevels(p, plan, l)
            result.append(explanations(p, plan, l))
            result.append(solve(p, plan, l))
            return result
        }
        result += gaps(p, plan, l)
        result.append(ReportSection(T.mapHeading(l), [.html(SitingMap.html(problem: p, plan: plan, language: l, boundaries: boundaries))]))
        result += sites(p, plan, l)
        result.append(unmet(p, plan, l))
        result.append(explanations(p, plan, l))
        result += teams(p, plan, l)
        result.append(solve(p, plan, l))
        return result
    }

    static func names(_ p: SitingProblem) -> (area: [String: String], hazard: [String: String], site: [String: String]) {
        (Dictionary(p.areas.map { ($0.id, SitingText.label($0.id, name: $0.name)) }, uniquingKeysWith: { a, _ in a }),
         Dictionary(p.hazards.map { ($0.id, SitingText.label($0.id, name: $0.name)) }, uniquingKeysWith: { a, _ in a }),
         Dictionary(p.warehouses.map { ($0.id, SitingText.label($0.id, name: $0.name)) } + p.shelters.map { ($0.id, SitingText.label($0.id, name: $0.name)) },
                    uniquingKeysWith: { a, _ in a }))
    }
}
