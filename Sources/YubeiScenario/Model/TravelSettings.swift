/// How road distances and travel times are worked out (FORMATS.md §2 `travel:`).
///
/// Without a roads file, road km = straight-line km × ``detourFactor``; with one, road km =
/// the shortest path over its edges. Minutes = road km ÷ speed × 60 (per edge with a roads
/// file, using the edge's own speed where it gives one).
public struct TravelSettings: Sendable, Hashable {
    /// Mean driving speed, km/h (also for road edges without their own speed).
    public var speedKmh: Double
    /// Road km per straight-line km (typically 1.2–1.6 in hill counties).
    public var detourFactor: Double
    /// The roads file, when given: the path as written and as resolved against the scenario's folder.
    public var roads: RoadNetwork?

    public init(speedKmh: Double = TravelSettings.defaultSpeedKmh, detourFactor: Double = TravelSettings.defaultDetourFactor, roads: RoadNetwork? = nil) {
        self.speedKmh = speedKmh
        self.detourFactor = detourFactor
        self.roads = roads
    }

    /// Speed when the file gives none: 40 km/h on county roads.
    public static let defaultSpeedKmh = 40.0
    /// Detour factor when the file gives none.
    public static let defaultDetourFactor = 1.3
}

/// The edges of a roads file (`from,to,km[,speed_kmh]`), two-way, between area ids, site ids,
/// team ids or named junctions.
public struct RoadNetwork: Sendable, Hashable {
    /// The path as written in the scenario.
    public var path: String
    /// The path the file was read from.
    public var resolvedPath: String
    public var edges: [RoadEdge]

    public init(path: String, resolvedPath: String? = nil, edges: [RoadEdge]) {
        self.path = path
        self.resolvedPath = resolvedPath ?? path
        self.edges = edges
    }
}

/// One two-way road segment.
public struct RoadEdge: Sendable, Hashable {
    public var from: Place
    public var to: Place
    public var kilometres: Double
    /// The segment's own speed, km/h, if the file gives one.
    public var speedKmh: Double?
    /// CSV row (header = row 1).
    public var row: Int?

    public init(from: Place, to: Place, kilometres: Double, speedKmh: Double? = nil, row: Int? = nil) {
        self.from = from
        self.to = to
        self.kilometres = kilometres
        self.speedKmh = speedKmh
        self.row = row
    }
}

/// A node of the travel network: an area's seat, a warehouse or shelter site, a team base, or
/// a junction named only in the roads file.
///
/// Area ids and site ids live in separate lists, so the same text may name an area and a site;
/// the kind keeps them apart.
public enum Place: Sendable, Hashable, CustomStringConvertible {
    case area(String)
    /// A warehouse or a shelter (one namespace).
    case site(String)
    case team(String)
    case junction(String)

    public var id: String {
        switch self {
        case .area(let id), .site(let id), .team(let id), .junction(let id): return id
        }
    }

    /// The kind of a place: the word before the colon in a roads file (`site:county-depot`).
    public enum Kind: String, Sendable, CaseIterable {
        case area, site, team, junction
    }

    public init(_ kind: Kind, id: String) {
        switch kind {
        case .area: self = .area(id)
        case .site: self = .site(id)
        case .team: self = .team(id)
        case .junction: self = .junction(id)
        }
    }

    public var kind: Kind {
        switch self {
        case .area: return .area
        case .site: return .site
        case .team: return .team
        case .junction: return .junction
        }
    }

    public var description: String { "\(kind.rawValue):\(id)" }
}
