import YubeiLocation

/// The cheapest splittable service of every point by the facilities `open`, or `nil` when none
/// exists: the transportation problem of a CFLP with its open set fixed (demand i, capacity j,
/// cost c(i, j) per whole demand of i), solved in plain Swift by successive shortest augmenting
/// paths (Bellman–Ford on the residual network). It shares nothing with GLPK or the modelling
/// layer the tests check. A point of zero demand takes its cheapest allowed open facility.
///
/// - Complexity: O(total demand · V · E) for small integer demands; test instances only.
func cheapestSplittableService(_ q: LocationProblem, open: [Int]) -> Double? {
    let n = q.demand.count
    var fixedCost = 0.0
    for i in 0..<n where q.demand[i] == 0 {
        guard let cheapest = open.map({ q.cost(i, $0) }).filter(\.isFinite).min() else { return nil }
        fixedCost += cheapest
    }
    // Nodes: source 0, points 1...n, facilities n+1...n+|open|, sink n+|open|+1.
    let sink = n + open.count + 1
    var to: [Int] = [], capacity: [Double] = [], cost: [Double] = []
    var edges = [[Int]](repeating: [], count: sink + 1)
    func edge(_ a: Int, _ b: Int, _ cap: Double, _ unit: Double) {
        edges[a].append(to.count); to.append(b); capacity.append(cap); cost.append(unit)
        edges[b].append(to.count); to.append(a); capacity.append(0); cost.append(-unit)
    }
    for i in 0..<n where q.demand[i] > 0 { edge(0, 1 + i, q.demand[i], 0) }
    for (k, j) in open.enumerated() {
        edge(1 + n + k, sink, q.facilities[j].capacity ?? .infinity, 0)
        for i in 0..<n where q.demand[i] > 0 && q.cost(i, j).isFinite {
            edge(1 + i, 1 + n + k, q.demand[i], q.cost(i, j) / q.demand[i])
        }
    }
    let total = q.demand.reduce(Double(0), +)
    var flow = 0.0, transport = 0.0
    while flow < total - 1e-9 {
        var distance = [Double](repeating: .infinity, count: sink + 1), via = [Int](repeating: -1, count: sink + 1)
        distance[0] = 0
        for _ in 0...sink {
            var changed = false
            for a in 0...sink where distance[a].isFinite {
                for e in edges[a] where capacity[e] > 1e-12 && distance[a] + cost[e] < distance[to[e]] - 1e-12 {
                    distance[to[e]] = distance[a] + cost[e]
                    via[to[e]] = e
                    changed = true
                }
            }
            if !changed { break }
        }
        guard distance[sink].isFinite else { return nil }  // demand left that no open facility can take
        // Edges come in pairs (forward even, reverse odd): e ^ 1 is e's reverse, whose head is e's tail.
        var push = total - flow, node = sink
        while node != 0 { push = min(push, capacity[via[node]]); node = to[via[node] ^ 1] }
        node = sink
        while node != 0 { capacity[via[node]] -= push; capacity[via[node] ^ 1] += push; node = to[via[node] ^ 1] }
        flow += push
        transport += push * distance[sink]
    }
    return fixedCost + transport
}
