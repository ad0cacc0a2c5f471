import Foundation

/// A value written as text in a test (a calendar date `2026-03-14`, a period label), read by its
/// own type's parser; a bad literal is a bug in the test and traps.
public func parsed<T: LosslessStringConvertible>(_ text: String, as type: T.Type = T.self) -> T {
    guard let value = T(text) else { preconditionFailure("not a valid \(T.self): '\(text)'") }
    return value
}

/// A fixed instant, `2026-03-14T09:30:00Z` style, for outputs that carry a time stamp (iCalendar
/// DTSTAMP): tests never depend on the clock.
public func instant(_ iso8601: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: iso8601) else { preconditionFailure("not an ISO 8601 instant: '\(iso8601)'") }
    return date
}
