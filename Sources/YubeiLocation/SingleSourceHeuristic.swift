/// Single-source solutions by construction and local search: a Lagrangian heuristic's second
/// half. Given facilities to open, customers are placed by regret (the difference between
/// their cheapest and second-cheapest open facility that still has room), then improved by
/// shifts (one customer to another facility), swaps (two customers exchange facilities) and,
/// when neither helps, ejection chains (a customer moves into a full facility, one of whose
/// customers moves on to a third);
/// ``polish(_:)`` also tries closing and opening facilities.
///
/// Every solution it returns meets the capacities exactly (loads are sums of whole demands).
struct SingleSourceHeuristic {
    let problem: LocationProblem
    let lagrangian: SingleSourceLagrangian
    /// Whether the local search also tries ejection chains (``ejectionChains(_:openList:)``).
    var chains = true

    /// A complete solution: each customer's facility, the loads and the cost.
    struct Assignment {
        var facility: [Int]
        var load: [Double]
        var cost: Double
        var open: [Bool]

        /// The open facilities, ascending.
        var openList: [Int] { open.indices.filter { open[$0] } }
    }

    private var m: Int { problem.facilityCount }
    private func capacity(_ j: Int) -> Double { problem.facilities[j].capacity ?? .infinity }
    private func allowedPair(_ i: Int, _ j: Int) -> Bool {
        problem.cost(i, j).isFinite && problem.demand[i] <= capacity(j)
    }

    /// Places every customer on the facilities marked in `open` (regret order; those `seed`
    /// places first, while they fit), then local search.
    /// `nil` when the regret construction cannot place someone.
    ///
    /// - Complexity: O(n²·|open|) for the construction, then O(n²) per local-search pass.
    func assign(open: [Bool], seed: [Int]? = nil) -> Assignment? {
        let n = problem.pointCount
        var load = [Double](repeating: 0, count: m)
        var facility = [Int](repeating: -1, count: n)
        var left = Set(0..<n)
        if let seed {
            // Customers already placed (within the capacities) stay where they are.
            for (i, j) in seed.enumerated() where j >= 0 && open[j] && allowedPair(i, j) && load[j] + problem.demand[i] <= capacity(j) {
                facility[i] = j
                load[j] += problem.demand[i]
                left.remove(i)
            }
        }
        let openList = open.indices.filter { open[$0] }
        while !left.isEmpty {
            var pick = -1, pickJ = -1, pickRegret = -Double.infinity
            for i in left {
                var best = Double.infinity, second = Double.infinity, bestJ = -1
                for j in openList where allowedPair(i, j) && load[j] + problem.demand[i] <= capacity(j) {
                    let c = problem.cost(i, j)
                    if c < best { second = best; best = c; bestJ = j } else if c < second { second = c }
                }
                if bestJ < 0 { return nil }
                // Larger demand breaks ties: big customers are the hard ones to place late.
                let regret = (second - best) + 1e-6 * problem.demand[i]
                if regret > pickRegret { pickRegret = regret; pick = i; pickJ = bestJ }
            }
            facility[pick] = pickJ
            load[pickJ] += problem.demand[pick]
            left.remove(pick)
        }
        var a = Assignment(facility: facility, load: load, cost: 0, open: open)
        a.cost = cost(of: a)
        improve(&a)
        return a
    }

    /// Σ fixed costs of the facilities that serve someone or must open + Σ service costs; marks
    /// unused optional facilities closed.
    func cost(of a: Assignment) -> Double {
        var total = 0.0
        for (i, j) in a.facility.enumerated() { total += problem.cost(i, j) }
        for j in 0..<m where a.open[j] && (a.load[j] > 0 || problem.facilities[j].status == .required || servesSomeone(a, j)) {
            total += problem.facilities[j].fixedCost
        }
        return total
    }

    private func servesSomeone(_ a: Assignment, _ j: Int) -> Bool { a.facility.contains(j) }

