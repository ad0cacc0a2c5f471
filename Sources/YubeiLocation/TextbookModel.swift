import Foundation
import YubeiOptimization

extension LocationProblem {
    /// The textbook MILP of the problem, as found in OR courses, for comparison with
    /// ``solve(options:)`` (for example by `glpsol` on the file ``Model/write(to:format:)`` writes):
    ///
    /// - p-median: x_ij for every allowed pair, Σ_j x_ij = 1, x_ij ≤ y_j, Σ y = p;
    /// - p-center: the same rows plus W ≥ Σ_j cost_ij·x_ij for every i, minimise W;
    /// - lscp, mclp: the covering models (already compact);
    /// - uflp: x_ij ≤ y_j; cflp, sscflp: the capacity row Σ_i demand_i·x_ij ≤ capacity_j·y_j only.
    ///
    /// - Complexity: O(n·m) rows and columns for the assignment models.
    public func textbookModel() -> Model {
        var model = Model(name: "textbook_\(model.rawValue.replacingOccurrences(of: "-", with: "_"))")
        let n = pointCount
        let allowed = allowedFacilities
        var y = [Variable?](repeating: nil, count: facilityCount)
        for j in allowed {
            let v = model.addBinary("y_\(j)")
            if facilities[j].status == .required { model.setBounds(of: v, lower: 1, upper: 1) }
            y[j] = v
        }
        func count() -> LinearExpression {
            var e = LinearExpression()
            for j in allowed { e.add(1, y[j]!) }
            return e
        }
        switch self.model {
        case .lscp, .mclp:
            var objective = LinearExpression()
            for i in 0..<n {
                var row = LinearExpression()
                for j in allowed where covers(j, i) { row.add(1, y[j]!) }
                if self.model == .lscp {
                    model.addConstraint(row >= 1, name: "cover_\(i)")
                } else {
                    let z = model.addVariable("z_\(i)", lowerBound: 0, upperBound: 1)
                    row.add(-1, z)
                    model.addConstraint(row >= 0, name: "cover_\(i)")
                    objective.add(demand[i], z)
                }
            }
            if self.model == .lscp {
                model.minimize(count())
            } else {
                model.addConstraint(count() == Double(p ?? 0), name: "p")
                model.maximize(objective)
            }
            return model
        default:
            break
        }
        let kind = self.model
        let w = kind == .pCenter ? model.addVariable("W", lowerBound: 0) : nil
        var objective = LinearExpression()
        var load = [LinearExpression](repeating: LinearExpression(), count: facilityCount)
        for i in 0..<n {
            var assign = LinearExpression()
            var radius = LinearExpression()
            for j in allowed where cost(i, j).isFinite {
                let x = kind == .sscflp ? model.addBinary("x_\(i)_\(j)") : model.addVariable("x_\(i)_\(j)", lowerBound: 0, upperBound: 1)
                assign.add(1, x)
                switch kind {
                case .pMedian: objective.add(demand[i] * cost(i, j), x)
                case .pCenter: radius.add(cost(i, j), x)
                default: objective.add(cost(i, j), x)
                }
                if kind == .cflp || kind == .sscflp {
                    load[j].add(demand[i], x)
                } else {
                    model.addConstraint(x - y[j]! <= 0, name: "link_\(i)_\(j)")
                }
            }
            model.addConstraint(assign == 1, name: "assign_\(i)")
            if let w {
                radius.add(-1, w)
                model.addConstraint(radius <= 0, name: "radius_\(i)")
            }
        }
        switch kind {
        case .pMedian, .pCenter:
            model.addConstraint(count() == Double(p ?? 0), name: "p")
        case .cflp, .sscflp:
            for j in allowed {
                var row = load[j]
                row.add(-(facilities[j].capacity ?? 0), y[j]!)
                model.addConstraint(row <= 0, name: "capacity_\(j)")
            }
        default:
            break
        }
        if kind.hasFixedCosts { for j in allowed { objective.add(facilities[j].fixedCost, y[j]!) } }
        model.minimize(w.map { LinearExpression($0) } ?? objective)
        return model
    }
}
