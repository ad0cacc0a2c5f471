/// A decision variable of a ``Model``: a handle to the model's column, cheap to copy.
public struct Variable: Hashable, Sendable, Comparable {
    /// 0-based position of the variable in its model.
    public let index: Int

    init(index: Int) { self.index = index }

    public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
}

/// Whether a variable takes any real value, integers only, or 0 and 1 only.
public enum VariableKind: String, Sendable, Hashable {
    case continuous
    case integer
    /// An integer in [0, 1].
    case binary

    public var isInteger: Bool { self != .continuous }
}

/// What a model knows of one variable.
public struct VariableDefinition: Sendable, Hashable {
    public var name: String
    public var kind: VariableKind
    /// `nil` is −∞.
    public var lowerBound: Double?
    /// `nil` is +∞.
    public var upperBound: Double?
}
