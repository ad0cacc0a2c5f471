import Foundation

/// `body(i)` for every `i` in `0..<count`, run on all cores (`DispatchQueue.concurrentPerform`),
/// each outcome (value or error) in index order: for independent work (loading variants,
/// building their reports) whose results are then taken one by one.
///
/// - Complexity: `count` calls of `body`, spread over the cores.
public func concurrentResults<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
    let slots = Slots<Result<T, any Error>>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, Result { try body(i) }) }
    return (0..<count).map { slots.value($0)! }
}

/// One slot per index, filled from concurrent iterations under a lock, read afterwards.
private final class Slots<T>: @unchecked Sendable {
    private var items: [T?]
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { items[index] = value } }

    func value(_ index: Int) -> T? { lock.withLock { items[index] } }
}
