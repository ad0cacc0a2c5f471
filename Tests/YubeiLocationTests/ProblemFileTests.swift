import Foundation
import Testing
import YubeiCore
import YubeiLocation

/// The JSON problem of FORMATS.md §1: what it reads, and every mistake reported at its position.
@Suite("Location problem files")
struct ProblemFileTests {
    func errors(_ text: String) throws -> [String] {
        let path = try Fixtures.temporary(text, name: "problem.json")
        do {
            _ = try LocationProblem.load(path: path)
            return []
        } catch {
            return error.diagnostics.all.map { $0.description.replacingOccurrences(of: path, with: "P") }
        }
    }

    @Test("cost matrix, null pairs, facilities and defaults")
    func reads() throws {
        let path = try Fixtures.temporary("""
        {"model": "p-median", "p": 1,
         "facilities": [{"id": "仓库-a", "status": "required"}, {"id": "b", "fixed_cost": 3}],
         "cost": [[1.0, 2.5], [null, 4.0], [3.0, 0.5]]}
        """, name: "ok.json")
        let q = try LocationProblem.load(path: path)
        #expect(q.model == .pMedian)
        #expect(q.demand == [1, 1, 1])
        #expect(q.facilities.map(\.id) == ["仓库-a", "b"])
        #expect(q.facilities[0].status == .required)
        #expect(q.cost(1, 0) == .infinity)
        #expect(q.cost(2, 1) == 0.5)
        // p = 1 with 仓库-a required: point 1 cannot be served by it.
        let s = q.solve()
        #expect(s.status == .infeasible)
        #expect(!s.explanation.isEmpty)
    }

    @Test("points give Euclidean distances; facility ids default to positions")
    func points() throws {
        let path = try Fixtures.temporary("""
        {"model": "p-center", "p": 1, "points": {"demand": [[0, 0], [6, 8]], "facilities": [[0, 0], [3, 4], [6, 8]]}}
        """, name: "points.json")
        let q = try LocationProblem.load(path: path)
        #expect(q.cost(1, 0) == 10)
        #expect(q.facilities.map(\.id) == ["0", "1", "2"])
        let s = q.solve()
        #expect(s.objective == 5)
        #expect(s.open == [1])
    }

    @Test("every problem reported with line and column")
    func allErrors() throws {
        let found = try errors("""
        {"model": "p-medain",
         "p": 0,
         "demand": [1, -2],
         "cost": [[1, "x"], [2]],
         "colour": 3}
        """)
        #expect(found.contains("P:1:11: error: model: 'p-medain' is not one of p-median, p-center, lscp, mclp, uflp, cflp, sscflp; did you mean 'p-median'?"))
        #expect(found.contains("P:2:7: error: p: expected a whole number ≥ 1, found 0"))
        #expect(found.contains("P:3:16: error: demand[1]: expected a number ≥ 0, found -2"))
        #expect(found.contains("P:4:15: error: cost[0][1]: expected a number, found 'x'"))
        #expect(found.contains("P:4:21: error: cost[1]: expected 2 costs (one per facility), found 1"))
        #expect(found.contains { $0.hasPrefix("P:5:2: error: colour: unknown key 'colour'") })
        #expect(found.count == 6)
    }

    @Test("model-specific keys are required")
    func requiredKeys() throws {
        let cflp = try errors("""
        {"model": "cflp", "facilities": [{"id": "a", "fixed_cost": 1}, {"id": "a", "capacity": 2}], "cost": [[1, 2]]}
        """)
        #expect(cflp.contains { $0.contains("missing required key 'capacity'") })
        #expect(cflp.contains { $0.contains("duplicate id 'a'") })
        let mclp = try errors(#"{"model": "mclp", "cost": [[1]]}"#)
        #expect(mclp.contains { $0.contains("missing required key 'p'") })
        #expect(mclp.contains { $0.contains("missing required key 'radius'") })
        let uflp = try errors(#"{"model": "uflp", "cost": [[1]]}"#)
        #expect(uflp.contains { $0.contains("missing required key 'facilities'") })
        let both = try errors(#"{"model": "lscp", "radius": 1, "cost": [[1]], "points": {"demand": [[0,0]], "facilities": [[0,0]]}}"#)
        #expect(both.contains { $0.contains("give either 'cost' or 'points', not both") })
        let broken = try errors("{\"model\": \"lscp\", \"cost\": [[1, 2]")
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("P:") == true && broken.first?.contains(": error: invalid YAML") == true, "\(broken)")
    }
}
