import Foundation
import YubeiOptimization

/// What would close each gap of a plan, found by the solver rather than guessed: for each
/// candidate site the plan leaves closed that reaches people left short, the plan's sites are
/// held, that one site is added (with the money it needs beyond the budget), and the needs are
/// solved again:
/// - a shelter: people unsheltered per hazard (shelter assignment only: a transportation
///   problem, or a small MIP with one shelter per area);
/// - a warehouse: people without a complete kit per hazard (stock and flows re-planned in whole
///   units within the stock budget).
///
/// The gain is the people sheltered (or fully supplied) beyond the plan, per hazard and weighted
/// as the objective weighs hazards; marginal value = weighted people per 10,000 yuan of the site.
public enum GapCloser {
    /// Up to this many candidates of each kind are tried, those reaching the most people short first.
    public static let candidatesPerKind = 8

    /// - Complexity: up to 2 × ``candidatesPerKind`` + 2 solves of the shelter part or the
    ///   supply part alone; stops at `deadline`.
    static func improvements(_ p: SitingProblem, plan: SitingPlan, weights: [Double], deadline: Duration?) -> [SitingPlan.Improvement] {
        // Large models: the study is left out (it would cost more than the plan).
        let pairs = p.hazards.reduce(0) { $0 + $1.displaced.filter { $0 > 0 }.count }
        guard pairs <= 1500 else { return [] }
        let clock = ContinuousClock(), start = clock.now
        let limit = min(deadline ?? .seconds(30), .seconds(30))
        func timeLeft() -> Duration? {
            let left = limit - (clock.now - start)
            return left > .milliseconds(200) ? left : nil
        }
        let spent = SitingSolver.openingCost(p, plan)
        let budgetLeft = p.policy.budget.map { Exact.decimal($0) - spent }
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        var result: [SitingPlan.Improvement] = []
        func extra(_ cost: Double) -> Double {
            guard let budgetLeft else { return 0 }
            return max(0, NSDecimalNumber(decimal: Exact.decimal(cost) - budgetLeft).doubleValue)
        }

        func append(kind: SitingPlan.Improvement.Kind, site: String, cost: Double, gain: [Double]) {
            let weighted = zip(weights, gain).reduce(0.0) { $0 + $1.0 * $1.1 }
            guard weighted > 1e-9 else { return }
            var byHazard: [String: Double] = [:]
            for (h, hazard) in p.hazards.enumerated() where gain[h] > 0 { byHazard[hazard.id] = gain[h] }
            result.append(.init(kind: kind, site: site, cost: cost, extraBudget: extra(cost), gainByHazard: byHazard,
                                weightedGain: weighted, peoplePer10000Yuan: cost > 0 ? weighted / cost * 10_000 : .infinity))
        }

        // Shelters.
        var shortPeople = p.hazards.map { h in p.areas.map { plan.hazards[h.id]?.unmet.peopleUnsheltered[$0.id] ?? 0 } }
        var potential: [(Int, Double)] = []
        for (k, shelter) in p.shelters.enumerated() where !openS.contains(shelter.id) && !shelter.isExisting {
            var reach = 0.0
            for link in p.shelterLinks where link.shelter == k {
                for (h, hazard) in p.hazards.enumerated() where !hazard.closedShelters.contains(k) { reach += weights[h] * shortPeople[h][link.area] }
            }
            if reach > 0 { potential.append((k, min(reach, shelter.capacity))) }
        }
        potential.sort { ($0.1, -$0.0) > ($1.1, -$1.0) }
        if !potential.isEmpty, let base = unsheltered(p, open: openS, extra: nil, timeLimit: timeLeft()) {
            for (k, _) in potential.prefix(candidatesPerKind) {
                guard let left = timeLeft(), let after = unsheltered(p, open: openS, extra: k, timeLimit: left) else { break }
                let gain = zip(base, after).map { max(0, $0 - $1) }
                append(kind: .shelter, site: p.shelters[k].id, cost: p.shelters[k].fixedCost, gain: gain)
            }
        }
        shortPeople = []

        // Warehouses.
        var kitShort = p.hazards.map { h in p.areas.map { plan.hazards[h.id]?.unmet.peopleWithoutKit[$0.id] ?? 0 } }
        potential = []
        for (w, warehouse) in p.warehouses.enumerated() where !openW.contains(warehouse.id) && !warehouse.isExisting {
            var reach = 0.0
            for link in p.supplyLinks where link.warehouse == w {
                for (h, hazard) in p.hazards.enumerated() where !hazard.closedWarehouses.contains(w) { reach += weights[h] * kitShort[h][link.area] }
            }
            if reach > 0 { potential.append((w, reach)) }
        }
        potential.sort { ($0.1, -$0.0) > ($1.1, -$1.0) }
        if !potential.isEmpty, let base = withoutKit(p, open: openW, extra: nil, weights: weights, timeLimit: timeLeft()) {
            for (w, _) in potential.prefix(candidatesPerKind) {
                guard let left = timeLeft(), let after = withoutKit(p, open: openW, extra: w, weights: weights, timeLimit: left) else { break }
                let gain = zip(base, after).map { max(0, $0 - $1) }
                append(kind: .warehouse, site: p.warehouses[w].id, cost: p.warehouses[w].fixedCost, gain: gain)
            }
        }
        kitShort = []

        result.sort { ($0.peoplePer10000Yuan, $0.weightedGain, $1.site) > ($1.peoplePer10000Yuan, $1.weightedGain, $0.site) }
        return result
    }

