import Foundation
import YubeiCore
import YubeiStudies

/// The budget frontier as frontier.csv, frontier.svg (budget across, people unsheltered and
/// without a kit up, the steps where the sites change marked with the sites they open),
/// frontier.md and frontier.html.
public enum FrontierReport {
    typealias T = RunText

    public static func csv(_ r: FrontierResult) -> String {
        let header = ["budget", "status", "unsheltered", "without_kit", "opening", "opened", "step_opens", "step_drops", "breakpoint"]
        let rows = r.points.map { p in
            [RunDocument.plain(p.budget), p.status.rawValue, RunDocument.plain(p.unsheltered), RunDocument.plain(p.withoutKit),
             RunDocument.plain(p.opening), p.opened.joined(separator: " "), p.stepOpens.joined(separator: " "),
             p.stepDrops.joined(separator: " "), p.breakpoint ? "1" : "0"]
        }
        return RunDocument.csv(header: header, rows: rows)
    }

    public static func markdown(_ r: FrontierResult, language: Language) -> String { document(r, language: language).markdown(language: language) }

    public static func html(_ r: FrontierResult, language: Language) -> String {
        var doc = document(r, language: language)
        doc.sections[0].svg = svg(r, language: language)
        return doc.html(language: language)
    }

    public static func summary(_ r: FrontierResult, outputDirectory: String, language: Language) -> String {
        var lines = [T.frontierSummary(points: r.points.count, changes: r.points.filter(\.breakpoint).count,
                                       seconds: RunDocument.n(r.seconds, digits: 2))(language)]
        for p in r.points where p.breakpoint {
            lines.append("  \(RunDocument.n(p.budget, digits: 0)): + \(p.stepOpens.joined(separator: ", "))"
                         + (p.stepDrops.isEmpty ? "" : "  − \(p.stepDrops.joined(separator: ", "))"))
        }
        lines.append("→ \(outputDirectory)/frontier.md")
        return lines.joined(separator: "\n")
    }

    static func document(_ r: FrontierResult, language l: Language) -> RunDocument {
        var chart = RunDocument.Section(title: T.chart(l), paragraphs: [T.frontierIntro(l), T.expectedNote(l)])
        if !r.overrides.isEmpty { chart.paragraphs.append("\(T.overrides(l)): \(r.overrides.joined(separator: " "))") }
        var table = RunDocument.Table(header: [T.budgetAxis(l), T.status(l), T.expectedUnsheltered(l), T.expectedWithoutKit(l),
                                               T.opening(l), T.sitesOpened(l), T.stepOpens(l), T.stepDrops(l)], rows: [])
        func label(_ id: String) -> String { r.siteNames[id].map { $0.isEmpty || $0 == id ? id : "\($0) (\(id))" } ?? id }
        for (i, p) in r.points.enumerated() {
            if p.breakpoint { table.flagged.insert(i) }
            table.rows.append([RunDocument.n(p.budget, digits: 0), ReportText.status(p.status)(l), RunDocument.n(p.unsheltered), RunDocument.n(p.withoutKit),
                               RunDocument.n(p.opening, digits: 0), p.opened.map(label).joined(separator: ", "),
                               p.stepOpens.map(label).joined(separator: ", "), p.stepDrops.map(label).joined(separator: ", ")])
        }
        let points = RunDocument.Section(title: T.points(l), tables: [table])
        return RunDocument(title: "\(T.frontierTitle(l)): \(r.scenario)", sections: [chart, points])
    }

