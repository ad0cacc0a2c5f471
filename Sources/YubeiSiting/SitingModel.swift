import Foundation
import YubeiOptimization

/// The mixed-integer program over all hazards: open sites, whole units of stock, shelter
/// assignment and supply flows; the objective order of FORMATS.md §2.1 is imposed by
/// ``SitingSolver`` through sequential solves of this one model.
///
/// Decisions (first stage, shared by every hazard):
/// - `y[w]`, `z[k]` ∈ {0, 1}: warehouse w / shelter k open (existing sites fixed at 1; a
///   candidate dearer than the whole budget fixed at 0);
/// - `S[w,s]` ∈ ℤ≥0: units of supply s stocked at w.
///
/// Per hazard h (second stage, after Rawls & Turnquist 2010):
/// - `x[h,a,k]` ≥ 0 people of area a sheltered at k, only for k within reach of a and open in h;
///   with a single shelter per area, `c[h,a,k]` ∈ {0, 1} picks that one shelter;
/// - `f[h,w,a,s]` ≥ 0 units of s carried from w to a, only along routes within the supply time
///   and from sites open in h;
/// - `U[h,a]` ≥ 0 people unsheltered; `N[h,a]` ∈ ℤ people fully supplied; `V[h,a,s]` ∈ ℤ units
///   of s short.
///
/// Rows: Σₖ x + U = D (people); Σ_w f + V = ⌈D·pₛ⌉ (units); pₛ·N + V ≤ ⌈D·pₛ⌉ for every s with
/// pₛ > 0 (N people have a complete kit only when every item reaches them), N ≤ D;
/// Σₐ x ≤ ⌊area ÷ m²⌋·z_k; Σₐ f ≤ S; Σₛ vol·S ≤ cap_w·y_w; S[w,s] ≤ Ū[w,s]·y_w; opening costs
/// ≤ `budget`; Σ unit cost·S ≤ `stock_budget`; x ≤ min(D, cap)·(z or c), c ≤ z, Σₖ c ≤ 1; and
/// per hazard with a `service_level` σ: B ≤ D − U, B ≤ N, Σₐ B ≥ ⌈σ·D_h⌉ (B people sheltered
/// and fully supplied). The per-route links Σₛ vol·f[h,w,a,s] ≤ Σₛ vol·need·y_w are added when
/// the model has at most ``automaticFlowPairLinkLimit`` flow columns, or as `flowPairLinks` says.
/// Without them, one reach-cover row per hazard, area and supply, need·Σ_w y_w + V ≥ need over
/// the candidates within reach (valid: each open warehouse delivers at most the need; left out
/// when an existing warehouse is within reach), keeps the LP from opening a sliver of each.
///
/// Objective levels, each minimised with the ones before held at their optimum (a bound row
/// `level ≤ optimum`), so the order is lexicographic exactly, with no penalty weights:
/// 1. people unsheltered Σₕ ωₕ Σₐ U (`worst-case`: first t ≥ Σₐ U ÷ D_h for every h);
/// 2. people without a complete kit Σₕ ωₕ Σₐ (D − N) (`worst-case`: first the largest share);
/// 3. items short Σₕ ωₕ Σₐ Σₛ priorityₛ·V;
/// 4. cost: opening + Σ unit cost·S + Σₕ pₕ·(transport of f + evacuation of x).
/// ωₕ is the probability as given (`expected`; 1/H when any hazard lacks one) or 1 (`every-hazard`).
///
/// Whole units: y, z, c, S, N and V are integer columns. Once they are fixed, what is left is,
/// per hazard, a transportation problem for the people (integral capacities and displaced) and
/// one per supply (integral stock and deliveries): their constraint matrices are totally
/// unimodular, so the simplex method's basic optimum is integral and x, U and f are whole too.
/// ``SitingSolver`` re-solves that continuous part with the integers fixed, rounds, and checks
/// every row exactly (``PlanVerifier``).
struct SitingModel: Sendable {
    struct FlowVariable: Sendable {
        var hazard: Int, link: Int, supply: Int, variable: Variable
    }
    struct AssignmentVariable: Sendable {
        var hazard: Int, link: Int, people: Variable, choice: Variable?
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
    /// `supplied[h][a]`: people with a complete kit; nil when nobody is displaced there or no
    /// supply is needed per person.
    var supplied: [[Variable?]] = []
    /// `supplyShort[h][a][s]`, nil where nothing is needed.
    var supplyShort: [[[Variable?]]] = []
    var budgetRow: Constraint?
    var stockBudgetRow: Constraint?
    /// Per hazard: the slack of its service-level row when the rows are soft (for explaining
    /// a level that cannot be met), else nil.
    var serviceShortfall: [Variable?] = []
    /// `served[h][a]`: the B columns of the service-level rows.
    var served: [[Variable?]] = []
    /// Whether the per-route supply links are in the model.
    var usesFlowPairLinks = false
    /// Flow columns up to which the per-route supply links are added by default.
    static let automaticFlowPairLinkLimit = 10_000
    var openingTerm = LinearExpression()
    var stockTerm = LinearExpression()
    var transportTerm = LinearExpression()

