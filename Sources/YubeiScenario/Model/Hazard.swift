import YubeiCore

/// One event scenario (a level-II typhoon, a 100-year flood): who is displaced, which sites it
/// closes, and which team specialties it needs.
public struct Hazard: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Weight of this event in expected costs, in [0, 1]; nil when the file gives none
    /// (see ``Scenario/hazardWeights``).
    public var probability: Double?
    /// People needing shelter and supplies, per area, in file order.
    public var displaced: [Displacement]
    /// Warehouse or shelter ids unusable in this event.
    public var closedSites: [String]
    /// Team specialties the event needs (`flood-rescue`, `geohazard`).
    public var needs: [String]
    /// What kind of event it is (`typhoon`, `flood`, `earthquake`), free text, if given.
    public var kind: String?
    /// The share (0–1) of the displaced who must be sheltered and fully supplied: a hard
    /// requirement of the plan (FORMATS.md §2.1); nil when the file gives none.
    public var serviceLevel: Double?
    public var provenance: Provenance

    public init(
        id: String, name: String, probability: Double? = nil, displaced: [Displacement], closedSites: [String] = [],
        needs: [String] = [], provenance: Provenance = Provenance(), kind: String? = nil, serviceLevel: Double? = nil
    ) {
        self.serviceLevel = serviceLevel
        self.kind = kind
        self.id = id
        self.name = name
        self.probability = probability
        self.displaced = displaced
        self.closedSites = closedSites
        self.needs = needs
        self.provenance = provenance
    }

    /// Displaced people in `areaID` (0 when the hazard does not touch it).
    public func displaced(in areaID: String) -> Double {
        displaced.first { $0.area == areaID }?.people ?? 0
    }

    /// All displaced people of the event.
    public var totalDisplaced: Double { displaced.reduce(0) { $0 + $1.people } }

    /// Whether the event makes site `id` unusable.
    public func closes(_ siteID: String) -> Bool { closedSites.contains(siteID) }
}

/// People displaced from one area in one hazard.
public struct Displacement: Sendable, Hashable {
    public var area: String
    public var people: Double
    /// Position of the entry in the file.
    public var source: SourceLocation?

    public init(area: String, people: Double, source: SourceLocation? = nil) {
        self.area = area
        self.people = people
        self.source = source
    }
}
