import Foundation
import Testing
@testable import YubeiOptimization
import YubeiTestSupport

/// Whether `a` and `b` agree within `tolerance`, relative to max(1, |a|, |b|).
func approximatelyEqual(_ a: Double?, _ b: Double, tolerance: Double = 1e-7) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Values collected from a `@Sendable` closure.
final class Collector<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []
    func append(_ item: Element) { lock.withLock { items.append(item) } }
    var all: [Element] { lock.withLock { items } }
}
