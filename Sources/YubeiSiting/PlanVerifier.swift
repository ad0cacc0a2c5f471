import Foundation

/// One constraint of FORMATS.md §2 a plan breaks, found by ``PlanVerifier``.
public struct PlanViolation: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Which constraint.
    public enum Constraint: String, Sendable, Codable, Hashable {
        case wholeUnits = "whole-units"
        case existingSiteOpen = "existing-site-open"
        /// A `--forbid` site open, or a `--require` site not open.
        case siteRule = "site-rule"
        case unknownId = "unknown-id"
        case budget
        case stockBudget = "stock-budget"
        case warehouseVolume = "warehouse-volume"
        case stockAtClosedSite = "stock-at-unopened-site"
        case shelterCapacity = "shelter-capacity"
        case shelterReach = "shelter-reach"
        case supplyReach = "supply-reach"
        case closedSite = "closed-site"
        case unopenedSite = "unopened-site"
        case singleShelter = "single-shelter-per-area"
        case peopleBalance = "people-balance"
        case supplyBalance = "supply-balance"
        case stockShipped = "stock-shipped"
        case kitCount = "kit-count"
        case summary
        case serviceLevel = "service-level"
    }
    public var constraint: Constraint
    public var message: String
    public var description: String { "\(constraint.rawValue): \(message)" }
}