    /// People unsheltered per hazard with exactly `open` (plus `extra`) shelters open.
    private static func unsheltered(_ p: SitingProblem, open: Set<String>, extra: Int?, timeLimit: Duration?) -> [Double]? {
        var q = p
        q.supplies = []
        q.warehouses = []
        q.supplyLinks = []
        q.policy.budget = nil
        for h in q.hazards.indices { q.hazards[h].serviceLevel = nil; q.hazards[h].closedWarehouses = [] }
        var siting = SitingModel(q, flowPairLinks: false, serviceLevels: .none)
        for (k, shelter) in q.shelters.enumerated() {
            let on = open.contains(shelter.id) || k == extra ? 1.0 : 0.0
            siting.model.setBounds(of: siting.shelterOpen[k], lower: on, upper: on)
        }
        siting.model.minimize(siting.unshelteredLevel(weights: q.hazards.map { _ in 1 }))
        var options = SolveOptions()
        options.timeLimit = timeLimit
        options.relativeGap = 1e-9
        guard let result = try? siting.model.solve(options: options), result.termination == .optimal, let values = result.values else { return nil }
        return siting.unsheltered.map { row in row.reduce(0.0) { $0 + ($1.map { values[$0.index].rounded() } ?? 0) } }
    }

    /// People without a complete kit per hazard with exactly `open` (plus `extra`) warehouses open.
    private static func withoutKit(_ p: SitingProblem, open: Set<String>, extra: Int?, weights: [Double], timeLimit: Duration?) -> [Double]? {
        var q = p
        q.shelters = []
        q.shelterLinks = []
        q.stagingLinks = []
        q.policy.budget = nil
        for h in q.hazards.indices { q.hazards[h].serviceLevel = nil; q.hazards[h].closedShelters = [] }
        var siting = SitingModel(q, flowPairLinks: false, serviceLevels: .none)
        for (w, warehouse) in q.warehouses.enumerated() {
            let on = open.contains(warehouse.id) || w == extra ? 1.0 : 0.0
            siting.model.setBounds(of: siting.warehouseOpen[w], lower: on, upper: on)
        }
        let level = siting.withoutKitLevel(weights: weights.map { max($0, 1e-6) })
        siting.model.minimize(level)
        var options = SolveOptions()
        options.timeLimit = timeLimit
        // Within one (weighted) person: the gains are whole people, and a proof to the last
        // kit-rounding fraction can take GLPK longer than the whole plan.
        let largest = q.hazards.indices.reduce(0.0) { $0 + max(weights[$1], 1e-6) * q.hazards[$1].totalDisplaced }
        options.relativeGap = max(CostSplit.latticeGap(level, siting.model) ?? 1e-9, largest > 0 ? 0.999 / largest : 1e-9)
        options.branching = CostSplit.needBranching
        guard let result = try? siting.model.solve(options: options), result.termination == .optimal, let values = result.values else { return nil }
        return q.hazards.indices.map { h in
            siting.supplied[h].enumerated().reduce(0.0) { total, item in
                guard let k = item.element else { return total }
                return total + q.hazards[h].displaced[item.offset] - values[k.index].rounded()
            }
        }
    }
}
