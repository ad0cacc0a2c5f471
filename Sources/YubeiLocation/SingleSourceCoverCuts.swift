import YubeiOptimization

/// Extended cover inequalities on the capacity rows Σ_i d_i·x_ij ≤ s_j·y_j of the single-source
/// model, separated at branch-and-bound nodes.
///
/// A cover C of facility j is a set of its customers whose demands exceed s_j; no single
/// source serves them all, so Σ_{i∈C} x_ij ≤ (|C| − 1)·y_j, and the customers at least as
/// large as C's largest may join the left side (the extended cover). With y_j = 0 the link
/// rows already force every x_ij to 0, so the rows are valid for every integer solution.
struct SingleSourceCoverCuts {
    let problem: LocationProblem
    /// y_j's variable by facility (`nil`: not in the model).
    let y: [Variable?]
    /// For each facility, its customers in the model and their x variables.
    let columns: [[(point: Int, variable: Variable)]]
    /// Least violation for a row to be returned.
    var minimumViolation = 0.02

    /// Violated extended covers of the LP point `values`, at most one per facility.
    ///
    /// - Complexity: O(Σ_j k_j·log k_j), k_j facility j's customers of positive value.
    func separate(_ values: [Double]) -> [LinearConstraint] {
        var rows: [LinearConstraint] = []
        for (j, yIndex) in y.enumerated() {
            guard let yVariable = yIndex, let capacity = problem.facilities[j].capacity else { continue }
            let yValue = values[yVariable.index]
            guard yValue > 1e-6 else { continue }
            let support = columns[j].filter { values[$0.variable.index] > 1e-6 && problem.demand[$0.point] > 0 }
            let supportDemand = support.reduce(0.0) { $0 + problem.demand[$1.point] }
            guard supportDemand > capacity + 1e-9 else { continue }
            // Greedy cover: customers nearest 1 per unit of demand first.
            let order = support.sorted { a, b in
                let ra = (1 - values[a.variable.index] / yValue) / problem.demand[a.point]
                let rb = (1 - values[b.variable.index] / yValue) / problem.demand[b.point]
                return ra < rb
            }
            var cover: [(point: Int, variable: Variable)] = []
            var weight = 0.0
            for item in order {
                cover.append(item)
                weight += problem.demand[item.point]
                if weight > capacity + 1e-9 { break }
            }
            guard weight > capacity + 1e-9 else { continue }
            // Make it minimal: drop members (least x first) while it stays a cover.
            for item in cover.sorted(by: { values[$0.variable.index] < values[$1.variable.index] }) where weight - problem.demand[item.point] > capacity + 1e-9 {
                weight -= problem.demand[item.point]
                cover.removeAll { $0.variable == item.variable }
            }
            let largest = cover.map { problem.demand[$0.point] }.max() ?? 0
            let members = Set(cover.map(\.variable))
            var expression = LinearExpression()
            var lhs = 0.0
            for item in columns[j] where members.contains(item.variable) || problem.demand[item.point] >= largest {
                expression.add(1, item.variable)
                lhs += values[item.variable.index]
            }
            let k = Double(cover.count - 1)
            guard lhs - k * yValue > minimumViolation else { continue }
            expression.add(-k, yVariable)
            rows.append(expression <= 0)
        }
        return rows
    }
}
