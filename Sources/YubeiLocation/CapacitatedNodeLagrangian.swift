import YubeiCore

/// The Lagrangian dual of the splittable CFLP restricted to a node of the Benders master of
/// ``CapacitatedBenders``: some facilities fixed open, some closed, the others free.
///
/// With the assignment rows Σ_j x_ij = 1 relaxed (multipliers λ_i), facility j open
/// contributes ρ_j = f_j + min Σ_i (c_ij − λ_i)·x_ij over Σ_i d_i·x_ij ≤ s_j,
/// 0 ≤ x_ij ≤ u_ij (a continuous knapsack, best ratio first). At a node the relaxation opens
/// every facility fixed open, every free one with ρ_j < 0, then the cheapest free ones until
/// at least ⌈D / largest capacity⌉ are open; L(λ) = Σ_i λ_i + Σ_{j open} ρ_j bounds every
/// solution of the node from below (+∞ when too few facilities are left). The same λ gives
/// the globally valid Benders cut θ ≥ Σ_i λ_i + Σ_j (ρ_j − f_j)·y_j, on which the master's LP
/// at the node is at least L(λ); so a node whose L(λ) exceeds the incumbent holds nothing
/// better, and a free facility whose forced opening (closing) lifts L above the incumbent can
/// be fixed closed (open) in the node's subtree.
///
/// The data are copied into flat arrays over the master's facilities only: one evaluation is
/// O(|facilities|·n) expected (the knapsacks by selection, not sorting).
struct CapacitatedNodeLagrangian {
    /// The master's facilities (problem indices); local index k is `facilities[k]`.
    let facilities: [Int]
    let n: Int
    private let costs: [Double]
    private let bounds: [Double]
    let demand: [Double]
    let capacity: [Double]
    let fixed: [Double]
    /// At least this many facilities are open in every solution (⌈D / largest capacity⌉).
    let least: Int

    /// Facility state at a node, by local index.
    enum State: Int8 { case closed = -1, free = 0, open = 1 }

    init(problem: LocationProblem, facilities: [Int]) {
        self.facilities = facilities
        n = problem.pointCount
        var costs = [Double](repeating: .infinity, count: facilities.count * n)
        var bounds = [Double](repeating: 0, count: facilities.count * n)
        for (k, j) in facilities.enumerated() {
            for i in 0..<n {
                costs[k * n + i] = problem.cost(i, j)
                bounds[k * n + i] = problem.shareBound(i, j)
            }
        }
        self.costs = costs
        self.bounds = bounds
        demand = problem.demand
        capacity = facilities.map { problem.facilities[$0].capacity ?? .infinity }
        fixed = facilities.map { problem.facilities[$0].fixedCost }
        let total = problem.demand.reduce(Double(0), +)
        let largest = problem.allowedFacilities.map { problem.facilities[$0].capacity ?? 0 }.max() ?? 0
        least = largest > 0 && largest.isFinite ? max(0, Int((total / largest * (1 - 1e-12)).rounded(.up))) : 0
    }

    /// One evaluation of L(λ) at a node.
    struct Evaluation: LagrangianEvaluation {
        /// L(λ); +∞ when the node cannot open enough facilities.
        var bound: Double
        /// ρ_j by local index (+∞ for closed facilities unless asked for all).
        var rho: [Double]
        /// The facilities the relaxation opens (local indices).
        var open: [Int]
        /// 1 − Σ_{j open} x_ij by point.
        var subgradient: [Double]
        var base: Double
    }

