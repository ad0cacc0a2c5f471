/// What the planner prepares before any program is built: the slots of the year, each
/// organisation's drill classes and candidate placements, and the capacities already used.

/// A drill type, and the plan it drills under per-plan counting.
struct DrillClass: Hashable, Sendable {
    var type: String
    var form: String
    var plan: String?
}

/// One possible placement: drills of a class in a slot, at most `upper`.
struct Candidate: Sendable {
    var drillClass: Int
    var slot: Int
    var upper: Int
}

/// A (slot, drill class) pair of one organisation: the key of its candidate placements.
struct SlotClass: Hashable, Sendable, Comparable {
    var slot: Int
    var drillClass: Int

    static func < (a: SlotClass, b: SlotClass) -> Bool { (a.slot, a.drillClass) < (b.slot, b.drillClass) }
}

struct PreparedOrganization: Sendable {
    var organization: PlanningOrganization
    var classes: [DrillClass]
    /// Indices into ``PreparedProblem/obligations`` (outstanding > 0 and placeable).
    var obligations: [Int]
    /// For each obligation above, the classes that count toward it.
    var covers: [[Int]]
    /// Org-available drill days per slot (only slots with at least one).
    var days: [Int: [CalendarDate]]
    var candidates: [Candidate]
    /// Held drills in the plan year.
    var held: [HeldDrill]
    /// All its obligations of the plan year, met or not (half-year spacing looks at both halves).
    var yearObligations: [DrillObligation]
    /// Shortest window among its obligations, in days (orders groups: tightest first).
    var tightness: Int
}

/// Capacity and load used so far (held drills, and groups already solved).
struct SharedLoad: Sendable {
    var observedPerWeek: [Int: Int] = [:]
    var teamPerMonth: [[Int]]
    var drillsPerMonth = Array(repeating: 0, count: 12)

    init(teams: Int) {
        teamPerMonth = Array(repeating: Array(repeating: 0, count: 12), count: teams)
    }

    /// Counts one held drill of `org` on `date`.
    mutating func add(held drill: HeldDrill, of org: PlanningOrganization, settings: PlanningSettings) {
        drillsPerMonth[drill.date.month - 1] += 1
        if settings.observers?.attends.matches(org, type: drill.type) ?? false {
            observedPerWeek[drill.date.dayNumber - (drill.date.weekday - 1), default: 0] += 1
        }
        for t in settings.teams.indices where settings.teams[t].joins.matches(org, type: drill.type) {
            teamPerMonth[t][drill.date.month - 1] += 1
        }
    }

    mutating func add(_ org: PreparedOrganization, counts: [Int], prepared: PreparedProblem) {
        for (k, candidate) in org.candidates.enumerated() where counts[k] > 0 {
            let slot = prepared.slots[candidate.slot]
            let type = org.classes[candidate.drillClass].type
            drillsPerMonth[slot.month - 1] += counts[k]
            if prepared.observerMatch(org.organization, type) { observedPerWeek[slot.week, default: 0] += counts[k] }
            for t in prepared.settings.teams.indices where prepared.settings.teams[t].joins.matches(org.organization, type: type) {
                teamPerMonth[t][slot.month - 1] += counts[k]
            }
        }
    }
}

struct PreparedProblem: Sendable {
    var year: Int
    var settings: PlanningSettings
    var slots: [PlanningSlot]
    var obligations: [DrillObligation]
    var orgs: [PreparedOrganization]
    var blocked: [ScheduleInfeasibility.Blocked]
    var initialLoad: SharedLoad
    var drillDaysPerMonth: [Int]
    var terms: SchoolTerms

    func observerMatch(_ org: PlanningOrganization, _ type: String) -> Bool {
        settings.observers?.attends.matches(org, type: type) ?? false
    }

    /// Whether slot `s` serves `obligation`: inside its window, in its months and terms.
    func slot(_ s: Int, isIn obligation: DrillObligation) -> Bool {
        Self.slot(slots[s], isIn: obligation, terms: terms)
    }

