/// A Lagrangian dual's value at some multipliers, and a subgradient there.
protocol LagrangianEvaluation {
    /// L(λ): a lower bound on the problem's optimum (+∞ when the relaxation is infeasible).
    var bound: Double { get }
    /// A subgradient of L at λ (one entry per relaxed row).
    var subgradient: [Double] { get }
}

/// Subgradient optimisation of a Lagrangian dual with Polyak steps towards a target (an
/// incumbent's cost): t = step · (target − L(λ)) / ‖g‖², the step halved after `patience`
/// evaluations without progress. The best multipliers seen are kept.
///
/// Stops after `iterations` steps, once the bound reaches `target`, the step falls below
/// `smallestStep`, the subgradient vanishes, or `expired` says so.
///
/// - Complexity: `iterations` evaluations of L plus O(n) per step, n the relaxed rows.
struct SubgradientAscent {
    var iterations: Int
    var target: Double
    var step: Double
    var patience: Int
    var smallestStep: Double

    func maximise<Point: LagrangianEvaluation>(from lambda: [Double], start: Point, expired: () -> Bool,
                                               evaluate: ([Double]) -> Point) -> (lambda: [Double], point: Point) {
        var lambda = lambda
        var current = start, best = start, bestLambda = lambda
        var step = step, stall = 0
        for _ in 0..<iterations {
            if !best.bound.isFinite || best.bound >= target || step < smallestStep || expired() { break }
            let norm = current.subgradient.reduce(0) { $0 + $1 * $1 }
            if norm < 1e-12 { break }
            let upper = target.isFinite ? target : abs(best.bound) * 1.05 + 1
            let t = step * max(upper - current.bound, 1e-7 * max(1, abs(upper))) / norm
            for i in lambda.indices { lambda[i] += t * current.subgradient[i] }
            current = evaluate(lambda)
            if current.bound > best.bound + 1e-9 * max(1, abs(best.bound)) {
                best = current
                bestLambda = lambda
                stall = 0
            } else {
                stall += 1
                if stall >= patience { step /= 2; stall = 0 }
            }
        }
        return (bestLambda, best)
    }
}
