import YubeiCore

/// The roads of a scenario as a compact two-way graph (adjacency in compressed sparse rows), with
/// Dijkstra's algorithm by length or by time.
///
/// Immutable and `Sendable`, so one network can be shared by concurrent solves.
struct RoadGraph: Sendable {
    /// Node of each place that has one.
    let index: [Place: Int]
    let nodeCount: Int
    /// Every road runs at the scenario's one speed, so the fastest path is the shortest one and
    /// minutes = km ÷ speed × 60.
    let hasUniformSpeed: Bool
    private let graph: SparseGraph
    /// Per-arc road km and minutes.
    private let kilometres: [Double]
    private let minutes: [Double]

    /// Builds the graph of `roads`; warehouses, shelters and team bases the file does not name
    /// join at their area's node by an access leg of straight-line km × detour factor.
    ///
    /// - Complexity: O(V + E).
    init(scenario: Scenario, roads: RoadNetwork) {
        var index: [Place: Int] = [:]
        func node(_ place: Place) -> Int {
            if let i = index[place] { return i }
            index[place] = index.count
            return index.count - 1
        }
        let speed = scenario.travel.speedKmh, detour = scenario.travel.detourFactor
        var edges: [(u: Int, v: Int, km: Double, minutes: Double)] = []
        for edge in roads.edges {
            edges.append((node(edge.from), node(edge.to), edge.kilometres, edge.kilometres / (edge.speedKmh ?? speed) * 60))
        }
        let areaLocations = Dictionary(scenario.areas.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        func join(_ place: Place, _ location: Location, _ areaID: String?) {
            guard index[place] == nil, let areaID, let area = areaLocations[areaID] else { return }
            let km = location.kilometres(to: area) * detour
            edges.append((node(place), node(.area(areaID)), km, km / speed * 60))
        }
        for site in scenario.warehouses { join(.site(site.id), site.location, site.area) }
        for site in scenario.shelters { join(.site(site.id), site.location, site.area) }
        for team in scenario.teams { join(.team(team.id), team.base, team.area) }

        self.index = index
        self.nodeCount = index.count
        self.hasUniformSpeed = roads.edges.allSatisfy { $0.speedKmh == nil || $0.speedKmh == speed }
        self.graph = SparseGraph(nodeCount: index.count, edges: edges.map { ($0.u, $0.v) })
        self.kilometres = graph.arcWeights(edges.map(\.km))
        self.minutes = graph.arcWeights(edges.map(\.minutes))
    }

    /// Shortest distance from `root` to every node (`.infinity` where no road leads), by road
    /// km or by minutes.
    ///
    /// - Complexity: O((V + E) log V), with a binary heap (SparseGraph).
    func distances(from root: Int, byMinutes: Bool) -> [Double] {
        graph.shortestDistances(from: root, weights: byMinutes ? minutes : kilometres)
    }
}
