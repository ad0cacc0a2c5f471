import Foundation
import YubeiOptimization

/// The one mixed-integer program over all hazards: open sites, stock, shelter assignment and
/// supply flows, with unmet needs at a penalty.
///
/// Decisions (first stage, shared by every hazard):
/// - `y[w]`, `z[k]` ∈ {0, 1}: warehouse w / shelter k open (existing sites fixed at 1);
/// - `S[w,s]` ≥ 0: units of supply s stocked at w.
///
/// Per hazard h (second stage, after Rawls & Turnquist 2010):
/// - `x[h,a,k]` people of area a sheltered at k, only for k within reach of a and open in h;
///   with a single shelter per area, `c[h,a,k]` ∈ {0, 1} picks that one shelter;
/// - `f[h,w,a,s]` units of s carried from w to a, only along routes within the supply time and
///   from sites open in h;
/// - `U[h,a]` people unsheltered, `V[h,a,s]` units of s short.
///
/// Rows: Σₖ x + U = D (people), Σ_w f + V = need (supplies), Σₐ x ≤ cap_k·z_k, Σₐ f ≤ S,
/// Σₛ vol·S ≤ cap_w·y_w, budget; and the strong (disaggregated) links per pair
/// x ≤ min(D, cap)·z (or c ≤ z, x ≤ min(D, cap)·c) and per warehouse and supply S[w,s] ≤ Ū[w,s]·y_w,
/// which with Σₐ f ≤ S ties every flow to its warehouse's opening.
///
/// The per-route links Σₛ vol·f[h,w,a,s] ≤ Σₛ vol·need·y_w are added when the model has at most
/// ``automaticFlowPairLinkLimit`` flow columns, or as `flowPairLinks` says: measured
/// on the benchmark scenarios they raise the LP bound by under 0.1 % of the decision part while
/// doubling the rows and tripling GLPK's time (province, 90 min reach: 47–67 s with, 24 s without;
/// 150 min reach: no root LP within 110 s with, 58–84 s to a 0.34 % gap without).
///
/// Objective (yuan): penalty·(Σ U + Σ V ÷ per-person) over every hazard, unweighted, so unmet
/// needs come first; then Σ fixed cost of candidates opened + Σ unit cost·S + Σₕ pₕ·(transport
/// of f + evacuation of x).
struct SitingModel: Sendable {
    struct FlowVariable: Sendable {
        var hazard: Int, link: Int, supply: Int, variable: Variable
    }
    struct AssignmentVariable: Sendable {
        var hazard: Int, link: Int, people: Variable, choice: Variable?
        /// The row x ≤ min(D, cap)·(z or c), when capacity sets its coefficient.
        var capacityLinkRow: Constraint?
    }

    let problem: SitingProblem
    var model = Model(name: "siting")
    var warehouseOpen: [Variable] = []
    var shelterOpen: [Variable] = []
    /// `stock[w][s]`, nil when warehouse w can serve no displaced area.
    var stock: [[Variable?]] = []
    var flows: [FlowVariable] = []
    var assignments: [AssignmentVariable] = []
    /// `unsheltered[h][a]`, nil when nobody is displaced there.
    var unsheltered: [[Variable?]] = []
    /// `supplyShort[h][a][s]`.
    var supplyShort: [[[Variable]?]] = []
    var warehouseVolumeRows: [Constraint?] = []
    /// `stockLinkRows[w][s]`: the row S ≤ Ū·y and how much Ū grows per extra m³ of capacity
    /// (1 ÷ volume when capacity sets Ū, else 0).
    var stockLinkRows: [[(row: Constraint, perCubicMetre: Double)?]] = []
    /// `shelterCapacityRows[h][k]`.
    var shelterCapacityRows: [[Constraint?]] = []
    var budgetRow: Constraint?
    /// Yuan per person (or person's worth of supplies) left unmet.
    let penalty: Double
    /// Whether the per-route supply links are in the model.
    var usesFlowPairLinks = false
    /// Flow columns up to which the per-route supply links are added by default.
    static let automaticFlowPairLinkLimit = 10_000
    /// Penalty of the needs no decision can meet (kept out of the model's objective).
    var unavoidablePenalty = 0.0
    var unmetTerm = LinearExpression()
    var openingTerm = LinearExpression()
    var stockTerm = LinearExpression()
    var transportTerm = LinearExpression()

