/// Greedy addition followed by Teitz–Bart vertex substitution with Whitaker's fast
/// interchange: the incumbent that lets the exact p-median search start small.
///
/// A pair that is not allowed costs a penalty far above every allowed cost, so the heuristic
/// still runs when some points have few facilities; callers check that its answer serves
/// every point before using it.
struct PMedianHeuristic {
    let n: Int
    let m: Int
    let weights: [Double]
    /// Column-major costs: `byFacility[j * n + i]`, penalty in place of `.infinity`.
    let byFacility: [Double]
    let allowed: [Int]
    let required: Set<Int>
    /// Cost standing in for a pair that is not allowed.
    let penalty: Double

    /// Prepares the heuristic for `problem`.
    ///
    /// - Complexity: O(n·m).
    init(problem: LocationProblem) {
        n = problem.pointCount
        m = problem.facilityCount
        weights = problem.demand.map { max($0, 1e-6) }  // zero-weight points still need serving
        var largest = 0.0
        for c in problem.costs where c.isFinite { largest = max(largest, c) }
        penalty = (largest + 1) * Double(n + 1) * 16
        var columns = [Double](repeating: penalty, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                let c = problem.cost(i, j)
                if c.isFinite { columns[j * n + i] = c }
            }
        }
        byFacility = columns
        allowed = problem.allowedFacilities
        required = Set(problem.requiredFacilities)
    }

    /// Exactly `p` open facilities with a locally optimal weighted cost (no single swap improves it).
    ///
    /// - Complexity: O(p·n·m) for the greedy phase, O(m·(n + p)) per interchange pass.
    func solve(p: Int, deadline: () -> Bool) -> [Int] {
        var isOpen = [Bool](repeating: false, count: m)
        var open: [Int] = []
        for j in required.sorted() { isOpen[j] = true; open.append(j) }
        var best = [Double](repeating: 2 * penalty, count: n)
        for j in open { relax(&best, with: j) }
        // Greedy: add the facility that lowers the total most.
        while open.count < p {
            var bestGain = -Double.infinity, choice = -1
            // The same sums in the same order, read without bounds checks (the O(p·n·m) part).
            best.withUnsafeBufferPointer { best in
            byFacility.withUnsafeBufferPointer { byFacility in
            weights.withUnsafeBufferPointer { weights in
                for j in allowed where !isOpen[j] {
                    var gain = 0.0
                    let base = j * n
                    for i in 0..<n {
                        let d = best[i] - byFacility[base + i]
                        if d > 0 { gain += weights[i] * d }
                    }
                    if gain > bestGain { bestGain = gain; choice = j }
                }
            }
            }
            }
            guard choice >= 0 else { break }
            isOpen[choice] = true
            open.append(choice)
            relax(&best, with: choice)
        }
        interchange(&open, &isOpen, deadline: deadline)
        return open.sorted()
    }

    /// `start` (p allowed facilities, the required ones among them) improved by the same
    /// interchange until no single swap improves it.
    ///
    /// - Complexity: O(m·(n + p)) per interchange pass.
    func improve(_ start: [Int], deadline: () -> Bool) -> [Int] {
        var isOpen = [Bool](repeating: false, count: m)
        for j in start { isOpen[j] = true }
        var open = start
        interchange(&open, &isOpen, deadline: deadline)
        return open.sorted()
    }

    private func relax(_ best: inout [Double], with j: Int) {
        let base = j * n
        for i in 0..<n where byFacility[base + i] < best[i] { best[i] = byFacility[base + i] }
    }

    /// Nearest and second-nearest open facility of every point.
    private func closest(_ open: [Int]) -> (f1: [Int], d1: [Double], d2: [Double]) {
        var f1 = [Int](repeating: -1, count: n)
        var d1 = [Double](repeating: .infinity, count: n)
        var d2 = [Double](repeating: .infinity, count: n)
        for j in open {
            let base = j * n
            for i in 0..<n {
                let d = byFacility[base + i]
                if d < d1[i] {
                    d2[i] = d1[i]; d1[i] = d; f1[i] = j
                } else if d < d2[i] {
                    d2[i] = d
                }
            }
        }
        return (f1, d1, d2)
    }

    /// Teitz–Bart substitution, evaluating all removals for one insertion in O(n + p)
    /// (Whitaker 1983): first improvement, until a full pass finds none.
    private func interchange(_ open: inout [Int], _ isOpen: inout [Bool], deadline: () -> Bool) {
        var (f1, d1, d2) = closest(open)
        var extra = [Double](repeating: 0, count: m)
        var tolerance = 1e-9 * max(1, d1.reduce(Double(0), +))
        var improved = true
        while improved {
            improved = false
            if deadline() { return }
            for j in allowed where !isOpen[j] {
                var common = 0.0
                for r in open { extra[r] = 0 }
                let base = j * n
                for i in 0..<n {
                    let d = byFacility[base + i]
                    if d < d1[i] {
                        common += weights[i] * (d - d1[i])
                    } else {
                        extra[f1[i]] += weights[i] * (min(d, d2[i]) - d1[i])
                    }
                }
                var bestDelta = 0.0, out = -1
                for r in open where !required.contains(r) {
                    let delta = common + extra[r]
                    if delta < bestDelta { bestDelta = delta; out = r }
                }
                if out >= 0 && bestDelta < -tolerance {
                    isOpen[out] = false
                    isOpen[j] = true
                    open[open.firstIndex(of: out)!] = j
                    (f1, d1, d2) = closest(open)
                    tolerance = 1e-9 * max(1, d1.reduce(Double(0), +))
                    improved = true
                }
            }
        }
    }
}
