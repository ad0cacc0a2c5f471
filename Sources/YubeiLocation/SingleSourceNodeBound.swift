import YubeiOptimization

/// Lagrangian bounds at the branch-and-bound nodes of the single-source MIP.
///
/// The root's Lagrangian bound leaves a gap of up to 2 % on tight instances (Holmberg's p30:
/// ten of thirty facilities of equal capacity hold 99 % of the demand; the bound of the
/// relaxation is 11 121.8 where the optimum is 11 331, checked by column generation), while
/// the same relaxation with the open set fixed is within 0.1 %. At each node GLPK reports
/// (its number and column bounds), the relaxation is restricted to the node: facilities at
/// lower bound 1 forced open, at upper bound 0 banned, customers with x_ij at 1 assigned,
/// pairs with x_ij at 0 (or left out of the model) removed; it is re-optimised by a few
/// subgradient steps from the parent's multipliers, and rows are added to the node (GLPK
/// keeps them for the node's subtree, where the same restriction holds):
///
/// - when no customer is assigned, each facility's knapsack row
///   Σ_i (λ_i − c_ij)⁺·x_ij ≤ (f_j − ρ_j)·y_j and the cover row Σ_j ρ_j·y_j ≥ the node's cover
///   minimum, which lift the node LP's bound to the node's Lagrangian bound, and y_j ≤ 0
///   (y_j ≥ 1) for each free facility whose opening (closing) lifts the bound above the cut-off;
/// - Σ x_ij ≤ 0 over the pairs whose use lifts the bound above the cut-off;
/// - when the node's bound itself exceeds the cut-off, an infeasible row y ≤ −1 that prunes it.
///
/// A node LP that opens a whole set S while the node leaves facilities free is checked too
/// (``openSetRows(_:)``). Each open set the relaxation chooses is completed by the heuristic;
/// solutions better than the incumbent are kept in ``best`` for GLPK's next heuristic call
/// and the final answer. Every row only removes solutions no better than the incumbent.
final class SingleSourceNodeBound {
    let lagrangian: SingleSourceLagrangian
    let heuristic: SingleSourceHeuristic
    let y: [Variable?]
    let columns: [[(point: Int, variable: Variable)]]
    /// The value below which a solution must lie to beat an incumbent of the given cost.
    let cutoff: (Double) -> Double
    /// Cost of the best solution known (the start's, the node heuristics').
    var incumbentCost: Double
    /// The best solution found by the node work, when it beats the start.
    var best: SingleSourceHeuristic.Assignment?
    /// Subgradient steps per node.
    var iterations = 40
    /// Initial step factor (Polyak's rule) at a node.
    var initialStep = 0.5
    /// Statistics for the log.
    private(set) var nodes = 0, pruned = 0, fixedFacilities = 0, openSetsEvaluated = 0, openSetsCut = 0, openSetRowsAdded = 0, fixedPairs = 0

    /// Subgradient steps at a node whose parent was evaluated.
    var childIterations = 15
    /// The best multipliers of each node evaluated, by GLPK's node number.
    private var lambdaByNode: [Int: [Double]] = [:]
    private var evaluatedNodes = Set<Int>()
    /// Pairs (i·m + j) of the facilities in the model left out of it (fixed by the root bound).
    private let outsideModel: Set<Int>
    private var m: Int { lagrangian.problem.facilityCount }
    private var tried = Set<[Bool]>()
    /// Lagrangian relaxations of exact open sets (all facilities fixed), by fixings.
    private var openSets: [[Int8]: SingleSourceLagrangian.Evaluation] = [:]
    private let rootLambda: [Double]
    /// x_ij by facility j and point i.
    private let columnOf: [[Int: Variable]]

    init(lagrangian: SingleSourceLagrangian, heuristic: SingleSourceHeuristic, y: [Variable?],
         columns: [[(point: Int, variable: Variable)]], root: SingleSourceLagrangian.Evaluation,
         incumbentCost: Double, cutoff: @escaping (Double) -> Double) {
        self.lagrangian = lagrangian
        self.heuristic = heuristic
        self.y = y
        self.columns = columns
        self.incumbentCost = incumbentCost
        self.cutoff = cutoff
        rootLambda = root.lambda
        var outside = Set<Int>()
        let m = lagrangian.problem.facilityCount
        for j in lagrangian.allowed where y[j] != nil {
            let inModel = Set(columns[j].map(\.point))
            for pair in lagrangian.pairs[j] where !inModel.contains(pair.point) { outside.insert(pair.point * m + j) }
        }
        outsideModel = outside
        columnOf = columns.map { list in Dictionary(list.map { ($0.point, $0.variable) }, uniquingKeysWith: { a, _ in a }) }
    }

