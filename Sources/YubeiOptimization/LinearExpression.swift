/// A linear function of a model's variables plus a constant: Σ cⱼ·xⱼ + c₀.
///
/// Written with `+`, `-` and `*` on ``Variable`` values and numbers. Terms are kept as they
/// are added (a variable may appear more than once); they are merged when the expression
/// becomes a model's row or objective, so building a sum of n terms costs O(n).
public struct LinearExpression: Sendable {
    /// Variable positions, parallel to ``coefficients``.
    public private(set) var indices: [Int] = []
    public private(set) var coefficients: [Double] = []
    public var constant: Double = 0

    public init() {}

    public init(_ constant: Double) { self.constant = constant }

    public init(_ variable: Variable) {
        indices = [variable.index]
        coefficients = [1]
    }

    /// An expression from (variable, coefficient) pairs.
    public init<S: Sequence>(terms: S, constant: Double = 0) where S.Element == (Variable, Double) {
        for (variable, coefficient) in terms {
            indices.append(variable.index)
            coefficients.append(coefficient)
        }
        self.constant = constant
    }

    public var isConstant: Bool { coefficients.allSatisfy { $0 == 0 } }

    /// Adds `coefficient · variable`.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        indices.append(variable.index)
        coefficients.append(coefficient)
    }

    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        indices.append(contentsOf: other.indices)
        if factor == 1 {
            coefficients.append(contentsOf: other.coefficients)
        } else {
            coefficients.append(contentsOf: other.coefficients.map { $0 * factor })
        }
        constant += other.constant * factor
    }

    /// The terms with duplicates summed and zeros dropped, sorted by variable.
    ///
    /// - Complexity: O(n log n) for n terms.
    public func mergedTerms() -> [(index: Int, coefficient: Double)] {
        if indices.isEmpty { return [] }
        let order = indices.indices.sorted { indices[$0] < indices[$1] }
        var result: [(index: Int, coefficient: Double)] = []
        result.reserveCapacity(order.count)
        for k in order {
            let j = indices[k], c = coefficients[k]
            if let last = result.last, last.index == j {
                result[result.count - 1].coefficient += c
            } else {
                result.append((j, c))
            }
        }
        return result.filter { $0.coefficient != 0 }
    }

    /// The value of the expression at `values` (indexed by variable position).
    public func evaluated(at values: [Double]) -> Double {
        var sum = constant
        for (j, c) in zip(indices, coefficients) { sum += c * values[j] }
        return sum
    }
}

/// Σ of expressions, the domain's ∑ notation.
public func sum<S: Sequence>(_ items: S) -> LinearExpression where S.Element == LinearExpression {
    var result = LinearExpression()
    for item in items { result.add(item) }
    return result
}

/// Σ of variables.
public func sum<S: Sequence>(_ items: S) -> LinearExpression where S.Element == Variable {
    var result = LinearExpression()
    for item in items { result.add(1, item) }
    return result
}

extension LinearExpression: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }
}

// MARK: - Operators

public func + (a: LinearExpression, b: LinearExpression) -> LinearExpression {
    var r = a; r.add(b); return r
}
public func - (a: LinearExpression, b: LinearExpression) -> LinearExpression {
    var r = a; r.add(b, times: -1); return r
}
public prefix func - (a: LinearExpression) -> LinearExpression {
    var r = LinearExpression(); r.add(a, times: -1); return r
}
public func * (k: Double, a: LinearExpression) -> LinearExpression {
    var r = LinearExpression(); r.add(a, times: k); return r
}
public func * (a: LinearExpression, k: Double) -> LinearExpression { k * a }
public func += (a: inout LinearExpression, b: LinearExpression) { a.add(b) }
public func -= (a: inout LinearExpression, b: LinearExpression) { a.add(b, times: -1) }

public func + (a: Variable, b: Variable) -> LinearExpression { LinearExpression(a) + LinearExpression(b) }
public func - (a: Variable, b: Variable) -> LinearExpression { LinearExpression(a) - LinearExpression(b) }
public func + (a: LinearExpression, b: Variable) -> LinearExpression { a + LinearExpression(b) }
public func - (a: LinearExpression, b: Variable) -> LinearExpression { a - LinearExpression(b) }
public func + (a: Variable, b: LinearExpression) -> LinearExpression { LinearExpression(a) + b }
public func - (a: Variable, b: LinearExpression) -> LinearExpression { LinearExpression(a) - b }
public func + (a: LinearExpression, k: Double) -> LinearExpression { a + LinearExpression(k) }
public func - (a: LinearExpression, k: Double) -> LinearExpression { a - LinearExpression(k) }
public func + (a: Variable, k: Double) -> LinearExpression { LinearExpression(a) + LinearExpression(k) }
public func - (a: Variable, k: Double) -> LinearExpression { LinearExpression(a) - LinearExpression(k) }
public func * (k: Double, v: Variable) -> LinearExpression { var r = LinearExpression(); r.add(k, v); return r }
public func * (v: Variable, k: Double) -> LinearExpression { k * v }
public prefix func - (v: Variable) -> LinearExpression { -1.0 * v }
public func += (a: inout LinearExpression, v: Variable) { a.add(1, v) }
public func -= (a: inout LinearExpression, v: Variable) { a.add(-1, v) }
