/// Text from input files made safe for the formats it is written into: names may hold anything a
/// user (or an attacker) typed, and must reach a report, a spreadsheet or a terminal as text,
/// never as markup, a formula or a terminal command.
///
/// Each function is O(length of the text).
public enum SafeText {
    /// A control character shown as visible text: `\u{1B}` → `\u{1B}` written out, so that
    /// no ESC, NUL or bell reaches a file or a terminal raw. Tab, line feed and carriage return
    /// are kept (each format decides what a line break means).
    public static func visibleControls(_ text: String) -> String {
        guard mayHoldControls(text), text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Control characters other than tab, line feed and carriage return (C0, DEL, C1, and the
    /// bidirectional overrides that can make text read backwards).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first control character of `text` (see ``isControl(_:)``), if any.
    public static func firstControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isControl)
    }

    /// `U+001B`.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Text for HTML element content or a quoted attribute: `& < > " '` as entities, control
    /// characters visible.
    public static func html(_ text: String) -> String {
        rewritten(text) { scalar, _ in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            default: return nil
            }
        }
    }

    /// Text for one line of Markdown (a heading, a paragraph, a table cell): HTML is shown, not
    /// run (`<` `>` `&` as entities); the punctuation that makes links, images, code, emphasis and
    /// table cells is backslash-escaped, and so is a leading `#`, `-`, `+` or `=` (a heading or a
    /// list); line breaks become spaces; control characters are visible. Ids such as
    /// `county-depot` stay as they are.
    public static func markdown(_ text: String) -> String {
        // A leading # - + = _ starts a heading, a list or a rule only when a space follows or the
        // text is that character alone (repeated): only then is it escaped (`--forbid` stays).
        let head = Array(text.unicodeScalars.prefix(2))
        let leadStartsBlock = head.first.map { c in
            head.count == 1 || head[1] == " " || text.unicodeScalars.allSatisfy { $0 == c || $0 == " " }
        } ?? false
        return rewritten(text) { scalar, previous in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\n": return previous == "\r" ? "" : " "
            case "\r", "\t": return " "
            case "\\", "`", "*", "[", "]", "|", "~": return "\\" + String(scalar)
            case "#", "-", "+", "=", "_": return previous == nil && leadStartsBlock ? "\\" + String(scalar) : nil
            default: return nil
            }
        }
    }

    /// A CSV cell that a spreadsheet shows as text: one starting with `=`, `+`, `-`, `@`, tab or
    /// carriage return gets a leading `'` (the OWASP rule against formula injection); the cell is
    /// quoted (RFC 4180) when it holds a comma, a quote or a line break; control characters
    /// are visible.
    public static func csvCell(_ field: String) -> String {
        var text = visibleControls(field)
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The value of a cell written by ``csvCell(_:)``: the neutralising `'` removed again, so
    /// that files this program wrote read back as they were meant.
    public static func csvValue(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first,
              ["=", "+", "-", "@", "\t", "\r"].contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    /// A TEXT value of iCalendar (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
    /// a line break as `\n`, other control characters visible (they are not allowed in TEXT),
    /// `<` and `>` as `＜` `＞` (some clients render TEXT as HTML).
    public static func iCalendarText(_ text: String) -> String {
        rewritten(text) { scalar, previous in
            switch scalar {
            case "\\": return "\\\\"
            case ";": return "\\;"
            case ",": return "\\,"
            case "\n": return previous == "\r" ? "" : "\\n"
            case "\r": return "\\n"
            case "\t": return " "
            // Calendar clients show DESCRIPTION as HTML: angle brackets become their fullwidth
            // forms, which read the same and run nothing.
            case "<": return "＜"
            case ">": return "＞"
            default: return nil
            }
        }
    }

    /// `text` with control characters made visible, then each scalar for which `replacement`
    /// (given the scalar and the one before it, `nil` at the start) returns a string replaced
    /// by that string: the one loop behind the HTML, Markdown and iCalendar escapers.
    ///
    /// - Complexity: O(n) in the length of `text`.
    private static func rewritten(
        _ text: String, _ replacement: (Unicode.Scalar, _ previous: Unicode.Scalar?) -> String?
    ) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar?
        for scalar in visibleControls(text).unicodeScalars {
            if let r = replacement(scalar, previous) { out += r } else { out.unicodeScalars.append(scalar) }
            previous = scalar
        }
        return out
    }

    /// Text for a terminal line: control characters visible, line breaks as spaces.
    public static func terminal(_ text: String) -> String {
        guard mayHoldControls(text) else { return text }
        var out = ""
        for scalar in visibleControls(text).unicodeScalars {
            out.unicodeScalars.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return out
    }

    /// `false` when no byte of `text` can start a control character (C0, DEL, C1 or a
    /// bidirectional override): the fast path for the common case.
    ///
    /// - Complexity: O(n) over the UTF-8 bytes, without decoding.
    static func mayHoldControls(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }  // C1
            if beforePrevious == 0xE2 && previous == 0x80 && (0xAA...0xAE).contains(byte) { return true }  // U+202A–U+202E
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }  // U+2066–U+2069
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
