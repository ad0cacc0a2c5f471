import Foundation
import YubeiCore
import YubeiScenario
import YubeiSiting
import YubeiStudies

/// The files of one plan's folder, as `yubei solve` writes them: plan.json (with `overrides`),
/// report.md and report.html.
public enum PlanFolder {
    public static func files(problem: SitingProblem, plan: SitingPlan, overrides: [String], resilience: ResilienceSummary? = nil,
                             boundaries: Boundaries? = nil, scenario: Scenario? = nil,
                             language: Language) throws -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = [
            (name: "plan.json", text: try ReportJSON.text(PlanDocument(plan: plan, overrides: overrides, resilience: resilience)) + "\n"),
            (name: "report.md", text: OverridesSection.markdown(
                inserting: overrides, resilience: resilience,
                into: SitingReport.markdown(problem: problem, plan: plan, language: language, boundaries: boundaries), language: language)),
            (name: "report.html", text: OverridesSection.html(
                inserting: overrides, resilience: resilience,
                into: SitingReport.html(problem: problem, plan: plan, language: language, boundaries: boundaries), language: language)),
        ]
        // The map for GIS tools (FORMATS §5), when the scenario's places are at hand.
        if let scenario { files.append((name: "plan.geojson", text: PlanGeoJSON.text(scenario: scenario, plan: plan))) }
        return files
    }
}