    /// The node's fixings: +1 open, −1 closed (or not in the model), 0 free.
    private func key(_ request: LazyConstraintRequest) -> [Int8] {
        y.map { v -> Int8 in
            guard let v else { return -1 }
            if request.lowerBounds[v.index] > 0.5 { return 1 }
            if request.upperBounds[v.index] < 0.5 { return -1 }
            return 0
        }
    }

    /// Rows for the node of `request`, or `nil` when the node was evaluated before (the rows
    /// made then are in force in its subtree) or the request carries no bounds.
    ///
    /// The node's customers fixed to a facility (x_ij at 1) and pairs fixed out (x_ij at 0)
    /// restrict the relaxation too; its knapsack and cover rows are added only while no
    /// customer is fixed to a facility (their derivation takes every customer of negative
    /// value as free to drop), its pruning and fixing rows always.
    ///
    /// - Complexity: O(iterations · one Lagrangian evaluation + m² cover knapsacks).
    func rows(_ request: LazyConstraintRequest) -> [LinearConstraint]? {
        guard request.lowerBounds.count == request.values.count, request.upperBounds.count == request.values.count else { return nil }
        // GLPK reuses the numbers of deleted nodes: a node is its number and its bounds.
        var hasher = Hasher()
        hasher.combine(request.node)
        hasher.combine(request.lowerBounds)
        hasher.combine(request.upperBounds)
        guard evaluatedNodes.insert(hasher.finalize()).inserted else { return nil }
        nodes += 1
        let key = key(request)
        var forced = Set<Int>(), banned = Set<Int>()
        for (j, k) in key.enumerated() {
            if k > 0 { forced.insert(j) } else if k < 0 { banned.insert(j) }
        }
        var restriction = SingleSourceLagrangian.Restriction(removed: outsideModel, assigned: [:])
        for (j, list) in columns.enumerated() where !banned.contains(j) {
            for (i, v) in list {
                if request.upperBounds[v.index] < 0.5 { restriction.removed.insert(i * m + j) }
                else if request.lowerBounds[v.index] > 0.5 { restriction.assigned[i] = j; forced.insert(j) }
            }
        }
        // Start from the parent's multipliers (fewer steps), else the root's.
        let parent = lambdaByNode[request.parentNode]
        let bestEvaluation = optimise(from: parent ?? rootLambda, forced: forced, banned: banned, restriction: restriction,
                                      iterations: parent == nil ? iterations : childIterations)
        lambdaByNode[request.node] = bestEvaluation.lambda
        // The heuristic on the node's open set.
        if restriction.assigned.isEmpty, bestEvaluation.bound.isFinite, tried.insert(bestEvaluation.open.map { $0 > 0.5 }).inserted,
           let a = heuristic.fromLagrangian(bestEvaluation), a.cost < incumbentCost - 1e-9 {
            best = a
            incumbentCost = a.cost
        }
        let limit = cutoff(incumbentCost)
        if bestEvaluation.bound > limit {
            // No solution of the subtree beats the incumbent.
            pruned += 1
            guard let any = y.compactMap({ $0 }).first else { return [] }
            return [LinearExpression(any) <= -1]
        }
        var rows: [LinearConstraint] = []
        if restriction.assigned.isEmpty {
            rows = lagrangian.cuts(at: bestEvaluation, y: y, columns: columns)
            let fixings = lagrangian.facilityFixings(at: bestEvaluation, cutoff: limit, forced: forced, banned: banned)
            for j in fixings.closed { if let v = y[j] { rows.append(LinearExpression(v) <= 0) } }
            for j in fixings.open { if let v = y[j] { rows.append(LinearExpression(v) >= 1) } }
            fixedFacilities += fixings.closed.count + fixings.open.count
        }
        // Pairs no better solution of the subtree uses, in one row Σ x_ij ≤ 0 (GLPK's node
        // preprocessing turns it into bounds).
        var out = LinearExpression()
        var count = 0
        for (i, j) in lagrangian.pairFixings(at: bestEvaluation, cutoff: limit, forced: forced, banned: banned, restriction: restriction) {
            guard let v = columnOf[j][i], request.upperBounds[v.index] > 0.5 else { continue }
            out.add(1, v)
            count += 1
        }
        if count > 0 { rows.append(out <= 0); fixedPairs += count }
        return rows
    }

