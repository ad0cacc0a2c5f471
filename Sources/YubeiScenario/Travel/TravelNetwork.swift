import Foundation

/// Road distances and travel times between the places of a scenario, as FORMATS.md §2 defines
/// them: straight-line km × detour factor, or shortest paths over the roads file.
///
/// Built once per scenario; the tables from every warehouse, shelter and team base to every
/// area are computed up front, so the siting model's lookups are O(1). Roads are two-way.
/// With a roads file, kilometres are the shortest path by length and minutes the fastest path
/// by time (edges with their own speed may make these different routes).
///
/// A warehouse, shelter or team that the roads file does not name, but whose `area` is given,
/// joins the network at that area's node by an access leg of straight-line km × detour factor.
/// A place the network cannot reach from another has no distance (`nil`) and is listed in
/// ``unreachable``.
///
/// Shortest paths use Yubei's own Dijkstra over a compact graph (``RoadGraph``). SwiftGraph's
/// generic one was measured first: `yubei describe` of a province (2,000 areas, 600 sites,
/// 3,800 roads) took 12.8 s of CPU in a debug build with it, 4.9 s with this one, and 3.3 s when
/// every road runs at one speed (one Dijkstra per source instead of two).
public struct TravelNetwork: Sendable {
    public let areaIDs: [String]
    public let warehouseIDs: [String]
    public let shelterIDs: [String]
    public let teamIDs: [String]
    /// Whether distances come from a roads file rather than straight lines.
    public let usesRoads: Bool

    private let areaIndex: [String: Int]
    private let siteIndex: [String: Int]   // warehouses 0..<W, then shelters
    private let teamIndex: [String: Int]
    /// Row-major [source][area] tables, `.infinity` when unreachable. Sources: warehouses, then
    /// shelters, then teams.
    private let kilometreTable: [Double]
    private let minuteTable: [Double]
    private let settings: TravelSettings
    private let locations: [Place: Location]
    private let graph: RoadGraph?

