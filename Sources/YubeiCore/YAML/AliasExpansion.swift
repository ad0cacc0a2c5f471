import Yams

/// The number of values a YAML tree holds once its aliases (`*name`) are expanded, counted up to
/// a limit, so that a file whose aliases multiply (`a: &a [1,1,…]`, `b: &b [*a,*a,…]`, … the
/// "billion laughs") is refused at its key instead of being walked for hours.
///
/// Yams resolves an alias to the node it names, so the tree stays small in memory, but every
/// reader that walks it (unknown keys kept as `extra`, range checks) visits each use again.
enum AliasExpansion {
    /// Values a file may hold after expansion: far more than any county's file writes out, far
    /// fewer than a walk cannot finish in a second.
    static let maximumValues = 2_000_000

    /// The position of the first top-level entry (a mapping's key, a list's item) at which the
    /// expanded count passes `limit`, or `nil` when the whole tree stays within it.
    ///
    /// - Complexity: O(min(expanded size, limit)).
    static func firstOverflow(in root: Node, limit: Int = maximumValues) -> Mark? {
        var budget = limit
        switch root {
        case .mapping(let mapping):
            for (key, value) in mapping where !count(value, within: &budget) { return key.mark ?? value.mark }
        case .sequence(let sequence):
            for item in sequence where !count(item, within: &budget) { return item.mark }
        case .scalar, .alias:
            break
        }
        return nil
    }

    /// Counts `node`'s values against `budget`; `false` as soon as the budget runs out.
    private static func count(_ node: Node, within budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard count(key, within: &budget), count(value, within: &budget) else { return false }
            }
        case .sequence(let sequence):
            for item in sequence where !count(item, within: &budget) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }
}
