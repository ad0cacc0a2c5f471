extension Model {
    /// The same model with every integer and binary variable made continuous (bounds kept):
    /// its LP relaxation, e.g. to round a fractional optimum into a starting plan.
    ///
    /// - Complexity: O(variables + rows) (a copy).
    public var relaxation: Model {
        var copy = self
        for j in copy.variables.indices where copy.variables[j].kind.isInteger {
            copy.variables[j].kind = .continuous
        }
        return copy
    }
}