/// Checks a plan against every constraint of FORMATS.md §2 and §2.1 on the numbers as written
/// in it, in exact decimal arithmetic (``Exact``): budgets to the yuan, storage volumes, shelter
/// capacities ⌊area ÷ m² per person⌋, reach, closed sites, one shelter per area, whole units,
/// people and units balanced (sheltered + unsheltered = displaced; delivered + short =
/// ⌈displaced × per_person⌉), stock shipped within stock, kits counted right, service levels.
///
/// It reads only the problem and the plan (never the model), so it also catches a wrong model.
/// With `decisions`, it also checks the sites required and forbidden (`--require`, `--forbid`): an
/// existing site that is forbidden, or that an adopted first stage leaves closed, is taken out and
/// need not be open.
public enum PlanVerifier {
    /// Every violation of `plan` (empty when it keeps every promise).
    ///
    /// - Complexity: O(H · (links · S + A · S) + W · S).
    public static func violations(of plan: SitingPlan, problem p: SitingProblem,
                                  decisions: SiteDecisions = SiteDecisions()) -> [PlanViolation] {
        var found: [PlanViolation] = []
        func fail(_ c: PlanViolation.Constraint, _ m: String) { found.append(PlanViolation(constraint: c, message: m)) }
        func whole(_ x: Double, _ what: @autoclosure () -> String) {
            if !(x >= 0 && x == x.rounded() && x.isFinite) { fail(.wholeUnits, "\(what()) is \(x), not a whole number ≥ 0") }
        }
        let warehouseIndex = Dictionary(p.warehouses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shelterIndex = Dictionary(p.shelters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let areaIndex = Dictionary(p.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let supplyIndex = Dictionary(p.supplies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var openW = Set<Int>(), openS = Set<Int>()
        for id in plan.openWarehouses { if let w = warehouseIndex[id] { openW.insert(w) } else { fail(.unknownId, "open warehouse '\(id)'") } }
        for id in plan.openShelters { if let k = shelterIndex[id] { openS.insert(k) } else { fail(.unknownId, "open shelter '\(id)'") } }
        let stage = decisions.firstStage
        for (w, site) in p.warehouses.enumerated() where site.isExisting && !openW.contains(w)
            && !decisions.forbiddenWarehouses.contains(w) && stage?.openWarehouses.contains(w) != false {
            fail(.existingSiteOpen, "warehouse '\(site.id)'")
        }
        for (k, site) in p.shelters.enumerated() where site.isExisting && !openS.contains(k)
            && !decisions.forbiddenShelters.contains(k) && stage?.openShelters.contains(k) != false {
            fail(.existingSiteOpen, "shelter '\(site.id)'")
        }
        for w in decisions.forbiddenWarehouses.sorted() where openW.contains(w) { fail(.siteRule, "forbidden warehouse '\(p.warehouses[w].id)' is open") }
        for k in decisions.forbiddenShelters.sorted() where openS.contains(k) { fail(.siteRule, "forbidden shelter '\(p.shelters[k].id)' is open") }
        for w in decisions.requiredWarehouses.sorted() where w < p.warehouses.count && !openW.contains(w) { fail(.siteRule, "required warehouse '\(p.warehouses[w].id)' is not open") }
        for k in decisions.requiredShelters.sorted() where k < p.shelters.count && !openS.contains(k) { fail(.siteRule, "required shelter '\(p.shelters[k].id)' is not open") }

        // Budget, to the yuan.
        let opening = Exact.sum(openW.filter { !p.warehouses[$0].isExisting }.map { p.warehouses[$0].fixedCost })
            + Exact.sum(openS.filter { !p.shelters[$0].isExisting }.map { p.shelters[$0].fixedCost })
        if let budget = p.policy.budget, opening > Exact.decimal(budget) {
            fail(.budget, "opening costs \(opening) yuan > budget \(Exact.decimal(budget)) yuan")
        }
        if let spending = plan.spending, Exact.decimal(spending.opening) != opening {
            fail(.budget, "spending.opening says \(spending.opening) yuan, the open sites cost \(opening)")
        }

        // Stock.
        var stock: [[Decimal]] = Array(repeating: Array(repeating: 0, count: p.supplies.count), count: p.warehouses.count)
        var stockCost = Decimal()
        for (wid, held) in plan.stock {
            guard let w = warehouseIndex[wid] else { fail(.unknownId, "stock at '\(wid)'"); continue }
            if !openW.contains(w) { fail(.stockAtClosedSite, "stock at '\(wid)', which is not open") }
            var volume = Decimal()
            for (sid, q) in held {
                guard let s = supplyIndex[sid] else { fail(.unknownId, "supply '\(sid)' at '\(wid)'"); continue }
                whole(q, "stock of \(sid) at \(wid)")
                let units = Exact.decimal(q)
                stock[w][s] = units
                volume += units * Exact.decimal(p.supplies[s].volume)
                stockCost += units * Exact.decimal(p.supplies[s].unitCost)
            }
            if volume > Exact.decimal(p.warehouses[w].capacity) {
                fail(.warehouseVolume, "'\(wid)' holds \(volume) m³ > capacity \(Exact.decimal(p.warehouses[w].capacity)) m³")
            }
        }
        if let stockBudget = p.policy.stockBudget, stockCost > Exact.decimal(stockBudget) {
            fail(.stockBudget, "stock costs \(stockCost) yuan > stock_budget \(Exact.decimal(stockBudget)) yuan")
        }

        // Reach, as the problem's links say.
        var shelterKm: [Int: Double] = [:]  // area * S + shelter
        for link in p.shelterLinks { shelterKm[link.area * p.shelters.count + link.shelter] = link.km }
        var supplyMinutes: [Int: Double] = [:]
        for link in p.supplyLinks { supplyMinutes[link.area * p.warehouses.count + link.warehouse] = link.minutes }

        for hazard in p.hazards {
            guard let hp = plan.hazards[hazard.id] else { fail(.unknownId, "no plan for hazard '\(hazard.id)'"); continue }
            let h = hazard.id
            var sheltered = Array(repeating: 0.0, count: p.areas.count)
            var load = Array(repeating: Decimal(), count: p.shelters.count)
            for (aid, row) in hp.shelterAssignment {
                guard let a = areaIndex[aid] else { fail(.unknownId, "\(h): area '\(aid)'"); continue }
                if p.policy.singleShelterPerArea && row.count > 1 { fail(.singleShelter, "\(h): '\(aid)' sent to \(row.count) shelters") }
                for (kid, people) in row {
                    guard let k = shelterIndex[kid] else { fail(.unknownId, "\(h): shelter '\(kid)'"); continue }
                    whole(people, "\(h): people of \(aid) at \(kid)")
                    if !openS.contains(k) { fail(.unopenedSite, "\(h): '\(aid)' sent to '\(kid)', not open") }
                    if hazard.closedShelters.contains(k) { fail(.closedSite, "\(h): '\(aid)' sent to '\(kid)', closed in this hazard") }
                    if let km = shelterKm[a * p.shelters.count + k] {
                        if km > p.shelters[k].maxKm { fail(.shelterReach, "\(h): '\(aid)' → '\(kid)' is \(km) km > \(p.shelters[k].maxKm) km") }
                    } else {
                        fail(.shelterReach, "\(h): '\(kid)' is beyond reach of '\(aid)'")
                    }
                    sheltered[a] += people
                    load[k] += Exact.decimal(people)
                }
            }
            for k in p.shelters.indices where load[k] > Exact.decimal(p.shelters[k].capacity) {
                fail(.shelterCapacity, "\(h): '\(p.shelters[k].id)' holds \(load[k]) people > capacity \(Int(p.shelters[k].capacity))")
            }
            for (a, area) in p.areas.enumerated() {
                let unshelteredHere = hp.unmet.peopleUnsheltered[area.id] ?? 0
                whole(unshelteredHere, "\(h): unsheltered in \(area.id)")
                if Exact.decimal(sheltered[a]) + Exact.decimal(unshelteredHere) != Exact.decimal(hazard.displaced[a]) {
                    fail(.peopleBalance, "\(h): '\(area.id)' displaced \(Int(hazard.displaced[a])) ≠ sheltered \(sheltered[a]) + unsheltered \(unshelteredHere)")
                }
            }
            // Supplies.
            var delivered = Array(repeating: Array(repeating: Decimal(), count: p.supplies.count), count: p.areas.count)
            var shipped = Array(repeating: Array(repeating: Decimal(), count: p.supplies.count), count: p.warehouses.count)
            for flow in hp.supplyFlows {
                guard let w = warehouseIndex[flow.from], let a = areaIndex[flow.to], let s = supplyIndex[flow.supply] else {
                    fail(.unknownId, "\(h): flow \(flow.from) → \(flow.to) of \(flow.supply)"); continue
                }
                whole(flow.quantity, "\(h): \(flow.supply) from \(flow.from) to \(flow.to)")
                if !openW.contains(w) { fail(.unopenedSite, "\(h): flow from '\(flow.from)', not open") }
                if hazard.closedWarehouses.contains(w) { fail(.closedSite, "\(h): flow from '\(flow.from)', closed in this hazard") }
                if let minutes = supplyMinutes[a * p.warehouses.count + w] {
                    if minutes > p.policy.supplyResponseMinutes {
                        fail(.supplyReach, "\(h): '\(flow.from)' → '\(flow.to)' takes \(minutes) min > \(p.policy.supplyResponseMinutes)")
                    }
                } else {
                    fail(.supplyReach, "\(h): '\(flow.to)' is beyond the supply response time of '\(flow.from)'")
                }
                delivered[a][s] += Exact.decimal(flow.quantity)
                shipped[w][s] += Exact.decimal(flow.quantity)
            }
            for w in p.warehouses.indices {
                for s in p.supplies.indices where shipped[w][s] > stock[w][s] {
                    fail(.stockShipped, "\(h): '\(p.warehouses[w].id)' ships \(shipped[w][s]) \(p.supplies[s].id) but stocks \(stock[w][s])")
                }
            }
            var fullySupplied = 0.0, bothServed = 0.0, shelteredTotal = 0.0, unshelteredTotal = 0.0
            for (a, area) in p.areas.enumerated() {
                let d = hazard.displaced[a]
                var full = d
                for (s, supply) in p.supplies.enumerated() {
                    let need = supply.need(people: d)
                    let short = hp.unmet.supplies[area.id]?[supply.id] ?? 0
                    whole(short, "\(h): \(supply.id) short in \(area.id)")
                    if delivered[a][s] + Exact.decimal(short) != Exact.decimal(need) {
                        fail(.supplyBalance, "\(h): '\(area.id)' needs \(Int(need)) \(supply.id) ≠ delivered \(delivered[a][s]) + short \(short)")
                    }
                    if supply.perPerson > 0 {
                        full = min(full, supply.peopleServed(units: NSDecimalNumber(decimal: delivered[a][s]).doubleValue))
                    }
                }
                let without = hp.unmet.peopleWithoutKit[area.id] ?? 0
                if Exact.decimal(without) != Exact.decimal(d - full) {
                    fail(.kitCount, "\(h): '\(area.id)' reports \(without) people without a kit; the deliveries leave \(d - full)")
                }
                fullySupplied += full
                shelteredTotal += sheltered[a]
                unshelteredTotal += d - sheltered[a]
                bothServed += min(sheltered[a], full)
            }
            let summary = hp.summary
            if summary.displaced != hazard.totalDisplaced || summary.sheltered != shelteredTotal
                || summary.unsheltered != unshelteredTotal || summary.fullySupplied != fullySupplied {
                fail(.summary, "\(h): summary \(summary) ≠ displaced \(hazard.totalDisplaced), sheltered \(shelteredTotal), unsheltered \(unshelteredTotal), fully supplied \(fullySupplied)")
            }
            if hazard.requiredServed > 0, bothServed < hazard.requiredServed {
                fail(.serviceLevel, "\(h): \(Int(bothServed)) people sheltered and fully supplied < \(Int(hazard.requiredServed)) required")
            }
        }
        return found
    }
}