    /// Shifts and swaps until neither lowers the service cost; then closes the optional
    /// facilities nobody uses.
    ///
    /// - Complexity: O(n²) per pass.
    func improve(_ a: inout Assignment) {
        let n = problem.pointCount
        let openList = a.open.indices.filter { a.open[$0] }
        var improved = true
        while improved {
            improved = false
            // Shifts.
            for i in 0..<n {
                let from = a.facility[i]
                var bestJ = -1, bestDelta = -1e-9
                for j in openList where j != from && allowedPair(i, j) && a.load[j] + problem.demand[i] <= capacity(j) {
                    let delta = problem.cost(i, j) - problem.cost(i, from)
                    if delta < bestDelta { bestDelta = delta; bestJ = j }
                }
                if bestJ >= 0 {
                    a.facility[i] = bestJ
                    a.load[from] -= problem.demand[i]
                    a.load[bestJ] += problem.demand[i]
                    improved = true
                }
            }
            // Swaps.
            for i in 0..<n {
                for k in (i + 1)..<max(i + 1, n) {
                    let ji = a.facility[i], jk = a.facility[k]
                    if ji == jk || !allowedPair(i, jk) || !allowedPair(k, ji) { continue }
                    let delta = problem.cost(i, jk) + problem.cost(k, ji) - problem.cost(i, ji) - problem.cost(k, jk)
                    guard delta < -1e-9 else { continue }
                    let di = problem.demand[i], dk = problem.demand[k]
                    guard a.load[jk] - dk + di <= capacity(jk), a.load[ji] - di + dk <= capacity(ji) else { continue }
                    a.facility[i] = jk
                    a.facility[k] = ji
                    a.load[ji] += dk - di
                    a.load[jk] += di - dk
                    improved = true
                }
            }
            // Ejection chains, only when neither shifts nor swaps help (tight capacities leave
            // them few moves): i moves into a full facility, which makes room by moving one of
            // its customers on to a third.
            if !improved && chains { improved = ejectionChains(&a, openList: openList) }
        }
        var used = [Bool](repeating: false, count: m)
        for j in a.facility { used[j] = true }
        for j in 0..<m where a.open[j] && !used[j] && problem.facilities[j].status != .required { a.open[j] = false }
        a.cost = cost(of: a)
    }

    /// One pass of length-2 ejection chains: customer i moves from A to B, and a customer k of B
    /// moves on to C (C ≠ A, C ≠ B) so that B's capacity holds; the best chain for each i is
    /// applied when it lowers the service cost. True when some chain was applied.
    ///
    /// - Complexity: O(n·|open|) to list each customer's two best moves out, then O(n²) per
    ///   pass, plus O(n·|open|) after each chain applied.
    func ejectionChains(_ a: inout Assignment, openList: [Int]) -> Bool {
        let n = problem.pointCount
        var members = [[Int]](repeating: [], count: m)
        for i in 0..<n { members[a.facility[i]].append(i) }
        // Each customer's two cheapest moves to another open facility with room for it.
        var moves = [(first: (delta: Double, to: Int), second: (delta: Double, to: Int))](
            repeating: ((.infinity, -1), (.infinity, -1)), count: n)
        func listMoves() {
            for k in 0..<n {
                let from = a.facility[k], dk = problem.demand[k], ck = problem.cost(k, from)
                var first = (delta: Double.infinity, to: -1), second = first
                for c in openList where c != from && allowedPair(k, c) && a.load[c] + dk <= capacity(c) {
                    let delta = problem.cost(k, c) - ck
                    if delta < first.delta { second = first; first = (delta, c) } else if delta < second.delta { second = (delta, c) }
                }
                moves[k] = (first, second)
            }
        }
        listMoves()
        var applied = false
        for i in 0..<n {
            let from = a.facility[i], di = problem.demand[i]
            let ci = problem.cost(i, from)
            var best = -1e-9, bestB = -1, bestK = -1, bestC = -1
            for b in openList where b != from && allowedPair(i, b) {
                let enter = problem.cost(i, b) - ci
                // B needs room for i once k leaves: d_k ≥ load_B + d_i − s_B.
                let need = a.load[b] + di - capacity(b)
                if need <= 0 { continue }  // a plain shift (the shifts found none better)
                for k in members[b] where k != i && problem.demand[k] >= need - 1e-9 {
                    let move = moves[k].first.to != from ? moves[k].first : moves[k].second
                    guard move.to >= 0 else { continue }
                    let delta = enter + move.delta
                    if delta < best { best = delta; bestB = b; bestK = k; bestC = move.to }
                }
            }
            guard bestB >= 0 else { continue }
            let dk = problem.demand[bestK]
            a.facility[i] = bestB
            a.facility[bestK] = bestC
            a.load[from] -= di
            a.load[bestB] += di - dk
            a.load[bestC] += dk
            members[from].removeAll { $0 == i }
            members[bestB].removeAll { $0 == bestK }
            members[bestB].append(i)
            members[bestC].append(bestK)
            applied = true
            listMoves()
        }
        return applied
    }

