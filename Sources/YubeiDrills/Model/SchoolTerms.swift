/// One school term (学期): the days from the first to the last school day, inclusive.
public struct SchoolTerm: Sendable, Hashable {
    /// `2026年春季学期`.
    public var name: String
    public var first: CalendarDate
    public var last: CalendarDate
    /// Derived, not taken from an education department's published school calendar.
    public var isEstimated: Bool

    public init(name: String, first: CalendarDate, last: CalendarDate, isEstimated: Bool = false) {
        self.name = name
        self.first = first
        self.last = last
        self.isEstimated = isEstimated
    }

    public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }
}

/// The school terms of the years a check or a plan looks at, for rules with
/// `during: school-term` (FORMATS.md §3).
///
/// Terms come from the calendar files (`terms:`), year by year: the shipped calendars for
/// 2026–2028, or a bureau's own `--calendar`. A year whose terms no calendar gives is judged on
/// the usual months of the Chinese school year (``standardMonths``), and the check says so.
///
/// **Term months.** A month is a term month of a year when terms cover at least half of its days:
/// September–December and March–June in most years; January when the autumn term runs past
/// mid-January; never July or August (the summer holiday starts in early July). A `month` rule
/// limited to terms asks for drills in term months only, and `drills plan` places term-bound
/// drills on term days only.
public struct SchoolTerms: Sendable, Hashable {
    /// The terms that fall (at least partly) in each year whose terms are known, as that year's
    /// calendar lists them.
    public var byYear: [Int: [SchoolTerm]]

    /// January, March–June, September–December: the usual term months when no calendar gives terms.
    public static let standardMonths: Set<Int> = [1, 3, 4, 5, 6, 9, 10, 11, 12]

    /// No known year: every year judged on ``standardMonths``.
    public static let standard = SchoolTerms(byYear: [:])

    public init(byYear: [Int: [SchoolTerm]]) {
        self.byYear = byYear
    }

    /// Whether the terms of `year` are known from a calendar.
    public func isKnown(_ year: Int) -> Bool { byYear[year] != nil }

    /// The term months of `year`: months at least half of whose days lie in a term; the
    /// ``standardMonths`` for a year whose terms are not known.
    ///
    /// - Complexity: O(365 × terms of the year).
    public func termMonths(in year: Int) -> Set<Int> {
        guard let terms = byYear[year] else { return Self.standardMonths }
        var result: Set<Int> = []
        for month in 1...12 {
            let days = CalendarDate.daysIn(month: month, year: year)
            let inTerm = (1...days).filter { day in
                let date = CalendarDate(year: year, month: month, day: day)!
                return terms.contains { $0.contains(date) }
            }.count
            if 2 * inTerm >= days { result.insert(month) }
        }
        return result
    }

    /// Whether `date` is a day of a term (for a year whose terms are not known: whether it falls
    /// in one of the ``standardMonths``).
    public func isTermDay(_ date: CalendarDate) -> Bool {
        guard let terms = byYear[date.year] else { return Self.standardMonths.contains(date.month) }
        return terms.contains { $0.contains(date) }
    }

    /// These terms, with the years `other` knows taken from `other` instead.
    public func overridden(by other: SchoolTerms) -> SchoolTerms {
        SchoolTerms(byYear: byYear.merging(other.byYear) { _, new in new })
    }

    /// The terms of the calendars shipped with Yubei (`Resources/calendars`).
    public static let shipped: SchoolTerms = {
        var result = SchoolTerms.standard
        for year in HolidayCalendar.shippedYears {
            guard let calendar = try? HolidayCalendar.shipped(year: year) else { continue }
            result = result.overridden(by: calendar.schoolTerms)
        }
        return result
    }()
}
