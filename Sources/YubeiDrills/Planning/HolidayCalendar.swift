internal import Yams
import Foundation
import YubeiCore

/// The days of one year on which drills may be held: working days that fall in no holiday or
/// blackout period.
///
/// The holidays of a year are data, not code: the shipped default calendars
/// (`Resources/calendars/china-YYYY.yaml`) follow the 国务院办公厅 holiday notices, and a bureau
/// passes its own file with `yubei drills plan --calendar` to add blackouts (exam weeks, major
/// events) or correct an estimated year.
public struct HolidayCalendar: Sendable, Hashable {
    /// A named run of days without drills (a public holiday or a blackout).
    public struct Closure: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case holiday, blackout }

        public var name: String
        public var kind: Kind
        public var first: CalendarDate
        public var last: CalendarDate
        /// Derived, not taken from an official notice.
        public var isEstimated: Bool

        public init(name: String, kind: Kind, first: CalendarDate, last: CalendarDate, isEstimated: Bool = false) {
            self.name = name
            self.kind = kind
            self.first = first
            self.last = last
            self.isEstimated = isEstimated
        }

        public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }
    }

    public var year: Int
    public var name: String
    public var source: String
    /// The whole calendar is an estimate (the official notice was not yet published).
    public var isEstimated: Bool
    /// ISO weekdays (1 = Monday … 7 = Sunday) without drills unless listed in ``workdays``.
    public var weekend: Set<Int>
    public var closures: [Closure]
    /// Make-up working days (调休上班): weekend days that are working days.
    public var workdays: Set<CalendarDate>
    /// Where the calendar came from (a path, or `shipped:china-2027`), for reports.
    public var origin: String
    /// The school terms that fall in the year (key `terms:`), for rules with
    /// `during: school-term`; `nil` when the file gives none.
    public var terms: [SchoolTerm]?
    /// Where the terms come from (key `terms_source:`), e.g. a provincial education department's notice.
    public var termsSource: String = ""

    /// The terms of this calendar's year, as ``SchoolTerms`` (no known year when it gives none).
    public var schoolTerms: SchoolTerms { SchoolTerms(byYear: terms.map { [year: $0] } ?? [:]) }

    public init(
        year: Int, name: String = "", source: String = "", isEstimated: Bool = false,
        weekend: Set<Int> = [6, 7], closures: [Closure] = [], workdays: Set<CalendarDate> = [], origin: String = ""
    ) {
        self.year = year
        self.name = name
        self.source = source
        self.isEstimated = isEstimated
        self.weekend = weekend
        self.closures = closures
        self.workdays = workdays
        self.origin = origin
    }

    /// The holiday or blackout that closes `date`, if any.
    public func closure(on date: CalendarDate) -> Closure? {
        closures.first { $0.contains(date) }
    }

    /// Whether `date` is a normal working day: not a weekend day (unless a make-up working day).
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        workdays.contains(date) || !weekend.contains(date.weekday)
    }

    /// Whether a drill may be held on `date`: a working day in no holiday or blackout.
    public func allowsDrill(on date: CalendarDate) -> Bool {
        isWorkingDay(date) && closure(on: date) == nil
    }

    /// Why no drill can be held on a day.
    public enum ClosedReason: Sendable, Hashable {
        /// A holiday or blackout of the calendar.
        case closure(Closure)
        /// A weekend day that is not a make-up working day.
        case weekend
    }

    /// Why no drill can be held on `date`, or `nil` when one can.
    public func reasonClosed(on date: CalendarDate) -> ClosedReason? {
        if let closure = closure(on: date) { return .closure(closure) }
        if !isWorkingDay(date) { return .weekend }
        return nil
    }
}

extension HolidayCalendar {
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The calendar shipped for `year` (`Resources/calendars/china-YEAR.yaml`), or `nil` when
    /// the project ships none for that year.
    public static func shipped(year: Int) throws(InputError) -> HolidayCalendar? {
        guard let url = Bundle.module.url(
            forResource: "china-\(year)", withExtension: "yaml", subdirectory: "Resources/calendars"
        ) else { return nil }
        var calendar = try load(path: url.path)
        calendar.origin = "shipped:china-\(year)"
        return calendar
    }

    /// The years for which a calendar is shipped.
    public static var shippedYears: [Int] {
        guard let directory = Bundle.module.url(forResource: "calendars", withExtension: nil, subdirectory: "Resources"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("china-"), name.hasSuffix(".yaml") else { return nil }
            return Int(name.dropFirst(6).dropLast(5))
        }.sorted()
    }

    /// Reads a calendar file, reporting every problem with its line and column.
    ///
    /// ```yaml
    /// year: 2027
    /// name: 中国法定节假日 2027
    /// source: 国务院办公厅关于2027年部分节假日安排的通知
    /// status: official            # or estimated
    /// weekend: [saturday, sunday]
    /// holidays: [{name: 春节, from: 2027-02-05, to: 2027-02-13}]
    /// workdays: [2027-02-20]       # make-up working days (调休上班)
    /// blackouts: [{name: 中考, from: 2027-06-18, to: 2027-06-20}]
    /// terms:                       # school terms with a day in the year (may start or end next to it)
    ///   - {name: 2026—2027学年第一学期, from: 2026-09-01, to: 2027-01-22}
    ///   - {name: 2026—2027学年第二学期, from: 2027-02-22, to: 2027-07-02}
    /// terms_source: 四川省教育厅 2026—2027 学年校历
    /// ```
    ///
    /// - Throws: ``InputError`` with every diagnostic.
    public static func load(path: String) throws(InputError) -> HolidayCalendar {
        let file = try YAMLFile.load(path: path)
        var reader = YAMLReader(file: file)
        let calendar = read(file.root, reader: &reader, origin: path)
        try reader.diagnostics.throwIfErrors()
        guard let calendar else { throw InputError(diagnostics: reader.diagnostics) }
        return calendar
    }

