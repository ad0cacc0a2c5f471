extension DrillScheduler {
    /// A quick feasible start for GLPK: each obligation, tightest window first, takes the
    /// candidate that keeps observers and teams within their limits, fits a season the
    /// organisation still lacks, and falls in the month least loaded for its share of drill days.
    ///
    /// The program's capacity rows are elastic, so any placement is a feasible incumbent; this
    /// one is usually good, and branch-and-bound only has to improve on it. It matters on big
    /// groups, where GLPK could otherwise hit its time limit before finding any integer plan.
    ///
    /// - Complexity: O(drills × candidates per organisation).
    func greedyCounts(orgIndices: [Int], prepared: PreparedProblem, shared start: SharedLoad) -> [[Int]] {
        var shared = start
        let settings = prepared.settings
        let totalDays = Double(max(1, prepared.drillDaysPerMonth.reduce(0, +)))
        let share = prepared.drillDaysPerMonth.map { max(Double($0) / totalDays, 1e-6) }
        var result: [[Int]] = []
        for orgIndex in orgIndices {
            let org = prepared.orgs[orgIndex]
            var counts = Array(repeating: 0, count: org.candidates.count)
            let order = org.obligations.indices.sorted {
                let a = prepared.obligations[org.obligations[$0]], b = prepared.obligations[org.obligations[$1]]
                return a.first.days(to: a.last) < b.first.days(to: b.last)
            }
            let seasons = settings.seasons.filter { $0.applies(toOrganisationWith: org.organization.hazards) }
            var seasonMet = seasons.map { s in org.held.contains { s.contains($0.date) } }
            for j in order {
                let ob = prepared.obligations[org.obligations[j]]
                let cover = Set(org.covers[j])
                let eligible = org.candidates.indices.filter {
                    cover.contains(org.candidates[$0].drillClass) && prepared.slot(org.candidates[$0].slot, isIn: ob)
                }
                var have = eligible.reduce(0) { $0 + counts[$1] }
                while have < ob.outstanding {
                    var best: Int?
                    var bestScore = Double.infinity
                    for k in eligible where counts[k] < org.candidates[k].upper {
                        let candidate = org.candidates[k]
                        let slot = prepared.slots[candidate.slot]
                        let type = org.classes[candidate.drillClass].type
                        var score = Double(shared.drillsPerMonth[slot.month - 1] + 1) / share[slot.month - 1]
                        if counts[k] > 0 { score += 1000 }
                        if let observers = settings.observers, observers.attends.matches(org.organization, type: type),
                           (shared.observedPerWeek[slot.week] ?? 0) >= observers.perWeek { score += 1e6 }
                        for (t, team) in settings.teams.enumerated() where team.joins.matches(org.organization, type: type)
                            && shared.teamPerMonth[t][slot.month - 1] >= team.perMonth { score += 1e6 }
                        for (s, season) in seasons.enumerated() where !seasonMet[s] && season.contains(slot.first) {
                            score -= season.isForEveryOrganisation ? 50 : 200
                        }
                        if score < bestScore || (score == bestScore && k < (best ?? .max)) {
                            bestScore = score
                            best = k
                        }
                    }
                    guard let k = best else { break }
                    counts[k] += 1
                    have += 1
                    let candidate = org.candidates[k]
                    let slot = prepared.slots[candidate.slot]
                    let type = org.classes[candidate.drillClass].type
                    shared.drillsPerMonth[slot.month - 1] += 1
                    if prepared.observerMatch(org.organization, type) { shared.observedPerWeek[slot.week, default: 0] += 1 }
                    for t in settings.teams.indices where settings.teams[t].joins.matches(org.organization, type: type) {
                        shared.teamPerMonth[t][slot.month - 1] += 1
                    }
                    for (s, season) in seasons.enumerated() where season.contains(slot.first) { seasonMet[s] = true }
                }
            }
            result.append(counts)
        }
        return result
    }
}
