import YubeiOptimization

/// The Lagrangian relaxation of the single-source capacitated facility location problem in
/// which the assignment rows Σ_j x_ij = 1 are relaxed with multipliers λ_i.
///
/// What remains splits by facility: open, facility j contributes
/// ρ_j = f_j + min Σ_i (c_ij − λ_i)·x_ij over Σ_i d_i·x_ij ≤ s_j, x binary (a 0-1 knapsack), and
/// the open set must hold the total demand, Σ_j s_j·y_j ≥ D (a covering knapsack over the ρ_j).
/// L(λ) = Σ_i λ_i + min_y Σ_j ρ_j·y_j bounds the optimum from below for every λ; the best λ is
/// sought by subgradient optimisation. Because both knapsacks are solved as integer problems,
/// the bound is at least the strong LP relaxation's with every knapsack cut added.
///
/// Forcing y_j (or x_ij) to a value and re-choosing the rest bounds every solution with that
/// value: that is what ``fixings(at:cutoff:keepOpen:keepPairs:)`` uses to close facilities and forbid pairs.
struct SingleSourceLagrangian {
    let problem: LocationProblem
    /// For each facility, its allowed customers and their costs (finite, demand ≤ capacity).
    let pairs: [[(point: Int, cost: Double)]]
    /// Facilities that may open.
    let allowed: [Int]
    let required: Set<Int>
    let totalDemand: Double

    init(problem: LocationProblem) {
        self.problem = problem
        allowed = problem.allowedFacilities
        required = Set(problem.requiredFacilities)
        totalDemand = problem.demand.reduce(0.0) { $0 + $1 }
        var pairs = [[(point: Int, cost: Double)]](repeating: [], count: problem.facilityCount)
        for j in allowed {
            let capacity = problem.facilities[j].capacity ?? .infinity
            for i in 0..<problem.pointCount {
                let c = problem.cost(i, j)
                if c.isFinite && problem.demand[i] <= capacity { pairs[j].append((i, c)) }
            }
        }
        self.pairs = pairs
    }

    /// Assignment decisions of a branch-and-bound node, beyond its open and closed facilities.
    struct Restriction {
        /// Pairs keyed i·m + j that no solution of the node uses.
        var removed = Set<Int>()
        /// Customers the node assigns: point → facility.
        var assigned: [Int: Int] = [:]
    }

    /// One evaluation of L(λ).
    struct Evaluation {
        var bound: Double
        /// ρ_j for allowed facilities (`.infinity` for the others and the banned ones).
        var rho: [Double]
        /// Each facility's knapsack, over `pairs[j]`.
        var knapsacks: [Knapsack.Packing?]
        /// The cover's choice of y (shares; 0/1 when exact).
        var open: [Double]
        /// g_i = 1 − Σ_j y_j·x_ij: a subgradient of L at λ.
        var subgradient: [Double]
        /// Σ λ_i.
        var base: Double
        /// The multipliers λ.
        var lambda: [Double]
        /// Each facility's capacity left by the customers a restriction assigns to it, and
        /// Σ (c_ij − λ_i) over those customers (part of ρ_j).
        var capacityLeft: [Double] = []
        var assignedPart: [Double] = []
    }

    /// L(λ) with its solution; with `forced` facilities open and `banned` ones closed, the
    /// Lagrangian bound of the solutions that open and close them so (a branch-and-bound node's).
    ///
    /// - Complexity: O(Σ_j k_j·s_j/g_j + m·R), k_j the customers with c_ij < λ_i (see ``Knapsack``).
    /// With a `restriction`, its removed pairs stay out of the knapsacks and each assigned
    /// customer is served by its facility (which is then forced open): its cost is part of ρ_j
    /// and its demand takes capacity.
    func evaluate(_ lambda: [Double], forced: Set<Int> = [], banned: Set<Int> = [], restriction: Restriction? = nil) -> Evaluation {
        let m = problem.facilityCount
        var rho = [Double](repeating: .infinity, count: m)
        var knapsacks = [Knapsack.Packing?](repeating: nil, count: m)
        var capacityLeft = (0..<m).map { problem.facilities[$0].capacity ?? .infinity }
        var assignedPart = [Double](repeating: 0, count: m)
        var forced = forced
        if let restriction {
            for (i, j) in restriction.assigned {
                capacityLeft[j] -= problem.demand[i]
                assignedPart[j] += problem.cost(i, j) - lambda[i]
                forced.insert(j)
            }
        }
        for j in allowed where !banned.contains(j) {
            let list = pairs[j]
            var values = list.map { $0.cost - lambda[$0.point] }
            if let restriction {
                // A value of 0 keeps an item out of the knapsack (only negative ones are taken).
                for (r, pair) in list.enumerated()
                where restriction.assigned[pair.point] != nil || restriction.removed.contains(pair.point * m + j) { values[r] = 0 }
                if capacityLeft[j] < 0 { continue }
            }
            let weights = list.map { problem.demand[$0.point] }
            let k = Knapsack.Packing(values: values, weights: weights, capacity: capacityLeft[j])
            rho[j] = problem.facilities[j].fixedCost + assignedPart[j] + k.value
            knapsacks[j] = k
        }
        let base = lambda.reduce(0.0) { $0 + $1 }
        let cover = coverChoice(rho, forced: forced, banned: banned)
        var g = [Double](repeating: 1, count: problem.pointCount)
        for j in allowed where cover.take[j] > 0 {
            guard let k = knapsacks[j] else { continue }
            for (r, pair) in pairs[j].enumerated() where k.take[r] > 0 { g[pair.point] -= cover.take[j] * k.take[r] }
        }
        if let restriction { for (i, j) in restriction.assigned { g[i] -= cover.take[j] } }
        return Evaluation(bound: base + cover.value, rho: rho, knapsacks: knapsacks, open: cover.take, subgradient: g, base: base, lambda: lambda,
                          capacityLeft: capacityLeft, assignedPart: assignedPart)
    }

