import Foundation
import YubeiOptimization
import YubeiCore

/// Places every outstanding drill of a year on a day with an integer program on GLPK.
///
/// **Variables.** For each organisation, a few *drill classes* (a drill type, and the plan drilled
/// under per-plan counting) chosen to cover all its obligations; `x[o,c,s]` = drills of class `c`
/// by `o` in slot `s` (a week piece, ``PlanningSlot``), created only where the organisation can
/// drill and some obligation it serves has its window — the model is as sparse as the data.
///
/// **Hard rows.** Each obligation: Σ x over its classes and window ≥ outstanding. Observers:
/// Σ observed drills in a week ≤ N. Each team: Σ joined drills in a month ≤ K. Blackouts, weekends
/// and unavailable dates never get a variable. Capacity rows carry an elastic slack with a huge
/// cost, so that when no plan exists the solve still says which capacity is short and by how much.
///
/// **Soft terms** (weights in ``PlanningSettings/Weights``): a season miss per organisation and
/// hazard; a safety-month miss; half-yearly pairs closer than 3 months; month loads away from
/// their share of working days (L1 deviation). Every drill costs more than any preference can gain.
///
/// **Decomposition.** When the whole program is bigger than ``Options/maxVariablesPerProgram``,
/// organisations are solved group by group (tightest windows first); each group sees the
/// capacities and month loads the earlier groups used as constants (a greedy coordination step).
/// If a group cannot fit the capacities left to it, the whole program is solved at once to tell a
/// coordination failure from a real shortage.
public struct DrillScheduler: Sendable {
    public struct Options: Sendable {
        /// Above this many drill variables, solve organisation groups one after another.
        public var maxVariablesPerProgram = 3000
        /// When a group cannot fit the capacities the earlier groups left, the whole program is
        /// solved at once if it has at most this many drill variables (else the overload is
        /// reported as not proven).
        public var maxVariablesForWholeProgram = 30_000
        /// Wall-clock budget for all programs together; each group gets an equal share of what
        /// is left (at least 1 s), never more than ``timeLimitPerProgram``.
        public var timeBudget: Duration?
        /// Time limit of one GLPK solve.
        public var timeLimitPerProgram: Duration = .seconds(20)
        public var relativeGap = 1e-6
        /// Adjusts the options of every GLPK solve (e.g. to attach a progress reporter).
        public var configureSolve: (@Sendable (inout SolveOptions) -> Void)?
        public init() {}
    }

    public enum Outcome: Sendable {
        case planned(DrillPlan)
        case impossible(ScheduleInfeasibility)
    }

    /// The solver found no plan and could not prove there is none (time limit, numerical trouble).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public var problem: DrillScheduleProblem
    public var options: Options

    public init(problem: DrillScheduleProblem, options: Options = Options()) {
        self.problem = problem
        self.options = options
    }

    /// Cost of one drill: more than every preference it could satisfy.
    var drillCost: Double {
        let w = problem.settings.weights
        return 100 + 10 * (w.season * Double(max(1, problem.settings.seasons.count)) + w.safetyMonth + w.spacing + w.balance)
    }

    /// How far from the optimum (in weight units) a plan may be when GLPK stops: half the
    /// smallest positive weight (at least 1), so that no avoidable preference miss worth two
    /// whole weight unit is left, while GLPK does not spend its time proving fractions.
    var absoluteTolerance: Double {
        let w = problem.settings.weights
        let positive = [w.season, w.safetyMonth, w.spacing, w.balance].filter { $0 > 0 }
        return max(1, 0.5 * (positive.min() ?? 2))
    }

    /// Cost of one unit of capacity overload (elastic slack).
    var overloadCost: Double { drillCost * 1000 }

    /// Cost of one drill short of an obligation: above any overload, so that a shortage shows
    /// only when the organisation's own days run out, and a capacity is blamed otherwise.
    var shortageCost: Double { overloadCost * 100 }

