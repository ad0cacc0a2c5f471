import YubeiCore
import YubeiDrills

/// The check as CSV for a spreadsheet: one row per (organisation, rule, period) with the
/// organisation's name, kind and township and the rule's source, so the notice can be sorted and
/// filtered in Excel. UTF-8 with a byte-order mark, which Excel needs to show Chinese.
///
/// In English the columns and words are the stable ids (`status` = `met`); in Chinese
/// (`--lang zh`) the headings, kinds, statuses and counting words are Chinese (``DrillsText``).
public enum DrillCheckCSV {
    public static let columns = DrillsText.csvColumns.map(\.en)

    public static func text(_ report: DrillCheckReport, orgs: OrganizationRegistry, language: Language = .en) -> String {
        let byId = Dictionary(orgs.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = Dictionary(orgs.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = report.results.map { r in
            let o = byId[r.organization]
            return [
                r.organization, o?.name ?? "", o.map { DrillsText.kindWord($0.kind)(language) } ?? "", o?.township ?? "", r.rule,
                rules[r.rule]?.source ?? "", r.period.label, r.period.start.description, r.period.end.description,
                String(r.required), String(r.done),
                language == .en ? r.status.rawValue : DrillsText.status(r.status)(language),
                language == .en ? r.counting.rawValue : DrillsText.counting(r.counting)(language),
                r.plans.filter { !$0.isMet }.map(\.plan).joined(separator: " "),
            ]
        }
        return CSVRenderer.render(headings: DrillsText.csvColumns.map { $0(language) }, rows: rows)
    }
}
