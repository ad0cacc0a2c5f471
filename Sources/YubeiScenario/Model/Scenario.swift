import YubeiCore

/// One county (or district) described for siting stockpiles and shelters and checking team
/// coverage: FORMATS.md §2. Built by ``ScenarioLoader`` from a YAML or JSON file, which
/// guarantees every reference resolves, every number is finite and in range, and every
/// shelter class has an area per person and a farthest distance.
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var travel: TravelSettings
    public var areas: [Area]
    public var supplies: [Supply]
    public var hazards: [Hazard]
    public var warehouses: [Warehouse]
    public var shelters: [Shelter]
    public var teams: [Team]
    public var policy: Policy
    /// The file the scenario was read from (nil when built in code).
    public var sourcePath: String?
    /// Township boundaries for maps (`boundaries:` names a GeoJSON file), read with the scenario.
    public var boundaries: Boundaries?
    /// Keys Yubei does not use, by key path (`负责人`, `areas[0].联系电话`), kept as written for plan.json's `extra`.
    public var extra: [String: ExtraValue] = [:]

    public init(
        name: String, travel: TravelSettings = TravelSettings(), areas: [Area], supplies: [Supply], hazards: [Hazard],
        warehouses: [Warehouse], shelters: [Shelter], teams: [Team], policy: Policy, sourcePath: String? = nil
    ) {
        self.name = name
        self.travel = travel
        self.areas = areas
        self.supplies = supplies
        self.hazards = hazards
        self.warehouses = warehouses
        self.shelters = shelters
        self.teams = teams
        self.policy = policy
        self.sourcePath = sourcePath
    }

    /// The area with `id`.
    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
    public func warehouse(_ id: String) -> Warehouse? { warehouses.first { $0.id == id } }
    public func shelter(_ id: String) -> Shelter? { shelters.first { $0.id == id } }
    public func hazard(_ id: String) -> Hazard? { hazards.first { $0.id == id } }
    public func team(_ id: String) -> Team? { teams.first { $0.id == id } }

    /// Index of every area id in ``areas``.
    ///
    /// - Complexity: O(n).
    public var areaIndex: [String: Int] { Dictionary(areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) }
    public var warehouseIndex: [String: Int] { Dictionary(warehouses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) }
    public var shelterIndex: [String: Int] { Dictionary(shelters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) }

    /// Storage volume needed per displaced person over all supplies, m³.
    public var cubicMetresPerDisplacedPerson: Double { supplies.reduce(0) { $0 + $1.cubicMetresPerPerson } }

    /// The weight of each hazard in the objective (FORMATS.md §2.1): its probability as given
    /// (not normalised) when every hazard gives one; otherwise 1/H for every hazard.
    public var objectiveHazardWeights: [Double] {
        if hazards.allSatisfy({ $0.probability != nil }) { return hazards.map { $0.probability! } }
        return hazards.map { _ in 1.0 / Double(max(1, hazards.count)) }
    }

    /// The weight of each hazard in expected costs, in ``hazards`` order: the probabilities as
    /// given; when none is given, every hazard weighs 1 / count; when only some are given, the
    /// rest share what is left of 1 equally (never below 0).
    public var hazardWeights: [Double] {
        let given = hazards.compactMap(\.probability)
        if given.isEmpty { return hazards.map { _ in 1.0 / Double(max(1, hazards.count)) } }
        let missing = hazards.count - given.count
        let rest = missing == 0 ? 0 : max(0, 1 - given.reduce(0, +)) / Double(missing)
        return hazards.map { $0.probability ?? rest }
    }
}
