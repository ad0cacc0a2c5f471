import YubeiCore
import YubeiSiting
import YubeiStudies

/// The stress test as stress.md, stress.html and stress.csv.
public enum StressReport {
    typealias T = RunText

    public static func markdown(_ result: StressResult, language: Language) -> String {
        document(result, language: language).markdown(language: language)
    }

    public static func html(_ result: StressResult, language: Language) -> String {
        document(result, language: language).html(language: language)
    }

    /// One row per case and hazard.
    public static func csv(_ result: StressResult) -> String {
        let header = ["case", "kind", "site", "rank", "status", "hazard", "displaced", "unsheltered", "without_kit",
                      "newly_unsheltered", "newly_without_kit"]
        var rows: [[String]] = []
        for c in result.cases {
            for h in result.hazardOrder {
                guard let f = c.hazards[h] else { continue }
                rows.append([c.name, c.kind.rawValue, c.site ?? "", c.rank.map(String.init) ?? "", c.status.rawValue, h,
                             RunDocument.plain(f.displaced), RunDocument.plain(f.unsheltered), RunDocument.plain(f.withoutKit),
                             RunDocument.plain(c.newlyUnsheltered), RunDocument.plain(c.newlyWithoutKit)])
            }
        }
        return RunDocument.csv(header: header, rows: rows)
    }

    /// One line for the terminal.
    public static func summary(_ result: StressResult, outputDirectory: String, language: Language) -> String {
        let text = T.stressSummary(cases: result.cases.count, seconds: RunDocument.n(result.seconds, digits: 2),
                                   worst: result.critical.first)(language)
        return "\(text) → \(outputDirectory)/stress.md"
    }

    static func document(_ r: StressResult, language l: Language) -> RunDocument {
        var sections: [RunDocument.Section] = []
        var intro = RunDocument.Section(title: T.cases(l), paragraphs: [T.stressIntro(l), T.expectedNote(l)])
        var summary = RunDocument.Table(header: [T.caseName(l), T.status(l), T.expectedUnsheltered(l), T.expectedWithoutKit(l),
                                                 T.newlyUnsheltered(l), T.newlyWithoutKit(l)], rows: [])
        for (i, c) in r.cases.enumerated() {
            summary.rows.append([T.caseLabel(c.name)(l), ReportText.status(c.status)(l), RunDocument.n(c.expectedUnsheltered), RunDocument.n(c.expectedWithoutKit),
                                 RunDocument.n(c.newlyUnsheltered), RunDocument.n(c.newlyWithoutKit)])
            if c.newlyUnsheltered > 0 || c.newlyWithoutKit > 0 { summary.flagged.insert(i) }
        }
        intro.tables.append(summary)
        var byHazard = RunDocument.Table(header: [T.caseName(l), T.hazard(l), T.displaced(l), T.unsheltered(l), T.withoutKit(l)], rows: [])
        for c in r.cases {
            for h in r.hazardOrder {
                guard let f = c.hazards[h] else { continue }
                byHazard.rows.append([T.caseLabel(c.name)(l), h, RunDocument.n(f.displaced), RunDocument.n(f.unsheltered), RunDocument.n(f.withoutKit)])
            }
        }
        intro.tables.append(byHazard)
        sections.append(intro)
        let losses = r.cases.filter { $0.kind == .lose }
        if !losses.isEmpty {
            var critical = RunDocument.Section(title: T.critical(l), paragraphs: [T.criticalIntro(l)])
            var table = RunDocument.Table(header: [T.rank(l), T.site(l), T.newlyUnsheltered(l), T.newlyWithoutKit(l)], rows: [])
            let names = Dictionary(r.problem.warehouses.map { ($0.id, $0.name) } + r.problem.shelters.map { ($0.id, $0.name) },
                                   uniquingKeysWith: { a, _ in a })
            for (i, c) in losses.enumerated() {
                let site = c.site ?? ""
                let label = names[site].map { $0.isEmpty || $0 == site ? site : "\($0) (\(site))" } ?? site
                table.rows.append([c.rank.map(String.init) ?? "", label, RunDocument.n(c.newlyUnsheltered), RunDocument.n(c.newlyWithoutKit)])
                if c.newlyUnsheltered > 0 || c.newlyWithoutKit > 0 { table.flagged.insert(i) }
            }
            critical.tables.append(table)
            sections.append(critical)
        }
        if let planCase = r.cases.first {
            sections.append(RunDocument.Section(title: T.map(l), svg: SitingMap.svg(problem: r.problem, plan: planCase.plan, hazard: RunDocument.largestHazard(r.problem), language: l, boundaries: nil)))
        }
        return RunDocument(title: "\(T.stressTitle(l)): \(r.scenario)", sections: sections)
    }
}