    /// Builds the model; `relaxed` makes every 0–1 decision continuous (for the LP bound and the
    /// budget's dual), `names` gives every column and row a readable name (for export).
    ///
    /// - Complexity: O(H · (links · S) + W · S), linear in the number of nonzeros.
    init(_ problem: SitingProblem, relaxed: Bool = false, names: Bool = false, flowPairLinks: Bool? = nil) {
        self.problem = problem
        penalty = Self.unmetPenalty(problem)
        let p = problem
        let kind: VariableKind = relaxed ? .continuous : .binary
        func n(_ s: @autoclosure () -> String) -> String { names ? String(s().prefix(240)) : "" }
        func short(_ id: String) -> String { String(id.prefix(50)) }

        // Opening decisions.
        for w in p.warehouses {
            let v = model.addVariable(n("y_\(short(w.id))"), kind: kind, lowerBound: 0, upperBound: 1)
            if w.isExisting { model.setBounds(of: v, lower: 1, upper: 1) } else { openingTerm.add(w.fixedCost, v) }
            warehouseOpen.append(v)
        }
        for s in p.shelters {
            let v = model.addVariable(n("z_\(short(s.id))"), kind: kind, lowerBound: 0, upperBound: 1)
            if s.isExisting { model.setBounds(of: v, lower: 1, upper: 1) } else { openingTerm.add(s.fixedCost, v) }
            shelterOpen.append(v)
        }
        if let budget = p.policy.budget {
            budgetRow = model.addConstraint(openingTerm <= budget, name: n("budget"))
        }

        // Unmet needs. Where no decision can help (no usable shelter, or no usable warehouse for a
        // supply, within reach), the shortfall is fixed and its penalty kept out of the objective
        // GLPK sees, so the MIP gap measures what decisions can change; it is added back as
        // ``unavoidablePenalty``.
        let shortPenalty = Self.supplyPenalties(problem, personPenalty: penalty)
        var shelterReach = Array(repeating: [Int](), count: p.areas.count)
        for link in p.shelterLinks where p.shelters[link.shelter].capacity > 0 { shelterReach[link.area].append(link.shelter) }
        var warehouseReach = Array(repeating: [Int](), count: p.areas.count)
        for link in p.supplyLinks { warehouseReach[link.area].append(link.warehouse) }
        var unavoidable = 0.0
        for (h, hazard) in p.hazards.enumerated() {
            var people: [Variable?] = []
            var short: [[Variable]?] = []
            for a in p.areas.indices {
                let d = hazard.displaced[a]
                guard d > 0 else { people.append(nil); short.append(nil); continue }
                let u = model.addVariable(n("U_\(h)_\(a)"), lowerBound: 0, upperBound: d)
                if shelterReach[a].contains(where: { !hazard.closedShelters.contains($0) }) {
                    unmetTerm.add(penalty, u)
                } else {
                    model.setBounds(of: u, lower: d, upper: d)
                    unavoidable += penalty * d
                }
                people.append(u)
                var perSupply: [Variable] = []
                for (s, supply) in p.supplies.enumerated() {
                    let need = d * supply.perPerson
                    let v = model.addVariable(n("V_\(h)_\(a)_\(s)"), lowerBound: 0, upperBound: need)
                    let usable = warehouseReach[a].contains {
                        !hazard.closedWarehouses.contains($0) && (p.warehouses[$0].capacity > 0 || supply.volume == 0)
                    }
                    if usable {
                        unmetTerm.add(shortPenalty[s], v)
                    } else {
                        model.setBounds(of: v, lower: need, upper: need)
                        unavoidable += shortPenalty[s] * need
                    }
                    perSupply.append(v)
                }
                short.append(perSupply)
            }
            unsheltered.append(people)
            supplyShort.append(short)
        }
        unavoidablePenalty = unavoidable

        buildShelters(names: names)
        buildStockAndFlows(names: names, flowPairLinks: flowPairLinks)

        // A scenario with nothing to decide (no sites, no one displaced) still gets a plan: GLPK
        // refuses an empty model, so give it one fixed column.
        if model.variables.isEmpty { model.addVariable("nothing_to_decide", lowerBound: 0, upperBound: 0) }
        var objective = LinearExpression()
        objective.add(unmetTerm)
        objective.add(openingTerm)
        objective.add(stockTerm)
        objective.add(transportTerm)
        model.minimize(objective)
    }

