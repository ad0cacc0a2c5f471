/// A simplex basis: the status of every row (its auxiliary variable) and every column, as
/// GLPK keeps it (`glp_get_row_stat`, `glp_get_col_stat`). Read from an
/// ``IncrementalSolver`` after a solve and handed to a later solve of a model with the same
/// rows and columns (``SolveOptions/startingBasis``), it lets that solve start from an
/// optimal basis instead of from scratch.
public struct LPBasis: Sendable, Hashable {
    /// Where a variable stands in the basis.
    public enum Status: Sendable, Hashable {
        /// Basic.
        case basic
        /// Non-basic at its lower bound.
        case atLower
        /// Non-basic at its upper bound.
        case atUpper
        /// Non-basic free (unbounded) variable.
        case free
        /// Non-basic fixed variable.
        case fixed
    }

    /// By row (constraint) index.
    public var rows: [Status]
    /// By column (variable) index.
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }
}
