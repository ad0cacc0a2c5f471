/// Decides which progress snapshots are worth showing a person: none while a solve is young,
/// then at most one per interval.
///
/// A value type with no clock of its own, so it can be tested with made-up times; wrap it in a
/// lock when solves on several tasks share it (as the `yubei` command's progress reporter does).
public struct ProgressThrottle: Sendable, Hashable {
    /// How long a solve runs before its first snapshot is shown.
    public var delay: Duration
    /// The least time between two shown snapshots.
    public var interval: Duration
    /// When the last shown snapshot was shown.
    public private(set) var lastShown: ContinuousClock.Instant?

    public init(delay: Duration = .seconds(1), interval: Duration = .seconds(2)) {
        self.delay = delay
        self.interval = interval
    }

    /// Whether to show a snapshot taken `elapsed` into its solve, at `now`; remembers `now` if so.
    public mutating func shouldShow(elapsed: Duration, at now: ContinuousClock.Instant) -> Bool {
        guard elapsed >= delay else { return false }
        if let last = lastShown, now - last < interval { return false }
        lastShown = now
        return true
    }
}
