/// The 0-1 knapsack problems inside the single-source Lagrangian relaxation: a packing one
/// (each facility's customers within its capacity) and a covering one (facilities whose
/// capacities reach the total demand).
///
/// Both are solved exactly by dynamic programming over capacity when the weights are whole
/// numbers (after dividing by their greatest common divisor) and the table is small enough;
/// otherwise by their LP relaxation, which is still a valid lower bound for a minimisation.
enum Knapsack {
    /// Largest dynamic-programming table (items × capacity cells) solved exactly.
    static let maxCells = 8_000_000

    /// min Σ value_k·z_k subject to Σ weight_k·z_k ≤ capacity, z ∈ {0,1} (only items of negative
    /// value matter: others are never taken).
    struct Packing {
        /// The minimum (or its LP bound when not ``exact``), ≤ 0.
        var value: Double
        /// Each item's share in the solution (0 or 1 when exact).
        var take: [Double]
        var exact: Bool
        /// Best value for every capacity 0...table.count−1, in units of `unit` (exact case).
        private var table: [Double] = []
        private var unit: Double = 1
        private var items: [(value: Double, weight: Double)] = []
        /// When every useful item fits: their total weight.
        private var allFit: Double?

        /// Solves the packing knapsack.
        ///
        /// - Complexity: O(k·C/g) with k items of negative value, C the capacity and g the
        ///   greatest common divisor of the weights (exact case); O(k·log k) otherwise.
        init(values: [Double], weights: [Double], capacity: Double) {
            items = zip(values, weights).map { ($0, $1) }
            take = [Double](repeating: 0, count: values.count)
            let useful = values.indices.filter { values[$0] < 0 && weights[$0] <= capacity }
            value = 0
            exact = true
            guard !useful.isEmpty else { table = [0]; return }
            let total = useful.reduce(0.0) { $0 + weights[$1] }
            if total <= capacity {
                for k in useful { take[k] = 1; value += values[k] }
                table = [value]  // every capacity ≥ total holds all of them; below, the LP bound
                unit = .infinity
                allFit = total
                return
            }
            var g = 0
            var whole = true
            for k in useful {
                let w = weights[k]
                guard w == w.rounded(), w < 1e9 else { whole = false; break }
                g = Self.gcd(g, Int(w))
            }
            let cells = whole && g > 0 ? Int((min(capacity, total) / Double(g)).rounded(.down)) : 0
            if whole && g > 0 && cells + 1 <= Self.maxCellsPerItem(useful.count) {
                unit = Double(g)
                var best = [Double](repeating: 0, count: cells + 1)
                var chosen = [UInt8](repeating: 0, count: useful.count * (cells + 1))
                for (r, k) in useful.enumerated() {
                    let w = Int(weights[k]) / g
                    let v = values[k]
                    if w > cells { continue }
                    var c = cells
                    let base = r * (cells + 1)
                    while c >= w {
                        let candidate = best[c - w] + v
                        if candidate < best[c] { best[c] = candidate; chosen[base + c] = 1 }
                        c -= 1
                    }
                }
                value = best[cells]
                var c = cells
                for r in stride(from: useful.count - 1, through: 0, by: -1) where chosen[r * (cells + 1) + c] == 1 {
                    take[useful[r]] = 1
                    c -= Int(weights[useful[r]]) / g
                }
                table = best
            } else {
                exact = false
                value = Knapsack.relaxed(useful.map { (values[$0], weights[$0]) }, capacity: capacity) { r, share in take[useful[r]] = share }
            }
        }

        private static func maxCellsPerItem(_ count: Int) -> Int { Knapsack.maxCells / max(1, count) }

        /// A lower bound on the minimum with capacity `capacity` instead (exact when the
        /// knapsack was solved exactly and no larger than its first capacity).
        ///
        /// - Complexity: O(1) exact, O(k·log k) otherwise.
        func value(capacity: Double) -> Double {
            if capacity < 0 { return .infinity }
            if let allFit, capacity >= allFit { return table[0] }
            if exact && allFit == nil {
                let c = min(table.count - 1, Int((capacity / unit + 1e-9).rounded(.down)))
                return table[c]
            }
            let useful = items.filter { $0.value < 0 && $0.weight <= capacity }
            return Knapsack.relaxed(useful, capacity: capacity) { _, _ in }
        }

