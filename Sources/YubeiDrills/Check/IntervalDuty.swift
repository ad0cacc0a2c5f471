/// How a `2-years` or `3-years` rule is judged: as a maximum interval ("at least once every N
/// years"), exactly as FORMATS.md §3 (version 2) states it.
///
/// - The duty falls due N years after the last drill that counts; with none on record, N years
///   after the rule's `since`, else the organisation's `registered` date, else 1 January of the
///   checked year. N years after 29 February is 28 February (``CalendarDate/adding(years:)``).
/// - `met` when a drill took place within the N years before the reference day (`--as-of`, or
///   31 December of the checked year without it): a drill exactly N years before still counts,
///   so the result is `met` on the due date and `missed` the day after.
/// - `missed` once the date judged from is past the due date without a new drill; `due` while
///   the due date is still ahead.
/// - Records of earlier years count; drills dated before `since`, after the date judged from,
///   or outside the rule's months do not.
///
/// The period is the ISO 8601 interval `START/DUE`: START is the last drill that counts (with
/// `at_least: k`, the k-th latest) or the day the duty runs from.
public enum IntervalDuty {
    /// The day the duty runs from when no drill is on record: `since`, else `registered`, else
    /// 1 January of `year`.
    public static func anchor(_ rule: Rule, _ organization: Organization, year: Int) -> CalendarDate {
        rule.since ?? organization.registered ?? CalendarDate.firstDay(of: year)
    }

    /// The result of `rule` for `organization` in the check of `year`.
    ///
    /// - Parameters:
    ///   - held: the organisation's drills dated on or before `judgedOn`, any year, any order.
    ///   - judgedOn: `--as-of`, or 1 January after `year`.
    ///   - asOfGiven: whether `--as-of` was given (else the reference day is 31 December of `year`).
    /// - Complexity: O(D log D) for D drills.
    public static func judge(
        _ organization: Organization, _ rule: Rule, held: [DrillRecord], year: Int, judgedOn: CalendarDate,
        asOfGiven: Bool, terms: SchoolTerms
    ) -> QuotaResult {
        let years = rule.every.years ?? 1
        let reference = asOfGiven ? judgedOn : CalendarDate.lastDay(of: year)
        let counting = held.filter { $0.date <= judgedOn && rule.counts($0, terms: terms) }
            .sorted { ($0.date, $0.row) > ($1.date, $1.row) }
        let start: CalendarDate
        if counting.count >= rule.atLeast {
            start = counting[rule.atLeast - 1].date
        } else {
            start = anchor(rule, organization, year: year)
        }
        let due = start.adding(years: years)
        let within = counting.filter { $0.date.adding(years: years) >= reference }
        let status: QuotaStatus
        if within.count >= rule.atLeast {
            status = .met
        } else {
            status = judgedOn > due ? .missed : .due
        }
        return QuotaResult(
            organization: organization.id, rule: rule.id, period: Period(interval: rule.every, from: start, due: due),
            required: rule.atLeast, done: within.count, status: status, countedRows: within.map(\.row)
        )
    }
}
