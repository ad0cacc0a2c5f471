import YubeiOptimization

/// The soft terms of the drill program: hazard seasons and the safety month, half-yearly
/// spacing, and an even load over the months (weights in ``PlanningSettings/Weights``).
extension DrillProgram {
    /// Seasons: at least one drill of group organisation `g` in each of its hazard seasons (and
    /// the safety month), a miss costing the season's weight.
    mutating func addSeasons(_ g: Int) {
        let org = prepared.orgs[orgIndices[g]]
        let weights = prepared.settings.weights
        for season in prepared.settings.seasons {
            let weight = season.isForEveryOrganisation ? weights.safetyMonth : weights.season
            guard weight > 0, season.applies(toOrganisationWith: org.organization.hazards) else { continue }
            if org.held.contains(where: { season.contains($0.date) }) { continue }
            var row = LinearExpression()
            for (k, candidate) in org.candidates.enumerated() where season.contains(prepared.slots[candidate.slot].first) {
                row.add(1, x[g][k])
            }
            guard !row.indices.isEmpty else { continue }
            let miss = addAuxiliary(cost: weight, upperBound: 1, start: max(0, 1 - startValue(row)))
            row.add(1, miss)
            model.addConstraint(row >= 1)
        }
    }

    /// Half-yearly pairs at least `spacing` days apart: for each H2 position p,
    /// v ≥ [drill at p] + Σ H1 drills closer than `spacing` − 1.
    mutating func addSpacing(_ g: Int, pairs: [(h1: DrillObligation, h2: DrillObligation, cover: [Int])]) {
        let org = prepared.orgs[orgIndices[g]]
        let spacing = prepared.settings.spacingDays
        let slots = prepared.slots
        for pair in pairs {
            let (h1, h2) = (pair.h1, pair.h2)
            let cover = Set(pair.cover)
            let accepted = { (d: HeldDrill) in h1.accepts(type: d.type, form: d.form, plan: d.plan) }
            let heldH1 = org.held.filter { accepted($0) && h1.first <= $0.date && $0.date <= h1.last }.map(\.date)
            let heldH2 = org.held.filter { accepted($0) && h2.first <= $0.date && $0.date <= h2.last }.map(\.date)
            let h1Candidates = org.candidates.indices.filter {
                cover.contains(org.candidates[$0].drillClass) && prepared.slot(org.candidates[$0].slot, isIn: h1)
            }
            var positions: [(first: CalendarDate, terms: [Int], constant: Int)] = []
            var bySlot: [Int: [Int]] = [:]
            for k in org.candidates.indices
            where cover.contains(org.candidates[k].drillClass) && prepared.slot(org.candidates[k].slot, isIn: h2) {
                bySlot[org.candidates[k].slot, default: []].append(k)
            }
            for (s, ks) in bySlot.sorted(by: { $0.key < $1.key }) { positions.append((slots[s].first, ks, 0)) }
            for d in heldH2 { positions.append((d, [], 1)) }
            for p in positions {
                var row = LinearExpression()
                for k in p.terms { row.add(-1, x[g][k]) }
                for k in h1Candidates where p.first.dayNumber - slots[org.candidates[k].slot].last.dayNumber < spacing {
                    row.add(-1, x[g][k])
                }
                guard !row.indices.isEmpty else { continue }
                let heldClose = heldH1.filter { p.first.dayNumber - $0.dayNumber < spacing }.count
                let bound = Double(p.constant + heldClose - 1)
                let v = addAuxiliary(cost: prepared.settings.weights.spacing, start: max(0, bound - startValue(row)))
                row.add(1, v)
                model.addConstraint(row >= bound)
            }
        }
    }

    /// Even load: month loads (with what is already placed) near their share of drill days,
    /// the L1 deviation priced at the balance weight.
    mutating func addBalance() {
        let weight = prepared.settings.weights.balance
        let totalDays = prepared.drillDaysPerMonth.reduce(0, +)
        guard weight > 0, totalDays > 0 else { return }
        var loads: [Variable] = []
        for month in 0..<12 {
            let load = addAuxiliary(cost: 0, start: startValue(monthRows[month]) + Double(shared.drillsPerMonth[month]))
            var row = monthRows[month]
            row.add(-1, load)
            model.addConstraint(row == -Double(shared.drillsPerMonth[month]))
            loads.append(load)
        }
        let total = addAuxiliary(cost: 0, start: loads.reduce(0) { $0 + start[$1.index] })
        var totalRow = LinearExpression()
        for load in loads { totalRow.add(1, load) }
        totalRow.add(-1, total)
        model.addConstraint(totalRow == 0)
        for month in 0..<12 {
            let share = Double(prepared.drillDaysPerMonth[month]) / Double(totalDays)
            let deviation = start[loads[month].index] - share * start[total.index]
            let over = addAuxiliary(cost: weight, start: max(0, deviation - 0.5))
            let under = addAuxiliary(cost: weight, start: max(0, -deviation - 0.5))
            // over ≥ load − share·T − ½ and under ≥ share·T − ½ − load: a load within half a
            // drill of its target (always possible for an integer) costs nothing, which keeps
            // the LP bound tight and branch-and-bound short.
            var overRow = LinearExpression()
            overRow.add(1, over)
            overRow.add(-1, loads[month])
            overRow.add(share, total)
            model.addConstraint(overRow >= -0.5)
            var underRow = LinearExpression()
            underRow.add(1, under)
            underRow.add(1, loads[month])
            underRow.add(-share, total)
            model.addConstraint(underRow >= -0.5)
        }
    }
}