    /// Subgradient steps from `lambda` on the relaxation with `forced` and `banned`; the best
    /// evaluation.
    private func optimise(from start: [Double], forced: Set<Int>, banned: Set<Int>, restriction: SingleSourceLagrangian.Restriction? = nil,
                          iterations: Int? = nil) -> SingleSourceLagrangian.Evaluation {
        var lambda = start
        var bestEvaluation = lagrangian.evaluate(lambda, forced: forced, banned: banned, restriction: restriction)
        var current = bestEvaluation
        var step = initialStep
        var stall = 0
        for _ in 0..<(iterations ?? self.iterations) {
            if bestEvaluation.bound > cutoff(incumbentCost) { break }
            let norm = current.subgradient.reduce(0) { $0 + $1 * $1 }
            if norm < 1e-12 || !current.bound.isFinite { break }
            let t = step * max(incumbentCost - current.bound, 1e-6 * max(1, abs(incumbentCost))) / norm
            for i in lambda.indices { lambda[i] += t * current.subgradient[i] }
            current = lagrangian.evaluate(lambda, forced: forced, banned: banned, restriction: restriction)
            if current.bound > bestEvaluation.bound + 1e-9 {
                bestEvaluation = current
                stall = 0
            } else {
                stall += 1
                if stall >= 5 { step /= 2; stall = 0 }
            }
        }
        return bestEvaluation
    }

    /// When the node's LP opens a whole set S of facilities (every y integral) that the node's
    /// fixings leave free to change: the Lagrangian bound of the solutions opening exactly S
    /// (the generalised assignment problem on S). Above the cut-off, the no-good row
    /// Σ_{j∈S free} (1 − y_j) + Σ_{j∉S free} y_j ≥ 1 (valid in the subtree for every solution
    /// better than the incumbent) sends the LP elsewhere, and branching on y goes on, instead of
    /// branching on x under an open set that cannot hold the optimum. `nil`: nothing to add.
    ///
    /// - Complexity: O(iterations · one Lagrangian evaluation over |S| facilities), once per set.
    func openSetRows(_ request: LazyConstraintRequest) -> [LinearConstraint]? {
        guard request.lowerBounds.count == request.values.count, request.upperBounds.count == request.values.count else { return nil }
        let key = key(request)
        var exact = key
        var free: [Int] = []
        for (j, v) in y.enumerated() {
            guard let v, key[j] == 0 else { continue }
            let value = request.values[v.index]
            guard abs(value - value.rounded()) <= 1e-6 else { return nil }
            exact[j] = value > 0.5 ? 1 : -1
            free.append(j)
        }
        guard !free.isEmpty else { return nil }
        let evaluation: SingleSourceLagrangian.Evaluation
        if let known = openSets[exact] {
            evaluation = known
        } else {
            var forced = Set<Int>(), banned = Set<Int>()
            for (j, k) in exact.enumerated() {
                if k > 0 { forced.insert(j) } else if k < 0 { banned.insert(j) }
            }
            var e = optimise(from: lambdaByNode[request.node] ?? rootLambda, forced: forced, banned: banned)
            openSetsEvaluated += 1
            if e.bound.isFinite, tried.insert(e.open.map { $0 > 0.5 }).inserted,
               let a = heuristic.fromLagrangian(e), a.cost < incumbentCost - 1e-9 {
                best = a
                incumbentCost = a.cost
            }
            e.knapsacks = []
            openSets[exact] = e
            evaluation = e
        }
        let bound = evaluation.bound
        if bound <= cutoff(incumbentCost) {
            // S may hold the optimum: its knapsack rows (valid everywhere) lift the LP bound at
            // S to S's Lagrangian bound; only the rows the LP point breaks (none when the
            // subtree has them already).
            let rows = lagrangian.cuts(at: evaluation, y: y, columns: columns, coverRow: false).filter { row in
                violation(row, request.values) > 1e-6
            }
            openSetRowsAdded += rows.count
            return rows
        }
        guard bound > cutoff(incumbentCost) else { return nil }
        openSetsCut += 1
        var row = LinearExpression()
        var ones = 0.0
        for j in free {
            guard let v = y[j] else { continue }
            if exact[j] > 0 { row.add(-1, v); ones += 1 } else { row.add(1, v) }
        }
        return [row >= 1 - ones]
    }

    /// How far `values` break `row` (≤ 0: met).
    private func violation(_ row: LinearConstraint, _ values: [Double]) -> Double {
        let lhs = row.expression.evaluated(at: values)
        var worst = -Double.infinity
        if let upper = row.upperBound { worst = max(worst, lhs - upper) }
        if let lower = row.lowerBound { worst = max(worst, lower - lhs) }
        return worst
    }
}
