internal import CGLPK

/// The one owner of a `glp_prob`: every `glp_*` call on a problem lives in this file.
///
/// Non-copyable and not `Sendable`: it is created, used and freed on one thread, inside one
/// synchronous call, because GLPK keeps its state per thread and aborts when a problem is
/// freed on another thread.
struct GLPKProblem: ~Copyable {
    let raw: OpaquePointer
    let columnCount: Int
    private(set) var rowCount: Int
    let integerColumns: [Int]

    /// Loads `model`, which must have passed ``Model/validate()`` and have integral integer bounds.
    ///
    /// - Parameters:
    ///   - names: column names (already valid for GLPK), or `nil` for none.
    ///   - rowNames: row names, or `nil` for none.
    ///   - constantColumn: when given and the objective has a nonzero constant, the constant is
    ///     written as the cost of an extra column of this name fixed at 1, instead of GLPK's
    ///     objective constant, which the CPLEX LP writer drops and MPS readers disagree on.
    init(_ model: Model, names: [String]? = nil, rowNames: [String]? = nil, constantColumn: String? = nil) {
        raw = glp_create_prob()
        columnCount = model.variables.count
        rowCount = model.constraints.count
        integerColumns = model.variables.indices.filter { model.variables[$0].kind.isInteger }
        glp_set_obj_dir(raw, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_add_cols(raw, Int32(columnCount))
        for (j, v) in model.variables.enumerated() {
            let col = Int32(j + 1)
            if v.kind.isInteger { glp_set_col_kind(raw, col, GLP_IV) }
            let (type, lb, ub) = Self.boundType(v.lowerBound, v.upperBound)
            glp_set_col_bnds(raw, col, type, lb, ub)
            if let names { glp_set_col_name(raw, col, names[j]) }
        }
        for (j, c) in model.objective.mergedTerms() {
            glp_set_obj_coef(raw, Int32(j + 1), c)
        }
        if let constantColumn, model.objective.constant != 0 {
            let col = glp_add_cols(raw, 1)
            glp_set_col_name(raw, col, constantColumn)
            glp_set_col_bnds(raw, col, GLP_FX, 1, 1)
            glp_set_obj_coef(raw, col, model.objective.constant)
        } else {
            glp_set_obj_coef(raw, 0, model.objective.constant)
        }
        if names != nil { glp_set_obj_name(raw, "obj") }
        if rowCount > 0 {
            glp_add_rows(raw, Int32(rowCount))
            var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
            let nonzeros = model.nonzeroCount
            ia.reserveCapacity(nonzeros + 1); ja.reserveCapacity(nonzeros + 1); ar.reserveCapacity(nonzeros + 1)
            for (i, row) in model.constraints.enumerated() {
                let r = Int32(i + 1)
                let (type, lb, ub) = Self.boundType(row.lowerBound, row.upperBound)
                glp_set_row_bnds(raw, r, type, lb, ub)
                if let rowNames { glp_set_row_name(raw, r, rowNames[i]) }
                for (j, c) in zip(row.indices, row.coefficients) {
                    ia.append(r); ja.append(Int32(j + 1)); ar.append(c)
                }
            }
            if ia.count > 1 { glp_load_matrix(raw, Int32(ia.count - 1), &ia, &ja, &ar) }
        }
    }

    deinit { glp_delete_prob(raw) }

    /// GLPK's bound type for a pair of optional bounds (infinite values count as absent).
    static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        let l = lower.flatMap { $0.isFinite ? $0 : nil }
        let u = upper.flatMap { $0.isFinite ? $0 : nil }
        switch (l, u) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case let (l?, nil): return (GLP_LO, l, 0)
        case let (nil, u?): return (GLP_UP, 0, u)
        case let (l?, u?): return (l == u ? GLP_FX : GLP_DB, l, u)
        }
    }

    // MARK: LP

    /// Runs the simplex method; returns GLPK's return code.
    ///
    /// - Parameter dual: start with the dual simplex method (switching to the primal one if it
    ///   fails), the right choice after rows were added to an optimal basis.
    func simplex(presolve: Bool, messageLevel: Int32, timeLimitMilliseconds: Int32?, dual: Bool = false) -> GLPKReturnCode {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = messageLevel
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        if dual { parm.meth = GLP_DUALP }
        if let ms = timeLimitMilliseconds { parm.tm_lim = ms }
        return GLPKReturnCode(rawValue: glp_simplex(raw, &parm))
    }

    var lpStatus: GLPKSolutionStatus { GLPKSolutionStatus(rawValue: glp_get_status(raw)) }
    var lpPrimalStatus: GLPKSolutionStatus { GLPKSolutionStatus(rawValue: glp_get_prim_stat(raw)) }
    var lpObjective: Double { glp_get_obj_val(raw) }
    var lpValues: [Double] { (0..<columnCount).map { glp_get_col_prim(raw, Int32($0 + 1)) } }
    var rowDuals: [Double] { (0..<rowCount).map { glp_get_row_dual(raw, Int32($0 + 1)) } }
    var reducedCosts: [Double] { (0..<columnCount).map { glp_get_col_dual(raw, Int32($0 + 1)) } }
    var iterationCount: Int { Int(glp_get_it_cnt(raw)) }

    // MARK: MIP

    /// Runs branch-and-bound from the optimal LP basis, with `context` as the callback's state.
    func branchAndBound(_ options: SolveOptions, timeLimitMilliseconds: Int32?, context: MIPCallbackContext) -> GLPKReturnCode {
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = options.verbosity.glpkMessageLevel
        parm.presolve = GLP_OFF  // the LP is solved already, and a heuristic solution needs the original columns
        parm.mip_gap = options.relativeGap
        parm.tol_obj = options.pruneTolerance
        if let ms = timeLimitMilliseconds { parm.tm_lim = ms }
        if options.cuts {
            let families = options.cutFamilies
            if families.contains(.gomory) { parm.gmi_cuts = GLP_ON }
            if families.contains(.mixedIntegerRounding) { parm.mir_cuts = GLP_ON }
            if families.contains(.cover) { parm.cov_cuts = GLP_ON }
            if families.contains(.clique) { parm.clq_cuts = GLP_ON }
        }
        parm.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        switch options.nodePreprocessing {
        case .everyNode: parm.pp_tech = GLP_PP_ALL
        case .rootOnly: parm.pp_tech = GLP_PP_ROOT
        case .none: parm.pp_tech = GLP_PP_NONE
        }
        switch options.branching {
        case .firstFractional: parm.br_tech = GLP_BR_FFV
        case .lastFractional: parm.br_tech = GLP_BR_LFV
        case .mostFractional: parm.br_tech = GLP_BR_MFV
        case .driebeckTomlin: parm.br_tech = GLP_BR_DTH
        case .pseudocost: parm.br_tech = GLP_BR_PCH
        }
        switch options.nodeSelection {
        case .depthFirst: parm.bt_tech = GLP_BT_DFS
        case .breadthFirst: parm.bt_tech = GLP_BT_BFS
        case .bestLocalBound: parm.bt_tech = GLP_BT_BLB
        case .bestProjection: parm.bt_tech = GLP_BT_BPH
        }
        if context.lazyConstraints != nil && !options.separatorReturnsOnlyCuts {
            // GLPK's rounding heuristic checks only the rows it has, so it would take integral
            // points that break implicit rows as incumbents.
            parm.sr_heur = GLP_OFF
        }
        parm.cb_func = mipCallback
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        parm.cb_info = unmanaged.toOpaque()
        return GLPKReturnCode(rawValue: glp_intopt(raw, &parm))
    }

    var mipStatus: GLPKSolutionStatus { GLPKSolutionStatus(rawValue: glp_mip_status(raw)) }
    var mipObjective: Double { glp_mip_obj_val(raw) }
    var mipValues: [Double] { (0..<columnCount).map { glp_mip_col_val(raw, Int32($0 + 1)) } }

    /// Fixes every integer column at its value in `values` and makes it continuous, so that
    /// the LP that remains gives duals for that integer plan; returns what
    /// ``restoreIntegers(_:)`` needs to undo it.
    func fixIntegers(at values: [Double]) -> [(type: Int32, lower: Double, upper: Double)] {
        var saved: [(type: Int32, lower: Double, upper: Double)] = []
        saved.reserveCapacity(integerColumns.count)
        for j in integerColumns {
            let col = Int32(j + 1)
            saved.append((glp_get_col_type(raw, col), glp_get_col_lb(raw, col), glp_get_col_ub(raw, col)))
            glp_set_col_kind(raw, col, GLP_CV)
            let v = values[j].rounded()
            glp_set_col_bnds(raw, col, GLP_FX, v, v)
        }
        return saved
    }

    /// Makes the integer columns integer again, with the bounds ``fixIntegers(at:)`` saved.
    func restoreIntegers(_ saved: [(type: Int32, lower: Double, upper: Double)]) {
        for (j, s) in zip(integerColumns, saved) {
            let col = Int32(j + 1)
            glp_set_col_kind(raw, col, GLP_IV)
            glp_set_col_bnds(raw, col, s.type, s.lower, s.upper)
        }
    }

    // MARK: Changes between solves

    /// Appends `row` (validated) as a new row of the problem; it enters the basis as basic, so
    /// an optimal basis stays a basis (dual feasible) for the next solve.
    mutating func addRow(_ row: ConstraintDefinition) {
        let r = glp_add_rows(raw, 1)
        rowCount += 1
        let (type, lb, ub) = Self.boundType(row.lowerBound, row.upperBound)
        glp_set_row_bnds(raw, r, type, lb, ub)
        var ind: [Int32] = [0] + row.indices.map { Int32($0 + 1) }
        var val: [Double] = [0] + row.coefficients
        glp_set_mat_row(raw, r, Int32(row.indices.count), &ind, &val)
    }

    /// Changes the bounds of column `j` (already rounded for an integer column).
    func setColumnBounds(_ j: Int, lower: Double?, upper: Double?) {
        let (type, lb, ub) = Self.boundType(lower, upper)
        glp_set_col_bnds(raw, Int32(j + 1), type, lb, ub)
    }

    /// Replaces the basis by GLPK's standard one (all rows basic).
    func useStandardBasis() { glp_std_basis(raw) }

    /// The statuses of the current basis.
    var basis: LPBasis {
        LPBasis(rows: (0..<rowCount).map { Self.status(glp_get_row_stat(raw, Int32($0 + 1))) },
                columns: (0..<columnCount).map { Self.status(glp_get_col_stat(raw, Int32($0 + 1))) })
    }

    /// Sets the statuses of `basis` when its sizes match the problem's; returns whether it did.
    /// GLPK replaces a status that does not fit a variable's bounds by one that does; a basis
    /// with the wrong number of basic variables makes the next simplex call report an invalid basis.
    func setBasis(_ basis: LPBasis) -> Bool {
        guard basis.rows.count == rowCount, basis.columns.count == columnCount else { return false }
        for (i, s) in basis.rows.enumerated() { glp_set_row_stat(raw, Int32(i + 1), Self.code(s)) }
        for (j, s) in basis.columns.enumerated() { glp_set_col_stat(raw, Int32(j + 1), Self.code(s)) }
        return true
    }

    private static func status(_ code: Int32) -> LPBasis.Status {
        switch code {
        case GLP_BS: .basic
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLower
        }
    }

    private static func code(_ status: LPBasis.Status) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }

    // MARK: Files

    func writeCPLEXLP(to path: String) -> Bool { glp_write_lp(raw, nil, path) == 0 }
    func writeFreeMPS(to path: String) -> Bool { glp_write_mps(raw, GLP_MPS_FILE, nil, path) == 0 }
}

