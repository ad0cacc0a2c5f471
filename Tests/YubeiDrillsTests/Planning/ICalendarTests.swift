import Foundation
import Testing
@testable import YubeiDrills

/// A strict RFC 5545 reader for the tests: CRLF only, physical lines ≤ 75 octets, folding by a
/// leading space, `NAME;PARAM=V:VALUE` content lines, BEGIN/END nesting, TEXT unescaping.
struct StrictICalendar {
    struct Property { var name: String; var parameters: [String: String]; var value: String }
    struct Component { var name: String; var properties: [Property] = []; var children: [Component] = []
        func first(_ name: String) -> Property? { properties.first { $0.name == name } }
    }
    enum Problem: Error, Equatable { case bareLineFeed(Int), tooLong(Int, Int), malformed(Int), nesting(String), noTrailingCRLF }

    static func parse(_ text: String) throws -> Component {
        let bytes = Array(text.utf8)
        guard bytes.suffix(2) == [13, 10] else { throw Problem.noTrailingCRLF }
        for (i, b) in bytes.enumerated() where b == 10 && (i == 0 || bytes[i - 1] != 13) { throw Problem.bareLineFeed(i) }
        var physical = text.components(separatedBy: "\r\n")
        physical.removeLast()
        var logical: [String] = []
        for (n, line) in physical.enumerated() {
            if line.utf8.count > 75 { throw Problem.tooLong(n + 1, line.utf8.count) }
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !logical.isEmpty else { throw Problem.malformed(n + 1) }
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        var stack: [Component] = [Component(name: "ROOT")]
        for (n, line) in logical.enumerated() {
            guard let colon = line.firstIndex(of: ":") else { throw Problem.malformed(n + 1) }
            let head = line[..<colon], value = String(line[line.index(after: colon)...])
            let parts = head.split(separator: ";").map(String.init)
            guard let name = parts.first, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw Problem.malformed(n + 1) }
            var parameters: [String: String] = [:]
            for p in parts.dropFirst() {
                let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { throw Problem.malformed(n + 1) }
                parameters[kv[0]] = kv[1]
            }
            switch name {
            case "BEGIN": stack.append(Component(name: value))
            case "END":
                guard stack.count > 1, stack.last!.name == value else { throw Problem.nesting(value) }
                let done = stack.removeLast()
                stack[stack.count - 1].children.append(done)
            default: stack[stack.count - 1].properties.append(Property(name: name, parameters: parameters, value: value))
            }
        }
        guard stack.count == 1, stack[0].children.count == 1 else { throw Problem.nesting("unclosed") }
        return stack[0].children[0]
    }

    static func unescape(_ text: String) -> String {
        var out = "", escaped = false
        for c in text {
            if escaped { out.append(c == "n" || c == "N" ? "\n" : c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}

@Suite struct ICalendarTests {
    @Test func foldsAtSeventyFiveOctetsWithoutSplittingCharacters() throws {
        let long = "DESCRIPTION:" + String(repeating: "渠县应急管理局演练", count: 12)
        let folded = ICalendarWriter.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)
        #expect(ICalendarWriter.fold("SUMMARY:short") == "SUMMARY:short")
    }

    @Test func escapesText() {
        #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func documentParsesBackStrictly() throws {
        let stamp = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
        let events = [
            ICalendarEvent(uid: "2027-03-14-hengda-chem-onsite@yubei.drills", date: CalendarDate(parsing: "2027-03-14")!,
                           summary: "恒达化工有限公司 现场处置方案演练, 储罐泄漏; 第1次",
                           description: String(repeating: "计入：enterprise-onsite-half-year 2027-H1；", count: 6) + "\n第二行",
                           categories: ["onsite"]),
            ICalendarEvent(uid: "2027-12-31-a-special@yubei.drills", date: CalendarDate(parsing: "2027-12-31")!, summary: "a"),
        ]
        let text = ICalendarWriter.document(events: events, calendarName: "渠县2027年度应急演练计划", stamp: stamp)
        let calendar = try StrictICalendar.parse(text)
        #expect(calendar.name == "VCALENDAR")
        #expect(calendar.first("VERSION")?.value == "2.0")
        #expect(calendar.first("PRODID") != nil)
        let vevents = calendar.children.filter { $0.name == "VEVENT" }
        #expect(vevents.count == 2)
        let first = vevents[0]
        #expect(first.first("UID")?.value == events[0].uid)
        #expect(first.first("DTSTAMP")?.value == "20261118T110640Z")
        #expect(first.first("DTSTART")?.parameters["VALUE"] == "DATE")
        #expect(first.first("DTSTART")?.value == "20270314")
        #expect(first.first("DTEND")?.value == "20270315")
        #expect(StrictICalendar.unescape(first.first("SUMMARY")!.value) == events[0].summary)
        #expect(StrictICalendar.unescape(first.first("DESCRIPTION")!.value) == events[0].description)
        #expect(vevents[1].first("DTEND")?.value == "20280101")  // the day after 31 December
    }
}
