import YubeiCore
import YubeiScenario
import YubeiStudies

/// What a plan was made under, as sections of its report after the title: the overrides, and for
/// a resilient plan the price of resilience beside the plain plan's cost.
public enum OverridesSection {
    typealias T = RunText

    static func document(_ overrides: [String], _ resilience: ResilienceSummary?, _ l: Language) -> ReportDocument {
        var document = ReportDocument(title: "", language: l)
        if !overrides.isEmpty { document.sections.append(ReportSection(OverrideText.heading(l), [.list(overrides)])) }
        if let r = resilience {
            let table = ReportTable(headings: [T.resiliencePlan(l), T.cost(l), T.sitesOpen(l)], rows: [
                [T.plainPlan(l), NumberText.number(r.plainCost, digits: 0), r.plainOpen.joined(separator: ", ")],
                [T.resilientPlan(l), NumberText.number(r.resilientCost, digits: 0), r.resilientOpen.joined(separator: ", ")],
            ])
            document.sections.append(ReportSection(T.resilienceHeading(l), [
                .paragraph(T.resilienceText(share: NumberText.number(r.maxUnmetShare * 100, digits: 1),
                                            price: NumberText.number(r.price, digits: 0))(l)),
                .table(table),
            ]))
        }
        return document
    }

    /// `report` (Markdown) with the sections after its first paragraph break; unchanged when
    /// there is nothing to add.
    public static func markdown(inserting overrides: [String], resilience: ResilienceSummary? = nil, into report: String,
                                language: Language) -> String {
        let document = document(overrides, resilience, language)
        guard !document.sections.isEmpty else { return report }
        var section = ""
        for part in document.sections { section += "## \(part.title)\n\n" + MarkdownRenderer.blocks(part.blocks) + "\n" }
        guard let end = report.range(of: "\n\n") else { return report + "\n" + section }
        return String(report[..<end.upperBound]) + section + String(report[end.upperBound...])
    }

    /// `report` (HTML) with the sections after its first `</h1>`.
    public static func html(inserting overrides: [String], resilience: ResilienceSummary? = nil, into report: String,
                            language: Language) -> String {
        let document = document(overrides, resilience, language)
        guard !document.sections.isEmpty, let end = report.range(of: "</h1>") else { return report }
        var section = ""
        for part in document.sections {
            section += "<section>\n<h2>\(HTMLEscaper.escape(part.title))</h2>\n" + HTMLRenderer.blocks(part.blocks) + "</section>\n"
        }
        let after = report[end.upperBound...].hasPrefix("\n") ? report.index(after: end.upperBound) : end.upperBound
        return String(report[..<after]) + section + String(report[after...])
    }
}