    /// Tries closing each open facility, opening each closed one, and exchanging an open one for
    /// a closed one (each followed by the construction and local search), keeping every change
    /// that lowers the cost, until none does.
    ///
    /// - Complexity: O(m²·construction) per pass; stops when `expired` says so.
    func polish(_ start: Assignment, expired: () -> Bool) -> Assignment {
        var best = start
        var improved = true
        func attempt(_ open: [Bool]) -> Bool {
            // Keep the customers of facilities that stay open where they are.
            let seed = best.facility.map { open[$0] ? $0 : -1 }
            guard let candidate = assign(open: open, seed: seed), candidate.cost < best.cost - 1e-9 else { return false }
            best = candidate
            return true
        }
        while improved && !expired() {
            improved = false
            for j in lagrangian.allowed where !expired() {
                var open = best.open
                if open[j] && problem.facilities[j].status == .required { continue }
                open[j].toggle()
                if attempt(open) { improved = true }
            }
            if improved { continue }
            for j in lagrangian.allowed where best.open[j] && problem.facilities[j].status != .required {
                for k in lagrangian.allowed where !best.open[k] {
                    if expired() { return best }
                    var open = best.open
                    open[j] = false
                    open[k] = true
                    if attempt(open) { improved = true; break }
                }
                if improved { break }
            }
        }
        return best
    }

    /// A solution from a Lagrangian solution: the facilities its cover opens (plus, while the
    /// construction fails, the one of least ρ_j per unit of capacity among the others), each
    /// customer that exactly one open facility's knapsack takes placed there first.
    func fromLagrangian(_ evaluation: SingleSourceLagrangian.Evaluation) -> Assignment? {
        var open = [Bool](repeating: false, count: m)
        for j in lagrangian.allowed where evaluation.open[j] > 0.5 || lagrangian.required.contains(j) { open[j] = true }
        var seed = [Int](repeating: -1, count: problem.pointCount)
        var times = [Int](repeating: 0, count: problem.pointCount)
        for j in lagrangian.allowed where open[j] {
            guard let k = evaluation.knapsacks[j] else { continue }
            for (r, pair) in lagrangian.pairs[j].enumerated() where k.take[r] > 0.5 {
                seed[pair.point] = j
                times[pair.point] += 1
            }
        }
        for i in seed.indices where times[i] != 1 { seed[i] = -1 }
        let others = lagrangian.allowed.filter { !open[$0] }.sorted {
            evaluation.rho[$0] / max(capacity($0), 1e-9) < evaluation.rho[$1] / max(capacity($1), 1e-9)
        }
        var next = others.makeIterator()
        while true {
            if let a = assign(open: open, seed: seed) { return a }
            guard let j = next.next() else { return nil }
            open[j] = true
        }
    }
}