    /// L(λ) at the node `state`; ρ of closed facilities too when `allRho` (for the cut).
    func evaluate(_ lambda: [Double], state: [State], allRho: Bool = false) -> Evaluation {
        let m = facilities.count
        var rho = [Double](repeating: .infinity, count: m)
        var start = [Int](repeating: 0, count: m + 1)
        var takenPoint: [Int] = []
        var takenShare: [Double] = []
        takenPoint.reserveCapacity(4 * n)
        takenShare.reserveCapacity(4 * n)
        var items: [(ratio: Double, point: Int)] = []
        items.reserveCapacity(n)
        for k in 0..<m {
            start[k] = takenPoint.count
            guard state[k] != .closed || allRho else { continue }
            items.removeAll(keepingCapacity: true)
            var total = fixed[k]
            let row = k * n
            for i in 0..<n {
                let r = costs[row + i] - lambda[i]
                guard r < 0, bounds[row + i] > 0 else { continue }
                let d = demand[i]
                if d <= 0 {
                    total += r
                    takenPoint.append(i); takenShare.append(1)
                } else {
                    items.append((r / d, i))
                }
            }
            // The continuous knapsack, best ratio first: by selection around pivots (the
            // items taken whole need no order among themselves), O(k) expected instead of a sort.
            var left = capacity[k]
            func take(_ t: Int, _ fraction: Double) {
                let i = items[t].point
                let u = bounds[row + i]
                total += (costs[row + i] - lambda[i]) * u * fraction
                takenPoint.append(i); takenShare.append(u * fraction)
            }
            var lo = 0, hi = items.count
            while lo < hi && left > 0 {
                let a = items[lo].ratio, b = items[(lo + hi) / 2].ratio, c = items[hi - 1].ratio
                let pivot = max(min(a, b), min(max(a, b), c))
                // [lo, lt) below the pivot, [lt, gt) at it, [gt, hi) above.
                var lt = lo, t = lo, gt = hi
                while t < gt {
                    let r = items[t].ratio
                    if r < pivot { items.swapAt(lt, t); lt += 1; t += 1 }
                    else if r > pivot { gt -= 1; items.swapAt(t, gt) }
                    else { t += 1 }
                }
                var below = 0.0
                for t in lo..<lt { below += demand[items[t].point] * bounds[row + items[t].point] }
                if below > left { hi = lt; continue }
                for t in lo..<lt { take(t, 1) }
                left -= below
                for t in lt..<gt where left > 0 {
                    let w = demand[items[t].point] * bounds[row + items[t].point]
                    let fraction = min(1, left / w)
                    take(t, fraction)
                    left -= w * fraction
                }
                lo = gt
            }
            rho[k] = total
        }
        start[m] = takenPoint.count
        let open = choose(rho, state: state)
        let base = lambda.reduce(0, +)
        var g = [Double](repeating: 1, count: n)
        var bound = Double.infinity
        if let open {
            bound = base
            for k in open {
                bound += rho[k]
                for t in start[k]..<start[k + 1] { g[takenPoint[t]] -= takenShare[t] }
            }
        }
        return Evaluation(bound: bound, rho: rho, open: open ?? [], subgradient: g, base: base)
    }

    /// The relaxation's open set at `state` for these ρ: the open ones, the free ones with
    /// ρ < 0, then the cheapest free ones up to `least`; `nil` when too few are not closed.
    func choose(_ rho: [Double], state: [State]) -> [Int]? {
        var open: [Int] = []
        var rest: [Int] = []
        for k in 0..<facilities.count {
            switch state[k] {
            case .open: open.append(k)
            case .free: if rho[k] < 0 { open.append(k) } else { rest.append(k) }
            case .closed: break
            }
        }
        if open.count < least {
            if open.count + rest.count < least { return nil }
            rest.sort { rho[$0] < rho[$1] }
            open.append(contentsOf: rest.prefix(least - open.count))
        }
        return open
    }

    /// L at `state` for these ρ and Σ λ (`base`): +∞ when too few facilities are left.
    func value(_ rho: [Double], base: Double, state: [State]) -> Double {
        guard let open = choose(rho, state: state) else { return .infinity }
        return open.reduce(base) { $0 + rho[$1] }
    }

    /// Subgradient optimisation of the node's dual from `lambda`, Polyak steps towards
    /// `target` (the incumbent's cost) from `step`, halved after `patience` rounds without
    /// progress; stops after `iterations` rounds or once the bound exceeds `target`.
    ///
    /// `record`, when given, sees every evaluation; `expired` stops the search early.
    func search(from lambda: [Double], state: [State], target: Double, iterations: Int,
                step initial: Double = 1, patience: Int = 5, smallestStep: Double = 1e-4,
                expired: () -> Bool = { false }, record: ((Evaluation) -> Void)? = nil) -> (lambda: [Double], point: Evaluation) {
        let first = evaluate(lambda, state: state)
        record?(first)
        let ascent = SubgradientAscent(iterations: iterations, target: target, step: initial, patience: patience, smallestStep: smallestStep)
        return ascent.maximise(from: lambda, start: first, expired: expired) { lambda in
            let point = evaluate(lambda, state: state)
            record?(point)
            return point
        }
    }

    /// Free facilities (local indices) that `point` proves closed or open against `incumbent`:
    /// forcing one open (closed) at the node lifts L above the incumbent.
    ///
    /// - Complexity: O(m²·log m).
    func fixing(_ point: Evaluation, state: [State], incumbent: Double) -> (closed: [Int], open: [Int]) {
        let slack = 1e-7 * max(1, abs(incumbent))
        var closed: [Int] = [], open: [Int] = []
        var probe = state
        for k in 0..<facilities.count where state[k] == .free {
            probe[k] = .open
            if value(point.rho, base: point.base, state: probe) > incumbent + slack { closed.append(k) }
            else {
                probe[k] = .closed
                if value(point.rho, base: point.base, state: probe) > incumbent + slack { open.append(k) }
            }
            probe[k] = .free
        }
        return (closed, open)
    }
}
