/// A unit of time the planner places drills in: the days of one week (Monday–Sunday) that fall
/// in one month, split further where a hazard season or a rule window begins or ends, so that
/// every slot lies wholly inside or wholly outside each month, week, season and window.
public struct PlanningSlot: Sendable, Hashable {
    public var index: Int
    public var first: CalendarDate
    public var last: CalendarDate
    public var month: Int
    /// Day number of the Monday of the slot's week: the key of the weekly observer limit.
    public var week: Int
    /// The days of the slot on which the calendar allows drills, in order.
    public var drillDays: [CalendarDate]

    /// Cuts `year` into slots.
    ///
    /// - Parameter extraBoundaries: day numbers on which a new slot must start (season and window edges).
    /// - Complexity: O(days of the year × closures).
    public static func slots(of year: Int, calendar: HolidayCalendar, extraBoundaries: Set<Int> = []) -> [PlanningSlot] {
        let start = CalendarDate.firstDay(of: year).dayNumber
        let end = CalendarDate.lastDay(of: year).dayNumber
        var result: [PlanningSlot] = []
        var current: PlanningSlot?
        for number in start...end {
            let date = CalendarDate(dayNumber: number)
            let startsNew = current == nil || date.weekday == 1 || date.day == 1 || extraBoundaries.contains(number)
            if startsNew {
                if let slot = current { result.append(slot) }
                current = PlanningSlot(
                    index: result.count, first: date, last: date, month: date.month,
                    week: number - (date.weekday - 1), drillDays: []
                )
            }
            current!.last = date
            if calendar.allowsDrill(on: date) { current!.drillDays.append(date) }
        }
        if let slot = current { result.append(slot) }
        return result
    }

    /// `2027-03-01…03-07`.
    public var label: String {
        first == last ? first.description : "\(first)…\(last.description.dropFirst(5))"
    }

    /// The Monday that starts the slot's week.
    public var weekStart: CalendarDate { CalendarDate(dayNumber: week) }
}