    /// Slots never straddle a window, month or term edge inside the year, so the first day decides.
    static func slot(_ slot: PlanningSlot, isIn obligation: DrillObligation, terms: SchoolTerms) -> Bool {
        slot.first >= obligation.first && slot.last <= obligation.last && obligation.allows(slot.first, terms: terms)
    }
}

extension DrillScheduler {
    /// The order in which a class is chosen for an obligation that allows several types: a
    /// special drill (专项) is the lighter undertaking, so "comprehensive or special" becomes
    /// special; a rule asking for comprehensive drills only still gets them.
    static let typePreference = ["special", "comprehensive", "onsite"]

    func defaultType(for allowed: Set<String>?, kind: String) -> String {
        if let allowed {
            return Self.typePreference.first { allowed.contains($0) } ?? allowed.sorted()[0]
        }
        return ["county-government", "township"].contains(kind) ? "comprehensive" : "special"
    }

    /// Slots, classes, candidates and per-obligation feasibility on their own.
    ///
    /// - Complexity: O(organisations × slots × classes + obligations × slots).
    func prepare() -> PreparedProblem {
        let year = problem.year
        let yearFirst = CalendarDate.firstDay(of: year), yearLast = CalendarDate.lastDay(of: year)
        let inYear = problem.obligations.filter { $0.last >= yearFirst && $0.first <= yearLast }
        let (fine, coarse) = makeSlots(obligations: inYear)
        let slots = fine + coarse
        var drillDaysPerMonth = Array(repeating: 0, count: 12)
        for slot in fine { drillDaysPerMonth[slot.month - 1] += slot.drillDays.count }

        // Obligations to place: outstanding, window ending inside the plan year.
        let active = inYear.filter { $0.outstanding > 0 && $0.last <= yearLast }
        var byOrg: [String: [Int]] = [:]
        for (i, ob) in active.enumerated() { byOrg[ob.organization, default: []].append(i) }
        var heldByOrg: [String: [HeldDrill]] = [:]
        for drill in problem.held where drill.date.year == year { heldByOrg[drill.organization, default: []].append(drill) }
        var yearObligationsByOrg: [String: [DrillObligation]] = [:]
        for ob in inYear { yearObligationsByOrg[ob.organization, default: []].append(ob) }

        var prepared = PreparedProblem(
            year: year, settings: problem.settings, slots: slots, obligations: active, orgs: [], blocked: [],
            initialLoad: SharedLoad(teams: problem.settings.teams.count), drillDaysPerMonth: drillDaysPerMonth,
            terms: problem.terms
        )
        for org in problem.organizations {
            for drill in heldByOrg[org.id] ?? [] {
                prepared.initialLoad.add(held: drill, of: org, settings: problem.settings)
            }
            guard let indices = byOrg[org.id] else { continue }
            if var organization = prepareOrganization(
                org, obligations: indices, prepared: &prepared, fineSlots: Array(fine.indices),
                coarseSlots: Array(fine.count..<slots.count)
            ) {
                organization.held = heldByOrg[org.id] ?? []
                organization.yearObligations = yearObligationsByOrg[org.id] ?? []
                prepared.orgs.append(organization)
            }
        }
        return prepared
    }

    /// The week pieces of the year (for drills the weekly observer limit applies to) and month
    /// pieces (for all others: five times fewer variables; the day inside is chosen afterwards),
    /// both cut at every season, window and school-term edge.
    func makeSlots(obligations inYear: [DrillObligation]) -> (fine: [PlanningSlot], coarse: [PlanningSlot]) {
        let year = problem.year
        let yearFirst = CalendarDate.firstDay(of: year)
        var boundaries: Set<Int> = []
        for season in problem.settings.seasons {
            if let a = CalendarDate(year: year, month: season.from.month, day: season.from.day) { boundaries.insert(a.dayNumber) }
            if let b = CalendarDate(year: year, month: season.to.month, day: season.to.day) { boundaries.insert(b.dayNumber + 1) }
        }
        for ob in inYear {
            boundaries.insert(max(ob.first, yearFirst).dayNumber)
            boundaries.insert(ob.last.dayNumber + 1)
        }
        if inYear.contains(where: \.schoolTermOnly) {
            for term in problem.terms.byYear[year] ?? [] {
                boundaries.insert(term.first.dayNumber)
                boundaries.insert(term.last.dayNumber + 1)
            }
        }
        let fine = PlanningSlot.slots(of: year, calendar: problem.calendar, extraBoundaries: boundaries)
        var coarse: [PlanningSlot] = []
        for slot in fine {
            if var last = coarse.last, last.month == slot.month, !boundaries.contains(slot.first.dayNumber) {
                last.last = slot.last
                last.drillDays += slot.drillDays
                coarse[coarse.count - 1] = last
            } else {
                var piece = slot
                piece.index = fine.count + coarse.count
                coarse.append(piece)
            }
        }
        return (fine, coarse)
    }

