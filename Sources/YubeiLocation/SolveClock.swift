import YubeiOptimization

/// Wall-clock budget shared by the GLPK solves of one location solve.
struct SolveClock {
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    let limit: Duration?
    let progress: (@Sendable (SolveProgress) -> Void)?

    init(limit: Duration?, progress: (@Sendable (SolveProgress) -> Void)? = nil) {
        start = clock.now
        self.limit = limit
        self.progress = progress
    }

    var elapsed: Duration { clock.now - start }

    var seconds: Double {
        let e = elapsed.components
        return Double(e.seconds) + Double(e.attoseconds) / 1e18
    }

    /// Time left, or `nil` when there is no limit.
    var remaining: Duration? { limit.map { max(.zero, $0 - elapsed) } }

    var isExpired: Bool { remaining.map { $0 <= .zero } ?? false }

    /// GLPK options for the next solve: the time left, the gap asked for, and the progress callback.
    func solveOptions(gap: Double) -> SolveOptions {
        var options = SolveOptions()
        options.relativeGap = gap
        options.progress = progress
        if let left = remaining { options.timeLimit = max(left, .milliseconds(1)) }
        return options
    }
}
