import YubeiCore
import YubeiDrills

/// The bureau's monthly notice (通报) of a drill check, as Markdown or HTML: summary, shortfalls
/// grouped by kind of organisation and by township, what falls due in the next 30 days,
/// findings, open corrective actions and plan evaluations due.
public enum DrillCheckNotice {
    /// One group of the notice (a kind, or a township) with its counts and shortfalls.
    struct Group {
        var title: String
        var organizations: Int
        var met = 0, missed = 0, due = 0
        /// Results not met: missed first, then due, each in file order.
        var shortfalls: [QuotaResult] = []
    }

    /// The notice's content, independent of markup.
    static func document(_ report: DrillCheckReport, orgs: OrganizationRegistry, language l: Language) -> ReportDocument {
        let T = DrillsText.self
        let byId = Dictionary(orgs.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rulesById = Dictionary(orgs.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { byId[id]?.name ?? id }
        let resultHeadings = [T.organization(l), T.rule(l), T.source(l), T.period(l), T.required(l), T.done(l),
                              T.statusHeading(l)]
        /// In Chinese the rule's title (the sources' wording), in English its id.
        func ruleText(_ id: String) -> String { l == .zh ? (rulesById[id]?.title ?? id) : id }
        func resultRow(_ r: QuotaResult) -> [String] {
            [name(r.organization), ruleText(r.rule), rulesById[r.rule]?.source ?? "", T.periodText(r.period)(l), String(r.required),
             String(r.done), T.status(r.status)(l) + DrillCheckTable.planNote(r, l)]
        }
        func group(_ title: String, _ results: [QuotaResult], organizations: Int) -> Group {
            var g = Group(title: title, organizations: organizations)
            for r in results {
                switch r.status {
                case .met: g.met += 1
                case .missed: g.missed += 1
                case .due: g.due += 1
                }
            }
            g.shortfalls = results.filter { $0.status == .missed } + results.filter { $0.status == .due }
            return g
        }
        /// Each group's shortfalls under a sub-heading, the status cell marked missed or due.
        func groupTables(_ groups: [Group]) -> [ReportBlock] {
            groups.flatMap { g -> [ReportBlock] in
                let heading = "\(g.title)（\(T.summary(met: g.met, missed: g.missed, due: g.due)(l))）"
                var table = ReportTable(headings: resultHeadings, rows: g.shortfalls.map(resultRow), whenEmpty: T.allMet(l))
                for (i, r) in g.shortfalls.enumerated() {
                    table.mark(row: i, column: resultHeadings.count - 1, as: r.status == .missed ? .missed : .due)
                }
                return [.subheading(heading), .table(table)]
            }
        }
        func section(_ heading: String, sentence: String?, _ blocks: [ReportBlock] = []) -> ReportSection {
            ReportSection(heading, (sentence.map { [ReportBlock.paragraph($0)] } ?? []) + blocks)
        }

        var sections: [ReportSection] = []
        sections.append(section(
            T.overall(l),
            sentence: ([T.asOf(report.asOf, given: report.asOfGiven)(l),
                        T.summary(met: report.count(.met), missed: report.count(.missed), due: report.count(.due))(l)
                            + (l == .zh ? "。" : ".")]
                       + (report.anyMissed || report.count(.due) > 0 ? [] : [T.allMet(l)]))
                .joined(separator: l == .zh ? "" : " ")))

        // By kind, in the order of FORMATS.md.
        var kindGroups: [Group] = []
        for kind in OrganizationKind.allCases {
            let members = Set(orgs.organizations.filter { $0.kind == kind }.map(\.id))
            guard !members.isEmpty else { continue }
            kindGroups.append(group(T.kind(kind)(l), report.results.filter { members.contains($0.organization) },
                                    organizations: members.count))
        }
        sections.append(section(T.byKind(l), sentence: nil, groupTables(kindGroups)))

        // By township: a summary table, then each township's shortfalls.
        var townships: [String] = []
        for o in orgs.organizations {
            let t = o.township ?? T.noTownship(l)
            if !townships.contains(t) { townships.append(t) }
        }
        let townshipGroups = townships.map { t -> Group in
            let members = Set(orgs.organizations.filter { ($0.township ?? T.noTownship(l)) == t }.map(\.id))
            return group(t, report.results.filter { members.contains($0.organization) }, organizations: members.count)
        }
        let townshipTable = ReportTable(
            headings: [T.township(l), T.organizations(l), T.status(.met)(l), T.status(.missed)(l), T.status(.due)(l)],
            rows: townshipGroups.map { [$0.title, String($0.organizations), String($0.met), String($0.missed), String($0.due)] },
            whenEmpty: T.allMet(l))
        sections.append(section(T.byTownship(l), sentence: nil,
                                [.table(townshipTable)] + groupTables(townshipGroups.filter { !$0.shortfalls.isEmpty })))

        var dueSoon = section(T.dueSoon(l), sentence: report.dueSoon.isEmpty ? T.nothingDueSoon(l) : nil)
        if !report.dueSoon.isEmpty {
            dueSoon.blocks.append(.table(ReportTable(
                headings: [T.organization(l), T.township(l), T.rule(l), T.period(l), T.ends(l), T.required(l), T.done(l)],
                rows: report.dueSoon.map {
                    [name($0.organization), byId[$0.organization]?.township ?? "", ruleText($0.rule), T.periodText($0.period)(l),
                     $0.period.end.description, String($0.required), String($0.done)]
                })))
        }
        sections.append(dueSoon)

        var findings = section(T.findings(l), sentence: report.findings.isEmpty ? T.noFindings(l) : nil)
        if !report.findings.isEmpty {
            findings.blocks.append(.table(ReportTable(
                headings: [T.organization(l), T.township(l), T.date(l), T.issueHeading(l)],
                rows: report.findings.map {
                    [name($0.organization), byId[$0.organization]?.township ?? "", $0.date.description, T.issue($0.issue)(l)]
                })))
        }
        sections.append(findings)

        var actions = section(T.correctiveActions(l), sentence: report.openActions.isEmpty ? T.noOpenActions(l) : nil)
        if !report.openActions.isEmpty {
            actions.blocks.append(.table(ReportTable(
                headings: [T.organization(l), T.drillDate(l), T.action(l), T.owner(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.openActions.map {
                    [name($0.organization), $0.drillDate.description, $0.action, $0.owner, $0.dueDate.description,
                     $0.isOverdue(asOf: report.asOf) ? T.overdue(l) : T.open(l)]
                })))
        }
        sections.append(actions)

        var evaluations = section(T.planEvaluations(l),
                                  sentence: report.planEvaluations.isEmpty ? T.noPlanEvaluations(l) : nil)
        if !report.planEvaluations.isEmpty {
            var table = ReportTable(
                headings: [T.organization(l), T.plan(l), T.lastEvaluated(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.planEvaluations.map {
                    [name($0.organization), $0.plan, $0.lastEvaluated.description, $0.dueDate.description,
                     $0.overdue ? T.overdue(l) : T.status(.due)(l)]
                })
            for (i, evaluation) in report.planEvaluations.enumerated() where !evaluation.overdue {
                table.mark(row: i, column: 4, as: .due)
            }
            evaluations.blocks.append(.table(table))
        }
        sections.append(evaluations)
        return ReportDocument(title: T.title(year: report.year, jurisdiction: orgs.jurisdiction)(l), language: l, sections: sections)
    }

    // MARK: Rendering

    /// The notice as Markdown (GitHub tables).
    public static func markdown(_ report: DrillCheckReport, orgs: OrganizationRegistry, language l: Language) -> String {
        MarkdownRenderer.render(document(report, orgs: orgs, language: l))
    }

    /// The notice as one self-contained HTML page (inline CSS, printable).
    public static func html(_ report: DrillCheckReport, orgs: OrganizationRegistry, language l: Language) -> String {
        HTMLRenderer.render(document(report, orgs: orgs, language: l))
    }
}
