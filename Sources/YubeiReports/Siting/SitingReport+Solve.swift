import Foundation
import YubeiCore
import YubeiScenario
import YubeiSiting

extension SitingReport {
    /// How the plan was found, last: the rules of the objective order in their own units, the
    /// cost and its proven gap, the model's size. No penalty figures: the order is imposed by
    /// solving the rules one after another.
    static func solve(_ p: SitingProblem, _ plan: SitingPlan, _ l: Language) -> ReportSection {
        var section = ReportSection(T.modelHeading(l))
        section.blocks.append(.paragraph(T.objectiveOrder(l)))
        var rows: [[String]] = [[T.status(l), ReportText.status(plan.status)(l)]]
        if let levels = plan.levels {
            rows.append([T.riskAttitude(l), ScenarioNames.risk(levels.risk, l)])
            if let share = levels.worstUnshelteredShare { rows.append([T.worstShare(l), NumberText.percent(share, digits: 1)]) }
            rows.append([T.ruleUnsheltered(l), n(levels.unsheltered, digits: 1)])
            rows.append([T.ruleWithoutKit(l), n(levels.withoutKit, digits: 1)])
            rows.append([T.ruleItemsShort(l), n(levels.itemsShort, digits: 1)])
            rows.append([T.ruleCost(l), NumberText(l).money(levels.cost)])
            rows.append([T.needsProven(l), levels.needsProven ? T.yes(l) : T.no(l)])
        }
        if let terms = plan.objectiveTerms {
            rows.append([T.opening(l), NumberText(l).money(terms.opening)])
            rows.append([T.stockCost(l), NumberText(l).money(terms.stock)])
            rows.append([T.transport(l), NumberText(l).money(terms.expectedTransport)])
        }
        rows += [
            [T.gap(l), NumberText.percent(plan.gap, digits: 4)],
            [T.variables(l), "\(plan.modelSize.variables)"],
            [T.integerVariables(l), "\(plan.modelSize.integerVariables)"],
            [T.rows(l), "\(plan.modelSize.rows)"],
            [T.seconds(l), NumberText(l).duration(seconds: plan.seconds)],
        ]
        section.blocks.append(.table(ReportTable(headings: [T.term(l), ""], rows: rows)))
        return section
    }
}
