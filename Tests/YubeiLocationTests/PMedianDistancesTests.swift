import Testing
@testable import YubeiLocation
import YubeiTestSupport

/// The bucket-queue all-pairs distances of p-median graphs against Floyd–Warshall written
/// out here, on random graphs with whole lengths (zero-length edges, parallel edges, loops
/// and unreachable vertices included), and the fallback for lengths it does not take.
@Suite("p-median graph distances (Dial's buckets) against Floyd–Warshall")
struct PMedianDistancesTests {
    /// Floyd–Warshall over the n×n matrix: O(n³).
    static func floydWarshall(n: Int, edges: [(Int, Int, Double)]) -> [Double] {
        var d = [Double](repeating: .infinity, count: n * n)
        for u in 0..<n { d[u * n + u] = 0 }
        for (u, v, length) in edges {
            d[u * n + v] = min(d[u * n + v], length)
            d[v * n + u] = min(d[v * n + u], length)
        }
        for k in 0..<n {
            for i in 0..<n where d[i * n + k] < .infinity {
                for j in 0..<n where d[i * n + k] + d[k * n + j] < d[i * n + j] {
                    d[i * n + j] = d[i * n + k] + d[k * n + j]
                }
            }
        }
        return d
    }

    @Test("equal to Floyd–Warshall on random graphs with whole lengths")
    func equalToFloydWarshall() {
        for seed in UInt64(1)...60 {
            var rng = SplitMix64(seed: seed)
            let n = Int.random(in: 1...40, using: &rng)
            let longest = [0, 1, 3, 100, 5000][Int(seed % 5)]
            let count = Int.random(in: 0...(3 * n), using: &rng)
            let edges: [(Int, Int, Double)] = (0..<count).map { _ in
                (Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng), Double(Int.random(in: 0...longest, using: &rng)))
            }
            guard let fast = PMedianDistances.allPairs(n: n, edges: edges) else {
                Issue.record("seed \(seed): whole lengths refused")
                continue
            }
            #expect(fast == Self.floydWarshall(n: n, edges: edges), "seed \(seed)")
        }
    }

    @Test("lengths that are not whole or too long are left to the heap")
    func refusesOtherLengths() {
        #expect(PMedianDistances.allPairs(n: 2, edges: [(0, 1, 1.5)]) == nil)
        #expect(PMedianDistances.allPairs(n: 2, edges: [(0, 1, Double(PMedianDistances.longestBucketedEdge) + 1)]) == nil)
        #expect(PMedianDistances.allPairs(n: 2, edges: [(0, 1, Double(PMedianDistances.longestBucketedEdge))]) == [0, 65536, 65536, 0])
        #expect(PMedianDistances.allPairs(n: 3, edges: []) == [0, .infinity, .infinity, .infinity, 0, .infinity, .infinity, .infinity, 0])
    }

    /// A pmed file with fractional lengths goes through Dijkstra's heap and reads the same
    /// distances as Floyd–Warshall.
    @Test("a pmed file with fractional lengths still reads shortest distances")
    func fractionalFile() throws {
        let edges: [(Int, Int, Double)] = [(0, 1, 1.5), (1, 2, 2.25), (0, 2, 4), (2, 3, 0.5)]
        let text = "4 4 2\n" + edges.map { "\($0.0 + 1) \($0.1 + 1) \($0.2)" }.joined(separator: "\n") + "\n"
        let file = try scratchFile("frac.txt", text: text)
        let problem = try ORLibrary.readPMedian(path: file.path)
        #expect(problem.costs == Self.floydWarshall(n: 4, edges: edges))
    }
}