    /// Plans the year.
    ///
    /// - Throws: ``Failure`` when GLPK stops without any plan and without proof that none exists.
    public func schedule() throws -> Outcome {
        let prepared = prepare()
        var notes: [String] = []
        var blocked = prepared.blocked

        // Solve the placeable part, group by group when it is big.
        let groups = makeGroups(prepared.orgs)
        var shared = prepared.initialLoad
        var counts: [[Int]] = prepared.orgs.map { Array(repeating: 0, count: $0.candidates.count) }
        var overloads: [ScheduleInfeasibility.Overload] = []
        var proven = true
        var needsWhole = false
        let totalCandidates = prepared.orgs.reduce(0) { $0 + $1.candidates.count }
        let clock = ContinuousClock()
        let started = clock.now
        for (number, group) in groups.enumerated() {
            var limit = options.timeLimitPerProgram
            if let budget = options.timeBudget {
                let left = budget - (clock.now - started)
                limit = min(limit, max(.seconds(1), left / (groups.count - number)))
            }
            let outcome = try solve(orgIndices: group, prepared: prepared, shared: shared, timeLimit: limit)
            notes.append("program \(number + 1) of \(groups.count): \(group.count) organisations, \(outcome.variables) variables, \(outcome.rows) rows: \(outcome.statusNote) in \(NumberText(.en).duration(outcome.time))")
            if !outcome.overloads.isEmpty || !outcome.shortages.isEmpty {
                if groups.count > 1 && !outcome.overloads.isEmpty && totalCandidates <= options.maxVariablesForWholeProgram {
                    needsWhole = true
                    break
                }
                overloads += outcome.overloads
                blocked += shortageReasons(outcome.shortages, prepared: prepared)
                // In groups, an overload may come from capacity the earlier groups took.
                proven = proven && outcome.isOptimal && (groups.count == 1 || outcome.overloads.isEmpty)
            }
            for (k, orgIndex) in group.enumerated() {
                counts[orgIndex] = outcome.counts[k]
                shared.add(prepared.orgs[orgIndex], counts: outcome.counts[k], prepared: prepared)
            }
        }
        if needsWhole {
            notes.append("a group could not fit the capacities left by earlier groups: solving all organisations in one program")
            let all = Array(prepared.orgs.indices)
            var limit = options.timeLimitPerProgram
            if let budget = options.timeBudget { limit = min(limit, max(.seconds(5), budget - (clock.now - started))) }
            let outcome = try solve(orgIndices: all, prepared: prepared, shared: prepared.initialLoad, timeLimit: limit)
            notes.append("whole program: \(all.count) organisations, \(outcome.variables) variables, \(outcome.rows) rows: \(outcome.statusNote) in \(NumberText(.en).duration(outcome.time))")
            overloads = outcome.overloads
            blocked += shortageReasons(outcome.shortages, prepared: prepared)
            proven = outcome.isOptimal
            for (k, orgIndex) in all.enumerated() { counts[orgIndex] = outcome.counts[k] }
        }
        if !blocked.isEmpty || !overloads.isEmpty {
            blocked.sort { ($0.obligation.organization, $0.obligation.first, $0.obligation.rule) < ($1.obligation.organization, $1.obligation.first, $1.obligation.rule) }
            return .impossible(ScheduleInfeasibility(blocked: blocked, overloads: overloads, proven: proven || !blocked.isEmpty && overloads.isEmpty))
        }
        return .planned(makePlan(prepared: prepared, counts: counts, notes: notes))
    }

    /// Obligations the solve left short although their windows have days: the organisation's
    /// other obligations take the same few days.
    func shortageReasons(_ shortages: [(obligation: Int, missing: Int)], prepared: PreparedProblem) -> [ScheduleInfeasibility.Blocked] {
        shortages.map { item in
            let ob = prepared.obligations[item.obligation]
            let org = problem.organizations.first { $0.id == ob.organization } ?? PlanningOrganization(id: ob.organization, kind: "")
            let days = prepared.slots.filter { $0.first >= ob.first && $0.last <= ob.last }
                .reduce(0) { $0 + $1.drillDays.filter { !org.isUnavailable(on: $0) }.count }
            return explainBlocked(ob, org: org, available: days)
        }
    }

}