    /// Facilities that no solution cheaper than `cutoff` opens (`closed`) or closes (`open`)
    /// among those neither `forced` nor `banned`, by the bound at `evaluation` (made with
    /// the same `forced` and `banned`).
    ///
    /// - Complexity: O(m·(m·R)) (exact cover knapsacks).
    func facilityFixings(at evaluation: Evaluation, cutoff: Double, forced: Set<Int>, banned: Set<Int>) -> (closed: [Int], open: [Int]) {
        var closed: [Int] = [], open: [Int] = []
        for j in allowed where !forced.contains(j) && !banned.contains(j) && !required.contains(j) {
            if evaluation.open[j] > 0.5 {
                let without = evaluation.base + coverChoice(evaluation.rho, forced: forced, banned: banned.union([j])).value
                if without > cutoff { open.append(j) }
            } else {
                let with = evaluation.base + coverChoice(evaluation.rho, forced: forced.union([j]), banned: banned).value
                if with > cutoff { closed.append(j) }
            }
        }
        return (closed, open)
    }

    /// Pairs (point, facility) that no solution cheaper than `cutoff` uses among those of the
    /// facilities neither banned nor closed, by the bound at `evaluation` (made with the same
    /// `forced` and `banned`): facility j open with customer i in its knapsack, the rest of its
    /// capacity chosen best, and the cover re-chosen with j open.
    ///
    /// - Complexity: O(m·(m·R) + Σ_j |pairs_j|) (exact knapsacks).
    func pairFixings(at evaluation: Evaluation, cutoff: Double, forced: Set<Int>, banned: Set<Int>, restriction: Restriction? = nil) -> [(point: Int, facility: Int)] {
        var out: [(point: Int, facility: Int)] = []
        let m = problem.facilityCount
        var forced = forced
        if let restriction { for j in restriction.assigned.values { forced.insert(j) } }
        for j in allowed where !banned.contains(j) {
            guard let k = evaluation.knapsacks.indices.contains(j) ? evaluation.knapsacks[j] : nil, evaluation.rho[j].isFinite else { continue }
            let withJ = evaluation.open[j] > 0.5 ? evaluation.bound
                : evaluation.base + coverChoice(evaluation.rho, forced: forced.union([j]), banned: banned).value
            if withJ > cutoff { continue }  // the facility itself is fixed closed elsewhere
            let capacity = evaluation.capacityLeft.isEmpty ? problem.facilities[j].capacity ?? .infinity : evaluation.capacityLeft[j]
            let assignedPart = evaluation.assignedPart.isEmpty ? 0 : evaluation.assignedPart[j]
            for pair in pairs[j] {
                if let restriction, restriction.assigned[pair.point] != nil || restriction.removed.contains(pair.point * m + j) { continue }
                let d = problem.demand[pair.point]
                let forcedRho = problem.facilities[j].fixedCost + assignedPart + (pair.cost - evaluation.lambda[pair.point]) + k.value(capacity: capacity - d)
                if withJ + (forcedRho - evaluation.rho[j]) > cutoff { out.append((pair.point, j)) }
            }
        }
        return out
    }

