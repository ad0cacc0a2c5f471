import Foundation
import YubeiCore

/// One all-day event of an iCalendar file.
public struct ICalendarEvent: Sendable, Hashable {
    /// Globally unique and stable for the same drill (RFC 5545 §3.8.4.7).
    public var uid: String
    public var date: CalendarDate
    public var summary: String
    public var description: String
    public var categories: [String]

    public init(uid: String, date: CalendarDate, summary: String, description: String = "", categories: [String] = []) {
        self.uid = uid
        self.date = date
        self.summary = summary
        self.description = description
        self.categories = categories
    }
}

/// Writes iCalendar (RFC 5545) text: CRLF line ends, content lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped, one VEVENT per event with UID, DTSTAMP and
/// all-day DTSTART/DTEND (`VALUE=DATE`, DTEND the day after: §3.6.1).
public enum ICalendarWriter {
    /// The whole calendar.
    ///
    /// - Parameters:
    ///   - stamp: when the file was made (DTSTAMP, UTC).
    /// - Complexity: O(total length).
    public static func document(
        events: [ICalendarEvent], calendarName: String, stamp: Date, productID: String = "-//Yubei//drills plan//ZH"
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(productID)",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(calendarName))",
        ]
        let dtstamp = utcStamp(stamp)
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(event.uid)")
            lines.append("DTSTAMP:\(dtstamp)")
            lines.append("DTSTART;VALUE=DATE:\(basic(event.date))")
            lines.append("DTEND;VALUE=DATE:\(basic(event.date.adding(days: 1)))")
            lines.append("SUMMARY:\(escape(event.summary))")
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
            if !event.categories.isEmpty { lines.append("CATEGORIES:\(event.categories.map(escape).joined(separator: ","))") }
            lines.append("TRANSP:TRANSPARENT")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20270314`.
    public static func basic(_ date: CalendarDate) -> String {
        description(date).replacingOccurrences(of: "-", with: "")
    }

    static func description(_ date: CalendarDate) -> String { date.description }

    /// `20261122T174500Z`.
    public static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(basic(day))T\(pad(rest / 3600))\(pad(rest % 3600 / 60))\(pad(rest % 60))Z"
    }

    /// A TEXT value escaped per RFC 5545 §3.3.11: backslash, semicolon, comma, line break;
    /// control characters (not allowed in TEXT) visible.
    public static func escape(_ text: String) -> String { SafeText.iCalendarText(text) }

    /// A content line folded so that no physical line exceeds 75 octets (§3.1): continuation
    /// lines begin with one space, and a UTF-8 character is never split.
    ///
    /// - Complexity: O(length).
    public static func fold(_ line: String) -> String {
        var physical: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                physical.append(current)
                current = " "
                octets = 1
            }
            current.append(character)
            octets += size
        }
        physical.append(current)
        return physical.joined(separator: "\r\n")
    }
}