    /// How the service-level rows enter the model.
    enum ServiceLevels: Sendable { case hard, soft, none }

    /// Builds the model; `relaxed` makes every integer column continuous (for the fixed
    /// re-solve), `names` gives every column and row a readable name (for export).
    ///
    /// - Complexity: O(H · (links · S) + W · S), linear in the number of nonzeros.
    init(_ problem: SitingProblem, relaxed: Bool = false, names: Bool = false, flowPairLinks: Bool? = nil,
         serviceLevels: ServiceLevels = .hard) {
        self.problem = problem
        let p = problem
        let binary: VariableKind = relaxed ? .continuous : .binary
        func n(_ s: @autoclosure () -> String) -> String { names ? String(s().prefix(240)) : "" }
        func short(_ id: String) -> String { String(id.prefix(50)) }

        // Opening decisions.
        for w in p.warehouses {
            let v = model.addVariable(n("y_\(short(w.id))"), kind: binary, lowerBound: 0, upperBound: 1)
            if w.isExisting {
                model.setBounds(of: v, lower: 1, upper: 1)
            } else {
                openingTerm.add(w.fixedCost, v)
                if let budget = p.policy.budget, Exact.decimal(w.fixedCost) > Exact.decimal(budget) {
                    model.setBounds(of: v, lower: 0, upper: 0)
                }
            }
            warehouseOpen.append(v)
        }
        for s in p.shelters {
            let v = model.addVariable(n("z_\(short(s.id))"), kind: binary, lowerBound: 0, upperBound: 1)
            if s.isExisting {
                model.setBounds(of: v, lower: 1, upper: 1)
            } else {
                openingTerm.add(s.fixedCost, v)
                if let budget = p.policy.budget, Exact.decimal(s.fixedCost) > Exact.decimal(budget) {
                    model.setBounds(of: v, lower: 0, upper: 0)
                }
            }
            shelterOpen.append(v)
        }
        if let budget = p.policy.budget, !openingTerm.indices.isEmpty {
            budgetRow = model.addConstraint(openingTerm <= budget, name: n("budget"))
        }

        // Needs. Where no decision can help (no usable shelter, or no usable warehouse for a
        // supply, within reach), the shortfall is fixed by bounds.
        var shelterReach = Array(repeating: [Int](), count: p.areas.count)
        for link in p.shelterLinks where p.shelters[link.shelter].capacity > 0 { shelterReach[link.area].append(link.shelter) }
        var warehouseReach = Array(repeating: [Int](), count: p.areas.count)
        for link in p.supplyLinks where p.warehouses[link.warehouse].capacity > 0 { warehouseReach[link.area].append(link.warehouse) }
        let integer: VariableKind = relaxed ? .continuous : .integer
        let kitted = p.supplies.contains { $0.perPerson > 0 }
        for (h, hazard) in p.hazards.enumerated() {
            var people: [Variable?] = []
            var full: [Variable?] = []
            var short: [[Variable?]] = []
            for a in p.areas.indices {
                let d = hazard.displaced[a]
                guard d > 0 else { people.append(nil); full.append(nil); short.append([]); continue }
                let u = model.addVariable(n("U_\(h)_\(a)"), lowerBound: 0, upperBound: d)
                if !shelterReach[a].contains(where: { !hazard.closedShelters.contains($0) }) {
                    model.setBounds(of: u, lower: d, upper: d)
                }
                people.append(u)
                let usable = warehouseReach[a].contains { !hazard.closedWarehouses.contains($0) }
                var perSupply: [Variable?] = []
                for supply in p.supplies {
                    let need = supply.need(people: d)
                    guard need > 0 else { perSupply.append(nil); continue }
                    let v = model.addVariable(n("V_\(h)_\(a)_\(supply.id)"), kind: integer, lowerBound: 0, upperBound: need)
                    if !usable { model.setBounds(of: v, lower: need, upper: need) }
                    perSupply.append(v)
                }
                short.append(perSupply)
                if kitted {
                    let k = model.addVariable(n("N_\(h)_\(a)"), kind: integer, lowerBound: 0, upperBound: d)
                    for (s, supply) in p.supplies.enumerated() where supply.perPerson > 0 {
                        guard let v = perSupply[s] else { continue }
                        model.addConstraint(LinearExpression(terms: [(k, supply.perPerson), (v, 1.0)]) <= supply.need(people: d),
                                            name: n("kit_\(h)_\(a)_\(s)"))
                    }
                    if !usable { model.setBounds(of: k, lower: 0, upper: 0) }
                    full.append(k)
                } else {
                    full.append(nil)
                }
            }
            unsheltered.append(people)
            supplied.append(full)
            supplyShort.append(short)
        }

        buildShelters(names: names, binary: binary)
        buildStockAndFlows(names: names, flowPairLinks: flowPairLinks, integer: integer)
        buildServiceLevels(names: names, mode: serviceLevels)

        // A scenario with nothing to decide (no sites, no one displaced) still gets a plan: GLPK
        // refuses an empty model, so give it one fixed column.
        if model.variables.isEmpty { model.addVariable("nothing_to_decide", lowerBound: 0, upperBound: 0) }
        model.minimize(costTerm)
    }

