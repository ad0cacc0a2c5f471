/// Why a plan leaves a need unmet where something was within reach (found after solving).
///
/// Complements the ``SitingFinding`` list, which covers needs nothing can reach: here every
/// usable site in reach is either full, or a candidate the plan did not open (the budget or the
/// cost ranked it out), or the single-shelter rule kept people from a second shelter with room.
public struct UnmetReason: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// Every open shelter within reach is full in this hazard.
        case sheltersFull = "shelters-full"
        /// Candidate shelters within reach were not opened.
        case shelterCandidatesNotOpened = "shelter-candidates-not-opened"
        /// An open shelter within reach still has room, but the area may use one shelter only.
        case singleShelterRule = "single-shelter-rule"
        /// Every open warehouse within reach is full (by volume).
        case warehousesFull = "warehouses-full"
        /// Candidate warehouses within reach were not opened.
        case warehouseCandidatesNotOpened = "warehouse-candidates-not-opened"
        /// Warehouses within reach have room, but what is left of `policy.stock_budget` buys
        /// not one more unit of a supply short there.
        case stockBudgetSpent = "stock-budget-spent"
    }

    public var kind: Kind
    public var hazard: String
    public var area: String
    /// People unsheltered, or person-equivalents of supplies short.
    public var amount: Double
    /// The sites concerned (full ones, or candidates not opened).
    public var sites: [String]
}

extension SitingProblem {
    /// The reasons behind each (hazard, area) shortfall of `plan` that is not already explained
    /// by a pre-solve ``SitingFinding``.
    ///
    /// - Complexity: O(H · (links + A · S)).
    /// Sites `decisions` forbid are left out, as closed sites are: they are no candidates.
    public func unmetReasons(of plan: SitingPlan, decisions: SiteDecisions = SiteDecisions()) -> [UnmetReason] {
        var result: [UnmetReason] = []
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        var sheltersOf = Array(repeating: [Int](), count: areas.count)
        for link in shelterLinks { sheltersOf[link.area].append(link.shelter) }
        var warehousesOf = Array(repeating: [Int](), count: areas.count)
        for link in supplyLinks { warehousesOf[link.area].append(link.warehouse) }
        let supplyIndex = Dictionary(supplies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var stockVolume: [String: Double] = [:]
        var stockSpent = 0.0
        for (w, held) in plan.stock {
            for (s, units) in held {
                guard let k = supplyIndex[s] else { continue }
                stockVolume[w, default: 0] += units * supplies[k].volume
                stockSpent += units * supplies[k].unitCost
            }
        }
        for hazard in hazards {
            guard let hp = plan.hazards[hazard.id] else { continue }
            var load = [String: Double]()
            for row in hp.shelterAssignment.values { for (k, q) in row { load[k, default: 0] += q } }
            for (a, area) in areas.enumerated() {
                let usableShelters = sheltersOf[a].filter {
                    !hazard.closedShelters.contains($0) && !decisions.forbiddenShelters.contains($0) && shelters[$0].capacity > 0
                }
                if let people = hp.unmet.peopleUnsheltered[area.id], people > 1e-6, !usableShelters.isEmpty {
                    let usable = usableShelters
                    let candidates = usable.filter { !openS.contains(shelters[$0].id) }
                    let withRoom = usable.filter { openS.contains(shelters[$0].id) && (load[shelters[$0].id] ?? 0) < shelters[$0].capacity - 1e-6 }
                    if policy.singleShelterPerArea, !withRoom.isEmpty, hp.shelterAssignment[area.id]?.isEmpty == false {
                        result.append(UnmetReason(kind: .singleShelterRule, hazard: hazard.id, area: area.id, amount: people,
                                                  sites: withRoom.map { shelters[$0].id }))
                    } else if !candidates.isEmpty {
                        result.append(UnmetReason(kind: .shelterCandidatesNotOpened, hazard: hazard.id, area: area.id, amount: people,
                                                  sites: candidates.map { shelters[$0].id }))
                    } else {
                        result.append(UnmetReason(kind: .sheltersFull, hazard: hazard.id, area: area.id, amount: people,
                                                  sites: usable.map { shelters[$0].id }))
                    }
                }
                let usableWarehouses = warehousesOf[a].filter {
                    !hazard.closedWarehouses.contains($0) && !decisions.forbiddenWarehouses.contains($0) && warehouses[$0].capacity > 0
                }
                if let short = hp.unmet.supplies[area.id], !short.isEmpty, !usableWarehouses.isEmpty {
                    let usable = usableWarehouses
                    let people = supplies.reduce(0.0) { $0 + ($1.perPerson > 0 ? (short[$1.id] ?? 0) / $1.perPerson : 0) } / Double(max(1, supplies.count))
                    let candidates = usable.filter { !openW.contains(warehouses[$0].id) }
                    let shortKinds = short.filter { $0.value > 1e-6 }.keys.compactMap { supplyIndex[$0] }
                    let smallest = shortKinds.map { supplies[$0].volume }.min() ?? 0
                    let withRoom = usable.filter { warehouses[$0].capacity - (stockVolume[warehouses[$0].id] ?? 0) >= smallest - 1e-9 }
                    // The budget stops a supply short here when one more unit of it costs more than is left.
                    let dearest = shortKinds.map { supplies[$0].unitCost }.max() ?? 0
                    if !candidates.isEmpty {
                        result.append(UnmetReason(kind: .warehouseCandidatesNotOpened, hazard: hazard.id, area: area.id, amount: people,
                                                  sites: candidates.map { warehouses[$0].id }))
                    } else if !withRoom.isEmpty, let stockBudget = policy.stockBudget, stockBudget - stockSpent < dearest - 1e-6 {
                        result.append(UnmetReason(kind: .stockBudgetSpent, hazard: hazard.id, area: area.id, amount: people,
                                                  sites: withRoom.map { warehouses[$0].id }))
                    } else {
                        result.append(UnmetReason(kind: .warehousesFull, hazard: hazard.id, area: area.id, amount: people,
                                                  sites: usable.map { warehouses[$0].id }))
                    }
                }
            }
        }
        return result
    }
}
