import YubeiCore

/// Something the check noticed that does not change any result but that a user most likely
/// wants to know (printed on standard error; the exit status is unchanged).
public enum CheckWarning: Sendable, Hashable {
    /// No record falls in the checked year (`--year 1999` against 2026 records).
    case noRecordInYear(year: Int, records: Int)
    /// Records dated after the day judged from (`--as-of`, else 1 January after the year): they
    /// do not count.
    case recordsAfterAsOf(count: Int, asOf: CalendarDate, asOfGiven: Bool, latest: CalendarDate)
    /// An organisation of the orgs file with no record at all, in any year.
    case organizationWithoutRecords(organization: String, name: String)
    /// A rule is limited to school terms, but no calendar gives the terms of `year`: the usual
    /// term months are assumed.
    case schoolTermsAssumed(year: Int)
    /// The same drill (organisation, date, type, plan) is listed twice: counted once.
    case duplicate(DuplicateRecord)

    /// Where the warning points (`FILE:ROW` of a duplicate), or `nil` for the whole check.
    public var location: SourceLocation? {
        guard case .duplicate(let d) = self, !d.duplicate.file.isEmpty else { return nil }
        return SourceLocation(file: d.duplicate.file, line: d.duplicate.row)
    }
}