    static func read(_ root: Node, reader: inout YAMLReader, origin: String) -> HolidayCalendar? {
        guard let fields = reader.fields(
            root, "",
            known: ["year", "name", "source", "status", "weekend", "holidays", "workdays", "blackouts", "terms",
                    "terms_source"],
            required: ["year"]
        ) else { return nil }
        guard let yearNode = fields["year"], let year = reader.integer(yearNode, "year", minimum: 1) else { return nil }
        var calendar = HolidayCalendar(year: year, origin: origin)
        if let node = fields["name"] { calendar.name = reader.string(node, "name") ?? "" }
        if let node = fields["source"] { calendar.source = reader.string(node, "source") ?? "" }
        if let node = fields["status"] {
            calendar.isEstimated = reader.choice(node, "status", ["official", "estimated"]) == "estimated"
        }
        if let node = fields["weekend"], let items = reader.sequence(node, "weekend") {
            calendar.weekend = []
            for (i, item) in items.enumerated() {
                if let word = reader.choice(item, "weekend[\(i)]", weekdayNames) {
                    calendar.weekend.insert(weekdayNames.firstIndex(of: word)! + 1)
                }
            }
        }
        for (key, kind) in [("holidays", Closure.Kind.holiday), ("blackouts", .blackout)] {
            guard let node = fields[key], let items = reader.sequence(node, key) else { continue }
            for (i, item) in items.enumerated() {
                if let closure = readClosure(item, "\(key)[\(i)]", kind: kind, year: year, reader: &reader) {
                    calendar.closures.append(closure)
                }
            }
        }
        if let node = fields["terms_source"] { calendar.termsSource = reader.string(node, "terms_source") ?? "" }
        if let node = fields["terms"], let items = reader.sequence(node, "terms") {
            var terms: [SchoolTerm] = []
            for (i, item) in items.enumerated() {
                // A term may start in the year before (autumn term) or end in the year after.
                guard let closure = readClosure(item, "terms[\(i)]", kind: .blackout, year: year, reader: &reader,
                                                years: (year - 1)...(year + 1)) else { continue }
                guard closure.last.year >= year, closure.first.year <= year else {
                    reader.error(item, "terms[\(i)]", DrillsMessage.termOutsideYear(closure.first, closure.last, year))
                    continue
                }
                terms.append(SchoolTerm(name: closure.name, first: closure.first, last: closure.last,
                                        isEstimated: closure.isEstimated || calendar.isEstimated))
            }
            calendar.terms = terms
        }
        if let node = fields["workdays"], let items = reader.sequence(node, "workdays") {
            for (i, item) in items.enumerated() {
                guard let date = readDate(item, "workdays[\(i)]", year: year, reader: &reader) else { continue }
                if calendar.weekend.contains(date.weekday) == false {
                    reader.warning(item, "workdays[\(i)]", DrillsMessage.workdayOnWeekday(date))
                }
                calendar.workdays.insert(date)
            }
        }
        return calendar
    }

    static func readClosure(
        _ node: Node, _ keyPath: String, kind: Closure.Kind, year: Int, reader: inout YAMLReader,
        years: ClosedRange<Int>? = nil
    ) -> Closure? {
        guard let fields = reader.fields(node, keyPath, known: ["name", "from", "to", "estimated"], required: ["name", "from", "to"]),
              let nameNode = fields["name"], let fromNode = fields["from"], let toNode = fields["to"] else { return nil }
        let name = reader.string(nameNode, fields.path("name"))
        let from = readDate(fromNode, fields.path("from"), year: year, reader: &reader, years: years)
        let to = readDate(toNode, fields.path("to"), year: year, reader: &reader, years: years)
        var estimated = false
        if let node = fields["estimated"] { estimated = reader.boolean(node, fields.path("estimated")) ?? false }
        guard let name, let from, let to else { return nil }
        guard from <= to else {
            reader.error(toNode, fields.path("to"), DrillsMessage.periodEndsBeforeStart(from, to))
            return nil
        }
        return Closure(name: name, kind: kind, first: from, last: to, isEstimated: estimated)
    }

    /// A `YYYY-MM-DD` date inside `year` (a calendar file describes one year), or inside `years`
    /// when given (school terms reach into the years around it).
    static func readDate(
        _ node: Node, _ keyPath: String, year: Int, reader: inout YAMLReader, years: ClosedRange<Int>? = nil
    ) -> CalendarDate? {
        guard let text = reader.string(node, keyPath) else { return nil }
        switch CalendarDate.parse(text) {
        case .success(let date):
            if let years {
                guard years.contains(date.year) else {
                    reader.error(node, keyPath, DrillsMessage.dateNotNearYear(date, year))
                    return nil
                }
                return date
            }
            guard date.year == year else {
                reader.error(node, keyPath, DrillsMessage.dateNotInYear(date, year))
                return nil
            }
            return date
        case .failure(.impossible(let y, let m, let d)):
            reader.error(node, keyPath, DrillsMessage.notRealDate(text, year: y, month: m, day: d))
        case .failure(.unrecognised):
            reader.error(node, keyPath, DrillsMessage.expectedISODate(text))
        }
        return nil
    }
}
