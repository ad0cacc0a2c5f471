import Foundation

/// A greedy plan used as GLPK's first incumbent: open the sites that cut unmet needs most per
/// yuan within the budget, send each area to the nearest shelter with room, and route supplies
/// from the nearest open warehouses, growing stock while storage allows.
///
/// The plan is feasible by construction (every row of ``SitingModel`` holds), so GLPK starts
/// branch-and-bound with an incumbent instead of searching for one.
struct SitingHeuristic {
    let problem: SitingProblem
    var warehouseOpen: [Bool]
    var shelterOpen: [Bool]
    /// people[h][shelterLink]
    var people: [[Double]] = []
    /// flow[h][supplyLink][s]
    var flow: [[[Double]]] = []
    var stock: [[Double]] = []

    private var sheltersOfArea: [[Int]]
    private var sheltersFixed = false
    private var warehousesOfArea: [[Int]]

    /// - Complexity: O(C · (links · H)) for C candidate sites opened.
    /// `fixedShelters`: the shelters to open (the rest stay shut); the greedy then chooses
    /// warehouses only, with what the budget has left.
    init(_ problem: SitingProblem, fixedShelters: [Bool]? = nil) {
        self.problem = problem
        warehouseOpen = problem.warehouses.map(\.isExisting)
        shelterOpen = fixedShelters ?? problem.shelters.map(\.isExisting)
        sheltersFixed = fixedShelters != nil
        sheltersOfArea = Array(repeating: [], count: problem.areas.count)
        for (l, link) in problem.shelterLinks.enumerated() { sheltersOfArea[link.area].append(l) }
        for a in sheltersOfArea.indices { sheltersOfArea[a].sort { problem.shelterLinks[$0].km < problem.shelterLinks[$1].km } }
        warehousesOfArea = Array(repeating: [], count: problem.areas.count)
        for (l, link) in problem.supplyLinks.enumerated() { warehousesOfArea[link.area].append(l) }
        for a in warehousesOfArea.indices { warehousesOfArea[a].sort { problem.supplyLinks[$0].km < problem.supplyLinks[$1].km } }
        chooseSites()
        assignShelters()
        routeSupplies()
    }

    // MARK: Sites

    /// Opens candidates in rounds: each round scores every closed candidate by the unmet people
    /// it could take (capped by its capacity, summed over hazards) per yuan, and opens the best
    /// few that fit the budget. About 25 rounds at most, so the cost stays a few assignment passes.
    private mutating func chooseSites() {
        let p = problem
        var budgetLeft = p.policy.budget.map(Exact.decimal) ?? Decimal.greatestFiniteMagnitude
        if sheltersFixed {
            budgetLeft -= Exact.sum(p.shelters.indices.filter { shelterOpen[$0] && !p.shelters[$0].isExisting }.map { p.shelters[$0].fixedCost })
        }
        let personVolume = p.supplies.reduce(0) { $0 + $1.perPerson * $1.volume }
        var linksOfShelter = Array(repeating: [Int](), count: p.shelters.count)
        for link in p.shelterLinks { linksOfShelter[link.shelter].append(link.area) }
        var linksOfWarehouse = Array(repeating: [Int](), count: p.warehouses.count)
        for link in p.supplyLinks { linksOfWarehouse[link.warehouse].append(link.area) }
        let candidateCount = p.shelters.filter { !$0.isExisting }.count + p.warehouses.filter { !$0.isExisting }.count
        let perRound = max(1, candidateCount / 25)
        while true {
            assignShelters()
            routeSupplies()
            let shelterResidual = residualUnsheltered()
            let supplyResidual = residualSupplyPeople()
            var scored: [(ratio: Double, isWarehouse: Bool, index: Int, cost: Double)] = []
            for (k, shelter) in p.shelters.enumerated() where !shelterOpen[k] && !sheltersFixed {
                var gain = 0.0
                for (h, hazard) in p.hazards.enumerated() where !hazard.closedShelters.contains(k) {
                    let reach = linksOfShelter[k].reduce(0.0) { $0 + shelterResidual[h][$1] }
                    gain += min(shelter.capacity, reach)
                }
                if gain > 1e-9 { scored.append((gain / max(shelter.fixedCost, 1e-6), false, k, shelter.fixedCost)) }
            }
            for (w, warehouse) in p.warehouses.enumerated() where !warehouseOpen[w] {
                let capacityPeople = personVolume > 0 ? warehouse.capacity / personVolume : .infinity
                var gain = 0.0
                for (h, hazard) in p.hazards.enumerated() where !hazard.closedWarehouses.contains(w) {
                    let reach = linksOfWarehouse[w].reduce(0.0) { $0 + supplyResidual[h][$1] }
                    gain += min(capacityPeople, reach)
                }
                if gain > 1e-9 { scored.append((gain / max(warehouse.fixedCost, 1e-6), true, w, warehouse.fixedCost)) }
            }
            scored.sort { $0.ratio > $1.ratio }
            var opened = 0
            for choice in scored where opened < perRound && Exact.decimal(choice.cost) <= budgetLeft {
                if choice.isWarehouse { warehouseOpen[choice.index] = true } else { shelterOpen[choice.index] = true }
                budgetLeft -= Exact.decimal(choice.cost)
                opened += 1
            }
            if opened == 0 { return }
        }
    }

