import Foundation
import Testing
@testable import YubeiOptimization
import YubeiTestSupport

@Suite("Progress throttle of the command's progress reporter")
struct ProgressThrottleTests {
    @Test("nothing before the delay, then at most one per interval")
    func throttle() {
        var t = ProgressThrottle(delay: .seconds(1), interval: .seconds(2))
        let t0 = ContinuousClock.now
        let answers = [
            t.shouldShow(elapsed: .milliseconds(500), at: t0),                          // too young
            t.shouldShow(elapsed: .milliseconds(999), at: t0 + .milliseconds(499)),     // too young
            t.shouldShow(elapsed: .seconds(1), at: t0 + .milliseconds(500)),            // shown
            t.shouldShow(elapsed: .seconds(2), at: t0 + .milliseconds(1500)),           // 1 s after the last
            t.shouldShow(elapsed: .milliseconds(2499), at: t0 + .milliseconds(2499)),   // 1.999 s after
            t.shouldShow(elapsed: .milliseconds(2500), at: t0 + .milliseconds(2500)),   // 2 s after: shown
        ]
        #expect(answers == [false, false, true, false, false, true])
        #expect(t.lastShown == t0 + .milliseconds(2500))
    }

    @Test("a young solve stays quiet even when another, older one has just been shown")
    func delayIsPerSolve() {
        var t = ProgressThrottle(delay: .seconds(1), interval: .zero)
        let t0 = ContinuousClock.now
        let old = t.shouldShow(elapsed: .seconds(5), at: t0)
        let young = t.shouldShow(elapsed: .milliseconds(100), at: t0 + .seconds(1))
        #expect(old && !young)
    }

    /// The throttle is fed the solve's own elapsed times (not the test's clock), so what it
    /// shows follows from the snapshots GLPK reported, however fast the machine.
    @Test("a real long MIP passes snapshots through the throttle only after the delay, then spaced")
    func withSolve() throws {
        let (m, _, _) = jeroslow(allowSlack: false)
        let seen = Collector<(elapsed: Duration, shown: Bool)>()
        var options = SolveOptions()
        options.timeLimit = .milliseconds(600)
        options.progressInterval = .milliseconds(10)
        let throttle = LockedThrottle(ProgressThrottle(delay: .milliseconds(150), interval: .milliseconds(100)))
        options.progress = { p in seen.append((p.elapsed, throttle.shouldShow(elapsed: p.elapsed))) }
        let r = try m.solve(options: options)
        #expect(r.status == .noSolution)
        let all = seen.all
        #expect(!all.isEmpty)
        let shown = all.filter(\.shown).map(\.elapsed)
        // Hidden while young; every snapshot past the delay and an interval after the last shown one is shown.
        #expect(all.filter { $0.elapsed < .milliseconds(150) }.allSatisfy { !$0.shown })
        #expect(zip(shown, shown.dropFirst()).allSatisfy { $1 - $0 >= .milliseconds(100) })
        var last: Duration?
        for snapshot in all where snapshot.elapsed >= .milliseconds(150) {
            let due = last.map { snapshot.elapsed - $0 >= .milliseconds(100) } ?? true
            #expect(snapshot.shown == due)
            if snapshot.shown { last = snapshot.elapsed }
        }
    }
}

/// A throttle shared with a `@Sendable` progress closure.
final class LockedThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var throttle: ProgressThrottle
    init(_ throttle: ProgressThrottle) { self.throttle = throttle }
    private let origin = ContinuousClock.now
    /// Asks at the instant `elapsed` after a fixed origin: the solve's time, not the wall clock's.
    func shouldShow(elapsed: Duration) -> Bool { lock.withLock { throttle.shouldShow(elapsed: elapsed, at: origin + elapsed) } }
}
