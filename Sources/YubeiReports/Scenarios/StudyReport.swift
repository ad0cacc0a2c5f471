import YubeiCore
import YubeiSiting
import YubeiStudies

/// The study as study.md, study.html (maps side by side) and study.csv (one row per variant and hazard).
public enum StudyReport {
    typealias T = RunText

    public static func markdown(_ result: StudyResult, language: Language) -> String {
        document(result, language: language, maps: false).markdown(language: language)
    }

    public static func html(_ result: StudyResult, language: Language) -> String {
        document(result, language: language, maps: true).html(language: language)
    }

    public static func csv(_ result: StudyResult) -> String {
        let header = ["variant", "status", "hazard", "displaced", "sheltered", "unsheltered", "fully_supplied", "without_kit",
                      "team_gaps", "opening", "budget", "stock", "opened", "closed"]
        var rows: [[String]] = []
        for v in result.variants {
            for h in v.problem.hazards.map(\.id) {
                guard let f = v.hazards[h] else { continue }
                rows.append([v.name, v.status.rawValue, h, RunDocument.plain(f.displaced), RunDocument.plain(f.sheltered),
                             RunDocument.plain(f.unsheltered), RunDocument.plain(f.fullySupplied), RunDocument.plain(f.withoutKit),
                             String(f.teamGaps), v.spending.map { RunDocument.plain($0.opening) } ?? "",
                             v.spending?.budget.map(RunDocument.plain) ?? "", v.spending.map { RunDocument.plain($0.stock) } ?? "",
                             v.opened.joined(separator: " "), v.closed.joined(separator: " ")])
            }
        }
        return RunDocument.csv(header: header, rows: rows)
    }

    public static func summary(_ result: StudyResult, outputDirectory: String, language: Language) -> String {
        var lines = [T.studySummary(variants: result.variants.count, seconds: RunDocument.n(result.seconds, digits: 2))(language)]
        for v in result.variants {
            lines.append("  \(v.name): \(ReportText.status(v.status)(language)), \(T.expectedUnsheltered(language)) \(RunDocument.n(v.expectedUnsheltered)), "
                         + "\(T.expectedWithoutKit(language)) \(RunDocument.n(v.expectedWithoutKit))")
        }
        lines.append("→ \(outputDirectory)/study.md")
        return lines.joined(separator: "\n")
    }

    static func document(_ r: StudyResult, language l: Language, maps: Bool) -> RunDocument {
        var sections: [RunDocument.Section] = []
        var variants = RunDocument.Section(title: T.variantsHeading(l), paragraphs: [T.studyIntro(l), T.expectedNote(l)])
        var list = RunDocument.Table(header: [T.variant(l), T.status(l), T.overrides(l), T.scenarioFile(l),
                                              T.expectedUnsheltered(l), T.expectedWithoutKit(l)], rows: [])
        for v in r.variants {
            list.rows.append([v.name, ReportText.status(v.status)(l), v.overrides.isEmpty ? T.none(l) : v.overrides.joined(separator: " "), v.scenario,
                              RunDocument.n(v.expectedUnsheltered), RunDocument.n(v.expectedWithoutKit)])
        }
        variants.tables.append(list)
        sections.append(variants)

        var headline = RunDocument.Section(title: T.headline(l))
        var table = RunDocument.Table(header: [T.variant(l), T.hazard(l), T.displaced(l), T.sheltered(l), T.unsheltered(l),
                                               T.fullySupplied(l), T.withoutKit(l), T.teamGaps(l)], rows: [])
        for v in r.variants {
            for h in v.problem.hazards.map(\.id) {
                guard let f = v.hazards[h] else { continue }
                if f.unsheltered > 0 || f.withoutKit > 0 { table.flagged.insert(table.rows.count) }
                table.rows.append([v.name, h, RunDocument.n(f.displaced), RunDocument.n(f.sheltered), RunDocument.n(f.unsheltered),
                                   RunDocument.n(f.fullySupplied), RunDocument.n(f.withoutKit), String(f.teamGaps)])
            }
        }
        headline.tables.append(table)
        sections.append(headline)

        var spending = RunDocument.Section(title: T.spendingHeading(l))
        var money = RunDocument.Table(header: [T.variant(l), T.opening(l), T.budget(l), T.stock(l)], rows: [])
        for v in r.variants {
            money.rows.append([v.name, v.spending.map { RunDocument.n($0.opening, digits: 0) } ?? "—",
                               v.spending?.budget.map { RunDocument.n($0, digits: 0) } ?? "—",
                               v.spending.map { RunDocument.n($0.stock, digits: 0) } ?? "—"])
        }
        spending.tables.append(money)
        sections.append(spending)

        var sites = RunDocument.Section(title: T.sitesHeading(l))
        var diff = RunDocument.Table(header: [T.variant(l), T.opened(l), T.closed(l), T.stockChange(l)], rows: [])
        for v in r.variants.dropFirst() {
            // Totals per supply (study.json has them per warehouse).
            var total: [String: Double] = [:]
            for held in v.stockChange.values { for (supply, units) in held { total[supply, default: 0] += units } }
            let stock = v.problem.supplies.map(\.id).compactMap { s -> String? in
                guard let units = total[s], abs(units) > 1e-6 else { return nil }
                return "\(s) \(units > 0 ? "+" : "")\(RunDocument.n(units))"
            }
            diff.rows.append([v.name, v.opened.joined(separator: ", "), v.closed.joined(separator: ", "), stock.joined(separator: "; ")])
        }
        sites.tables.append(diff)
        sections.append(sites)

        if maps {
            var svg = "<div class=\"maps\">\n"
            for v in r.variants where ScenarioPlanner.hasPlan(v.plan) {
                svg += "<figure><figcaption>\(HTMLEscaper.escape(v.name))</figcaption>\n"
                svg += SitingMap.svg(problem: v.problem, plan: v.plan, hazard: RunDocument.largestHazard(v.problem), language: l, boundaries: nil) + "\n</figure>\n"
            }
            svg += "</div>"
            sections.append(RunDocument.Section(title: T.mapsHeading(l), svg: svg))
        }
        return RunDocument(title: "\(T.studyTitle(l)): \(r.name ?? r.variants.first?.problem.name ?? "")", sections: sections)
    }
}