@available(*, unavailable)
extension GLPKProblem: Sendable {}

/// State shared with GLPK's branch-and-bound callback; lives only for one `glp_intopt` call.
final class MIPCallbackContext {
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    let progress: (@Sendable (SolveProgress) -> Void)?
    let interval: Duration
    /// 1-based values for `glp_ios_heur_sol` (index 0 unused).
    var initialSolution: [Double]?
    /// Whether GLPK took the initial solution as an incumbent (it refuses one no better than its own).
    var initialSolutionAccepted: Bool?
    var lastReport: ContinuousClock.Instant
    var bestBound: Double?
    var nodes = 0
    /// Separates lazy rows at a node's optimal LP (see ``Model/solve(options:lazyConstraints:)``).
    var lazyConstraints: ((LazyConstraintRequest) -> [ConstraintDefinition])?
    var columnCount = 0
    var integerColumns: [Int] = []
    /// A primal heuristic at a node's optimal LP: a checked feasible solution (0-based) or `nil`.
    var heuristic: ((LazyConstraintRequest) -> [Double]?)?
    /// Rows the separator added during the search.
    var lazyRowsAdded = 0
    /// Columns (1-based) branched on first while fractional (``SolveOptions/branchFirst``).
    var branchFirst: [Int32] = []
    /// Whether requests carry the node's column bounds (``SolveOptions/separatorSeesBounds``).
    var separatorSeesBounds = false

