/// A linear constraint `lower ≤ expression ≤ upper` before it joins a model.
///
/// Written as `2 * x + y <= 14`, `x + y >= 1`, `x == y` or with ``Model/addConstraint(_:in:name:)``
/// for a range. The expression's constant moves to the bounds.
public struct LinearConstraint: Sendable {
    public var expression: LinearExpression
    /// `nil` is −∞.
    public var lowerBound: Double?
    /// `nil` is +∞.
    public var upperBound: Double?

    public init(_ expression: LinearExpression, lowerBound: Double?, upperBound: Double?) {
        self.expression = expression
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

/// A row of a ``Model``: a handle for reading its dual value.
public struct Constraint: Hashable, Sendable, Comparable {
    /// 0-based position of the row in its model.
    public let index: Int

    init(index: Int) { self.index = index }

    public static func < (a: Constraint, b: Constraint) -> Bool { a.index < b.index }
}

/// What a model knows of one row: merged terms and bounds, with the constant already moved.
public struct ConstraintDefinition: Sendable, Hashable {
    public var name: String
    public var indices: [Int]
    public var coefficients: [Double]
    public var lowerBound: Double?
    public var upperBound: Double?
}

public func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lowerBound: nil, upperBound: 0)
}
public func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lowerBound: 0, upperBound: nil)
}
public func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lowerBound: 0, upperBound: 0)
}
public func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { lhs <= LinearExpression(rhs) }
public func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { lhs >= LinearExpression(rhs) }
public func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint { lhs == LinearExpression(rhs) }
public func <= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) <= LinearExpression(rhs) }
public func >= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) >= LinearExpression(rhs) }
public func == (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) == LinearExpression(rhs) }
public func <= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs <= LinearExpression(rhs) }
public func >= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs >= LinearExpression(rhs) }
public func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) <= rhs }
public func >= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) >= rhs }
public func <= (lhs: Variable, rhs: Variable) -> LinearConstraint { LinearExpression(lhs) <= LinearExpression(rhs) }
public func >= (lhs: Variable, rhs: Variable) -> LinearConstraint { LinearExpression(lhs) >= LinearExpression(rhs) }
