import YubeiOptimization

/// The optimality cuts of the p-median radius formulation: for weighted point i and a distance
/// D among its sorted costs,
///
///     θ_i ≥ D − Σ_{j: cost_ij < D} (D − cost_ij)·y_j.
///
/// At a 0–1 vector y the cut at the nearest open facility's distance is exact; at a fractional
/// y the cut at the distance where Σ y first reaches 1 is the most violated.
struct PMedianCuts {
    /// One point's allowed facilities sorted by cost.
    struct Sorted {
        var facilities: [Int]
        var costs: [Double]
    }

    /// A cut, stored by point and distance.
    struct Cut: Hashable {
        var point: Int
        var distance: Double
    }

    /// Each point's allowed facilities by cost.
    let sorted: [Sorted]
    /// Points with positive demand and more than one allowed facility: the ones with a θ_i.
    let weighted: [Int]
    /// Points that some allowed facility cannot serve: they need the row Σ_{j serves i} y_j ≥ 1.
    let needsServingRow: [Bool]

    /// Sorts every point's allowed facilities.
    ///
    /// - Complexity: O(n·m·log m).
    init(problem: LocationProblem) {
        let allowed = problem.allowedFacilities
        let n = problem.pointCount
        let m = problem.facilityCount
        let sorted: [Sorted] = problem.costs.withUnsafeBufferPointer { costs in
            (0..<n).map { i in
                // The point's row of the cost matrix, read in place (the same comparisons as
                // through cost(i, j), so the same order among equal costs).
                let row = UnsafeBufferPointer(rebasing: costs[(i * m)..<(i * m + m)])
                let list = allowed.filter { row[$0].isFinite }.sorted { row[$0] < row[$1] }
                return Sorted(facilities: list, costs: list.map { row[$0] })
            }
        }
        self.sorted = sorted
        needsServingRow = (0..<n).map { sorted[$0].facilities.count < allowed.count }
        weighted = (0..<n).filter { problem.demand[$0] > 0 && sorted[$0].costs.count > 1 }
    }

    /// The most violated cut of point i at `y` (values by facility) and its right-hand side at `y`.
    ///
    /// - Complexity: O(m).
    func separate(_ i: Int, _ y: [Double]) -> (Cut, Double) {
        let s = sorted[i]
        var cumulative = 0.0, k = 0
        var distance = s.costs[s.costs.count - 1]
        while k < s.costs.count {
            let d = s.costs[k]
            var group = 0.0, end = k
            while end < s.costs.count && s.costs[end] == d { group += y[s.facilities[end]]; end += 1 }
            if cumulative + group >= 1 - 1e-9 { distance = d; break }
            cumulative += group
            k = end
        }
        var value = distance
        for (j, c) in zip(s.facilities, s.costs) {
            if c >= distance { break }
            value -= (distance - c) * y[j]
        }
        return (Cut(point: i, distance: distance), value)
    }

    /// D − Σ_{cost_ij < D} (D − cost_ij)·y_j for a cut.
    ///
    /// - Complexity: O(m).
    func value(of cut: Cut, at y: [Double]) -> Double {
        let s = sorted[cut.point]
        var value = cut.distance
        for (j, c) in zip(s.facilities, s.costs) {
            if c >= cut.distance { break }
            value -= (cut.distance - c) * y[j]
        }
        return value
    }

    /// The row θ_i + Σ_{cost_ij < D} (D − cost_ij)·y_j ≥ D of a cut (facilities without a
    /// column left out: they are closed).
    func row(of cut: Cut, _ y: [Variable?], _ theta: [Variable?]) -> LinearConstraint {
        var row = LinearExpression()
        row.add(1, theta[cut.point]!)
        for (j, c) in zip(sorted[cut.point].facilities, sorted[cut.point].costs) {
            if c >= cut.distance { break }
            if let v = y[j] { row.add(cut.distance - c, v) }
        }
        return row >= cut.distance
    }
}
