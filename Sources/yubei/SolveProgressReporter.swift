import Foundation
import YubeiOptimization

/// Prints one line of branch-and-bound progress to standard error while a long solve runs, so
/// a user waiting on `solve`, `locate` or `drills plan` sees it is working; standard output
/// stays clean for `--json`.
///
/// Nothing is printed for a solve shorter than `delay` (1 s); after that, at most one line per
/// `interval` (2 s), such as
///
///     yubei: locate: 3.1 s  incumbent 5819  bound 5790  gap 0.50%  nodes 1234
///
/// Use it by attaching it to the options of each solve (one reporter may serve several
/// solves, even concurrent ones: it is `Sendable` and locks its state):
///
/// ```swift
/// var options = SolveOptions()
/// options.timeLimit = .seconds(timeLimit)
/// let reporter = SolveProgressReporter(label: "locate", isEnabled: !quiet)
/// reporter.attach(to: &options)
/// let result = try model.solve(options: options)
/// ```
///
/// LPs report no progress (GLPK's callback belongs to branch-and-bound), so only MIPs print.
final class SolveProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private var throttle: ProgressThrottle
    private let clock = ContinuousClock()
    private let prefix: String
    private let isEnabled: Bool
    private let write: @Sendable (String) -> Void

    /// Creates a reporter.
    ///
    /// - Parameters:
    ///   - label: what is being solved (a command name or model), shown after `yubei:`.
    ///   - isEnabled: `false` (for `--quiet`) makes ``attach(to:)`` do nothing.
    ///   - delay: how long a solve runs before its first line.
    ///   - interval: the least time between two lines.
    ///   - write: where a line goes; standard error unless a caller (a test) says otherwise.
    init(
        label: String? = nil,
        isEnabled: Bool = true,
        delay: Duration = .seconds(1),
        interval: Duration = .seconds(2),
        write: @escaping @Sendable (String) -> Void = SolveProgressReporter.writeToStandardError
    ) {
        throttle = ProgressThrottle(delay: delay, interval: interval)
        prefix = label.map { "yubei: \($0): " } ?? "yubei: "
        self.isEnabled = isEnabled
        self.write = write
    }

    /// Sets `options.progress` to this reporter, and makes GLPK report often enough for
    /// `interval` to be kept.
    func attach(to options: inout SolveOptions) {
        guard isEnabled else { return }
        options.progress = { [self] in report($0) }
        options.progressInterval = min(options.progressInterval, .milliseconds(250))
    }

    /// Prints `progress` if the throttle lets it through.
    func report(_ progress: SolveProgress) {
        let show = lock.withLock { throttle.shouldShow(elapsed: progress.elapsed, at: clock.now) }
        if show { write(prefix + progress.summary + "\n") }
    }

    /// Writes `line` to standard error in one call, so lines of concurrent solves do not mix.
    @Sendable static func writeToStandardError(_ line: String) {
        FileHandle.standardError.write(Data(line.utf8))
    }
}
