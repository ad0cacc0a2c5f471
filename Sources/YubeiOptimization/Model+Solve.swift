extension Model {
    /// Solves the model with GLPK: the simplex method for an LP; for a MIP, the simplex method
    /// at the root and then branch-and-bound from its basis.
    ///
    /// The GLPK problem is created, solved and freed within this call, on the calling thread,
    /// so any number of models can be solved concurrently from different tasks.
    ///
    /// - Returns: why GLPK stopped and what it found. Infeasible, unbounded and limits are
    ///   results, not errors.
    /// - Throws: ``ModelError`` for a model GLPK must not see (checked before any GLPK call).
    public func solve(options: SolveOptions = SolveOptions()) throws(ModelError) -> SolveResult {
        try solveFramed(options: options) { problem, clock, start in
            problem.solveLP(options, clock: clock, start: start, sense: sense)
        }
    }

    /// The frame every solve shares: the checks made before any GLPK call, the checked MIP start,
    /// GLPK's terminal setting, branch-and-bound for a MIP (with `lazyConstraints` when given),
    /// `solveLP` for an LP, and the timing of the whole.
    func solveFramed(
        options: SolveOptions,
        lazyConstraints rows: ((LazyConstraintRequest) -> [ConstraintDefinition])? = nil,
        heuristic: ((LazyConstraintRequest) -> [Double]?)? = nil,
        solveLP: (inout GLPKProblem, ContinuousClock, ContinuousClock.Instant) -> SolveResult
    ) throws(ModelError) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        let model: Model
        switch try prepared(for: options) {
        case .ready(let ready): model = ready
        case .decided(var result):
            result.solveTime = clock.now - start
            return result
        }
        // GLPK's glp_ios_heur_sol checks neither bounds nor rows, so an infeasible start would
        // become the incumbent: only a start checked here is handed over.
        let incumbent = model.isMIP ? options.initialSolution.flatMap { model.feasibleStart($0) } : nil
        return withGLPKTerminal(options.verbosity) {
            var problem = GLPKProblem(model)
            var result: SolveResult
            if model.isMIP {
                // A node heuristic's solution is checked like the initial one before GLPK sees it.
                let columns = model.variables.count
                let checked: ((LazyConstraintRequest) -> [Double]?)? = heuristic.map { heuristic in
                    { request in
                        guard let x = heuristic(request), x.count == columns, x.allSatisfy(\.isFinite) else { return nil }
                        return model.feasibleStart(x)?.values
                    }
                }
                let warm = options.startingBasis.map { problem.setBasis($0) } ?? false
                result = problem.solveMIP(options, incumbent: incumbent, clock: clock, start: start, sense: sense, warm: warm, lazyConstraints: rows, heuristic: checked)
                if options.initialSolution != nil { result.initialSolutionAccepted = incumbent != nil }
            } else {
                result = solveLP(&problem, clock, start)
            }
            result.solveTime = clock.now - start
            return result
        }
    }

    /// What a solve has after the checks made before any GLPK call.
    enum Preparation {
        /// The model to load into GLPK, integer bounds rounded inwards.
        case ready(Model)
        /// The answer is known without GLPK (an integer variable with no integer value).
        case decided(SolveResult)
    }

    /// Checks the model and the options, and rounds integer bounds: what every solve does before
    /// GLPK sees anything.
    ///
    /// - Throws: ``ModelError`` for a model or options GLPK must not see.
    func prepared(for options: SolveOptions) throws(ModelError) -> Preparation {
        try validate()
        if let x = options.initialSolution {
            guard x.count == variables.count, x.allSatisfy(\.isFinite) else {
                throw ModelError(.invalidOption, "the initial solution must give a finite value for each of the \(variables.count) variables")
            }
        }
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else {
            throw ModelError(.invalidOption, "the relative gap must be a finite number ≥ 0")
        }
        var model = self
        if let empty = model.roundIntegerBounds() {
            return .decided(SolveResult(termination: .infeasible, detail: empty, sense: sense))
        }
        return .ready(model)
    }

    /// `values` with integer variables rounded, and its objective, when it meets every bound,
    /// integrality condition and row within ``Tolerance/integrality`` and
    /// ``Tolerance/feasibility``; otherwise `nil`.
    ///
    /// - Complexity: O(variables + nonzeros).
    func feasibleStart(_ values: [Double]) -> MIPStart? {
        var x = values
        for (j, v) in variables.enumerated() {
            if v.kind.isInteger {
                guard Tolerance.isIntegral(x[j]) else { return nil }
                x[j] = x[j].rounded()
            }
            guard Tolerance.isWithin(x[j], lower: v.lowerBound, upper: v.upperBound) else { return nil }
        }
        for row in constraints {
            var activity = 0.0
            for (j, c) in zip(row.indices, row.coefficients) { activity += c * x[j] }
            guard Tolerance.isWithin(activity, lower: row.lowerBound, upper: row.upperBound) else { return nil }
        }
        return MIPStart(values: x, objective: objective.evaluated(at: x))
    }

    /// Rounds integer variables' bounds inwards; returns a message when one has no integer value.
    mutating func roundIntegerBounds() -> String? {
        for j in variables.indices where variables[j].kind.isInteger {
            guard let (l, u) = Tolerance.integerBounds(lower: variables[j].lowerBound, upper: variables[j].upperBound) else {
                return "integer variable '\(label(j))' has no integer value within its bounds"
            }
            variables[j].lowerBound = l
            variables[j].upperBound = u
        }
        return nil
    }
}

