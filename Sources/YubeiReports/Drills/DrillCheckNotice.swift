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

    /// A table: headings and rows of cells (plain text; the renderer escapes).
    struct Table {
        var headings: [String]
        var rows: [[String]]
    }

    /// A section: heading, an optional sentence, tables with optional sub-headings.
    struct Section {
        var heading: String
        var sentence: String?
        var tables: [(subheading: String?, table: Table)] = []
    }

    /// The notice's content, independent of markup.
    static func sections(_ report: DrillCheckReport, orgs: OrganizationRegistry, language l: Language) -> [Section] {
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
        func groupTables(_ groups: [Group]) -> [(String?, Table)] {
            groups.map { g in
                let heading = "\(g.title)（\(T.summary(met: g.met, missed: g.missed, due: g.due)(l))）"
                return (heading, Table(headings: resultHeadings, rows: g.shortfalls.map(resultRow)))
            }
        }

        var sections: [Section] = []
        sections.append(Section(
            heading: T.overall(l),
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
        var kindSection = Section(heading: T.byKind(l), sentence: nil)
        kindSection.tables = groupTables(kindGroups).map { (subheading: $0.0, table: $0.1) }
        sections.append(kindSection)

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
        var townshipSection = Section(heading: T.byTownship(l), sentence: nil)
        townshipSection.tables.append((nil, Table(
            headings: [T.township(l), T.organizations(l), T.status(.met)(l), T.status(.missed)(l), T.status(.due)(l)],
            rows: townshipGroups.map { [$0.title, String($0.organizations), String($0.met), String($0.missed), String($0.due)] })))
        townshipSection.tables += groupTables(townshipGroups.filter { !$0.shortfalls.isEmpty })
            .map { (subheading: $0.0, table: $0.1) }
        sections.append(townshipSection)

        var dueSoon = Section(heading: T.dueSoon(l), sentence: report.dueSoon.isEmpty ? T.nothingDueSoon(l) : nil)
        if !report.dueSoon.isEmpty {
            dueSoon.tables.append((nil, Table(
                headings: [T.organization(l), T.township(l), T.rule(l), T.period(l), T.ends(l), T.required(l), T.done(l)],
                rows: report.dueSoon.map {
                    [name($0.organization), byId[$0.organization]?.township ?? "", ruleText($0.rule), T.periodText($0.period)(l),
                     $0.period.end.description, String($0.required), String($0.done)]
                })))
        }
        sections.append(dueSoon)

        var findings = Section(heading: T.findings(l), sentence: report.findings.isEmpty ? T.noFindings(l) : nil)
        if !report.findings.isEmpty {
            findings.tables.append((nil, Table(
                headings: [T.organization(l), T.township(l), T.date(l), T.issueHeading(l)],
                rows: report.findings.map {
                    [name($0.organization), byId[$0.organization]?.township ?? "", $0.date.description, T.issue($0.issue)(l)]
                })))
        }
        sections.append(findings)

        var actions = Section(heading: T.correctiveActions(l), sentence: report.openActions.isEmpty ? T.noOpenActions(l) : nil)
        if !report.openActions.isEmpty {
            actions.tables.append((nil, Table(
                headings: [T.organization(l), T.drillDate(l), T.action(l), T.owner(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.openActions.map {
                    [name($0.organization), $0.drillDate.description, $0.action, $0.owner, $0.dueDate.description,
                     $0.isOverdue(asOf: report.asOf) ? T.overdue(l) : T.open(l)]
                })))
        }
        sections.append(actions)

        var evaluations = Section(heading: T.planEvaluations(l),
                                  sentence: report.planEvaluations.isEmpty ? T.noPlanEvaluations(l) : nil)
        if !report.planEvaluations.isEmpty {
            evaluations.tables.append((nil, Table(
                headings: [T.organization(l), T.plan(l), T.lastEvaluated(l), T.dueDate(l), T.statusHeading(l)],
                rows: report.planEvaluations.map {
                    [name($0.organization), $0.plan, $0.lastEvaluated.description, $0.dueDate.description,
                     $0.overdue ? T.overdue(l) : T.status(.due)(l)]
                })))
        }
        sections.append(evaluations)
        return sections
    }

    // MARK: Markdown

    /// The notice as Markdown (GitHub tables).
    public static func markdown(_ report: DrillCheckReport, orgs: OrganizationRegistry, language l: Language) -> String {
        var out = "# \(DrillsText.title(year: report.year, jurisdiction: orgs.jurisdiction)(l))\n"
        for section in sections(report, orgs: orgs, language: l) {
            out += "\n## \(section.heading)\n"
            if let sentence = section.sentence { out += "\n\(sentence)\n" }
            for (subheading, table) in section.tables {
                if let subheading { out += "\n### \(markdownEscape(subheading))\n" }
                if table.rows.isEmpty { out += "\n\(DrillsText.allMet(l))\n"; continue }
                out += "\n| " + table.headings.map(markdownEscape).joined(separator: " | ") + " |\n"
                out += "|" + table.headings.map { _ in "---|" }.joined() + "\n"
                for row in table.rows { out += "| " + row.map(markdownEscape).joined(separator: " | ") + " |\n" }
            }
        }
        return out
    }

    static func markdownEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    // MARK: HTML

    /// The notice as one self-contained HTML page (inline CSS, printable).
    public static func html(_ report: DrillCheckReport, orgs: OrganizationRegistry, language l: Language) -> String {
        let title = htmlEscape(DrillsText.title(year: report.year, jurisdiction: orgs.jurisdiction)(l))
        var out = """
        <!DOCTYPE html>
        <html lang="\(l == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <title>\(title)</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
        th, td { border: 1px solid #999; padding: 0.25em 0.6em; text-align: left; }
        th { background: #eee; }
        td.missed { color: #b00; font-weight: bold; }
        td.due { color: #a60; }
        @media print { body { margin: 1cm; } }
        </style>
        </head>
        <body>
        <h1>\(title)</h1>

        """
        let missedWord = DrillsText.status(.missed)(l), dueWord = DrillsText.status(.due)(l)
        for section in sections(report, orgs: orgs, language: l) {
            out += "<h2>\(htmlEscape(section.heading))</h2>\n"
            if let sentence = section.sentence { out += "<p>\(htmlEscape(sentence))</p>\n" }
            for (subheading, table) in section.tables {
                if let subheading { out += "<h3>\(htmlEscape(subheading))</h3>\n" }
                if table.rows.isEmpty { out += "<p>\(htmlEscape(DrillsText.allMet(l)))</p>\n"; continue }
                out += "<table>\n<tr>" + table.headings.map { "<th>\(htmlEscape($0))</th>" }.joined() + "</tr>\n"
                for row in table.rows {
                    out += "<tr>" + row.map { cell in
                        let cls = cell.hasPrefix(missedWord) ? " class=\"missed\"" : cell.hasPrefix(dueWord) ? " class=\"due\"" : ""
                        return "<td\(cls)>\(htmlEscape(cell))</td>"
                    }.joined() + "</tr>\n"
                }
                out += "</table>\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    static func htmlEscape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
