/// The Lagrangian dual of the large splittable CFLP (capa, capb, capc), searched by
/// subgradient optimisation before any LP is solved.
///
/// With the assignment rows relaxed (multipliers λ_i), facility j open contributes
/// ρ_j = f_j + min Σ_i (c_ij − λ_i)·x_ij over Σ_i d_i·x_ij ≤ s_j, 0 ≤ x_ij ≤ u_ij (a continuous
/// knapsack: best ratio first), and at least ⌈D / largest capacity⌉ facilities open, the
/// cheapest ρ first (the bound of ``CapacitatedRowGeneration/lagrangianFixing(lambda:incumbent:)``).
/// The dual's optimum is the strong LP bound with that cardinality row; the subgradient search
/// comes near it in a fraction of the LP's time, and its multipliers serve the fixing.
extension CapacitatedRowGeneration {
    /// One evaluation: the bound, the facilities the relaxation opens, each ρ_j, and the subgradient.
    struct DualPoint: LagrangianEvaluation {
        var bound: Double
        var open: [Int]
        var rho: [Double]
        var subgradient: [Double]
    }

    /// L(λ) and a subgradient.
    ///
    /// - Complexity: O(m·k·log k), k the points with c_ij < λ_i at facility j.
    func dualPoint(_ lambda: [Double]) -> DualPoint {
        let n = problem.pointCount, m = problem.facilityCount
        let allowed = problem.allowedFacilities
        var rho = [Double](repeating: .infinity, count: m)
        var shares = [[(point: Int, share: Double)]](repeating: [], count: m)
        var items: [(ratio: Double, point: Int, reduced: Double, upper: Double, weight: Double)] = []
        for j in allowed {
            items.removeAll(keepingCapacity: true)
            var total = problem.facilities[j].fixedCost
            for i in 0..<n {
                let c = problem.cost(i, j)
                guard c.isFinite else { continue }
                let r = c - lambda[i]
                guard r < 0 else { continue }
                let d = problem.demand[i]
                let u = min(1, (problem.facilities[j].capacity ?? .infinity) / max(d, 1e-300))
                if d <= 0 { total += r; shares[j].append((i, 1)); continue }
                items.append((r / d, i, r, u, d * u))
            }
            items.sort { $0.ratio < $1.ratio }
            var left = problem.facilities[j].capacity ?? .infinity
            for item in items where left > 0 {
                let take = min(1, left / item.weight)
                total += item.reduced * item.upper * take
                left -= item.weight * take
                shares[j].append((item.point, item.upper * take))
            }
            rho[j] = total
        }
        let demandTotal = problem.demand.reduce(0, +)
        let largest = allowed.map { problem.facilities[$0].capacity ?? 0 }.max() ?? 0
        let least = largest > 0 ? max(0, Int((demandTotal / largest * (1 - 1e-12)).rounded(.up))) : 0
        var open: [Int] = []
        var rest: [Int] = []
        for j in allowed {
            if problem.facilities[j].status == .required || rho[j] < 0 { open.append(j) } else { rest.append(j) }
        }
        if open.count < least {
            rest.sort { rho[$0] < rho[$1] }
            open.append(contentsOf: rest.prefix(least - open.count))
        }
        var bound = lambda.reduce(0, +)
        var g = [Double](repeating: 1, count: n)
        for j in open {
            bound += rho[j]
            for s in shares[j] { g[s.point] -= s.share }
        }
        return DualPoint(bound: bound, open: open, rho: rho, subgradient: g)
    }

    /// The subgradient search's first multipliers: λ_i the cheapest cost of serving point i
    /// from a fully loaded facility (c_ij + f_j·d_i / s_j over the allowed facilities).
    ///
    /// - Complexity: O(n·m).
    static func loadedCostMultipliers(_ problem: LocationProblem) -> [Double] {
        let allowed = problem.allowedFacilities
        return (0..<problem.pointCount).map { i -> Double in
            let d = problem.demand[i]
            return allowed.map { j in
                problem.cost(i, j) + problem.facilities[j].fixedCost * d / max(problem.facilities[j].capacity ?? .infinity, 1e-300)
            }.filter(\.isFinite).min() ?? 0
        }
    }

    /// Subgradient optimisation of the dual from λ_i = the cheapest fully loaded cost of i,
    /// Polyak steps towards `target` (an incumbent's cost), the step halved after 20 rounds
    /// without progress; at most `iterations` rounds or until `expired`.
    ///
    /// - Returns: the best multipliers and their evaluation.
    /// `record`, when given, sees every evaluation (Σ λ_i and the point): each is a valid
    /// Benders cut of ``CapacitatedBenders``.
    func dualSearch(target: Double, iterations: Int, expired: () -> Bool,
                    record: ((Double, DualPoint) -> Void)? = nil) -> (lambda: [Double], point: DualPoint) {
        let lambda = Self.loadedCostMultipliers(problem)
        let first = dualPoint(lambda)
        record?(lambda.reduce(0, +), first)
        let ascent = SubgradientAscent(iterations: iterations, target: target, step: 2, patience: 20, smallestStep: 1e-5)
        return ascent.maximise(from: lambda, start: first, expired: expired) { lambda in
            let point = dualPoint(lambda)
            record?(lambda.reduce(0, +), point)
            return point
        }
    }
}