extension GLPKProblem {
    private static func remainingMilliseconds(_ options: SolveOptions, _ clock: ContinuousClock, _ start: ContinuousClock.Instant) -> Int32? {
        guard let limit = options.timeLimit else { return nil }
        let left = limit - (clock.now - start)
        let ms = Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) / 1e15
        return Int32(max(1, min(ms.rounded(.up), Double(Int32.max))))
    }

    /// Solves the LP and maps GLPK's return code and status to a result.
    ///
    /// - Parameter warm: the problem holds a basis from an earlier solve: keep it (no presolver)
    ///   and start with the dual simplex method.
    func solveLP(_ options: SolveOptions, clock: ContinuousClock, start: ContinuousClock.Instant, sense: ObjectiveSense, warm: Bool = false) -> SolveResult {
        let level = options.verbosity.glpkMessageLevel
        let iterationsBefore = iterationCount
        var code = simplex(presolve: options.presolve && !warm, messageLevel: level,
                           timeLimitMilliseconds: Self.remainingMilliseconds(options, clock, start), dual: warm)
        if warm && (code == .invalidBasis || code == .singularMatrix || code == .illConditioned) {
            // The basis kept from the last solve does not fit the changed problem: start afresh.
            useStandardBasis()
            code = simplex(presolve: options.presolve, messageLevel: level,
                           timeLimitMilliseconds: Self.remainingMilliseconds(options, clock, start))
        }
        if code == .noDualFeasible && options.presolve {
            // The presolver only knows "no dual feasible solution"; the simplex method without it tells which.
            code = simplex(presolve: false, messageLevel: level,
                           timeLimitMilliseconds: Self.remainingMilliseconds(options, clock, start))
        }
        let status = lpStatus
        var result = SolveResult(termination: .otherError, detail: "\(code); \(status)", sense: sense)
        result.iterations = iterationCount - iterationsBefore
        switch code {
        case .success:
            switch status {
            case .optimal: result.termination = .optimal
            case .noFeasible: result.termination = .infeasible
            case .unbounded: result.termination = .unbounded
            default: result.termination = .otherError
            }
        case .noPrimalFeasible: result.termination = .infeasible
        case .noDualFeasible: result.termination = .infeasibleOrUnbounded
        case .timeLimit: result.termination = .limitReached(.time)
        case .iterationLimit: result.termination = .limitReached(.iterations)
        case .singularMatrix, .illConditioned, .solverFailed: result.termination = .numericalError
        default: result.termination = .otherError
        }
        if status == .optimal || (result.termination != .optimal && lpPrimalStatus == .feasible && code != .success) {
            result.values = lpValues
            result.objectiveValue = lpObjective
        }
        if status == .optimal {
            result.bestBound = lpObjective
            result.rowDuals = rowDuals
            result.reducedCosts = reducedCosts
        }
        return result
    }

    /// Solves the root LP, then branch-and-bound, and maps the outcome to a result.
    ///
    /// A checked `incumbent` is offered to GLPK at the root, and kept as the result's solution
    /// when the search stops (at a limit or a failure) with nothing better.
    func solveMIP(_ options: SolveOptions, incumbent: MIPStart?, clock: ContinuousClock, start: ContinuousClock.Instant, sense: ObjectiveSense, warm: Bool = false,
                  lazyConstraints: ((LazyConstraintRequest) -> [ConstraintDefinition])? = nil,
                  heuristic: ((LazyConstraintRequest) -> [Double]?)? = nil) -> SolveResult {
        let iterationsBefore = iterationCount
        var root = solveLP(options, clock: clock, start: start, sense: sense, warm: warm)
        root.values = nil; root.objectiveValue = nil; root.rowDuals = nil; root.reducedCosts = nil
        switch root.termination {
        case .optimal: break
        case .unbounded:
            root.termination = .infeasibleOrUnbounded  // an unbounded relaxation: the MIP is infeasible or unbounded
            return root
        default:
            root.bestBound = nil
            root.adopt(incumbent)
            return root
        }
        var result = searchFromRoot(options, incumbent: incumbent, clock: clock, start: start, sense: sense, lazyConstraints: lazyConstraints, heuristic: heuristic)
        result.adopt(incumbent)
        result.iterations = iterationCount - iterationsBefore
        return result
    }

    /// Runs branch-and-bound from the optimal root LP and maps the outcome to a result.
    private func searchFromRoot(_ options: SolveOptions, incumbent: MIPStart?, clock: ContinuousClock, start: ContinuousClock.Instant, sense: ObjectiveSense,
                                lazyConstraints: ((LazyConstraintRequest) -> [ConstraintDefinition])? = nil,
                                heuristic: ((LazyConstraintRequest) -> [Double]?)? = nil) -> SolveResult {
        let rootBound = lpObjective
        let context = MIPCallbackContext(start: start, options: options, incumbent: incumbent?.values)
        context.lazyConstraints = lazyConstraints
        context.heuristic = heuristic
        context.columnCount = columnCount
        context.integerColumns = integerColumns
        context.separatorSeesBounds = options.separatorSeesBounds
        context.branchFirst = options.branchFirst.filter { $0 >= 0 && $0 < columnCount }.map { Int32($0 + 1) }
        let code = branchAndBound(options, timeLimitMilliseconds: Self.remainingMilliseconds(options, clock, start), context: context)
        let status = mipStatus
        var result = SolveResult(termination: .otherError, detail: "\(code); \(status)", sense: sense)
        result.rootBound = rootBound
        result.nodes = context.nodes
        result.lazyRowsAdded = context.lazyRowsAdded
        // The root LP bounds every node, so the best node bound is never weaker than it.
        let nodeBound = context.bestBound.map { sense == .minimize ? max($0, rootBound) : min($0, rootBound) } ?? rootBound
        switch code {
        case .success:
            switch status {
            case .optimal: result.termination = .optimal
            case .noFeasible: result.termination = .infeasible
            default: result.termination = .otherError
            }
        case .gapReached: result.termination = .optimal
        case .timeLimit: result.termination = .limitReached(.time)
        case .stopped: result.termination = .limitReached(.interrupted)
        case .noPrimalFeasible: result.termination = .infeasible
        case .noDualFeasible: result.termination = .infeasibleOrUnbounded
        case .solverFailed: result.termination = .numericalError
        default: result.termination = .otherError
        }
        if status == .optimal || status == .feasible {
            let values = mipValues
            result.values = values
            result.objectiveValue = mipObjective
            if code == .success && status == .optimal {
                result.bestBound = mipObjective
            } else {
                // A node bound never beats the incumbent's own value.
                result.bestBound = sense == .minimize ? min(nodeBound, mipObjective) : max(nodeBound, mipObjective)
            }
            if options.dualsOfFixedMIP {
                let saved = fixIntegers(at: values)
                defer { restoreIntegers(saved) }
                let level = options.verbosity.glpkMessageLevel
                var solved = simplex(presolve: false, messageLevel: level, timeLimitMilliseconds: nil) == .success && lpStatus == .optimal
                if !solved {
                    // The basis branch-and-bound left behind may not fit the fixed LP: start afresh.
                    useStandardBasis()
                    solved = simplex(presolve: false, messageLevel: level, timeLimitMilliseconds: nil) == .success && lpStatus == .optimal
                }
                if solved {
                    result.rowDuals = rowDuals
                    result.reducedCosts = reducedCosts
                }
            }
        } else if result.termination == .limitReached(.time) || result.termination == .limitReached(.interrupted) {
            result.bestBound = nodeBound
        }
        return result
    }
}

/// A checked initial solution of a MIP: integer values rounded, objective evaluated.
struct MIPStart: Sendable {
    var values: [Double]
    var objective: Double
}

extension SolveResult {
    /// Takes `start` as the solution when the solver stopped early with no solution, or a worse one.
    mutating func adopt(_ start: MIPStart?) {
        guard let start else { return }
        switch termination {
        case .limitReached, .numericalError, .otherError: break
        case .optimal, .infeasible, .unbounded, .infeasibleOrUnbounded: return
        }
        if let current = objectiveValue, values != nil {
            let better = sense == .minimize ? start.objective < current : start.objective > current
            guard better else { return }
        }
        values = start.values
        objectiveValue = start.objective
        rowDuals = nil
        reducedCosts = nil
        if let bound = bestBound {
            bestBound = sense == .minimize ? min(bound, start.objective) : max(bound, start.objective)
        }
    }
}
