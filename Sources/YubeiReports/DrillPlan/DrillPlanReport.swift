import Foundation
import YubeiCore
import YubeiDrills

/// The year's drill plan for people: plan.md and plan.html with a summary, how well each soft
/// preference was met, the load across months, a month-by-month calendar, a per-organisation
/// view and the obligations left for later years; and plan.ics for calendar programs.
public enum DrillPlanReport {
    /// Names and kinds of organisations, by id.
    public struct Directory: Sendable {
        public var names: [String: String]
        public var kinds: [String: String]
        public var jurisdiction: String?
        public init(names: [String: String], kinds: [String: String], jurisdiction: String? = nil) {
            self.names = names
            self.kinds = kinds
            self.jurisdiction = jurisdiction
        }
        func name(_ id: String) -> String { names[id] ?? id }
    }

    static func preferenceTable(_ plan: DrillPlan, _ l: Language) -> ReportTable {
        let T = DrillPlanText.self
        let rows = plan.preferences.map { p -> [String] in
            let name = p.kind == .spacing ? T.spacingName(days: plan.spacingDays)(l) : T.seasonName(p.hazard, p.name)(l)
            let unmet = p.unmet.prefix(8).joined(separator: ", ") + (p.unmet.count > 8 ? " …(+\(p.unmet.count - 8))" : "")
            let share = p.applicable == 0 ? NumberText.missing : NumberText.percent(p.share, digits: 0)
            return [name, NumberText.plain(p.weight), "\(p.met) / \(p.applicable)", share, unmet]
        }
        return ReportTable(headings: [T.preference(l), T.weight(l), T.met(l), T.share(l), T.notMet(l)], rows: rows)
    }

    static func loadTable(_ plan: DrillPlan, _ l: Language) -> ReportTable {
        let T = DrillPlanText.self
        let rows = (0..<12).map { m in
            ["\(plan.year)-\(m < 9 ? "0" : "")\(m + 1)", String(plan.load.drillDays[m]), String(plan.load.drills[m]),
             NumberText.fixed(plan.load.target[m], decimals: 1)]
        }
        return ReportTable(headings: [T.month(l), T.workingDays(l), T.drills(l), T.target(l)], rows: rows)
    }

    static func drillRow(_ d: PlannedDrill, _ dir: Directory, _ l: Language) -> [String] {
        let T = DrillPlanText.self
        return [d.date.description, dir.name(d.organization), T.typeNames[d.type]?(l) ?? d.type,
                T.formNames[d.form]?(l) ?? d.form, d.plan ?? "", d.counts.joined(separator: "; ")]
    }

    static func drillHeadings(_ l: Language) -> [String] {
        let T = DrillPlanText.self
        return [T.date(l), T.organization(l), T.type(l), T.form(l), T.plan(l), T.countsToward(l)]
    }

    static func organizationTable(_ plan: DrillPlan, _ dir: Directory, _ l: Language) -> ReportTable {
        let T = DrillPlanText.self
        var byOrg: [String: [PlannedDrill]] = [:]
        for d in plan.drills { byOrg[d.organization, default: []].append(d) }
        let rows = byOrg.keys.sorted().map { id -> [String] in
            let list = byOrg[id]!.map { "\($0.date.description.dropFirst(5)) \(T.typeNames[$0.type]?(l) ?? $0.type)" }
            let kind = dir.kinds[id].map { T.kindNames[$0]?(l) ?? $0 } ?? ""
            return [dir.name(id), id, kind, String(byOrg[id]!.count), list.joined(separator: ", ")]
        }
        return ReportTable(headings: [T.organization(l), "id", T.kind(l), T.drills(l), T.dates(l)], rows: rows)
    }

    static func deferredTable(_ plan: DrillPlan, _ dir: Directory, _ l: Language) -> ReportTable {
        let T = DrillPlanText.self
        let rows = plan.deferred.map { [dir.name($0.organization), $0.rule, $0.period, String($0.outstanding)] }
        return ReportTable(headings: [T.organization(l), T.rule(l), T.period(l), T.outstanding(l)], rows: rows)
    }

    static func intro(_ plan: DrillPlan, _ l: Language) -> [String] {
        let T = DrillPlanText.self
        let organizations = Set(plan.drills.map(\.organization)).count
        let planned = plan.obligations.filter { $0.last <= CalendarDate.lastDay(of: plan.year) }.count
        var lines = [
            T.summary(drills: plan.drills.count, organizations: organizations, obligations: planned, alreadyMet: plan.alreadyMet)(l),
            T.calendarLine(plan.calendar.name, plan.calendar.origin)(l),
        ]
        if plan.calendar.isEstimated { lines.append(T.estimatedWarning(l)) }
        return lines
    }

    // MARK: Document

