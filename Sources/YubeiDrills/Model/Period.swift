/// How often a rule asks for drills: the length of its calendar window.
///
/// `month`, `quarter`, `half-year` and `year` are calendar windows (FORMATS.md §3): months,
/// quarters, H1 = January–June and H2 = July–December, calendar years. `2-years` and `3-years`
/// are maximum intervals (FORMATS.md §3, version 2): the time since the last drill that counts may
/// not exceed N years (see ``IntervalDuty``).
public enum Cadence: String, Sendable, Hashable, CaseIterable, Codable {
    case month
    case quarter
    case halfYear = "half-year"
    case year
    case twoYears = "2-years"
    case threeYears = "3-years"

    /// Length of one window in months.
    public var months: Int {
        switch self {
        case .month: return 1
        case .quarter: return 3
        case .halfYear: return 6
        case .year: return 12
        case .twoYears: return 24
        case .threeYears: return 36
        }
    }

    /// Whole years of a maximum interval (2 or 3), else `nil` (a calendar window).
    public var years: Int? {
        switch self {
        case .twoYears: return 2
        case .threeYears: return 3
        default: return nil
        }
    }
}

/// One window of a rule, from its first to its last day inclusive, with the label FORMATS.md
/// gives it: `2026`, `2026-H1`, `2026-Q3`, `2026-04`; for a maximum interval (`2-years`,
/// `3-years`) the ISO 8601 interval `START/DUE` (`2025-03-14/2027-03-14`), where START is the last
/// drill that counts (or the date the duty runs from) and DUE, the last day, is the due date.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let cadence: Cadence
    /// First day of the window.
    public let start: CalendarDate
    /// Last day of the window (inclusive).
    public let end: CalendarDate

    /// The window of `cadence` that begins on the first day of `month` in `year`.
    /// `month` must be the first month of such a window (1, 4, 7, 10 for quarters; 1 or 7 for half-years).
    public init(cadence: Cadence, year: Int, month: Int = 1) {
        self.cadence = cadence
        self.start = CalendarDate(year: year, month: month, day: 1)!
        let lastMonthIndex = (month - 1) + cadence.months - 1
        let endYear = year + lastMonthIndex / 12
        let endMonth = lastMonthIndex % 12 + 1
        self.end = CalendarDate(year: endYear, month: endMonth,
                                day: CalendarDate.daysIn(month: endMonth, year: endYear))!
    }

    /// The interval of a `2-years`/`3-years` duty running from `start` and due on `due`.
    public init(interval cadence: Cadence, from start: CalendarDate, due: CalendarDate) {
        self.cadence = cadence
        self.start = start
        self.end = due
    }

    /// Whether this is a maximum interval (`START/DUE`) rather than a calendar window.
    public var isInterval: Bool { cadence.years != nil }

    /// The label of FORMATS.md §3.
    public var label: String {
        let y = String(start.year)
        switch cadence {
        case .month: return start.month < 10 ? "\(y)-0\(start.month)" : "\(y)-\(start.month)"
        case .quarter: return "\(y)-Q\((start.month - 1) / 3 + 1)"
        case .halfYear: return start.month == 1 ? "\(y)-H1" : "\(y)-H2"
        case .year: return y
        case .twoYears, .threeYears: return "\(start)/\(end)"
        }
    }

    public var description: String { label }

    /// Whether `date` falls inside the window.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Whether the window has ended when judged on `asOf`: `asOf` is after its last day.
    public func hasEnded(asOf: CalendarDate) -> Bool { asOf > end }

    /// The calendar windows of `cadence` inside `year`: every month, quarter, half-year or the
    /// year itself. Empty for a maximum interval (`2-years`, `3-years`): its one period depends
    /// on the drills on record (``IntervalDuty``).
    ///
    /// - Complexity: O(number of windows), at most 12.
    public static func periods(of cadence: Cadence, in year: Int) -> [Period] {
        guard cadence.years == nil else { return [] }
        let step = cadence.months
        return stride(from: 1, through: 12, by: step).map { Period(cadence: cadence, year: year, month: $0) }
    }

    /// The calendar window of `cadence` that contains `date`; `nil` for a maximum interval.
    public static func period(of cadence: Cadence, containing date: CalendarDate) -> Period? {
        guard cadence.years == nil else { return nil }
        let step = cadence.months
        let firstMonth = ((date.month - 1) / step) * step + 1
        return Period(cadence: cadence, year: date.year, month: firstMonth)
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}