    private func residualUnsheltered() -> [[Double]] {
        problem.hazards.enumerated().map { h, hazard in
            var left = hazard.displaced
            for (l, link) in problem.shelterLinks.enumerated() { left[link.area] -= people[h][l] }
            return left.map { max(0, $0) }
        }
    }

    /// People whose supplies are short, averaged over supplies.
    private func residualSupplyPeople() -> [[Double]] {
        let p = problem
        let supplies = p.supplies.enumerated().filter { $0.element.perPerson > 0 }
        return p.hazards.enumerated().map { h, hazard in
            guard !supplies.isEmpty else { return Array(repeating: 0, count: p.areas.count) }
            var short = Array(repeating: 0.0, count: p.areas.count)
            var got = Array(repeating: Array(repeating: 0.0, count: p.supplies.count), count: p.areas.count)
            for (l, link) in p.supplyLinks.enumerated() {
                for s in p.supplies.indices { got[link.area][s] += flow[h][l][s] }
            }
            for a in p.areas.indices where hazard.displaced[a] > 0 {
                var sum = 0.0
                for (s, supply) in supplies { sum += max(0, hazard.displaced[a] - got[a][s] / supply.perPerson) }
                short[a] = sum / Double(supplies.count)
            }
            return short
        }
    }

    // MARK: Shelters

    private mutating func assignShelters() {
        let p = problem
        let single = p.policy.singleShelterPerArea
        people = []
        for hazard in p.hazards {
            var load = Array(repeating: 0.0, count: p.shelterLinks.count)
            var room = p.shelters.map(\.capacity)
            let order = p.areas.indices.filter { hazard.displaced[$0] > 0 }.sorted { hazard.displaced[$0] > hazard.displaced[$1] }
            for a in order {
                let usable = sheltersOfArea[a].filter {
                    let k = p.shelterLinks[$0].shelter
                    return shelterOpen[k] && !hazard.closedShelters.contains(k) && room[k] > 1e-9
                }
                var left = hazard.displaced[a]
                if single {
                    let whole = usable.first { room[p.shelterLinks[$0].shelter] >= left }
                    let pick = whole ?? usable.max { room[p.shelterLinks[$0].shelter] < room[p.shelterLinks[$1].shelter] }
                    if let l = pick {
                        let k = p.shelterLinks[l].shelter
                        let x = min(left, room[k])
                        load[l] = x; room[k] -= x
                    }
                } else {
                    for l in usable where left > 0 {
                        let k = p.shelterLinks[l].shelter
                        let x = min(left, room[k])
                        load[l] = x; room[k] -= x; left -= x
                    }
                }
            }
            people.append(load)
        }
    }

    // MARK: Supplies