// MARK: - Preparation

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

    func observerMatch(_ org: PlanningOrganization, _ type: String) -> Bool {
        settings.observers?.attends.matches(org, type: type) ?? false
    }

    /// Whether slot `s` lies in `window` (slots never straddle a window edge inside the year).
    func slot(_ s: Int, isIn obligation: DrillObligation) -> Bool {
        slots[s].first >= obligation.first && slots[s].last <= obligation.last
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
        var boundaries: Set<Int> = []
        for season in problem.settings.seasons {
            if let a = CalendarDate(year: year, month: season.from.month, day: season.from.day) { boundaries.insert(a.dayNumber) }
            if let b = CalendarDate(year: year, month: season.to.month, day: season.to.day) { boundaries.insert(b.dayNumber + 1) }
        }
        let inYear = problem.obligations.filter { $0.last >= yearFirst && $0.first <= yearLast }
        for ob in inYear {
            boundaries.insert(max(ob.first, yearFirst).dayNumber)
            boundaries.insert(ob.last.dayNumber + 1)
        }
        // Week pieces for drills the weekly observer limit applies to; month pieces (cut at the
        // same season and window edges) for all others — five times fewer variables, and the
        // day inside the piece is chosen afterwards.
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
        let slots = fine + coarse
        let fineSlots = Array(fine.indices), coarseSlots = Array(fine.count..<slots.count)
        var drillDaysPerMonth = Array(repeating: 0, count: 12)
        for slot in fine { drillDaysPerMonth[slot.month - 1] += slot.drillDays.count }

        // Obligations to place: outstanding, window ending inside the plan year.
        let active = inYear.filter { $0.outstanding > 0 && $0.last <= yearLast }
        var byOrg: [String: [Int]] = [:]
        for (i, ob) in active.enumerated() { byOrg[ob.organization, default: []].append(i) }
        var heldByOrg: [String: [HeldDrill]] = [:]
        for drill in problem.held where drill.date.year == year { heldByOrg[drill.organization, default: []].append(drill) }

        var initial = SharedLoad(teamPerMonth: Array(repeating: Array(repeating: 0, count: 12), count: problem.settings.teams.count))
        var yearObligationsByOrg: [String: [DrillObligation]] = [:]
        for ob in inYear { yearObligationsByOrg[ob.organization, default: []].append(ob) }
        var orgs: [PreparedOrganization] = []
        var blocked: [ScheduleInfeasibility.Blocked] = []
        let settings = problem.settings
        for org in problem.organizations {
            for drill in heldByOrg[org.id] ?? [] {
                initial.drillsPerMonth[drill.date.month - 1] += 1
                if settings.observers?.attends.matches(org, type: drill.type) ?? false {
                    initial.observedPerWeek[drill.date.dayNumber - (drill.date.weekday - 1), default: 0] += 1
                }
                for t in settings.teams.indices where settings.teams[t].joins.matches(org, type: drill.type) {
                    initial.teamPerMonth[t][drill.date.month - 1] += 1
                }
            }
            guard let obligationIndices = byOrg[org.id] else { continue }
            var days: [Int: [CalendarDate]] = [:]
            for slot in slots {
                let free = org.unavailable.isEmpty ? slot.drillDays : slot.drillDays.filter { !org.isUnavailable(on: $0) }
                if !free.isEmpty { days[slot.index] = free }
            }
            // Classes: obligations with a plan or few types first, so broad ones reuse their classes.
            var classes: [DrillClass] = []
            let ordered = obligationIndices.sorted { a, b in
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
            var upperBySlotClass: [Int: Int] = [:]  // key slot * 64 + class
            var tightness = Int.max
            for i in obligationIndices {
                let ob = active[i]
                let cover = classes.indices.filter { ob.accepts(type: classes[$0].type, form: classes[$0].form, plan: classes[$0].plan) }
                let inWindow = { (s: Int) in days[s] != nil && slots[s].first >= ob.first && slots[s].last <= ob.last }
                let available = fineSlots.filter(inWindow).reduce(0) { $0 + days[$1]!.count }
                if available < ob.outstanding {
                    blocked.append(explainBlocked(ob, org: org, available: available))
                    continue
                }
                kept.append(i)
                covers.append(cover)
                tightness = min(tightness, ob.first.days(to: ob.last) + 1)
                for c in cover {
                    let observed = settings.observers?.attends.matches(org, type: classes[c].type) ?? false
                    for s in (observed ? fineSlots : coarseSlots) where inWindow(s) {
                        let key = s * 64 + c
                        upperBySlotClass[key] = max(upperBySlotClass[key] ?? 0, min(days[s]!.count, ob.outstanding))
                    }
                }
            }
            guard !kept.isEmpty else { continue }
            let candidates = upperBySlotClass.map { Candidate(drillClass: $0.key % 64, slot: $0.key / 64, upper: $0.value) }
                .sorted { ($0.slot, $0.drillClass) < ($1.slot, $1.drillClass) }
            orgs.append(PreparedOrganization(
                organization: org, classes: classes, obligations: kept, covers: covers, days: days,
                candidates: candidates, held: heldByOrg[org.id] ?? [],
                yearObligations: yearObligationsByOrg[org.id] ?? [], tightness: tightness
            ))
        }
        return PreparedProblem(
            year: year, settings: settings, slots: slots, obligations: active, orgs: orgs,
            blocked: blocked, initialLoad: initial, drillDaysPerMonth: drillDaysPerMonth
        )
    }

    /// Why an obligation's window holds fewer usable days than drills it needs.
    func explainBlocked(_ ob: DrillObligation, org: PlanningOrganization, available: Int) -> ScheduleInfeasibility.Blocked {
        let first = max(ob.first, CalendarDate.firstDay(of: problem.year))
        let last = min(ob.last, CalendarDate.lastDay(of: problem.year))
        var closures: [String] = []
        for closure in problem.calendar.closures where closure.last >= first && closure.first <= last {
            let text = closure.first == closure.last ? "\(closure.name) \(closure.first)" : "\(closure.name) \(closure.first)…\(closure.last)"
            if !closures.contains(text) { closures.append(text) }
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
