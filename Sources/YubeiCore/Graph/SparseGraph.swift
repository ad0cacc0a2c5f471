import HeapModule

/// An undirected graph in compressed sparse rows, for shortest paths over road networks and
/// OR-Library graphs.
///
/// Edge weights are kept outside the graph, one array per measure (kilometres, minutes), each
/// indexed like ``targets``, so one graph answers shortest paths by any of them.
public struct SparseGraph: Sendable {
    public let nodeCount: Int
    /// Arcs leaving node `u` are `offsets[u]..<offsets[u + 1]`; each undirected edge is two arcs.
    public let offsets: [Int]
    /// The node each arc leads to.
    public let targets: [Int]
    /// For each arc, the position of its edge in the list the graph was built from.
    public let edgeOfArc: [Int]

    /// The graph of `edges` (pairs of node numbers in `0..<nodeCount`).
    ///
    /// - Complexity: O(V + E).
    public init(nodeCount: Int, edges: [(Int, Int)]) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for (u, v) in edges { offsets[u + 1] += 1; offsets[v + 1] += 1 }
        for i in 0..<nodeCount { offsets[i + 1] += offsets[i] }
        var fill = offsets
        var targets = [Int](repeating: 0, count: edges.count * 2)
        var edgeOfArc = targets
        for (k, (u, v)) in edges.enumerated() {
            targets[fill[u]] = v; edgeOfArc[fill[u]] = k; fill[u] += 1
            targets[fill[v]] = u; edgeOfArc[fill[v]] = k; fill[v] += 1
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.edgeOfArc = edgeOfArc
    }

    /// Per-arc weights from per-edge weights (same order as the edges the graph was built from).
    public func arcWeights(_ edgeWeights: [Double]) -> [Double] {
        edgeOfArc.map { edgeWeights[$0] }
    }

    /// Shortest distance from `source` to every node by Dijkstra's algorithm (`.infinity` where
    /// no path leads); `weights` are per arc (see ``arcWeights(_:)``) and must be ≥ 0.
    ///
    /// - Complexity: O((V + E) log V).
    public func shortestDistances(from source: Int, weights: [Double]) -> [Double] {
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var queue = Heap<Labelled>()
        distance[source] = 0
        queue.insert(Labelled(distance: 0, node: source))
        while let next = queue.popMin() {
            let u = next.node
            if next.distance > distance[u] { continue }  // a stale entry
            for arc in offsets[u]..<offsets[u + 1] {
                let candidate = next.distance + weights[arc]
                if candidate < distance[targets[arc]] {
                    distance[targets[arc]] = candidate
                    queue.insert(Labelled(distance: candidate, node: targets[arc]))
                }
            }
        }
        return distance
    }

    /// A node with its tentative distance, ordered by distance.
    private struct Labelled: Comparable {
        var distance: Double
        var node: Int
        static func < (a: Labelled, b: Labelled) -> Bool { a.distance < b.distance }
    }
}