    init(start: ContinuousClock.Instant, options: SolveOptions, incumbent: [Double]?) {
        self.start = start
        progress = options.progress
        interval = options.progressInterval
        lastReport = start
        if let x = incumbent { initialSolution = [0] + x }
    }
}

private func mipCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    let context = Unmanaged<MIPCallbackContext>.fromOpaque(info).takeUnretainedValue()
    let reason = glp_ios_reason(tree)
    var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
    glp_ios_tree_size(tree, &active, &current, &total)
    context.nodes = Int(total)
    let best = glp_ios_best_node(tree)
    if best != 0 {
        // A node not yet solved has the bound ∓DBL_MAX: no information.
        let bound = glp_ios_node_bound(tree, best)
        if abs(bound) < 1e300 { context.bestBound = bound }
    }
    if reason == GLP_IROWGEN, let separate = context.lazyConstraints {
        addLazyRows(tree, context, separate)
    }
    if reason == GLP_IBRANCH, !context.branchFirst.isEmpty, let prob = glp_ios_get_prob(tree) {
        // The preferred column nearest ½ among those GLPK may branch on.
        var pick: Int32 = 0, distance = Double.infinity
        for j in context.branchFirst where glp_ios_can_branch(tree, j) != 0 {
            let d = abs(glp_get_col_prim(prob, j) - 0.5)
            if d < distance { distance = d; pick = j }
        }
        if pick != 0 { glp_ios_branch_upon(tree, pick, GLP_NO_BRNCH) }
    }
    if reason == GLP_IHEUR, let x = context.initialSolution {
        context.initialSolution = nil  // offered once
        context.initialSolutionAccepted = x.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
    } else if reason == GLP_IHEUR, let heuristic = context.heuristic, let prob = glp_ios_get_prob(tree) {
        let values = (0..<context.columnCount).map { glp_get_col_prim(prob, Int32($0 + 1)) }
        let integral = context.integerColumns.allSatisfy { abs(values[$0] - values[$0].rounded()) <= 1e-6 }
        let node = glp_ios_curr_node(tree)
        let request = LazyConstraintRequest(values: values, isIntegral: integral, node: Int(node), depth: Int(glp_ios_node_level(tree, node)))
        if let x = heuristic(request) {
            _ = ([0] + x).withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
        }
    }
    guard let progress = context.progress, reason == GLP_ISELECT || reason == GLP_IBINGO else { return }
    let now = context.clock.now
    guard now - context.lastReport >= context.interval else { return }
    context.lastReport = now
    let prob = glp_ios_get_prob(tree)
    let hasIncumbent = glp_mip_status(prob) == GLP_FEAS || glp_mip_status(prob) == GLP_OPT
    let gap = glp_ios_mip_gap(tree)
    progress(SolveProgress(
        incumbent: hasIncumbent ? glp_mip_obj_val(prob) : nil,
        bestBound: context.bestBound,
        relativeGap: hasIncumbent && gap < 1e300 ? gap : nil,
        nodes: context.nodes,
        elapsed: now - context.start
    ))
}

