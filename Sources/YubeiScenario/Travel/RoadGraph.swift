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
    /// Edges leaving node `u` are `offsets[u]..<offsets[u + 1]`.
    private let offsets: [Int]
    private let targets: [Int]
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

        let n = index.count
        var degree = [Int](repeating: 0, count: n + 1)
        for edge in edges { degree[edge.u + 1] += 1; degree[edge.v + 1] += 1 }
        for i in 0..<n { degree[i + 1] += degree[i] }
        var fill = degree
        var targets = [Int](repeating: 0, count: edges.count * 2)
        var kilometres = [Double](repeating: 0, count: edges.count * 2), minutes = kilometres
        for edge in edges {
            for (from, to) in [(edge.u, edge.v), (edge.v, edge.u)] {
                targets[fill[from]] = to
                kilometres[fill[from]] = edge.km
                minutes[fill[from]] = edge.minutes
                fill[from] += 1
            }
        }
        self.index = index
        self.nodeCount = n
        self.hasUniformSpeed = roads.edges.allSatisfy { $0.speedKmh == nil || $0.speedKmh == speed }
        self.offsets = degree
        self.targets = targets
        self.kilometres = kilometres
        self.minutes = minutes
    }

    /// Shortest distance from `root` to every node (`.infinity` where no road leads), by road
    /// km or by minutes.
    ///
    /// - Complexity: O((V + E) log V), with a binary heap.
    func distances(from root: Int, byMinutes: Bool) -> [Double] {
        let weights = byMinutes ? minutes : kilometres
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var heap = MinHeap()
        distance[root] = 0
        heap.push(0, root)
        while let (d, u) = heap.pop() {
            if d > distance[u] { continue }
            for e in offsets[u]..<offsets[u + 1] {
                let candidate = d + weights[e]
                if candidate < distance[targets[e]] {
                    distance[targets[e]] = candidate
                    heap.push(candidate, targets[e])
                }
            }
        }
        return distance
    }
}

/// A binary min-heap of (distance, node) pairs for Dijkstra (lazy deletion of stale entries).
private struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ key: Double, _ value: Int) {
        items.append((key, value))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].0 < items[parent].0 else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left].0 < items[smallest].0 { smallest = left }
                if right < items.count && items[right].0 < items[smallest].0 { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