    /// Shelter assignment rows for every hazard.
    private mutating func buildShelters(names: Bool) {
        let p = problem
        let single = p.policy.singleShelterPerArea
        var linksOfArea = Array(repeating: [Int](), count: p.areas.count)
        for (l, link) in p.shelterLinks.enumerated() { linksOfArea[link.area].append(l) }
        for (h, hazard) in p.hazards.enumerated() {
            var load = Array(repeating: LinearExpression(), count: p.shelters.count)
            var used = Array(repeating: false, count: p.shelters.count)
            for a in p.areas.indices {
                guard let u = unsheltered[h][a] else { continue }
                let d = hazard.displaced[a]
                var balance = LinearExpression(u)
                var choices = LinearExpression()
                for l in linksOfArea[a] {
                    let link = p.shelterLinks[l]
                    let k = link.shelter
                    let cap = p.shelters[k].capacity
                    guard !hazard.closedShelters.contains(k), cap > 0 else { continue }
                    let m = min(d, cap)
                    let x = model.addVariable(names ? "x_\(h)_\(a)_\(k)" : "", lowerBound: 0, upperBound: d)
                    var choice: Variable?
                    let linkRow: Constraint
                    if single {
                        let c = model.addBinary(names ? "c_\(h)_\(a)_\(k)" : "")
                        model.addConstraint(LinearExpression(terms: [(c, 1.0), (shelterOpen[k], -1.0)]) <= Double(0))
                        linkRow = model.addConstraint(LinearExpression(terms: [(x, 1.0), (c, -m)]) <= Double(0))
                        choices.add(1, c)
                        choice = c
                    } else {
                        linkRow = model.addConstraint(LinearExpression(terms: [(x, 1.0), (shelterOpen[k], -m)]) <= Double(0))
                    }
                    balance.add(1, x)
                    load[k].add(1, x)
                    used[k] = true
                    transportTerm.add(hazard.weight * p.policy.evacuationCostPerPersonKm * link.km, x)
                    assignments.append(AssignmentVariable(hazard: h, link: l, people: x, choice: choice,
                                                          capacityLinkRow: cap < d ? linkRow : nil))
                }
                model.addConstraint(balance == d, name: names ? "people_\(h)_\(a)" : "")
                if single && !choices.indices.isEmpty {
                    model.addConstraint(choices <= Double(1), name: names ? "one_shelter_\(h)_\(a)" : "")
                }
            }
            var rows: [Constraint?] = Array(repeating: nil, count: p.shelters.count)
            for k in p.shelters.indices where used[k] {
                var row = load[k]
                row.add(-p.shelters[k].capacity, shelterOpen[k])
                rows[k] = model.addConstraint(row <= Double(0), name: names ? "shelter_cap_\(h)_\(k)" : "")
            }
            shelterCapacityRows.append(rows)
        }
    }