    /// The chart: two step lines over the budget, a dashed mark at each change of sites with the
    /// sites that step opens.
    ///
    /// - Complexity: O(points).
    public static func svg(_ r: FrontierResult, language l: Language) -> String {
        let width = 900.0, height = 520.0, left = 80.0, right = 30.0, top = 30.0, bottom = 120.0
        let plotW = width - left - right, plotH = height - top - bottom
        let budgets = r.points.map(\.budget)
        let minB = budgets.min() ?? 0, maxB = max(budgets.max() ?? 1, minB + 1)
        let maxY = max(1, r.points.map { max($0.unsheltered, $0.withoutKit) }.max() ?? 1) * 1.08
        func x(_ b: Double) -> Double { left + (b - minB) / (maxB - minB) * plotW }
        func y(_ v: Double) -> Double { top + plotH - v / maxY * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let esc = HTMLEscaper.escape
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
        // Axes and ticks.
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#52606d\"/>\n"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#52606d\"/>\n"
        for i in 0...5 {
            let v = maxY / 1.08 * Double(i) / 5
            s += "<line x1=\"\(f(left - 4))\" y1=\"\(f(y(v)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(v)))\" stroke=\"#e4e7eb\"/>\n"
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(esc(RunDocument.n(v, digits: 0)))</text>\n"
            let b = minB + (maxB - minB) * Double(i) / 5
            s += "<text x=\"\(f(x(b)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(esc(RunDocument.n(b, digits: 0)))</text>\n"
        }
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 40))\" text-anchor=\"middle\">\(esc(T.budgetAxis(l)))</text>\n"
        s += "<text x=\"16\" y=\"\(f(top + plotH / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(f(top + plotH / 2)))\">\(esc(T.peopleAxis(l)))</text>\n"
        // Steps where the sites change.
        for p in r.points where p.breakpoint {
            s += "<line x1=\"\(f(x(p.budget)))\" y1=\"\(f(top))\" x2=\"\(f(x(p.budget)))\" y2=\"\(f(top + plotH))\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/>\n"
            let text = "+" + p.stepOpens.joined(separator: ", +") + (p.stepDrops.isEmpty ? "" : " −" + p.stepDrops.joined(separator: ", −"))
            s += "<text x=\"\(f(x(p.budget) + 3))\" y=\"\(f(top + 10))\" font-size=\"10\" fill=\"#52606d\" transform=\"rotate(90 \(f(x(p.budget) + 3)) \(f(top + 10)))\">\(esc(text))</text>\n"
        }
        // The two lines.
        for (values, colour, name) in [(r.points.map(\.unsheltered), "#b42318", T.unsheltered(l)),
                                       (r.points.map(\.withoutKit), "#2563eb", T.withoutKit(l))] {
            let path = zip(budgets, values).map { "\(f(x($0))),\(f(y($1)))" }.joined(separator: " ")
            s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"><title>\(esc(name))</title></polyline>\n"
            for (b, v) in zip(budgets, values) {
                s += "<circle cx=\"\(f(x(b)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(colour)\"><title>\(esc(RunDocument.n(b, digits: 0))): \(esc(RunDocument.n(v)))</title></circle>\n"
            }
        }
        // Legend.
        let ly = height - 40
        s += "<line x1=\"\(f(left))\" y1=\"\(f(ly))\" x2=\"\(f(left + 30))\" y2=\"\(f(ly))\" stroke=\"#b42318\" stroke-width=\"2\"/>\n"
        s += "<text x=\"\(f(left + 36))\" y=\"\(f(ly + 4))\">\(esc(T.unsheltered(l)))</text>\n"
        s += "<line x1=\"\(f(left + 220))\" y1=\"\(f(ly))\" x2=\"\(f(left + 250))\" y2=\"\(f(ly))\" stroke=\"#2563eb\" stroke-width=\"2\"/>\n"
        s += "<text x=\"\(f(left + 256))\" y=\"\(f(ly + 4))\">\(esc(T.withoutKit(l)))</text>\n"
        s += "<line x1=\"\(f(left + 440))\" y1=\"\(f(ly))\" x2=\"\(f(left + 470))\" y2=\"\(f(ly))\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/>\n"
        s += "<text x=\"\(f(left + 476))\" y=\"\(f(ly + 4))\">\(esc(T.breakpoint(l)))</text>\n"
        s += "</svg>\n"
        return s
    }
}
