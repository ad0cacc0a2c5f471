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

    @Test("a real long MIP passes snapshots through the throttle only after the delay")
    func withSolve() throws {
        let (m, _, _) = jeroslow(allowSlack: false)
        let shown = Collector<Duration>()
        let gate = Collector<Bool>()
        var options = SolveOptions()
        options.timeLimit = .milliseconds(600)
        options.progressInterval = .milliseconds(10)
        let throttle = LockedThrottle(ProgressThrottle(delay: .milliseconds(150), interval: .milliseconds(100)))
        options.progress = { p in
            let show = throttle.shouldShow(elapsed: p.elapsed)
            gate.append(show)
            if show { shown.append(p.elapsed) }
        }
        let r = try m.solve(options: options)
        #expect(r.status == .noSolution)
        #expect(gate.all.contains(false))
        let times = shown.all
        #expect(times.count >= 1 && times.count <= 5)  // shown at ≥ 150 ms, then ≥ 100 ms apart, before 600 ms
        #expect(times.allSatisfy { $0 >= .milliseconds(150) })
    }
}

/// A throttle shared with a `@Sendable` progress closure.
final class LockedThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var throttle: ProgressThrottle
    init(_ throttle: ProgressThrottle) { self.throttle = throttle }
    func shouldShow(elapsed: Duration) -> Bool { lock.withLock { throttle.shouldShow(elapsed: elapsed, at: .now) } }
}
