/// An existing or candidate stockpile site (county depot, township storage point, 代储 partner).
public struct Warehouse: Sendable, Hashable, Identifiable {
    /// Shares one namespace with shelter ids.
    public var id: String
    public var name: String
    public var location: Location
    /// Existing sites are always open and cost nothing to open.
    public var existing: Bool
    /// Usable storage volume, m³.
    public var capacityCubicMetres: Double
    /// Cost of opening (building, renting or contracting) the site, yuan; counted against the budget.
    public var fixedCost: Double
    /// The area (township) the site lies in, if given: used to join it to a roads file that does
    /// not name it.
    public var area: String?
    public var provenance: Provenance

    public init(
        id: String, name: String? = nil, location: Location, existing: Bool, capacityCubicMetres: Double,
        fixedCost: Double = 0, area: String? = nil, provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.name = name ?? id
        self.location = location
        self.existing = existing
        self.capacityCubicMetres = capacityCubicMetres
        self.fixedCost = fixedCost
        self.area = area
        self.provenance = provenance
    }
}

/// An existing or candidate emergency shelter site (避难场所, GB 21734-2008).
public struct Shelter: Sendable, Hashable, Identifiable {
    /// Shares one namespace with warehouse ids.
    public var id: String
    public var name: String
    public var location: Location
    /// Existing shelters are always open.
    public var existing: Bool
    /// Effective sheltering area, m²; capacity = area ÷ the policy's area per person for the class.
    public var areaSquareMetres: Double
    public var shelterClass: ShelterClass
    /// Cost of opening (fitting out) the shelter, yuan; counted against the budget.
    public var fixedCost: Double
    /// The area (township) the shelter lies in, if given (see ``Warehouse/area``).
    public var area: String?
    public var provenance: Provenance

    public init(
        id: String, name: String? = nil, location: Location, existing: Bool, areaSquareMetres: Double,
        shelterClass: ShelterClass = .fixedShort, fixedCost: Double = 0, area: String? = nil,
        provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.name = name ?? id
        self.location = location
        self.existing = existing
        self.areaSquareMetres = areaSquareMetres
        self.shelterClass = shelterClass
        self.fixedCost = fixedCost
        self.area = area
        self.provenance = provenance
    }
}

/// Shelter classes by length of stay (GB 21734-2008, GB 51143-2015): the policy may give area per
/// person and the farthest distance per class.
public enum ShelterClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// 紧急避难场所: hours, near homes.
    case emergency
    /// 固定避难场所 short stay (days).
    case fixedShort = "fixed-short"
    /// 固定避难场所 medium stay (weeks).
    case fixedMedium = "fixed-medium"
    /// 固定避难场所 long stay (months).
    case fixedLong = "fixed-long"
    /// 中心避难场所: the county's central site with command and medical functions.
    case central
}

/// A rescue team (fire brigade, militia, geohazard or medical team) and where it waits.
public struct Team: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var base: Location
    /// What the team can do (`flood-rescue`, `fire`, `geohazard`), matched against hazard needs.
    public var specialties: [String]
    public var members: Int
    /// The area the base lies in, if given (see ``Warehouse/area``).
    public var area: String?
    public var provenance: Provenance

    public init(
        id: String, name: String? = nil, base: Location, specialties: [String], members: Int = 0,
        area: String? = nil, provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.name = name ?? id
        self.base = base
        self.specialties = specialties
        self.members = members
        self.area = area
        self.provenance = provenance
    }
}
