/// What one worksheet cell holds, as Excel stored it.
///
/// Dates are recognised from the cell's number format (built-in date formats and custom formats
/// with year, day or 年/月/日 codes) and turned into calendar dates in the workbook's date system
/// (1900, with Excel's fictitious 1900-02-29, or 1904).
public enum CellValue: Sendable, Hashable {
    /// Text: a shared string, an inline string or a formula's text result.
    case text(String)
    /// A number not formatted as a date.
    case number(Double)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// A date cell (the time of day, if any, dropped).
    case date(CellDate)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)
}

/// A calendar date read from a date cell.
public struct CellDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The date of Excel serial number `serial` (its whole part) in the given date system, or `nil`
    /// for a serial before the system's first day, for 1900-02-29 (which Excel shows but never was)
    /// and for one past 9999-12-31.
    ///
    /// 1900 system: serial 1 is 1900-01-01 and serial 60 is the fictitious 1900-02-29, so from 61 on
    /// the serial counts days from 1899-12-30. 1904 system: serial 0 is 1904-01-01.
    public static func fromSerial(_ serial: Double, date1904: Bool) -> CellDate? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        let dayNumber: Int
        if date1904 {
            dayNumber = -24_107 + whole  // 1904-01-01 is day −24107 of the Unix epoch
        } else {
            guard whole >= 1, whole != 60 else { return nil }
            dayNumber = whole < 60 ? -25_568 + whole : -25_569 + whole  // 1899-12-31 / 1899-12-30
        }
        let date = CellDate(dayNumber: dayNumber)
        return date.year <= 9999 ? date : nil
    }
}

/// A cell's address: 0-based column and 1-based row, written `C14`.
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 0-based column (A = 0).
    public var column: Int
    /// 1-based row.
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func letters(_ column: Int) -> String {
        var n = column + 1
        var result = ""
        while n > 0 {
            let r = (n - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + r))) + result
            n = (n - 1) / 26
        }
        return result
    }

    /// Parses `C14` (letters then digits, any case); `nil` for anything else.
    public init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits == 0 else { return nil }
                let value = Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
                column = column * 26 + value
                letters += 1
            case "0"..."9":
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1 else { return nil }
        self.column = column - 1
        self.row = row
    }

    public var description: String { Self.letters(column) + String(row) }

    public static func < (a: CellReference, b: CellReference) -> Bool { (a.row, a.column) < (b.row, b.column) }
}
