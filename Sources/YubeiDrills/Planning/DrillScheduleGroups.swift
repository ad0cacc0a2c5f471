/// Splitting the year's program into organisation groups, and saying why an obligation cannot be placed.
extension DrillScheduler {
    /// Why an obligation's window holds fewer usable days than drills it needs.
    func explainBlocked(_ ob: DrillObligation, org: PlanningOrganization, available: Int) -> ScheduleInfeasibility.Blocked {
        let first = max(ob.first, CalendarDate.firstDay(of: problem.year))
        let last = min(ob.last, CalendarDate.lastDay(of: problem.year))
        var closures: [String] = []
        for closure in problem.calendar.closures where closure.last >= first && closure.first <= last {
            let text = closure.first == closure.last ? "\(closure.name) \(closure.first)" : "\(closure.name) \(closure.first)…\(closure.last)"
            if !closures.contains(text) { closures.append(text) }
        }
        if ob.schoolTermOnly {
            // The school holidays inside the window: its days outside every term.
            var day = first, gapStart: CalendarDate?
            while day <= last.adding(days: 1) {
                let off = day <= last && !problem.terms.isTermDay(day)
                if off && gapStart == nil { gapStart = day }
                if !off, let start = gapStart {
                    let end = day.adding(days: -1)
                    closures.append(start == end ? "学期外 \(start)" : "学期外 \(start)…\(end)")
                    gapStart = nil
                }
                day = day.adding(days: 1)
            }
        }
        let unavailable = org.unavailable.filter { $0.upperBound >= first && $0.lowerBound <= last }
            .map { $0.lowerBound == $0.upperBound ? $0.lowerBound.description : "\($0.lowerBound)…\($0.upperBound)" }
        return ScheduleInfeasibility.Blocked(obligation: ob, availableDays: available, closures: closures, unavailable: unavailable)
    }

    /// Groups of organisation indices, tightest windows first, each small enough for one program.
    func makeGroups(_ orgs: [PreparedOrganization]) -> [[Int]] {
        let total = orgs.reduce(0) { $0 + $1.candidates.count }
        if total <= options.maxVariablesPerProgram { return orgs.isEmpty ? [] : [Array(orgs.indices)] }
        let order = orgs.indices.sorted { (orgs[$0].tightness, orgs[$0].organization.id) < (orgs[$1].tightness, orgs[$1].organization.id) }
        var groups: [[Int]] = [[]]
        var size = 0
        for i in order {
            if size + orgs[i].candidates.count > options.maxVariablesPerProgram && !groups[groups.count - 1].isEmpty {
                groups.append([])
                size = 0
            }
            groups[groups.count - 1].append(i)
            size += orgs[i].candidates.count
        }
        return groups
    }
}
