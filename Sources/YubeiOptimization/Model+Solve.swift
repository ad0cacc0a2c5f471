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
        try validate()
        if let x = options.initialSolution {
            guard x.count == variables.count, x.allSatisfy(\.isFinite) else {
                throw ModelError(.invalidOption, "the initial solution must give a finite value for each of the \(variables.count) variables")
            }
        }
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else {
            throw ModelError(.invalidOption, "the relative gap must be a finite number ≥ 0")
        }
        let clock = ContinuousClock()
        let start = clock.now
        var model = self
        if let empty = model.roundIntegerBounds() {
            var result = SolveResult(termination: .infeasible, detail: empty, sense: sense)
            result.solveTime = clock.now - start
            return result
        }
        return withGLPKTerminal(options.verbosity) {
            let problem = GLPKProblem(model)
            var result = model.isMIP
                ? problem.solveMIP(options, clock: clock, start: start, sense: sense)
                : problem.solveLP(options, clock: clock, start: start, sense: sense)
            result.solveTime = clock.now - start
            return result
        }
    }

    /// Rounds integer variables' bounds inwards; returns a message when one has no integer value.
    mutating func roundIntegerBounds() -> String? {
        for j in variables.indices where variables[j].kind.isInteger {
            let l = variables[j].lowerBound.map { ($0 - 1e-9).rounded(.up) }
            let u = variables[j].upperBound.map { ($0 + 1e-9).rounded(.down) }
            if let l, let u, l > u {
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
    func solveLP(_ options: SolveOptions, clock: ContinuousClock, start: ContinuousClock.Instant, sense: ObjectiveSense) -> SolveResult {
        let level = options.verbosity.glpkMessageLevel
        var code = simplex(presolve: options.presolve, messageLevel: level,
                           timeLimitMilliseconds: Self.remainingMilliseconds(options, clock, start))
        if code == .noDualFeasible && options.presolve {
            // The presolver only knows "no dual feasible solution"; the simplex method without it tells which.
            code = simplex(presolve: false, messageLevel: level,
                           timeLimitMilliseconds: Self.remainingMilliseconds(options, clock, start))
        }
        let status = lpStatus
        var result = SolveResult(termination: .otherError, detail: "\(code); \(status)", sense: sense)
        result.iterations = iterationCount
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
    func solveMIP(_ options: SolveOptions, clock: ContinuousClock, start: ContinuousClock.Instant, sense: ObjectiveSense) -> SolveResult {
        var root = solveLP(options, clock: clock, start: start, sense: sense)
        root.values = nil; root.objectiveValue = nil; root.rowDuals = nil; root.reducedCosts = nil
        switch root.termination {
        case .optimal: break
        case .unbounded:
            root.termination = .infeasibleOrUnbounded  // an unbounded relaxation: the MIP is infeasible or unbounded
            return root
        default:
            root.bestBound = nil
            return root
        }
        let rootBound = lpObjective
        let context = MIPCallbackContext(start: start, options: options)
        let code = branchAndBound(options, timeLimitMilliseconds: Self.remainingMilliseconds(options, clock, start), context: context)
        let status = mipStatus
        var result = SolveResult(termination: .otherError, detail: "\(code); \(status)", sense: sense)
        result.rootBound = rootBound
        result.nodes = context.nodes
        result.initialSolutionAccepted = options.initialSolution == nil ? nil : (context.initialSolutionAccepted ?? false)
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
            } else if let bound = context.bestBound {
                // A node bound never beats the incumbent's own value.
                result.bestBound = sense == .minimize ? min(bound, mipObjective) : max(bound, mipObjective)
            } else {
                result.bestBound = rootBound
            }
            if options.dualsOfFixedMIP {
                fixIntegers(at: values)
                if simplex(presolve: false, messageLevel: options.verbosity.glpkMessageLevel, timeLimitMilliseconds: nil) == .success,
                   lpStatus == .optimal {
                    result.rowDuals = rowDuals
                    result.reducedCosts = reducedCosts
                }
            }
        } else if result.termination == .limitReached(.time) || result.termination == .limitReached(.interrupted) {
            result.bestBound = context.bestBound ?? rootBound
        }
        result.iterations = iterationCount
        return result
    }
}