    /// One organisation's classes, candidates and placeable obligations; the obligations whose
    /// windows hold too few usable days go to `prepared.blocked`. `nil` when none is placeable.
    func prepareOrganization(
        _ org: PlanningOrganization, obligations indices: [Int], prepared: inout PreparedProblem,
        fineSlots: [Int], coarseSlots: [Int]
    ) -> PreparedOrganization? {
        let settings = problem.settings
        let active = prepared.obligations
        let slots = prepared.slots
        let terms = prepared.terms
        var days: [Int: [CalendarDate]] = [:]
        for slot in slots {
            let free = org.unavailable.isEmpty ? slot.drillDays : slot.drillDays.filter { !org.isUnavailable(on: $0) }
            if !free.isEmpty { days[slot.index] = free }
        }
        // Classes: obligations with a plan or few types first, so broad ones reuse their classes.
        var classes: [DrillClass] = []
        let ordered = indices.sorted { a, b in
            let x = active[a], y = active[b]
            return ((x.plan == nil ? 1 : 0), x.types?.count ?? 99, x.rule) < ((y.plan == nil ? 1 : 0), y.types?.count ?? 99, y.rule)
        }
        for i in ordered {
            let ob = active[i]
            if !classes.contains(where: { ob.accepts(type: $0.type, form: $0.form, plan: $0.plan) }) {
                let form = ob.forms.map { $0.contains(settings.form) ? settings.form : $0.sorted()[0] } ?? settings.form
                classes.append(DrillClass(type: defaultType(for: ob.types, kind: org.kind), form: form, plan: ob.plan))
            }
        }
        var kept: [Int] = [], covers: [[Int]] = []
        var upper: [SlotClass: Int] = [:]
        var tightness = Int.max
        for i in indices {
            let ob = active[i]
            let cover = classes.indices.filter { ob.accepts(type: classes[$0].type, form: classes[$0].form, plan: classes[$0].plan) }
            let inWindow = { (s: Int) in days[s] != nil && PreparedProblem.slot(slots[s], isIn: ob, terms: terms) }
            let available = fineSlots.filter(inWindow).reduce(0) { $0 + days[$1]!.count }
            if available < ob.outstanding {
                prepared.blocked.append(explainBlocked(ob, org: org, available: available))
                continue
            }
            kept.append(i)
            covers.append(cover)
            tightness = min(tightness, ob.first.days(to: ob.last) + 1)
            for c in cover {
                let observed = settings.observers?.attends.matches(org, type: classes[c].type) ?? false
                for s in (observed ? fineSlots : coarseSlots) where inWindow(s) {
                    let key = SlotClass(slot: s, drillClass: c)
                    upper[key] = max(upper[key] ?? 0, min(days[s]!.count, ob.outstanding))
                }
            }
        }
        guard !kept.isEmpty else { return nil }
        let candidates = upper.keys.sorted().map { Candidate(drillClass: $0.drillClass, slot: $0.slot, upper: upper[$0]!) }
        return PreparedOrganization(
            organization: org, classes: classes, obligations: kept, covers: covers, days: days,
            candidates: candidates, held: [], yearObligations: [], tightness: tightness
        )
    }
}