    /// Stock, flows and their rows.
    private mutating func buildStockAndFlows(names: Bool, flowPairLinks requested: Bool?) {
        let p = problem
        let supplyCount = p.supplies.count
        // Largest need each warehouse could serve, per supply, over hazards.
        var reachNeed = Array(repeating: Array(repeating: 0.0, count: supplyCount), count: p.warehouses.count)
        var linksOfWarehouse = Array(repeating: [Int](), count: p.warehouses.count)
        for (l, link) in p.supplyLinks.enumerated() { linksOfWarehouse[link.warehouse].append(l) }
        for w in p.warehouses.indices {
            for hazard in p.hazards where !hazard.closedWarehouses.contains(w) {
                let people = linksOfWarehouse[w].reduce(0.0) { $0 + hazard.displaced[p.supplyLinks[$1].area] }
                for (s, supply) in p.supplies.enumerated() {
                    reachNeed[w][s] = max(reachNeed[w][s], people * supply.perPerson)
                }
            }
        }
        // Stock.
        for (w, warehouse) in p.warehouses.enumerated() {
            var row: [Variable?] = []
            var linkRows: [(row: Constraint, perCubicMetre: Double)?] = []
            var volume = LinearExpression()
            for (s, supply) in p.supplies.enumerated() {
                var bound = reachNeed[w][s]
                var capacityLimited = false
                if supply.volume > 0, warehouse.capacity / supply.volume < bound {
                    bound = warehouse.capacity / supply.volume
                    capacityLimited = true
                }
                guard bound > 0 else { row.append(nil); linkRows.append(nil); continue }
                // The variable's own bound is the need alone, so that capacity shows in the rows'
                // duals (shadow prices), not in a reduced cost.
                let v = model.addVariable(names ? "S_\(String(warehouse.id.prefix(50)))_\(String(supply.id.prefix(50)))" : "",
                                          lowerBound: 0, upperBound: reachNeed[w][s])
                let link = model.addConstraint(LinearExpression(terms: [(v, 1.0), (warehouseOpen[w], -bound)]) <= Double(0))
                linkRows.append((link, capacityLimited ? 1 / supply.volume : 0))
                stockTerm.add(supply.unitCost, v)
                if supply.volume > 0 { volume.add(supply.volume, v) }
                row.append(v)
            }
            stock.append(row)
            stockLinkRows.append(linkRows)
            if !volume.indices.isEmpty {
                volume.add(-warehouse.capacity, warehouseOpen[w])
                warehouseVolumeRows.append(model.addConstraint(volume <= Double(0), name: names ? "volume_\(w)" : ""))
            } else {
                warehouseVolumeRows.append(nil)
            }
        }
        // Flows per hazard, with the per-route links when asked for or when the model is small.
        var flowCount = 0
        for hazard in p.hazards {
            for link in p.supplyLinks where hazard.displaced[link.area] > 0 && !hazard.closedWarehouses.contains(link.warehouse) {
                for (s, supply) in p.supplies.enumerated() where supply.perPerson > 0 && stock[link.warehouse][s] != nil { flowCount += 1 }
            }
        }
        let flowPairLinks = requested ?? (flowCount <= Self.automaticFlowPairLinkLimit)
        usesFlowPairLinks = flowPairLinks
        let weightOf = p.supplies.map { $0.volume > 0 ? $0.volume : 1e-3 }
        for (h, hazard) in p.hazards.enumerated() {
            var delivered = Array(repeating: Array(repeating: LinearExpression(), count: supplyCount), count: p.areas.count)
            var shipped = Array(repeating: Array(repeating: LinearExpression(), count: supplyCount), count: p.warehouses.count)
            for (l, link) in p.supplyLinks.enumerated() {
                let a = link.area, w = link.warehouse
                let d = hazard.displaced[a]
                guard d > 0, !hazard.closedWarehouses.contains(w) else { continue }
                var pairVolume = LinearExpression()
                var pairNeed = 0.0
                for (s, supply) in p.supplies.enumerated() {
                    let need = d * supply.perPerson
                    guard need > 0, stock[w][s] != nil else { continue }
                    let f = model.addVariable(names ? "f_\(h)_\(w)_\(a)_\(s)" : "", lowerBound: 0, upperBound: need)
                    flows.append(FlowVariable(hazard: h, link: l, supply: s, variable: f))
                    delivered[a][s].add(1, f)
                    shipped[w][s].add(1, f)
                    pairVolume.add(weightOf[s], f)
                    pairNeed += weightOf[s] * need
                    transportTerm.add(hazard.weight * p.policy.transportCostPerCubicMetreKm * supply.volume * link.km, f)
                }
                if pairNeed > 0, flowPairLinks {
                    pairVolume.add(-pairNeed, warehouseOpen[w])
                    model.addConstraint(pairVolume <= Double(0))
                }
            }
            for a in p.areas.indices {
                guard let short = supplyShort[h][a] else { continue }
                for s in 0..<supplyCount {
                    var row = delivered[a][s]
                    row.add(1, short[s])
                    model.addConstraint(row == hazard.displaced[a] * p.supplies[s].perPerson,
                                        name: names ? "supply_\(h)_\(a)_\(s)" : "")
                }
            }
            for w in p.warehouses.indices {
                for s in 0..<supplyCount where !shipped[w][s].indices.isEmpty {
                    guard let v = stock[w][s] else { continue }
                    var row = shipped[w][s]
                    row.add(-1, v)
                    model.addConstraint(row <= Double(0), name: names ? "stock_\(h)_\(w)_\(s)" : "")
                }
            }
        }
    }

    /// Yuan per unit of each supply short: the policy's penalty per m³ × the unit's volume when
    /// given, else the person penalty per person's worth (penalty ÷ per-person quantity).
    static func supplyPenalties(_ p: SitingProblem, personPenalty: Double) -> [Double] {
        p.supplies.map { supply in
            if let perCubicMetre = p.policy.unmetSupplyPenaltyPerCubicMetre, supply.volume > 0 {
                return perCubicMetre * supply.volume
            }
            return supply.perPerson > 0 ? personPenalty / supply.perPerson : personPenalty
        }
    }

    /// The penalty per person unmet (the policy's when given, else): ten times the dearest way of serving one person (one site's
    /// fixed cost, a person's stock, the longest trip), rounded up to a power of ten, at least 10⁴,
    /// so the model never leaves a person unmet to save money while one site could serve them.
    static func unmetPenalty(_ p: SitingProblem) -> Double {
        if let given = p.policy.unshelteredPenalty { return given }
        let fixed = (p.warehouses.map(\.fixedCost) + p.shelters.map(\.fixedCost)).max() ?? 0
        let stock = p.supplies.reduce(0) { $0 + $1.perPerson * $1.unitCost }
        let maxShelterKm = p.shelterLinks.map(\.km).max() ?? 0
        let maxSupplyKm = p.supplyLinks.map(\.km).max() ?? 0
        let volume = p.supplies.reduce(0) { $0 + $1.perPerson * $1.volume }
        let trip = p.policy.evacuationCostPerPersonKm * maxShelterKm + p.policy.transportCostPerCubicMetreKm * volume * maxSupplyKm
        let raw = max(1e4, 10 * (fixed + stock + trip))
        return Foundation.pow(10, (Foundation.log10(raw)).rounded(.up))
    }
}
