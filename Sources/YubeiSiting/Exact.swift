import Foundation

/// Exact decimal arithmetic for the numbers a plan is checked against (budgets to the yuan,
/// capacities, volumes): each `Double` is read as the shortest decimal that prints it, which is
/// the number as written in the scenario file, so 0.1 × 30 is exactly 3.
public enum Exact {
    /// The decimal the double prints as (its shortest round-trip form).
    public static func decimal(_ x: Double) -> Decimal {
        guard x.isFinite else { return x > 0 ? Decimal.greatestFiniteMagnitude : -Decimal.greatestFiniteMagnitude }
        if x == x.rounded(), abs(x) < 1e15 { return Decimal(Int64(x)) }
        return Decimal(string: "\(x)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(x)
    }

    /// ⌊x⌋ as a double.
    public static func floor(_ x: Decimal) -> Double {
        var value = x, result = Decimal()
        NSDecimalRound(&result, &value, 0, .down)
        return NSDecimalNumber(decimal: result).doubleValue
    }

    /// ⌈x⌉ as a double.
    public static func ceil(_ x: Decimal) -> Double {
        var value = x, result = Decimal()
        NSDecimalRound(&result, &value, 0, .up)
        return NSDecimalNumber(decimal: result).doubleValue
    }

    /// Σ of the doubles, exactly.
    public static func sum<S: Sequence>(_ values: S) -> Decimal where S.Element == Double {
        values.reduce(Decimal()) { $0 + decimal($1) }
    }
}
