import YubeiCore
import YubeiDrills

/// The check as CSV for a spreadsheet: one row per (organisation, rule, period) with the
/// organisation's name, kind and township and the rule's source, so the notice can be sorted and
/// filtered in Excel. UTF-8 with a byte-order mark, which Excel needs to show Chinese.
public enum DrillCheckCSV {
    public static let columns = ["organization", "name", "kind", "township", "rule", "source", "period", "period_start",
                                 "period_end", "required", "done", "status", "counting", "plans_short"]

    public static func text(_ report: DrillCheckReport, orgs: OrganizationRegistry) -> String {
        let byId = Dictionary(orgs.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = Dictionary(orgs.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = report.results.map { r in
            let o = byId[r.organization]
            return [
                r.organization, o?.name ?? "", o?.kind.rawValue ?? "", o?.township ?? "", r.rule,
                rules[r.rule]?.source ?? "", r.period.label, r.period.start.description, r.period.end.description,
                String(r.required), String(r.done), r.status.rawValue, r.counting.rawValue,
                r.plans.filter { !$0.isMet }.map(\.plan).joined(separator: " "),
            ]
        }
        return CSVRenderer.render(headings: columns, rows: rows)
    }
}