    /// Builds the network and the source-to-area tables.
    ///
    /// - Complexity: without roads O(S·A) haversines; with roads O(S·(V + E) log V) for S
    ///   sources, A areas, V nodes and E edges (two Dijkstra runs per source).
    public init(scenario: Scenario) {
        areaIDs = scenario.areas.map(\.id)
        warehouseIDs = scenario.warehouses.map(\.id)
        shelterIDs = scenario.shelters.map(\.id)
        teamIDs = scenario.teams.map(\.id)
        settings = scenario.travel
        usesRoads = scenario.travel.roads != nil
        areaIndex = Dictionary(areaIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        siteIndex = Dictionary((warehouseIDs + shelterIDs).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        teamIndex = Dictionary(teamIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        var locations: [Place: Location] = [:]
        for area in scenario.areas { locations[.area(area.id)] = area.location }
        for site in scenario.warehouses { locations[.site(site.id)] = site.location }
        for site in scenario.shelters { locations[.site(site.id)] = site.location }
        for team in scenario.teams { locations[.team(team.id)] = team.base }
        self.locations = locations

        let sources: [Place] = scenario.warehouses.map { .site($0.id) } + scenario.shelters.map { .site($0.id) }
            + scenario.teams.map { .team($0.id) }
        let areaCount = scenario.areas.count
        var kilometres = [Double](repeating: .infinity, count: sources.count * areaCount)
        var minutes = kilometres

        if let roads = scenario.travel.roads {
            let graph = RoadGraph(scenario: scenario, roads: roads)
            self.graph = graph
            let areaNodes = scenario.areas.map { graph.index[.area($0.id)] }
            for (s, source) in sources.enumerated() {
                guard let root = graph.index[source] else { continue }
                let km = graph.distances(from: root, byMinutes: false)
                let min = graph.hasUniformSpeed ? km.map { $0 / scenario.travel.speedKmh * 60 }
                    : graph.distances(from: root, byMinutes: true)
                for (a, node) in areaNodes.enumerated() {
                    guard let node else { continue }
                    kilometres[s * areaCount + a] = km[node]
                    minutes[s * areaCount + a] = min[node]
                }
            }
        } else {
            graph = nil
            for (s, source) in sources.enumerated() {
                let from = locations[source]!
                for (a, area) in scenario.areas.enumerated() {
                    let km = from.kilometres(to: area.location) * settings.detourFactor
                    kilometres[s * areaCount + a] = km
                    minutes[s * areaCount + a] = km / settings.speedKmh * 60
                }
            }
        }
        kilometreTable = kilometres
        minuteTable = minutes
    }

    // MARK: Any two places

    /// Road km between two places, or nil when one is unknown or no road joins them.
    ///
    /// - Complexity: O(1) between a site or team and an area; otherwise O(1) without roads and
    ///   one Dijkstra run, O((V + E) log V), with roads.
    public func roadKilometres(from: Place, to: Place) -> Double? {
        if let value = tableValue(kilometreTable, from, to) { return value.isFinite ? value : nil }
        return shortest(from: from, to: to, minutes: false)
    }

    /// Travel minutes between two places, or nil when one is unknown or no road joins them.
    ///
    /// - Complexity: as ``roadKilometres(from:to:)``.
    public func minutes(from: Place, to: Place) -> Double? {
        if let value = tableValue(minuteTable, from, to) { return value.isFinite ? value : nil }
        return shortest(from: from, to: to, minutes: true)
    }

    /// Great-circle km between two places of the scenario (nil for junctions, which have no location).
    public func straightLineKilometres(from: Place, to: Place) -> Double? {
        guard let a = locations[from], let b = locations[to] else { return nil }
        return a.kilometres(to: b)
    }

    // MARK: Indexed lookups for models

    /// Road km from warehouse `w` to area `a` (indices into the scenario's lists), nil if unreachable.
    public func kilometres(warehouse w: Int, area a: Int) -> Double? { finite(kilometreTable[w * areaIDs.count + a]) }
    /// Minutes from warehouse `w` to area `a`, nil if unreachable.
    public func minutes(warehouse w: Int, area a: Int) -> Double? { finite(minuteTable[w * areaIDs.count + a]) }
    /// Road km from shelter `s` to area `a`, nil if unreachable.
    public func kilometres(shelter s: Int, area a: Int) -> Double? {
        finite(kilometreTable[(warehouseIDs.count + s) * areaIDs.count + a])
    }
    /// Minutes from shelter `s` to area `a`, nil if unreachable.
    public func minutes(shelter s: Int, area a: Int) -> Double? {
        finite(minuteTable[(warehouseIDs.count + s) * areaIDs.count + a])
    }
    /// Road km from team `t`'s base to area `a`, nil if unreachable.
    public func kilometres(team t: Int, area a: Int) -> Double? {
        finite(kilometreTable[(warehouseIDs.count + shelterIDs.count + t) * areaIDs.count + a])
    }
    /// Minutes from team `t`'s base to area `a`, nil if unreachable.
    public func minutes(team t: Int, area a: Int) -> Double? {
        finite(minuteTable[(warehouseIDs.count + shelterIDs.count + t) * areaIDs.count + a])
    }

    // MARK: What lies within reach of an area

    /// A site or team within reach of an area, with its road km and minutes.
    public struct Reach: Sendable, Hashable {
        /// Index in the scenario's list of warehouses, shelters or teams.
        public var index: Int
        public var id: String
        public var kilometres: Double
        public var minutes: Double
    }

    /// Shelters whose road km to area `a` is at most `limit(shelterIndex)`, nearest first.
    ///
    /// - Complexity: O(S log S).
    public func shelters(near a: Int, withinKilometres limit: (Int) -> Double) -> [Reach] {
        (0..<shelterIDs.count).compactMap { s -> Reach? in
            guard let km = kilometres(shelter: s, area: a), km <= limit(s) + 1e-9 else { return nil }
            return Reach(index: s, id: shelterIDs[s], kilometres: km, minutes: minutes(shelter: s, area: a) ?? .infinity)
        }.sorted { ($0.kilometres, $0.id) < ($1.kilometres, $1.id) }
    }

    /// Shelters within reach of area `a` under `scenario.policy` (farthest km per shelter class).
    ///
    /// - Complexity: O(S log S).
    public func shelters(near a: Int, in scenario: Scenario) -> [Reach] {
        shelters(near: a) { scenario.policy.maximumKilometres(to: scenario.shelters[$0]) }
    }

    /// Warehouses whose travel time to area `a` is at most `minutes`, nearest first.
    ///
    /// - Complexity: O(W log W).
    public func warehouses(near a: Int, withinMinutes limit: Double) -> [Reach] {
        (0..<warehouseIDs.count).compactMap { w -> Reach? in
            guard let time = minutes(warehouse: w, area: a), time <= limit + 1e-9 else { return nil }
            return Reach(index: w, id: warehouseIDs[w], kilometres: kilometres(warehouse: w, area: a) ?? .infinity, minutes: time)
        }.sorted { ($0.minutes, $0.id) < ($1.minutes, $1.id) }
    }

    /// Teams whose base is at most `minutes` from area `a`, nearest first.
    ///
    /// - Complexity: O(T log T).
    public func teams(near a: Int, withinMinutes limit: Double) -> [Reach] {
        (0..<teamIDs.count).compactMap { t -> Reach? in
            guard let time = minutes(team: t, area: a), time <= limit + 1e-9 else { return nil }
            return Reach(index: t, id: teamIDs[t], kilometres: kilometres(team: t, area: a) ?? .infinity, minutes: time)
        }.sorted { ($0.minutes, $0.id) < ($1.minutes, $1.id) }
    }

    /// Index of the area with `id`.
    public func areaIndex(of id: String) -> Int? { areaIndex[id] }

    // MARK: Unreachable pairs

    /// A site or team base and an area that no road joins.
    public struct UnreachablePair: Sendable, Hashable, CustomStringConvertible {
        public var from: Place
        public var area: String
        public var description: String { "\(from) — area:\(area)" }
    }

    /// Every (site or team, area) pair with no road between them; empty without a roads file.
    ///
    /// - Complexity: O((W + S + T) · A).
    public var unreachable: [UnreachablePair] {
        let sources: [Place] = (warehouseIDs + shelterIDs).map { .site($0) } + teamIDs.map { .team($0) }
        var pairs: [UnreachablePair] = []
        for (s, source) in sources.enumerated() {
            for (a, area) in areaIDs.enumerated() where !kilometreTable[s * areaIDs.count + a].isFinite {
                pairs.append(UnreachablePair(from: source, area: area))
            }
        }
        return pairs
    }

    // MARK: Private

    private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    private func sourceRow(_ place: Place) -> Int? {
        switch place {
        case .site(let id): return siteIndex[id]
        case .team(let id): return teamIndex[id].map { warehouseIDs.count + shelterIDs.count + $0 }
        default: return nil
        }
    }

    private func tableValue(_ table: [Double], _ from: Place, _ to: Place) -> Double? {
        if case .area(let id) = to, let a = areaIndex[id], let s = sourceRow(from) { return table[s * areaIDs.count + a] }
        if case .area(let id) = from, let a = areaIndex[id], let s = sourceRow(to) { return table[s * areaIDs.count + a] }
        return nil
    }

    private func shortest(from: Place, to: Place, minutes byTime: Bool) -> Double? {
        if from == to && (locations[from] != nil || graph?.index[from] != nil) { return 0 }
        guard let graph else {
            guard let km = straightLineKilometres(from: from, to: to).map({ $0 * settings.detourFactor }) else { return nil }
            return byTime ? km / settings.speedKmh * 60 : km
        }
        guard let u = graph.index[from], let v = graph.index[to] else { return nil }
        let distance = graph.distances(from: u, byMinutes: byTime)[v]
        return distance.isFinite ? distance : nil
    }
}