    /// Opening + stock + expected transport and evacuation, yuan.
    var costTerm: LinearExpression {
        var objective = LinearExpression()
        objective.add(openingTerm)
        objective.add(stockTerm)
        objective.add(transportTerm)
        return objective
    }

    /// Shelter assignment rows for every hazard.
    private mutating func buildShelters(names: Bool, binary: VariableKind) {
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
                    if single {
                        let c = model.addVariable(names ? "c_\(h)_\(a)_\(k)" : "", kind: binary, lowerBound: 0, upperBound: 1)
                        model.addConstraint(LinearExpression(terms: [(c, 1.0), (shelterOpen[k], -1.0)]) <= Double(0))
                        model.addConstraint(LinearExpression(terms: [(x, 1.0), (c, -m)]) <= Double(0))
                        choices.add(1, c)
                        choice = c
                    } else {
                        model.addConstraint(LinearExpression(terms: [(x, 1.0), (shelterOpen[k], -m)]) <= Double(0))
                    }
                    balance.add(1, x)
                    load[k].add(1, x)
                    used[k] = true
                    transportTerm.add(hazard.weight * p.policy.evacuationCostPerPersonKm * link.km, x)
                    assignments.append(AssignmentVariable(hazard: h, link: l, people: x, choice: choice))
                }
                model.addConstraint(balance == d, name: names ? "people_\(h)_\(a)" : "")
                if single && !choices.indices.isEmpty {
                    model.addConstraint(choices <= Double(1), name: names ? "one_shelter_\(h)_\(a)" : "")
                }
            }
            for k in p.shelters.indices where used[k] {
                var row = load[k]
                row.add(-p.shelters[k].capacity, shelterOpen[k])
                model.addConstraint(row <= Double(0), name: names ? "shelter_cap_\(h)_\(k)" : "")
            }
        }
    }

    /// Stock, flows and their rows.
    private mutating func buildStockAndFlows(names: Bool, flowPairLinks requested: Bool?, integer: VariableKind) {
        let p = problem
        let supplyCount = p.supplies.count
        // Largest need each warehouse could serve, per supply, over hazards.
        var reachNeed = Array(repeating: Array(repeating: 0.0, count: supplyCount), count: p.warehouses.count)
        var linksOfWarehouse = Array(repeating: [Int](), count: p.warehouses.count)
        for (l, link) in p.supplyLinks.enumerated() { linksOfWarehouse[link.warehouse].append(l) }
        for w in p.warehouses.indices {
            for hazard in p.hazards where !hazard.closedWarehouses.contains(w) {
                for (s, supply) in p.supplies.enumerated() {
                    let need = linksOfWarehouse[w].reduce(0.0) { $0 + supply.need(people: hazard.displaced[p.supplyLinks[$1].area]) }
                    reachNeed[w][s] = max(reachNeed[w][s], need)
                }
            }
        }
        // Stock.
        var stockCost = LinearExpression()
        for (w, warehouse) in p.warehouses.enumerated() {
            var row: [Variable?] = []
            var volume = LinearExpression()
            for (s, supply) in p.supplies.enumerated() {
                var bound = reachNeed[w][s]
                if supply.volume > 0 {
                    bound = min(bound, Exact.floor(Exact.decimal(warehouse.capacity) / Exact.decimal(supply.volume)))
                }
                if let stockBudget = p.policy.stockBudget, supply.unitCost > 0 {
                    bound = min(bound, Exact.floor(Exact.decimal(stockBudget) / Exact.decimal(supply.unitCost)))
                }
                guard bound > 0 else { row.append(nil); continue }
                let v = model.addVariable(names ? "S_\(String(warehouse.id.prefix(50)))_\(String(supply.id.prefix(50)))" : "",
                                          kind: integer, lowerBound: 0, upperBound: bound)
                model.addConstraint(LinearExpression(terms: [(v, 1.0), (warehouseOpen[w], -bound)]) <= Double(0))
                stockTerm.add(supply.unitCost, v)
                stockCost.add(supply.unitCost, v)
                if supply.volume > 0 { volume.add(supply.volume, v) }
                row.append(v)
            }
            stock.append(row)
            if !volume.indices.isEmpty {
                volume.add(-warehouse.capacity, warehouseOpen[w])
                model.addConstraint(volume <= Double(0), name: names ? "volume_\(w)" : "")
            }
        }
        if let stockBudget = p.policy.stockBudget, !stockCost.indices.isEmpty {
            stockBudgetRow = model.addConstraint(stockCost <= stockBudget, name: names ? "stock_budget" : "")
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
            var reachers = Array(repeating: Array(repeating: [Int](), count: supplyCount), count: p.areas.count)
            for (l, link) in p.supplyLinks.enumerated() {
                let a = link.area, w = link.warehouse
                let d = hazard.displaced[a]
                guard d > 0, !hazard.closedWarehouses.contains(w) else { continue }
                var pairVolume = LinearExpression()
                var pairNeed = 0.0
                for (s, supply) in p.supplies.enumerated() {
                    let need = supply.need(people: d)
                    guard need > 0, stock[w][s] != nil else { continue }
                    let f = model.addVariable(names ? "f_\(h)_\(w)_\(a)_\(s)" : "", lowerBound: 0, upperBound: need)
                    flows.append(FlowVariable(hazard: h, link: l, supply: s, variable: f))
                    delivered[a][s].add(1, f)
                    shipped[w][s].add(1, f)
                    reachers[a][s].append(w)
                    pairVolume.add(weightOf[s], f)
                    pairNeed += weightOf[s] * need
                    transportTerm.add(hazard.weight * p.policy.transportCostPerCubicMetreKm * supply.volume * link.km, f)
                }
                if pairNeed > 0, flowPairLinks {
                    pairVolume.add(-pairNeed, warehouseOpen[w])
                    model.addConstraint(pairVolume <= Double(0))
                }
            }
            for a in p.areas.indices where hazard.displaced[a] > 0 {
                for s in 0..<supplyCount {
                    guard let v = supplyShort[h][a][s] else { continue }
                    var row = delivered[a][s]
                    row.add(1, v)
                    let need = p.supplies[s].need(people: hazard.displaced[a])
                    model.addConstraint(row == need, name: names ? "supply_\(h)_\(a)_\(s)" : "")
                    // Reach cover: what is not short comes from open warehouses within reach,
                    // each delivering at most the need, so need·Σ y + V ≥ need. Implied by the
                    // per-route links; without them it is what keeps the LP from opening a
                    // sliver of each of several candidates (one row, not one per route).
                    guard !flowPairLinks, !reachers[a][s].isEmpty,
                          !reachers[a][s].contains(where: { p.warehouses[$0].isExisting }) else { continue }
                    var cover = LinearExpression(terms: [(v, 1.0)])
                    for w in reachers[a][s] { cover.add(need, warehouseOpen[w]) }
                    model.addConstraint(cover >= need, name: names ? "reach_cover_\(h)_\(a)_\(s)" : "")
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

    /// Σₐ B ≥ ⌈σ·D⌉ with B ≤ D − U and B ≤ N, per hazard with a service level.
    private mutating func buildServiceLevels(names: Bool, mode: ServiceLevels) {
        let p = problem
        serviceShortfall = p.hazards.map { _ in nil }
        served = p.hazards.map { _ in Array(repeating: nil, count: p.areas.count) }
        guard mode != .none else { return }
        for (h, hazard) in p.hazards.enumerated() {
            let required = hazard.requiredServed
            guard required > 0 else { continue }
            var served = LinearExpression()  // shadows the property: this hazard's Σ B
            for a in p.areas.indices {
                guard let u = unsheltered[h][a] else { continue }
                let d = hazard.displaced[a]
                let b = model.addVariable(names ? "B_\(h)_\(a)" : "", lowerBound: 0, upperBound: d)
                model.addConstraint(LinearExpression(terms: [(b, 1.0), (u, 1.0)]) <= d)
                if let k = supplied[h][a] { model.addConstraint(LinearExpression(terms: [(b, 1.0), (k, -1.0)]) <= Double(0)) }
                served.add(1, b)
                self.served[h][a] = b
            }
            if mode == .soft {
                let slack = model.addVariable(names ? "service_short_\(h)" : "", lowerBound: 0, upperBound: required)
                served.add(1, slack)
                serviceShortfall[h] = slack
            }
            model.addConstraint(served >= required, name: names ? "service_level_\(h)" : "")
        }
    }

    // MARK: Objective levels

    /// Σₕ ωₕ Σₐ U[h,a].
    func unshelteredLevel(weights: [Double]) -> LinearExpression {
        var e = LinearExpression()
        for (h, row) in unsheltered.enumerated() where weights[h] != 0 {
            for u in row { if let u { e.add(weights[h], u) } }
        }
        return e
    }

    /// Σₕ ωₕ Σₐ (D − N[h,a]), without its constant: −Σₕ ωₕ Σₐ N (the constant is ``withoutKitConstant``).
    func withoutKitLevel(weights: [Double]) -> LinearExpression {
        var e = LinearExpression()
        for (h, row) in supplied.enumerated() where weights[h] != 0 {
            for k in row { if let k { e.add(-weights[h], k) } }
        }
        return e
    }

    /// Σₕ ωₕ Σₐ D over the areas with a kit variable.
    func withoutKitConstant(weights: [Double]) -> Double {
        var total = 0.0
        for (h, row) in supplied.enumerated() {
            for (a, k) in row.enumerated() where k != nil { total += weights[h] * problem.hazards[h].displaced[a] }
        }
        return total
    }

    /// Σₕ ωₕ Σₐ Σₛ priorityₛ·V[h,a,s].
    func itemsShortLevel(weights: [Double]) -> LinearExpression {
        var e = LinearExpression()
        for (h, rows) in supplyShort.enumerated() where weights[h] != 0 {
            for row in rows {
                for (s, v) in row.enumerated() { if let v { e.add(weights[h] * problem.supplies[s].priority, v) } }
            }
        }
        return e
    }

    /// A new column t with t·D_h ≥ (share numerator of h) for every hazard: the largest share of
    /// a hazard's displaced left unsheltered (`kits` false) or without a complete kit (`kits` true).
    mutating func addWorstShare(kits: Bool) -> Variable {
        let t = model.addVariable(kits ? "worst_kit_share" : "worst_unsheltered_share", lowerBound: 0, upperBound: 1)
        for (h, hazard) in problem.hazards.enumerated() {
            let total = hazard.totalDisplaced
            guard total > 0 else { continue }
            if kits {
                // t·D + Σ N ≥ Σ D over the areas with a kit variable.
                var row = LinearExpression(terms: [(t, total)])
                var covered = 0.0
                for (a, k) in supplied[h].enumerated() { if let k { row.add(1, k); covered += hazard.displaced[a] } }
                guard covered > 0 else { continue }
                model.addConstraint(row >= covered)
            } else {
                var row = LinearExpression(terms: [(t, total)])
                for u in unsheltered[h] { if let u { row.add(-1, u) } }
                model.addConstraint(row >= Double(0))
            }
        }
        return t
    }

    /// Whether any hazard has a service level to meet.
    var hasServiceLevels: Bool { problem.hazards.contains { $0.requiredServed > 0 } }
}
