/// All-pairs shortest distances of a p-median graph (OR-Library's `pmed` files: whole edge
/// lengths up to 100, up to 900 vertices and 16,200 edges), the n×n cost matrix of the problem.
///
/// With whole lengths, Dijkstra's algorithm runs on a bucket queue (Dial 1969): the tentative
/// distances pending at any time lie within one maximal edge length of the one being settled,
/// so C + 1 buckets indexed by distance modulo C + 1 (C the longest edge) replace the binary
/// heap, and each source costs O(V + E + D) for D its largest distance, instead of
/// O((V + E)·log V). Sums of whole numbers below 2^53 are exact in `Double`, so the distances
/// equal the heap-based ones exactly (a test compares them on random graphs).
enum PMedianDistances {
    /// The longest edge length the bucket queue accepts (the buckets cost O(C) memory).
    static let longestBucketedEdge = 1 << 16

    /// Shortest distances from every vertex to every vertex, row by source (`.infinity` where
    /// no path leads), or `nil` when some length is not a whole number in
    /// 0...``longestBucketedEdge`` (then Dijkstra's algorithm with a heap is the way).
    ///
    /// - Parameters:
    ///   - n: the number of vertices.
    ///   - edges: undirected edges `(u, v, length)` with `u, v` in `0..<n`, lengths ≥ 0.
    /// - Complexity: O(n·(n + e + D)) time, D the largest finite distance; O(n² + e + C) memory.
    static func allPairs(n: Int, edges: [(Int, Int, Double)]) -> [Double]? {
        var longest = 0
        for (_, _, length) in edges {
            guard length >= 0, length <= Double(longestBucketedEdge), length == length.rounded() else { return nil }
            longest = max(longest, Int(length))
        }
        // Compressed sparse rows: arcs of u at offsets[u]..<offsets[u + 1].
        var offsets = [Int](repeating: 0, count: n + 1)
        for (u, v, _) in edges { offsets[u + 1] += 1; offsets[v + 1] += 1 }
        for u in 0..<n { offsets[u + 1] += offsets[u] }
        var fill = offsets
        var targets = [Int](repeating: 0, count: 2 * edges.count)
        var lengths = [Int](repeating: 0, count: 2 * edges.count)
        for (u, v, length) in edges {
            targets[fill[u]] = v; lengths[fill[u]] = Int(length); fill[u] += 1
            targets[fill[v]] = u; lengths[fill[v]] = Int(length); fill[v] += 1
        }
        let width = longest + 1
        var buckets = [[Int]](repeating: [], count: width)
        var distance = [Int](repeating: .max, count: n)
        var result = [Double](repeating: .infinity, count: n * n)
        offsets.withUnsafeBufferPointer { offsets in
        targets.withUnsafeBufferPointer { targets in
        lengths.withUnsafeBufferPointer { lengths in
            for source in 0..<n {
                for u in 0..<n { distance[u] = .max }
                distance[source] = 0
                buckets[0].append(source)
                var pending = 1, current = 0, b = 0
                while pending > 0 {
                    // Entries of bucket b all carry `current` (pending ones lie in
                    // current...current + longest); zero-length arcs append to it while it drains.
                    while let u = buckets[b].popLast() {
                        pending -= 1
                        guard distance[u] == current else { continue }  // a stale entry
                        for arc in offsets[u]..<offsets[u + 1] {
                            let candidate = current + lengths[arc]
                            let v = targets[arc]
                            if candidate < distance[v] {
                                distance[v] = candidate
                                var slot = b + lengths[arc]  // candidate modulo width
                                if slot >= width { slot -= width }
                                buckets[slot].append(v)
                                pending += 1
                            }
                        }
                    }
                    current += 1
                    b += 1
                    if b == width { b = 0 }
                }
                let row = source * n
                for v in 0..<n where distance[v] != .max { result[row + v] = Double(distance[v]) }
            }
        }
        }
        }
        return result
    }
}
