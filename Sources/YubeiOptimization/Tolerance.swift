/// The tolerances of Yubei's modelling layer, named once: every check of integrality,
/// feasibility and "is this value in the solution" uses these, never a literal.
///
/// GLPK's own defaults are looser (integrality 1e-5, primal feasibility 1e-7 scaled); these are
/// the tolerances Yubei itself applies when it reads, verifies or reports a solution.
public enum Tolerance {
    /// A value within this of an integer, relative to max(1, |integer|), counts as that integer.
    public static let integrality = 1e-6

    /// A bound or row violated by no more than this, relative to max(1, |bound|), counts as met.
    public static let feasibility = 1e-6

    /// A solution value above this counts as present: a site opened, a flow carried, a person
    /// left unmet. Below it, a value is solver noise.
    public static let presence = 1e-6

    /// Two objective values (or an objective and a bound) closer than this, relative to
    /// max(1, |objective|), are equal: the gap between them is 0.
    public static let objective = 1e-9

    /// The slack with which a fractional bound of an integer variable is rounded inwards, so
    /// that 2.9999999999 still allows 3.
    public static let integerBound = 1e-9

    /// The smallest denominator of a relative gap, so that a zero objective gives no division by zero.
    public static let gapDenominator = 1e-10

    /// Whether `value` is within ``integrality`` of an integer.
    public static func isIntegral(_ value: Double) -> Bool {
        abs(value - value.rounded()) <= integrality * max(1, abs(value.rounded()))
    }

    /// Whether `value` lies within `lower`…`upper` up to ``feasibility`` (relative to the bound).
    public static func isWithin(_ value: Double, lower: Double?, upper: Double?) -> Bool {
        if let l = lower, l.isFinite, value < l - feasibility * max(1, abs(l)) { return false }
        if let u = upper, u.isFinite, value > u + feasibility * max(1, abs(u)) { return false }
        return true
    }

    /// The integer range of an integer variable with bounds `lower`…`upper`, rounded inwards
    /// (with ``integerBound`` slack); `nil` when it holds no integer.
    public static func integerBounds(lower: Double?, upper: Double?) -> (lower: Double?, upper: Double?)? {
        let l = lower.map { ($0 - integerBound).rounded(.up) }
        let u = upper.map { ($0 + integerBound).rounded(.down) }
        if let l, let u, l > u { return nil }
        return (l, u)
    }

    /// The relative gap between `objective` and `bound`: |objective − bound| / max(|objective|,
    /// ``gapDenominator``), and 0 when they are equal within ``objective``.
    public static func relativeGap(objective: Double, bound: Double) -> Double {
        let difference = abs(objective - bound)
        if difference <= Self.objective * max(1, abs(objective)) { return 0 }
        return difference / max(abs(objective), gapDenominator)
    }
}
