import YubeiCore
import YubeiDrills

/// The terminal report of `yubei drills check`: every result, then findings, what falls due in
/// the next 30 days, open corrective actions, plan evaluations and the summary.
public enum DrillCheckTable {
    public static func render(_ report: DrillCheckReport, orgs: OrganizationRegistry, language l: Language) -> String {
        let T = DrillsText.self
        var parts: [String] = []
        parts.append(T.title(year: report.year, jurisdiction: orgs.jurisdiction)(l))
        parts.append(T.asOf(report.asOf, given: report.asOfGiven)(l))
        parts.append("")
        let names = Dictionary(orgs.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        if report.results.isEmpty {
            parts.append(T.noResults(l))
        } else {
            let rows = report.results.map { r in
                [r.organization, names[r.organization] ?? "", r.rule, r.period.label, String(r.required), String(r.done),
                 T.status(r.status)(l) + planNote(r, l)]
            }
            parts.append(TerminalRenderer.table(ReportTable(
                headings: [T.organizationId(l), T.organization(l), T.rule(l), T.period(l), T.required(l), T.done(l),
                           T.statusHeading(l)],
                rows: rows)))
        }
        if !report.findings.isEmpty {
            parts.append("")
            parts.append(T.findings(l) + ":")
            parts.append(TerminalRenderer.table(ReportTable(
                headings: [T.organizationId(l), T.organization(l), T.date(l), T.issueHeading(l)],
                rows: report.findings.map { [$0.organization, names[$0.organization] ?? "", $0.date.description, T.issue($0.issue)(l)] })))
        }
        if !report.dueSoon.isEmpty {
            parts.append("")
            parts.append(T.dueSoon(l) + ":")
            parts.append(TerminalRenderer.table(ReportTable(
                headings: [T.organizationId(l), T.organization(l), T.rule(l), T.period(l), T.ends(l), T.required(l), T.done(l)],
                rows: report.dueSoon.map {
                    [$0.organization, names[$0.organization] ?? "", $0.rule, $0.period.label, $0.period.end.description,
                     String($0.required), String($0.done)]
                })))
        }
        if !report.openActions.isEmpty {
            parts.append("")
            parts.append(T.correctiveActions(l) + ":")
            parts.append(TerminalRenderer.table(ReportTable(
                headings: [T.organizationId(l), T.drillDate(l), T.action(l), T.owner(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.openActions.map {
                    [$0.organization, $0.drillDate.description, $0.action, $0.owner, $0.dueDate.description,
                     $0.isOverdue(asOf: report.asOf) ? T.overdue(l) : T.open(l)]
                })))
        }
        if !report.planEvaluations.isEmpty {
            parts.append("")
            parts.append(T.planEvaluations(l) + ":")
            parts.append(TerminalRenderer.table(ReportTable(
                headings: [T.organizationId(l), T.plan(l), T.lastEvaluated(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.planEvaluations.map {
                    [$0.organization, $0.plan, $0.lastEvaluated.description, $0.dueDate.description,
                     $0.overdue ? T.overdue(l) : T.status(.due)(l)]
                })))
        }
        parts.append("")
        parts.append(T.summary(met: report.count(.met), missed: report.count(.missed), due: report.count(.due))(l))
        return parts.joined(separator: "\n") + "\n"
    }

    /// ` (plans short: a, b)` for a per-plan result that is short.
    static func planNote(_ result: QuotaResult, _ l: Language) -> String {
        let short = result.plans.filter { !$0.isMet }.map(\.plan)
        return short.isEmpty ? "" : " (\(DrillsText.plansShort(l)): \(short.joined(separator: ", ")))"
    }
}
