import Foundation
import YubeiCore

/// A local calendar date with no time of day and no time zone, as drill records and plans use
/// them (FORMATS.md: dates are `YYYY-MM-DD`, local calendar dates).
///
/// Arithmetic goes through a day number (days since 1970-01-01 in the proleptic Gregorian
/// calendar), so no `Calendar` or time zone can shift a date by a day.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date, or `nil` when it does not exist (`2026-02-30`, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The same day `years` years later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate {
        let y = year + years
        let d = min(day, CalendarDate.daysIn(month: month, year: y))
        return CalendarDate(year: y, month: month, day: d) ?? CalendarDate(dayNumber: dayNumber + 365 * years + years / 4)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber % 7 + 7) % 7
        return (r + 3) % 7 + 1
    }

    /// 1 January of `year`.
    public static func firstDay(of year: Int) -> CalendarDate { CalendarDate(year: year, month: 1, day: 1)! }

    /// 31 December of `year`.
    public static func lastDay(of year: Int) -> CalendarDate { CalendarDate(year: year, month: 12, day: 31)! }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-03-14`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    // MARK: Parsing

    /// Why a text is not a date: not in a known form, or a form that names no real day.
    public enum ParseError: Error, Sendable, Equatable {
        /// Not `2026-03-14`, `2026/3/14` or `2026年3月14日`.
        case unrecognised
        /// The form is right but the day does not exist (`2026-02-30`).
        case impossible(year: Int, month: Int, day: Int)
    }

    /// Parses the forms county offices write: `2026-03-14` (also `2026-3-14`), `2026/3/14`
    /// (also `2026/03/14`), `2026.3.14` and `2026年3月14日` (also ending 号, or nothing).
    /// Surrounding spaces, full-width digits and a time of day after a space (`2026/3/14 0:00`,
    /// as a spreadsheet exports a date cell) are ignored.
    public static func parse(_ text: String) -> Result<CalendarDate, ParseError> {
        var t = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if let space = t.firstIndex(of: " "), t[space...].contains(":") { t = String(t[..<space]) }
        var parts: [Substring]
        if t.contains("年") {
            let body = t.hasSuffix("日") || t.hasSuffix("号") ? t.dropLast() : Substring(t)
            let a = body.split(separator: "年", omittingEmptySubsequences: false)
            guard a.count == 2 else { return .failure(.unrecognised) }
            let b = a[1].split(separator: "月", omittingEmptySubsequences: false)
            guard b.count == 2 else { return .failure(.unrecognised) }
            parts = [a[0], b[0], b[1]]
        } else if t.contains("-") {
            parts = t.split(separator: "-", omittingEmptySubsequences: false)
        } else if t.contains("/") {
            parts = t.split(separator: "/", omittingEmptySubsequences: false)
        } else if t.contains(".") {
            parts = t.split(separator: ".", omittingEmptySubsequences: false)
        } else {
            return .failure(.unrecognised)
        }
        guard parts.count == 3,
              parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return .failure(.unrecognised)
        }
        guard let date = CalendarDate(year: y, month: m, day: d),
              InputRanges.year.problem(with: y) == nil else {
            return .failure(.impossible(year: y, month: m, day: d))
        }
        return .success(date)
    }

    /// Why `.impossible` refused a date: no such day, or a year outside 1900–2999
    /// (``InputRanges/year``), for the readers' messages.
    public static func whyImpossible(year: Int, month: Int, day: Int) -> String {
        if InputRanges.year.problem(with: year) != nil { return "the year \(year) is outside \(InputRanges.year.description)" }
        return "no such day in that month"
    }

    /// The date in `text` in any accepted form, else `nil`.
    public init?(parsing text: String) {
        guard case .success(let date) = CalendarDate.parse(text) else { return nil }
        self = date
    }

    // MARK: Codable as "YYYY-MM-DD"

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate: LosslessStringConvertible {
    /// The date written `YYYY-MM-DD` (as ``init(parsing:)`` reads it).
    public init?(_ description: String) { self.init(parsing: description) }
}
