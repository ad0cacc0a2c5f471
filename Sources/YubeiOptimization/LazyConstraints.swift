/// What the separator of ``Model/solve(options:lazyConstraints:)`` sees: the optimal LP
/// solution of one branch-and-bound node (or of one round of an LP's cutting-plane loop).
public struct LazyConstraintRequest {
    /// Value of every variable, by variable index.
    public var values: [Double]
    /// Whether every integer variable is integral (within 1e-6): the solution GLPK takes as
    /// its incumbent unless a returned row cuts it off.
    public var isIntegral: Bool
    /// GLPK's number of the node (1 at the root; 0 for an LP).
    public var node: Int
    /// Depth of the node in the tree (0 at the root).
    public var depth: Int
    /// Each variable's lower and upper bound in the node's subproblem (branching and GLPK's
    /// own fixing tighten them), by variable index; empty for an LP and unless
    /// ``SolveOptions/separatorSeesBounds``. Rows returned may rely on them: they hold in the
    /// node's whole subtree, where the rows are kept.
    public var lowerBounds: [Double] = []
    public var upperBounds: [Double] = []
    /// GLPK's number of the node's parent (0 at the root, for an LP, and unless
    /// ``SolveOptions/separatorSeesBounds``). GLPK reuses the numbers of deleted nodes.
    public var parentNode = 0
}

extension Model {
    /// Solves the model with rows generated on demand (lazy constraints, row generation): a
    /// model of many implicit rows (Benders optimality cuts, subtour eliminations) is solved in
    /// one branch-and-bound run instead of a MIP per round of cuts.
    ///
    /// After the LP of each node is optimal, GLPK calls `separate` with its solution (GLPK's
    /// `GLP_IROWGEN` callback); the rows it returns are added to that node's subproblem (kept
    /// for its whole subtree: rows added at the root are global) and the LP is solved again,
    /// until `separate` returns none. An integral solution becomes the incumbent only once
    /// `separate` returns no row for it, so `separate` must return a violated row for every
    /// integral solution that breaks an implicit row; at fractional nodes it may return rows
    /// (stronger bounds) or none. A model without integer variables is solved by the same
    /// loop on its LP, warm-started by the dual simplex method.
    ///
    /// `heuristic`, when given, is called at each node's optimal LP (GLPK's `GLP_IHEUR`) and may
    /// return a solution (by variable index); one that meets every bound, integrality condition
    /// and explicit row (checked here: GLPK would take it unchecked) is offered as an incumbent; like
    /// the initial solution, it must meet the implicit rows too.
    ///
    /// Rows that reference unknown variables or hold non-finite numbers are ignored. An
    /// ``SolveOptions/initialSolution`` is checked against the model's explicit rows only, so
    /// it must meet the implicit ones too. ``SolveResult/rowDuals`` cover the explicit rows.
    ///
    /// - Throws: ``ModelError`` as ``solve(options:)``.
    public func solve(
        options: SolveOptions = SolveOptions(),
        lazyConstraints separate: @escaping (LazyConstraintRequest) -> [LinearConstraint],
        heuristic: ((LazyConstraintRequest) -> [Double]?)? = nil
    ) throws(ModelError) -> SolveResult {
        let columns = variables.count
        let rows: (LazyConstraintRequest) -> [ConstraintDefinition] = { request in
            var scratch = Model()
            for constraint in separate(request) {
                let handle = scratch.addConstraint(constraint)
                let row = scratch.constraints[handle.index]
                let finite = row.coefficients.allSatisfy({ $0.isFinite && (try? Model.checkScale($0, "")) != nil })
                    && !(row.lowerBound?.isNaN ?? false) && !(row.upperBound?.isNaN ?? false)
                if !finite || row.indices.contains(where: { $0 < 0 || $0 >= columns }) { scratch.constraints.removeLast() }
            }
            return scratch.constraints
        }
        var result = try solveFramed(options: options, lazyConstraints: rows, heuristic: heuristic) { problem, clock, start in
            var result = problem.solveLP(options, clock: clock, start: start, sense: sense)
            var added = 0
            while result.termination == .optimal, let values = result.values {
                let new = rows(LazyConstraintRequest(values: values, isIntegral: true, node: 0, depth: 0))
                if new.isEmpty { break }
                for row in new { problem.addRow(row) }
                added += new.count
                result = problem.solveLP(options, clock: clock, start: start, sense: sense, warm: true)
            }
            result.lazyRowsAdded = added
            return result
        }
        // Rows the separator added are GLPK's, not the model's: duals cover the explicit rows.
        result.rowDuals = result.rowDuals.map { Array($0.prefix(constraints.count)) }
        return result
    }
}