/// Hands the current node's LP solution to the separator and adds the rows it returns to the
/// current subproblem (GLPK keeps them for the node's subtree and re-solves the node's LP).
private func addLazyRows(_ tree: OpaquePointer, _ context: MIPCallbackContext, _ separate: (LazyConstraintRequest) -> [ConstraintDefinition]) {
    guard let prob = glp_ios_get_prob(tree) else { return }
    let values = (0..<context.columnCount).map { glp_get_col_prim(prob, Int32($0 + 1)) }
    let integral = context.integerColumns.allSatisfy { Tolerance.isIntegral(values[$0]) }
    let node = glp_ios_curr_node(tree)
    var request = LazyConstraintRequest(values: values, isIntegral: integral, node: Int(node), depth: Int(glp_ios_node_level(tree, node)))
    if context.separatorSeesBounds {
        request.lowerBounds = (0..<context.columnCount).map { glp_get_col_lb(prob, Int32($0 + 1)) }
        request.upperBounds = (0..<context.columnCount).map { glp_get_col_ub(prob, Int32($0 + 1)) }
        request.parentNode = Int(glp_ios_up_node(tree, node))
    }
    for row in separate(request) {
        let r = glp_add_rows(prob, 1)
        let (type, lb, ub) = GLPKProblem.boundType(row.lowerBound, row.upperBound)
        glp_set_row_bnds(prob, r, type, lb, ub)
        var ind: [Int32] = [0] + row.indices.map { Int32($0 + 1) }
        var val: [Double] = [0] + row.coefficients
        glp_set_mat_row(prob, r, Int32(row.indices.count), &ind, &val)
        context.lazyRowsAdded += 1
    }
}
