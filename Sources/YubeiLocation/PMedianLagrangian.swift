/// Lagrangian relaxation of the p-median's assignment rows (Beasley 1993): with a radius r_i
/// per weighted point (multiplier λ_i = w_i·r_i of Σ_j x_ij = 1),
///
///     L(r) = Σ_i w_i·r_i + min { Σ_{j ∈ S} ρ_j : |S| = p, S ⊇ required, S ∩ closed = ∅ },
///     ρ_j = Σ_i w_i·min(0, c_ij − r_i),
///
/// is a lower bound on every solution for any r (the subproblem is solved exactly by taking
/// the p smallest ρ), and its maximum over r is the bound of the LP relaxation. Subgradient
/// steps bring r near that maximum in O(Σ_i k_i) per step, k_i the facilities nearer than r_i.
///
/// Two uses, both valid for whatever r the steps reach:
/// - fixing: a facility j outside the chosen S costs L + ρ_j − ρ_last when forced open, one
///   inside costs L − ρ_j + ρ_next when forced closed; above the cutoff, the facility is fixed
///   (closed or open) for every solution better than the incumbent;
/// - seeding: the radius cuts of ``PMedianCuts`` at the distances around r_i are the ones the
///   LP optimum holds tight, so the master starts near its optimum instead of at the incumbent.
struct PMedianLagrangian {
    let family: PMedianCuts
    let demand: [Double]
    /// Σ w_i·c_i over weighted points with a single allowed facility (their cost in every solution).
    let constant: Double
    let allowed: [Int]
    let required: [Int]
    let facilityCount: Int
    let p: Int

    /// One evaluation of L at a radius vector.
    struct Evaluation {
        /// L(r): a lower bound on every solution (that avoids the closed facilities).
        var bound: Double
        /// The radius r_i by point (meaningful for ``PMedianCuts/weighted`` points).
        var radius: [Double]
        /// ρ_j by facility (0 for facilities no point prefers at r).
        var rho: [Double]
        /// The facilities of the subproblem's optimum S (required ones first).
        var chosen: [Int]
        /// The free facilities (neither required nor closed) by ascending ρ.
        var freeByRho: [Int]
    }

    init(problem: LocationProblem, family: PMedianCuts, p: Int) {
        self.family = family
        demand = problem.demand
        var constant = 0.0
        for i in 0..<problem.pointCount where problem.demand[i] > 0 && family.sorted[i].costs.count == 1 {
            constant += problem.demand[i] * family.sorted[i].costs[0]
        }
        self.constant = constant
        allowed = problem.allowedFacilities
        required = problem.requiredFacilities
        facilityCount = problem.facilityCount
        self.p = p
    }

    /// L at `radius`, with the facilities where `closed` is true left out of S; `nil` when fewer
    /// than p facilities remain.
    ///
    /// - Complexity: O(Σ_i k_i + m·log m), k_i the facilities of point i nearer than r_i.
    func evaluate(_ radius: [Double], closed: [Bool]) -> Evaluation? {
        var rho = [Double](repeating: 0, count: facilityCount)
        var bound = constant
        for i in family.weighted {
            let w = demand[i], r = radius[i]
            bound += w * r
            let s = family.sorted[i]
            var k = 0
            while k < s.costs.count && s.costs[k] < r {
                rho[s.facilities[k]] += w * (s.costs[k] - r)
                k += 1
            }
        }
        let requiredSet = Set(required)
        let free = allowed.filter { !closed[$0] && !requiredSet.contains($0) }
        let needed = p - required.count
        guard needed >= 0, needed <= free.count else { return nil }
        let freeByRho = free.sorted { rho[$0] < rho[$1] || (rho[$0] == rho[$1] && $0 < $1) }
        let chosen = required + freeByRho.prefix(needed)
        for j in chosen { bound += rho[j] }
        return Evaluation(bound: bound, radius: radius, rho: rho, chosen: chosen, freeByRho: freeByRho)
    }

    /// Subgradient ascent from `start` (radii by point), steps f·(upper − L)/‖g‖² with f halved
    /// after 20 steps without a better bound; stops at `iterations`, when f is tiny, or once
    /// the bound passes `stopAbove`. Returns the best evaluation.
    ///
    /// - Complexity: O(iterations · (Σ_i k_i + m·log m)).
    func ascend(from start: [Double], closed: [Bool], upper: Double, stopAbove: Double, iterations: Int = 300) -> Evaluation? {
        guard var current = evaluate(start, closed: closed) else { return nil }
        var best = current
        var f = 2.0, sinceBetter = 0
        var radius = start
        var inChosen = [Bool](repeating: false, count: facilityCount)
        for _ in 0..<iterations {
            if best.bound > stopAbove || f < 1e-4 { break }
            for j in current.chosen { inChosen[j] = true }
            // g_i = 1 − #{j ∈ S : c_ij < r_i}.
            var g = [Double](repeating: 0, count: radius.count)
            var norm = 0.0
            for i in family.weighted {
                let s = family.sorted[i]
                var served = 0.0, k = 0
                while k < s.costs.count && s.costs[k] < radius[i] {
                    if inChosen[s.facilities[k]] { served += 1 }
                    k += 1
                }
                g[i] = 1 - served
                norm += g[i] * g[i]
            }
            for j in current.chosen { inChosen[j] = false }
            if norm == 0 { break }  // S serves every point exactly once at r: L(r) is the optimum
            let gap = max(upper - current.bound, 1e-6 * max(1, abs(upper)))
            let t = f * gap / norm
            for i in family.weighted {
                let s = family.sorted[i]
                let r = radius[i] + t * g[i] / demand[i]
                radius[i] = min(max(r, s.costs[0]), s.costs[s.costs.count - 1])
            }
            guard let next = evaluate(radius, closed: closed) else { return best }
            current = next
            if current.bound > best.bound + 1e-9 * max(1, abs(best.bound)) {
                best = current
                sinceBetter = 0
            } else {
                sinceBetter += 1
                if sinceBetter >= 20 { f /= 2; sinceBetter = 0 }
            }
        }
        return best
    }

    /// The facilities the evaluation fixes against `threshold` (no solution better than the
    /// incumbent costs more): forced open, a free j outside S costs at least
    /// L + ρ_j − ρ_last; forced closed, a free j inside S costs at least L − ρ_j + ρ_next.
    /// Facilities of `keepOpen` (the incumbent) are never closed, others never fixed open.
    ///
    /// - Complexity: O(m).
    func fixings(_ e: Evaluation, threshold: Double, keepOpen: Set<Int>) -> (closed: [Int], open: [Int]) {
        let needed = p - required.count
        guard needed > 0, needed < e.freeByRho.count else { return ([], []) }
        let last = e.rho[e.freeByRho[needed - 1]], next = e.rho[e.freeByRho[needed]]
        var closed: [Int] = [], open: [Int] = []
        for (position, j) in e.freeByRho.enumerated() {
            if position < needed {
                if e.bound - e.rho[j] + next > threshold && keepOpen.contains(j) { open.append(j) }
            } else if e.bound + e.rho[j] - last > threshold && !keepOpen.contains(j) {
                closed.append(j)
            }
        }
        return (closed, open)
    }
}
