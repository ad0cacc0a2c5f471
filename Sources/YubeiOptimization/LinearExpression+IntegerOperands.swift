// Comparisons with an `Int` right-hand side.
//
// `LinearExpression` is expressible by literals, so in `x + y <= 4` the literal `4` could be a
// `Double` or a `LinearExpression`; neither is the default type of an integer literal, and the
// compiler gave up with "ambiguous use of operator". `Int` is that default type, so these
// overloads win: `x + y <= 4`, `sum(row) == 1` and `x <= n` for an `Int` `n` compile as
// written. They only convert the integer and call the `Double` versions.
//
// There are deliberately no `+`/`-` overloads for `Int`: they made `[Int].reduce(0, +)`
// ambiguous in client code. Write `expression - 5.0` (a float literal defaults to `Double`).

public func <= (lhs: LinearExpression, rhs: Int) -> LinearConstraint { lhs <= Double(rhs) }
public func >= (lhs: LinearExpression, rhs: Int) -> LinearConstraint { lhs >= Double(rhs) }
public func == (lhs: LinearExpression, rhs: Int) -> LinearConstraint { lhs == Double(rhs) }
public func <= (lhs: Variable, rhs: Int) -> LinearConstraint { lhs <= Double(rhs) }
public func >= (lhs: Variable, rhs: Int) -> LinearConstraint { lhs >= Double(rhs) }
public func == (lhs: Variable, rhs: Int) -> LinearConstraint { lhs == Double(rhs) }