    /// The plan's content, independent of markup. Months are tables of drills in Markdown and
    /// calendar grids (Monday first) in HTML.
    ///
    /// - Complexity: O(drills log drills + days of the year).
    static func document(_ plan: DrillPlan, directory: Directory, language l: Language, calendarGrids: Bool) -> ReportDocument {
        let T = DrillPlanText.self
        let intro = intro(plan, l).enumerated().map { i, line in ReportBlock.paragraph(line, tone: i == 2 ? .warn : nil) }
        var document = ReportDocument(title: T.title(year: plan.year)(l), language: l, intro: intro)
        document.style = """
        .cal td{width:8em;height:4.5em;font-size:.8em}.cal .off{background:#f3f3f3;color:#888}
        .cal .day{font-weight:bold}.cal .hol{color:#b00}
        @media print{h3{page-break-before:auto}.cal{page-break-inside:avoid}}
        """
        document.sections.append(ReportSection(T.preferencesHeading(l), [.table(preferenceTable(plan, l))]))
        document.sections.append(ReportSection(T.loadHeading(l), [
            .paragraph(T.loadSentence(deviation: plan.load.deviation)(l)), .table(loadTable(plan, l)),
        ]))
        var months = ReportSection(T.monthsHeading(l))
        var byDay: [CalendarDate: [PlannedDrill]] = [:]
        for d in plan.drills { byDay[d.date, default: []].append(d) }
        for month in 1...12 {
            let drills = plan.drills.filter { $0.date.month == month }
            months.blocks.append(.subheading(T.monthHeading(year: plan.year, month: month, count: drills.count)(l)))
            if calendarGrids {
                months.blocks.append(.html(calendarGrid(year: plan.year, month: month, byDay: byDay, calendar: plan.calendar,
                                                        directory: directory, l)))
            } else if !drills.isEmpty {
                months.blocks.append(.table(ReportTable(headings: drillHeadings(l), rows: drills.map { drillRow($0, directory, l) })))
            }
        }
        document.sections.append(months)
        document.sections.append(ReportSection(T.byOrganizationHeading(l), [.table(organizationTable(plan, directory, l))]))
        if !plan.deferred.isEmpty {
            document.sections.append(ReportSection(T.deferredHeading(l), [.table(deferredTable(plan, directory, l))]))
        }
        document.sections.append(ReportSection(T.solverHeading(l), [.list(plan.solverNotes.map { DrillPlanSummary.solverNote($0, l) })]))
        return document
    }

    /// plan.md.
    public static func markdown(_ plan: DrillPlan, directory: Directory, language l: Language) -> String {
        MarkdownRenderer.render(document(plan, directory: directory, language: l, calendarGrids: false))
    }

    /// plan.html: the same content, with a calendar grid (Monday first) for each month.
    public static func html(_ plan: DrillPlan, directory: Directory, language l: Language) -> String {
        HTMLRenderer.render(document(plan, directory: directory, language: l, calendarGrids: true))
    }

    static func calendarGrid(
        year: Int, month: Int, byDay: [CalendarDate: [PlannedDrill]], calendar: HolidayCalendar,
        directory: Directory, _ l: Language
    ) -> String {
        let T = DrillPlanText.self
        var out = "<table class=\"cal\"><tr>" + T.weekdays.map { "<th>\(HTMLEscaper.escape($0(l)))</th>" }.joined() + "</tr>\n<tr>"
        let first = CalendarDate(year: year, month: month, day: 1)!
        out += String(repeating: "<td class=\"off\"></td>", count: first.weekday - 1)
        for day in 1...CalendarDate.daysIn(month: month, year: year) {
            let date = CalendarDate(year: year, month: month, day: day)!
            if date.weekday == 1 && day > 1 { out += "</tr>\n<tr>" }
            let closed = calendar.reasonClosed(on: date)
            var cell = "<span class=\"day\">\(day)</span>"
            if case .closure(let closure)? = closed { cell += " <span class=\"hol\">\(HTMLEscaper.escape(closure.name))</span>" }
            let drills = byDay[date] ?? []
            for d in drills.prefix(4) {
                cell += "<br>\(HTMLEscaper.escape(directory.name(d.organization))) · \(HTMLEscaper.escape(T.typeNames[d.type]?(l) ?? d.type))"
            }
            if drills.count > 4 { cell += "<br>… +\(drills.count - 4)" }
            out += "<td\(closed != nil ? " class=\"off\"" : "")>\(cell)</td>"
        }
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
        out += String(repeating: "<td class=\"off\"></td>", count: 7 - last.weekday)
        return out + "</tr></table>\n"
    }

    // MARK: iCalendar

    /// plan.ics: one all-day VEVENT per planned drill.
    public static func iCalendar(_ plan: DrillPlan, directory: Directory, language l: Language, stamp: Date) -> String {
        let T = DrillPlanText.self
        var seen: [String: Int] = [:]
        let events = plan.drills.map { d -> ICalendarEvent in
            let base = "\(d.date)-\(d.organization)-\(d.type)"
            let n = seen[base, default: 0]
            seen[base] = n + 1
            return ICalendarEvent(
                uid: "\(base)\(n > 0 ? "-\(n + 1)" : "")@yubei.drills",
                date: d.date,
                summary: T.drillSummary(organization: directory.name(d.organization), type: d.type)(l),
                description: T.eventDescription(counts: d.counts, form: d.form, plan: d.plan)(l),
                categories: [d.type]
            )
        }
        return ICalendarWriter.document(
            events: events, calendarName: T.calendarName(jurisdiction: directory.jurisdiction, year: plan.year)(l), stamp: stamp
        )
    }
}