        static func gcd(_ a: Int, _ b: Int) -> Int {
            var (a, b) = (a, b)
            while b != 0 { (a, b) = (b, a % b) }
            return a
        }
    }

    /// The LP relaxation of a packing knapsack of negative-valued items (Dantzig's bound):
    /// the best ratios first, the last one split. Reports each item's share through `share`.
    static func relaxed(_ items: [(value: Double, weight: Double)], capacity: Double, share: (Int, Double) -> Void) -> Double {
        let order = items.indices.sorted { a, b in
            let ra = items[a].weight > 0 ? items[a].value / items[a].weight : -.infinity
            let rb = items[b].weight > 0 ? items[b].value / items[b].weight : -.infinity
            return ra < rb
        }
        var left = capacity, total = 0.0
        for k in order {
            let w = items[k].weight
            if w <= 0 { total += items[k].value; share(k, 1); continue }
            if left <= 0 { break }
            let f = min(1, left / w)
            total += items[k].value * f
            left -= w * f
            share(k, f)
        }
        return total
    }

    /// min Σ cost_k·z_k subject to Σ size_k·z_k ≥ need, z ∈ {0,1}, with `forced` items in and
    /// `banned` out; every item of cost ≤ 0 is taken. Returns the minimum (a lower bound by the
    /// LP relaxation when the sizes are not whole), each item's share, and `.infinity` when the
    /// sizes cannot reach `need`.
    ///
    /// - Complexity: O(m·R) with R the need left after the free items (whole sizes).
    static func cover(costs: [Double], sizes: [Double], need: Double, forced: Set<Int>, banned: Set<Int>) -> (value: Double, take: [Double]) {
        var take = [Double](repeating: 0, count: costs.count)
        var total = 0.0
        var reached = 0.0
        var rest: [Int] = []
        for k in costs.indices where !banned.contains(k) {
            if forced.contains(k) || costs[k] <= 0 {
                take[k] = 1; total += costs[k]; reached += sizes[k]
            } else {
                rest.append(k)
            }
        }
        let left = need - reached
        if left <= 1e-9 * max(1, need) { return (total, take) }
        if rest.reduce(0.0, { $0 + sizes[$1] }) < left * (1 - 1e-12) { return (.infinity, take) }
        let whole = rest.allSatisfy { sizes[$0] == sizes[$0].rounded() && sizes[$0] < 1e9 } && left < 1e9
        let cells = whole ? Int((left - 1e-9).rounded(.up)) : 0
        if whole && cells > 0 && (cells + 1) * rest.count <= maxCells {
            var best = [Double](repeating: .infinity, count: cells + 1)
            best[0] = 0
            var chosen = [UInt8](repeating: 0, count: rest.count * (cells + 1))
            for (r, k) in rest.enumerated() {
                let s = Int(sizes[k]), c0 = costs[k]
                let base = r * (cells + 1)
                for c in stride(from: cells, through: 1, by: -1) {
                    let from = max(0, c - s)
                    let candidate = best[from] + c0
                    if candidate < best[c] { best[c] = candidate; chosen[base + c] = 1 }
                }
            }
            guard best[cells].isFinite else { return (.infinity, take) }
            var c = cells
            for r in stride(from: rest.count - 1, through: 0, by: -1) where c > 0 && chosen[r * (cells + 1) + c] == 1 {
                take[rest[r]] = 1
                c = max(0, c - Int(sizes[rest[r]]))
            }
            return (total + best[cells], take)
        }
        // LP relaxation: the cheapest cost per unit of size first.
        let order = rest.sorted { costs[$0] / max(sizes[$0], 1e-300) < costs[$1] / max(sizes[$1], 1e-300) }
        var need = left
        for k in order where need > 0 {
            let f = sizes[k] > 0 ? min(1, need / sizes[k]) : 0
            total += costs[k] * f
            need -= sizes[k] * f
            take[k] = f
        }
        return (total, take)
    }
}
