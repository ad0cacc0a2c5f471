/// The classic location models `yubei locate` solves (FORMATS.md §1).
public enum LocationModelKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Minimise Σᵢ demandᵢ · cost to the nearest open facility, exactly p open.
    case pMedian = "p-median"
    /// Minimise the largest cost from a point to its nearest open facility, exactly p open.
    case pCenter = "p-center"
    /// Location set covering: fewest open facilities with every point within the radius of one.
    case lscp
    /// Maximal covering: most demand within the radius of one of exactly p open facilities.
    case mclp
    /// Uncapacitated facility location: fixed costs plus service costs.
    case uflp
    /// Capacitated facility location, demand splittable among facilities.
    case cflp
    /// Single-source capacitated facility location: each point served by one facility.
    case sscflp

    /// Whether the model needs `p`.
    public var needsP: Bool { self == .pMedian || self == .pCenter || self == .mclp }
    /// Whether the model needs `radius`.
    public var needsRadius: Bool { self == .lscp || self == .mclp }
    /// Whether the model needs each facility's capacity.
    public var needsCapacity: Bool { self == .cflp || self == .sscflp }
    /// Whether the model charges fixed costs (and so needs the facilities list).
    public var hasFixedCosts: Bool { self == .uflp || self == .cflp || self == .sscflp }
}

/// Whether a facility may, must or must not open.
public enum FacilityStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case candidate, required, forbidden
}

/// A candidate facility site.
public struct Facility: Sendable, Hashable {
    public var id: String
    /// Most demand it can serve (`nil` = unlimited); used by `cflp` and `sscflp`.
    public var capacity: Double?
    /// Cost of opening it; used by `uflp`, `cflp` and `sscflp`.
    public var fixedCost: Double
    public var status: FacilityStatus

    public init(id: String, capacity: Double? = nil, fixedCost: Double = 0, status: FacilityStatus = .candidate) {
        self.id = id
        self.capacity = capacity
        self.fixedCost = fixedCost
        self.status = status
    }
}

/// A classic location problem: demand points, candidate facilities, and the cost of serving
/// each point from each facility (`+∞` where not allowed).
public struct LocationProblem: Sendable {
    public var model: LocationModelKind
    /// Number of facilities to open (p-median, p-center, mclp).
    public var p: Int?
    /// Covering radius (lscp, mclp): point i is covered by j when cost[i][j] ≤ radius.
    public var radius: Double?
    /// Weight of each demand point.
    public var demand: [Double]
    public var facilities: [Facility]
    /// Row-major n × m costs; `.infinity` marks a pair that is not allowed.
    public var costs: [Double]

    public init(model: LocationModelKind, p: Int? = nil, radius: Double? = nil, demand: [Double], facilities: [Facility], costs: [Double]) {
        precondition(costs.count == demand.count * facilities.count, "costs must be n × m")
        self.model = model
        self.p = p
        self.radius = radius
        self.demand = demand
        self.facilities = facilities
        self.costs = costs
    }

    /// Number of demand points.
    public var pointCount: Int { demand.count }
    /// Number of candidate facilities.
    public var facilityCount: Int { facilities.count }

    /// Cost of serving point `i` from facility `j` (`.infinity` when not allowed).
    @inline(__always)
    public func cost(_ i: Int, _ j: Int) -> Double { costs[i * facilities.count + j] }

    /// Whether facility `j` may open.
    public func isAllowed(_ j: Int) -> Bool { facilities[j].status != .forbidden }

    /// Facilities that may open.
    public var allowedFacilities: [Int] { facilities.indices.filter(isAllowed) }

    /// Facilities that must open.
    public var requiredFacilities: [Int] { facilities.indices.filter { facilities[$0].status == .required } }

    /// Whether point `i` is within the radius of facility `j`.
    public func covers(_ j: Int, _ i: Int) -> Bool {
        guard let radius else { return false }
        return cost(i, j) <= radius
    }
}

extension LocationProblem {
    /// u_ij: the most of point i's demand facility j can take, as a share in [0, 1] (1 for a
    /// point without demand or a facility without capacity). The bound of x_ij in the CFLP and
    /// transportation models.
    func shareBound(_ i: Int, _ j: Int) -> Double {
        let d = demand[i]
        guard d > 0 else { return 1 }
        return min(1, (facilities[j].capacity ?? .infinity) / d)
    }
}