    private mutating func routeSupplies() {
        let p = problem
        let supplyCount = p.supplies.count
        stock = Array(repeating: Array(repeating: 0, count: supplyCount), count: p.warehouses.count)
        var volumeUsed = Array(repeating: 0.0, count: p.warehouses.count)
        var stockBudgetLeft = p.policy.stockBudget ?? .infinity
        flow = []
        for hazard in p.hazards {
            var shippedInHazard = Array(repeating: Array(repeating: 0.0, count: supplyCount), count: p.warehouses.count)
            var f = Array(repeating: Array(repeating: 0.0, count: supplyCount), count: p.supplyLinks.count)
            let order = p.areas.indices.filter { hazard.displaced[$0] > 0 }.sorted { hazard.displaced[$0] > hazard.displaced[$1] }
            // Supplies are routed in complete kits first (so that storage is not filled with the
            // smallest items), then item by item, most urgent first, nearest warehouse first.
            let kitVolume = p.supplies.reduce(0.0) { $0 + $1.perPerson * $1.volume }
            let kitCost = p.supplies.reduce(0.0) { $0 + $1.perPerson * $1.unitCost }
            let byPriority = p.supplies.indices.sorted { (p.supplies[$0].priority, p.supplies[$1].id) > (p.supplies[$1].priority, p.supplies[$0].id) }
            for a in order {
                let d = hazard.displaced[a]
                var need = p.supplies.map { $0.need(people: d) }
                var got = Array(repeating: 0.0, count: supplyCount)
                func give(_ l: Int, _ w: Int, _ s: Int, _ units: Double) {
                    guard units > 0 else { return }
                    f[l][s] += units; shippedInHazard[w][s] += units; need[s] -= units; got[s] += units
                }
                func buy(_ w: Int, _ s: Int, upTo units: Double) -> Double {
                    let supply = p.supplies[s]
                    var room = supply.volume > 0
                        ? max(0, ((p.warehouses[w].capacity - volumeUsed[w]) / supply.volume * (1 - 1e-9)).rounded(.down))
                        : .infinity
                    if supply.unitCost > 0 { room = min(room, max(0, (stockBudgetLeft / supply.unitCost * (1 - 1e-9)).rounded(.down))) }
                    let extra = max(0, min(units, room))
                    stock[w][s] += extra
                    volumeUsed[w] += extra * supply.volume
                    stockBudgetLeft -= extra * supply.unitCost
                    return extra
                }
                for l in warehousesOfArea[a] {
                    let w = p.supplyLinks[l].warehouse
                    guard warehouseOpen[w], !hazard.closedWarehouses.contains(w) else { continue }
                    // Stock already held for another hazard first.
                    for s in p.supplies.indices {
                        give(l, w, s, min(need[s], max(0, stock[w][s] - shippedInHazard[w][s])))
                    }
                    // Then whole kits for the people still without one, while room and money last.
                    let full = p.supplies.indices.reduce(d) { p.supplies[$1].perPerson > 0 ? min($0, p.supplies[$1].peopleServed(units: got[$1])) : $0 }
                    var kits = d - full
                    if kitVolume > 0 { kits = min(kits, ((p.warehouses[w].capacity - volumeUsed[w]) / (kitVolume + 1e-12)).rounded(.down)) }
                    if kitCost > 0 { kits = min(kits, (stockBudgetLeft / kitCost).rounded(.down)) }
                    if kits > 0 {
                        for s in p.supplies.indices where p.supplies[s].perPerson > 0 {
                            let target = min(p.supplies[s].need(people: full + kits), need[s] + got[s])
                            let extra = buy(w, s, upTo: max(0, target - got[s]))
                            give(l, w, s, extra)
                        }
                    }
                    // Then what is still short, most urgent first.
                    for s in byPriority where need[s] > 0 { give(l, w, s, buy(w, s, upTo: need[s])) }
                }
            }
            flow.append(f)
        }
    }

    // MARK: Values for the model

    /// The plan as values of every column of `sitingModel`, by variable position.
    func values(for sitingModel: SitingModel) -> [Double] {
        let p = problem
        var x = Array(repeating: 0.0, count: sitingModel.model.variables.count)
        for (w, v) in sitingModel.warehouseOpen.enumerated() { x[v.index] = warehouseOpen[w] ? 1 : 0 }
        for (k, v) in sitingModel.shelterOpen.enumerated() { x[v.index] = shelterOpen[k] ? 1 : 0 }
        for (w, row) in sitingModel.stock.enumerated() {
            for (s, v) in row.enumerated() {
                guard let v else { continue }
                let upper = sitingModel.model[v].upperBound ?? .infinity
                x[v.index] = min(stock[w][s], upper)
            }
        }
        var sheltered = p.hazards.map { _ in Array(repeating: 0.0, count: p.areas.count) }
        for a in sitingModel.assignments {
            let value = people[a.hazard][a.link]
            x[a.people.index] = value
            if let c = a.choice { x[c.index] = value > 0 ? 1 : 0 }
            sheltered[a.hazard][p.shelterLinks[a.link].area] += value
        }
        var delivered = p.hazards.map { _ in Array(repeating: Array(repeating: 0.0, count: p.supplies.count), count: p.areas.count) }
        for f in sitingModel.flows {
            let value = flow[f.hazard][f.link][f.supply]
            x[f.variable.index] = value
            delivered[f.hazard][p.supplyLinks[f.link].area][f.supply] += value
        }
        for (h, hazard) in p.hazards.enumerated() {
            for a in p.areas.indices {
                let d = hazard.displaced[a]
                var u = 0.0
                if let uv = sitingModel.unsheltered[h][a] { u = max(0, d - sheltered[h][a]); x[uv.index] = u }
                var full = d
                for (s, supply) in p.supplies.enumerated() {
                    if let v = sitingModel.supplyShort[h][a].indices.contains(s) ? sitingModel.supplyShort[h][a][s] : nil {
                        x[v.index] = max(0, supply.need(people: d) - delivered[h][a][s])
                    }
                    if supply.perPerson > 0 { full = min(full, supply.peopleServed(units: delivered[h][a][s])) }
                }
                if let k = sitingModel.supplied[h][a] { x[k.index] = full }
                if let b = sitingModel.served.indices.contains(h) ? sitingModel.served[h][a] : nil {
                    x[b.index] = min(d - u, sitingModel.supplied[h][a] == nil ? d : full)
                }
            }
        }
        return x
    }
}
