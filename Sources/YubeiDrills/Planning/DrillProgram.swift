import YubeiOptimization

/// The integer program of one group of organisations, built piece by piece: the drill
/// variables, one row per obligation, the capacity rows (observers, teams) and the soft terms
/// (``DrillProgram`` + Preferences). Every variable gets a start value, so that the greedy plan
/// is GLPK's first incumbent with every auxiliary at the least value its row allows.
struct DrillProgram {
    /// A capacity row's elastic overload, kept to report which capacity is short.
    struct OverloadSlack {
        var variable: Variable
        var capacity: DrillCapacity
        var capacityName: String
        var period: String
        var limit: Int
        /// What earlier groups and held drills already use.
        var before: Int
        /// (group organisation, candidate) pairs feeding the row.
        var members: [(Int, Int)]
    }

    let prepared: PreparedProblem
    let orgIndices: [Int]
    let shared: SharedLoad
    let drillCost: Double
    let overloadCost: Double
    let shortageCost: Double

    var model = Model(name: "drill-plan")
    var objective = LinearExpression()
    /// Start value of every variable, by index.
    var start: [Double] = []
    /// Drill variables per group organisation, one per candidate.
    var x: [[Variable]] = []
    var observedRows: [Int: LinearExpression] = [:]
    var teamRows: [[LinearExpression]]
    var teamUsed: [Set<Int>]
    var monthRows = Array(repeating: LinearExpression(), count: 12)
    /// Each obligation's elastic shortage and the obligation's index.
    var shortageVars: [(Variable, Int)] = []
    var observedMembers: [Int: [(Int, Int)]] = [:]
    var teamMembers: [TeamMonth: [(Int, Int)]] = [:]
    var overloads: [OverloadSlack] = []

    /// A team in one month (index 0 = January): the key of its monthly limit.
    struct TeamMonth: Hashable {
        var team: Int
        var month: Int
    }

    init(prepared: PreparedProblem, orgIndices: [Int], shared: SharedLoad, drillCost: Double, overloadCost: Double,
         shortageCost: Double) {
        self.prepared = prepared
        self.orgIndices = orgIndices
        self.shared = shared
        self.drillCost = drillCost
        self.overloadCost = overloadCost
        self.shortageCost = shortageCost
        teamRows = Array(repeating: Array(repeating: LinearExpression(), count: 12), count: prepared.settings.teams.count)
        teamUsed = Array(repeating: [], count: prepared.settings.teams.count)
    }

    func startValue(_ row: LinearExpression) -> Double { row.evaluated(at: start) }

    /// A continuous variable ≥ 0 with `cost` in the objective and `value` as its start.
    mutating func addAuxiliary(cost: Double, upperBound: Double? = nil, start value: Double) -> Variable {
        let v = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: upperBound)
        start.append(value)
        if cost != 0 { objective.add(cost, v) }
        return v
    }

    /// The drill variables of group organisation `g` (one per candidate, integer, at most its
    /// upper bound, priced at ``drillCost``), entered in the month, observer and team rows.
    mutating func addDrills(_ g: Int, greedy: [Int]) {
        let org = prepared.orgs[orgIndices[g]]
        let settings = prepared.settings
        var vars: [Variable] = []
        vars.reserveCapacity(org.candidates.count)
        for (k, candidate) in org.candidates.enumerated() {
            let v = model.addVariable("", kind: .integer, lowerBound: 0, upperBound: Double(candidate.upper))
            start.append(Double(greedy[k]))
            vars.append(v)
            objective.add(drillCost, v)
            let slot = prepared.slots[candidate.slot]
            let type = org.classes[candidate.drillClass].type
            monthRows[slot.month - 1].add(1, v)
            if prepared.observerMatch(org.organization, type) {
                observedRows[slot.week, default: LinearExpression()].add(1, v)
                observedMembers[slot.week, default: []].append((g, k))
            }
            for t in settings.teams.indices where settings.teams[t].joins.matches(org.organization, type: type) {
                teamRows[t][slot.month - 1].add(1, v)
                teamUsed[t].insert(slot.month - 1)
                teamMembers[TeamMonth(team: t, month: slot.month - 1), default: []].append((g, k))
            }
        }
        x.append(vars)
    }

    /// Every obligation of group organisation `g` met in its window: Σ x ≥ outstanding, with an
    /// elastic shortage priced far above any plan that tells which obligation cannot be met when
    /// the organisation's own days run out.
    mutating func addObligations(_ g: Int) {
        let org = prepared.orgs[orgIndices[g]]
        for (j, obIndex) in org.obligations.enumerated() {
            let ob = prepared.obligations[obIndex]
            let cover = Set(org.covers[j])
            var row = LinearExpression()
            for (k, candidate) in org.candidates.enumerated()
            where cover.contains(candidate.drillClass) && prepared.slot(candidate.slot, isIn: ob) {
                row.add(1, x[g][k])
            }
            let shortage = addAuxiliary(cost: shortageCost, upperBound: Double(ob.outstanding),
                                        start: max(0, Double(ob.outstanding) - startValue(row)))
            shortageVars.append((shortage, obIndex))
            row.add(1, shortage)
            model.addConstraint(row >= Double(ob.outstanding))
        }
    }

    /// Observers per week, teams per month: hard, with an elastic overload priced out of reach.
    mutating func addCapacities() {
        let settings = prepared.settings
        if let observers = settings.observers {
            for (week, row) in observedRows.sorted(by: { $0.key < $1.key }) {
                let before = shared.observedPerWeek[week] ?? 0
                addCapacityRow(row, limit: observers.perWeek, before: before, capacity: .observers, name: "observers",
                               period: "week of \(CalendarDate(dayNumber: week))", members: observedMembers[week] ?? [])
            }
        }
        for (t, team) in settings.teams.enumerated() {
            for month in teamUsed[t].sorted() {
                let label = "\(prepared.year)-" + (month < 9 ? "0\(month + 1)" : "\(month + 1)")
                addCapacityRow(teamRows[t][month], limit: team.perMonth, before: shared.teamPerMonth[t][month],
                               capacity: .team(id: team.id), name: team.name, period: label,
                               members: teamMembers[TeamMonth(team: t, month: month)] ?? [])
            }
        }
    }

    /// `row ≤ limit − before`, elastic.
    mutating func addCapacityRow(
        _ row: LinearExpression, limit: Int, before: Int, capacity: DrillCapacity, name: String, period: String,
        members: [(Int, Int)]
    ) {
        var row = row
        let left = limit - before
        let slack = addAuxiliary(cost: overloadCost, start: max(0, startValue(row) - Double(left)))
        row.add(-1, slack)
        model.addConstraint(row <= Double(left))
        overloads.append(OverloadSlack(variable: slack, capacity: capacity, capacityName: name, period: period,
                                       limit: limit, before: before, members: members))
    }
}