    /// min Σ ρ_j·y_j over the allowed facilities with Σ s_j·y_j ≥ D, required ones open.
    private func coverChoice(_ rho: [Double], forced: Set<Int>, banned: Set<Int>) -> (value: Double, take: [Double]) {
        let costs = allowed.map { rho[$0] }
        let sizes = allowed.map { problem.facilities[$0].capacity ?? 0 }
        var forcedPositions = Set<Int>(), bannedPositions = Set<Int>()
        for (k, j) in allowed.enumerated() {
            if forced.contains(j) || required.contains(j) { forcedPositions.insert(k) }
            if banned.contains(j) { bannedPositions.insert(k) }
        }
        let result = Knapsack.cover(costs: costs, sizes: sizes, need: totalDemand, forced: forcedPositions, banned: bannedPositions)
        var take = [Double](repeating: 0, count: problem.facilityCount)
        for (k, j) in allowed.enumerated() { take[j] = result.take[k] }
        return (result.value, take)
    }

    /// What the bound at `evaluation` proves: facilities that no solution cheaper than `cutoff`
    /// opens (`closed`) or closes (`open`), and pairs (point, facility) no such solution uses.
    /// Nothing in `keepOpen`/`keepPairs` (the incumbent's facilities and pairs, keyed i·m + j) is fixed.
    /// Stops at the next facility once `expired` (the solve's time limit): what is fixed so far holds.
    ///
    /// - Complexity: O(m·(m·R) + n·m) (exact knapsacks).
    func fixings(at evaluation: Evaluation, cutoff: Double, keepOpen: Set<Int>, keepPairs: Set<Int>,
                 expired: () -> Bool = { false })
        -> (closed: Set<Int>, open: Set<Int>, pairs: Set<Int>) {
        var closed = Set<Int>(), open = Set<Int>(), banned = Set<Int>()
        let m = problem.facilityCount
        for j in allowed {
            // Each fixing is valid on its own: stopping early only fixes fewer.
            if expired() { break }
            let withJ = evaluation.base + coverChoice(evaluation.rho, forced: [j], banned: []).value
            if withJ > cutoff {
                if !keepOpen.contains(j) { closed.insert(j) }
                continue
            }
            if !required.contains(j) {
                let withoutJ = evaluation.base + coverChoice(evaluation.rho, forced: [], banned: [j]).value
                if withoutJ > cutoff { open.insert(j) }
            }
            // A pair: j open with i in its knapsack, the rest of the capacity chosen best.
            guard let k = evaluation.knapsacks[j] else { continue }
            let capacity = problem.facilities[j].capacity ?? .infinity
            for pair in pairs[j] {
                let key = pair.point * m + j
                if keepPairs.contains(key) { continue }
                let d = problem.demand[pair.point]
                let forcedRho = problem.facilities[j].fixedCost + (pair.cost - evaluation.lambda[pair.point]) + k.value(capacity: capacity - d)
                if withJ + (forcedRho - evaluation.rho[j]) > cutoff { banned.insert(key) }
            }
        }
        return (closed, open, banned)
    }

    /// Lagrangian cuts at `evaluation` (the cover row only when `coverRow`): for each facility j in the model,
    /// Σ_i (λ_i − c_ij)⁺·x_ij ≤ (f_j − ρ_j)·y_j. Valid for every single-source solution: the
    /// customers an open facility serves fit in its capacity, so their values c_ij − λ_i sum to
    /// at least the knapsack minimum ρ_j − f_j (a lower bound when the knapsack was relaxed),
    /// and dropping the customers of value ≥ 0 only raises that sum. With these rows the LP
    /// bound is at least Σ λ_i + the LP of the cover over ρ.
    ///
    /// - Complexity: O(Σ_j k_j), k_j facility j's customers in the model.
    func cuts(at evaluation: Evaluation, y: [Variable?], columns: [[(point: Int, variable: Variable)]], coverRow: Bool = true) -> [LinearConstraint] {
        var rows: [LinearConstraint] = []
        for j in allowed {
            guard let yj = y[j], evaluation.rho[j].isFinite else { continue }
            var row = LinearExpression()
            var terms = 0
            for (i, v) in columns[j] {
                let a = evaluation.lambda[i] - problem.cost(i, j)
                if a > 1e-9 { row.add(a, v); terms += 1 }
            }
            let rhs = problem.facilities[j].fixedCost - evaluation.rho[j]
            guard terms > 0, rhs.isFinite else { continue }
            row.add(-rhs, yj)
            rows.append(row <= 0)
        }
        // Every feasible open set covers the demand, so Σ_j ρ_j·y_j is at least the cover's
        // minimum (L(λ) − Σ λ_i): with the rows above, the LP bound reaches L(λ).
        guard coverRow else { return rows }
        var coverRow = LinearExpression()
        for j in allowed {
            guard let yj = y[j], evaluation.rho[j].isFinite else { continue }
            coverRow.add(evaluation.rho[j], yj)
        }
        let least = evaluation.bound - evaluation.base
        if least.isFinite { rows.append(coverRow >= least) }
        return rows
    }
}
