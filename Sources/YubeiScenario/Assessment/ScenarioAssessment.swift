/// The planner's first sanity check of a scenario, with no solver: what the candidate sites
/// could do at best in each hazard, and what no siting decision can fix.
///
/// Everything here is a bound a plan cannot beat: capacities assume every candidate opens
/// (and, separately, only existing sites), and an area with no shelter or warehouse within
/// reach stays unserved whatever is opened.
public struct ScenarioAssessment: Sendable, Codable, Hashable {
    public var name: String
    public var areaCount: Int
    public var population: Int
    public var usesRoads: Bool
    public var budget: Double
    /// Cost of opening every candidate warehouse and shelter.
    public var candidateOpeningCost: Double
    public var storageExistingCubicMetres: Double
    public var storageAllCubicMetres: Double
    public var shelterCapacityExisting: Double
    public var shelterCapacityAll: Double
    /// Areas with no shelter within reach of any class, closures ignored.
    public var areasWithoutShelter: [String]
    /// Areas with no warehouse within the supply response time, closures ignored.
    public var areasWithoutWarehouse: [String]
    /// (site or team, area) pairs no road joins.
    public var unreachablePairs: Int
    /// Entities with figures marked `estimated` in the file.
    public var estimatedEntries: Int
    public var hazards: [HazardAssessment]
    /// Names of areas and teams by id, so reports can show the names planners know.
    public var areaNames: [String: String]
    public var teamNames: [String: String]

    /// One hazard's needs against what is within reach of the people it displaces.
    public struct HazardAssessment: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        /// The weight used for expected costs.
        public var weight: Double
        public var probability: Double?
        public var displaced: Double
        /// Capacity of shelters not closed by the hazard and within reach of at least one
        /// displaced area, if every candidate opens / existing only.
        public var shelterCapacityInReachAll: Double
        public var shelterCapacityInReachExisting: Double
        /// Displaced people in areas with no open-able shelter within reach: unsheltered in every plan.
        public var peopleWithoutShelterInReach: Double
        public var areasWithoutShelter: [String]
        /// Supply volume the displaced need, m³.
        public var supplyNeededCubicMetres: Double
        /// Storage of warehouses not closed and within the response time of a displaced area.
        public var storageInReachAll: Double
        public var storageInReachExisting: Double
        public var areasWithoutWarehouse: [String]
        public var needs: [NeedAssessment]
    }

    /// One needed specialty: which teams have it and which hit areas none of them reaches in time.
    public struct NeedAssessment: Sendable, Codable, Hashable {
        public var specialty: String
        public var teams: [String]
        /// Areas with displaced people that no team with the specialty reaches within the team response time.
        public var areasUncovered: [String]
    }

    /// Assesses `scenario` over `network`.
    ///
    /// - Complexity: O(H · A · (W + S + T)) for H hazards, A areas, W warehouses, S shelters, T teams.
    public init(scenario: Scenario, network: TravelNetwork) {
        let policy = scenario.policy
        name = scenario.name
        areaNames = Dictionary(scenario.areas.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        teamNames = Dictionary(scenario.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        areaCount = scenario.areas.count
        population = scenario.areas.reduce(0) { $0 + $1.population }
        usesRoads = network.usesRoads
        budget = policy.budget
        candidateOpeningCost = scenario.warehouses.filter { !$0.existing }.reduce(0) { $0 + $1.fixedCost }
            + scenario.shelters.filter { !$0.existing }.reduce(0) { $0 + $1.fixedCost }
        storageExistingCubicMetres = scenario.warehouses.filter(\.existing).reduce(0) { $0 + $1.capacityCubicMetres }
        storageAllCubicMetres = scenario.warehouses.reduce(0) { $0 + $1.capacityCubicMetres }
        shelterCapacityExisting = scenario.shelters.filter(\.existing).reduce(0) { $0 + policy.capacity(of: $1) }
        shelterCapacityAll = scenario.shelters.reduce(0) { $0 + policy.capacity(of: $1) }
        unreachablePairs = network.unreachable.count
        estimatedEntries = (scenario.areas.map(\.provenance) + scenario.supplies.map(\.provenance)
            + scenario.hazards.map(\.provenance) + scenario.warehouses.map(\.provenance)
            + scenario.shelters.map(\.provenance) + scenario.teams.map(\.provenance)).filter { !$0.estimated.isEmpty }.count

        let shelterReach: [[Int]] = scenario.areas.indices.map { a in network.shelters(near: a, in: scenario).map(\.index) }
        let warehouseReach: [[Int]] = scenario.areas.indices.map { a in
            network.warehouses(near: a, withinMinutes: policy.supplyResponseMinutes).map(\.index)
        }
        areasWithoutShelter = scenario.areas.indices.filter { shelterReach[$0].isEmpty }.map { scenario.areas[$0].id }
        areasWithoutWarehouse = scenario.areas.indices.filter { warehouseReach[$0].isEmpty }.map { scenario.areas[$0].id }

        let areaIndex = scenario.areaIndex
        let perPerson = scenario.cubicMetresPerDisplacedPerson
        let weights = scenario.hazardWeights
        hazards = scenario.hazards.enumerated().map { h, hazard in
            let closed = Set(hazard.closedSites)
            let hit = hazard.displaced.filter { $0.people > 0 }.compactMap { d in areaIndex[d.area].map { (index: $0, people: d.people) } }
            var shelters: Set<Int> = [], warehouses: Set<Int> = []
            var noShelter: [String] = [], noWarehouse: [String] = []
            var peopleWithout = 0.0
            for (a, people) in hit {
                let reachable = shelterReach[a].filter { !closed.contains(scenario.shelters[$0].id) }
                if reachable.isEmpty { noShelter.append(scenario.areas[a].id); peopleWithout += people }
                shelters.formUnion(reachable)
                let stores = warehouseReach[a].filter { !closed.contains(scenario.warehouses[$0].id) }
                if stores.isEmpty { noWarehouse.append(scenario.areas[a].id) }
                warehouses.formUnion(stores)
            }
            let needs = hazard.needs.map { specialty -> NeedAssessment in
                let teams = scenario.teams.indices.filter { scenario.teams[$0].specialties.contains(specialty) }
                let uncovered = hit.filter { a, _ in
                    !teams.contains { t in (network.minutes(team: t, area: a) ?? .infinity) <= policy.teamResponseMinutes + 1e-9 }
                }.map { scenario.areas[$0.index].id }
                return NeedAssessment(specialty: specialty, teams: teams.map { scenario.teams[$0].id }, areasUncovered: uncovered)
            }
            let displaced = hazard.totalDisplaced
            return HazardAssessment(
                id: hazard.id, name: hazard.name, weight: weights[h], probability: hazard.probability, displaced: displaced,
                shelterCapacityInReachAll: shelters.reduce(0) { $0 + policy.capacity(of: scenario.shelters[$1]) },
                shelterCapacityInReachExisting: shelters.filter { scenario.shelters[$0].existing }
                    .reduce(0) { $0 + policy.capacity(of: scenario.shelters[$1]) },
                peopleWithoutShelterInReach: peopleWithout, areasWithoutShelter: noShelter,
                supplyNeededCubicMetres: displaced * perPerson,
                storageInReachAll: warehouses.reduce(0) { $0 + scenario.warehouses[$1].capacityCubicMetres },
                storageInReachExisting: warehouses.filter { scenario.warehouses[$0].existing }
                    .reduce(0) { $0 + scenario.warehouses[$1].capacityCubicMetres },
                areasWithoutWarehouse: noWarehouse, needs: needs)
        }
    }
}
