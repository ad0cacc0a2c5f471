/// Something no decision can fix, found before solving: the reason behind an unmet need.
///
/// Findings are data (kind plus the ids and numbers involved); ``SitingText`` words them.
public struct SitingFinding: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// An area has displaced people but no usable shelter within reach by road.
        case noShelterInReach = "no-shelter-in-reach"
        /// An area has displaced people but no usable warehouse within the supply response time.
        case noWarehouseInReach = "no-warehouse-in-reach"
        /// A hazard displaces more people than every usable shelter can hold.
        case shelterCapacityShort = "shelter-capacity-short"
        /// A hazard needs more supply volume than every usable warehouse can store.
        case storageShort = "storage-short"
        /// A hazard needs a specialty that no team has.
        case specialtyMissing = "specialty-missing"
        /// A candidate site costs more than the whole budget.
        case siteOverBudget = "site-over-budget"
    }

    public var kind: Kind
    public var hazard: String?
    public var area: String?
    public var site: String?
    public var specialty: String?
    /// What is needed (people, m³ or yuan, by kind).
    public var needed: Double?
    /// What is available (same unit as ``needed``).
    public var available: Double?

    public init(kind: Kind, hazard: String? = nil, area: String? = nil, site: String? = nil,
                specialty: String? = nil, needed: Double? = nil, available: Double? = nil) {
        self.kind = kind; self.hazard = hazard; self.area = area; self.site = site
        self.specialty = specialty; self.needed = needed; self.available = available
    }
}

extension SitingProblem {
    /// What no plan can meet, found from the data alone (no solver): areas with no shelter or
    /// warehouse in reach, hazards beyond all shelter or storage capacity, specialties no team
    /// has, candidate sites dearer than the budget.
    ///
    /// - Complexity: O(H · (A + S·W) + links).
    public func findings() -> [SitingFinding] {
        var result: [SitingFinding] = []
        var sheltersOf = Array(repeating: [Int](), count: areas.count)
        for link in shelterLinks { sheltersOf[link.area].append(link.shelter) }
        var warehousesOf = Array(repeating: [Int](), count: areas.count)
        for link in supplyLinks { warehousesOf[link.area].append(link.warehouse) }
        let specialties = Set(teams.flatMap(\.specialties))
        let volumePerPerson = supplies.reduce(0) { $0 + $1.perPerson * $1.volume }
        for hazard in hazards {
            for a in areas.indices where hazard.displaced[a] > 0 {
                if !sheltersOf[a].contains(where: { !hazard.closedShelters.contains($0) }) {
                    result.append(SitingFinding(kind: .noShelterInReach, hazard: hazard.id, area: areas[a].id,
                                                needed: hazard.displaced[a], available: 0))
                }
                if !supplies.isEmpty, !warehousesOf[a].contains(where: { !hazard.closedWarehouses.contains($0) }) {
                    result.append(SitingFinding(kind: .noWarehouseInReach, hazard: hazard.id, area: areas[a].id,
                                                needed: hazard.displaced[a], available: 0))
                }
            }
            let displaced = hazard.displaced.reduce(0, +)
            let shelterRoom = shelters.indices.filter { !hazard.closedShelters.contains($0) }
                .reduce(0) { $0 + shelters[$1].capacity }
            if displaced > shelterRoom + 1e-6 {
                result.append(SitingFinding(kind: .shelterCapacityShort, hazard: hazard.id,
                                            needed: displaced, available: shelterRoom))
            }
            let volume = displaced * volumePerPerson
            let storage = warehouses.indices.filter { !hazard.closedWarehouses.contains($0) }
                .reduce(0) { $0 + warehouses[$1].capacity }
            if volume > storage + 1e-6 {
                result.append(SitingFinding(kind: .storageShort, hazard: hazard.id, needed: volume, available: storage))
            }
            for need in hazard.needs where !specialties.contains(need) {
                result.append(SitingFinding(kind: .specialtyMissing, hazard: hazard.id, specialty: need))
            }
        }
        if let budget = policy.budget {
            for w in warehouses where !w.isExisting && w.fixedCost > budget {
                result.append(SitingFinding(kind: .siteOverBudget, site: w.id, needed: w.fixedCost, available: budget))
            }
            for s in shelters where !s.isExisting && s.fixedCost > budget {
                result.append(SitingFinding(kind: .siteOverBudget, site: s.id, needed: s.fixedCost, available: budget))
            }
        }
        return result
    }
}
