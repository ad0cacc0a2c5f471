import YubeiCore
import YubeiDrills

/// Plain-text tables for the terminal: columns padded by display width (a Chinese character
/// takes two columns).
public enum TextTable {
    /// Columns a string takes in a terminal.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }

    /// `rows` under `headings`, two spaces between columns.
    public static func render(headings: [String], rows: [[String]]) -> String {
        var widths = headings.map(width)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width(cell)) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - width(cell))
            }.joined(separator: "  ")
        }
        var out = [line(headings), line(widths.map { String(repeating: "-", count: $0) })]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}

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
            parts.append(TextTable.render(
                headings: [T.organizationId(l), T.organization(l), T.rule(l), T.period(l), T.required(l), T.done(l),
                           T.statusHeading(l)],
                rows: rows))
        }
        if !report.findings.isEmpty {
            parts.append("")
            parts.append(T.findings(l) + ":")
            parts.append(TextTable.render(
                headings: [T.organizationId(l), T.organization(l), T.date(l), T.issueHeading(l)],
                rows: report.findings.map { [$0.organization, names[$0.organization] ?? "", $0.date.description, T.issue($0.issue)(l)] }))
        }
        if !report.dueSoon.isEmpty {
            parts.append("")
            parts.append(T.dueSoon(l) + ":")
            parts.append(TextTable.render(
                headings: [T.organizationId(l), T.organization(l), T.rule(l), T.period(l), T.ends(l), T.required(l), T.done(l)],
                rows: report.dueSoon.map {
                    [$0.organization, names[$0.organization] ?? "", $0.rule, $0.period.label, $0.period.end.description,
                     String($0.required), String($0.done)]
                }))
        }
        if !report.openActions.isEmpty {
            parts.append("")
            parts.append(T.correctiveActions(l) + ":")
            parts.append(TextTable.render(
                headings: [T.organizationId(l), T.drillDate(l), T.action(l), T.owner(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.openActions.map {
                    [$0.organization, $0.drillDate.description, $0.action, $0.owner, $0.dueDate.description,
                     $0.isOverdue(asOf: report.asOf) ? T.overdue(l) : T.open(l)]
                }))
        }
        if !report.planEvaluations.isEmpty {
            parts.append("")
            parts.append(T.planEvaluations(l) + ":")
            parts.append(TextTable.render(
                headings: [T.organizationId(l), T.plan(l), T.lastEvaluated(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.planEvaluations.map {
                    [$0.organization, $0.plan, $0.lastEvaluated.description, $0.dueDate.description,
                     $0.overdue ? T.overdue(l) : T.status(.due)(l)]
                }))
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
