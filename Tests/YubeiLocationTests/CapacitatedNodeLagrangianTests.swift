import Testing
@testable import YubeiLocation
import YubeiOptimization
import YubeiTestSupport

/// The node dual of the CFLP Benders master (``CapacitatedNodeLagrangian``) against
/// enumeration: at random nodes (facilities fixed open, closed or free) its bound never exceeds
/// the node's best solution, each fixing it makes holds against the best solution with that
/// facility forced the other way, and its cut never exceeds any open set's cost. Every open set
/// is served by its transportation problem in plain Swift (``cheapestSplittableService(_:open:)``).
@Suite("CFLP node Lagrangian dual against enumeration")
struct CapacitatedNodeLagrangianTests {
    typealias State = CapacitatedNodeLagrangian.State

    /// The cheapest solution whose open set lies in `facilities`, holds every required facility
    /// and every one `state` fixes open, and none it fixes closed; `nil` when there is none.
    static func best(_ problem: LocationProblem, facilities: [Int], state: [State]) -> Double? {
        var result: Double?
        for mask in 1..<(1 << facilities.count) {
            let chosen = (0..<facilities.count).filter { mask & (1 << $0) != 0 }
            guard chosen.allSatisfy({ state[$0] != .closed }),
                  (0..<facilities.count).allSatisfy({ state[$0] != .open || chosen.contains($0) }) else { continue }
            let open = chosen.map { facilities[$0] }
            guard problem.requiredFacilities.allSatisfy(open.contains),
                  let z = cheapestSplittableService(problem, open: open) else { continue }
            result = min(result ?? .infinity, z + open.reduce(Double(0)) { $0 + problem.facilities[$1].fixedCost })
        }
        return result
    }

    @Test("bound at most the node's optimum; fixings hold; cuts valid", arguments: Array(UInt64(1)...24))
    func boundsAndFixings(seed: UInt64) throws {
        let problem = CapacitatedRowGenerationTests.instance(seed: seed)
        let facilities = problem.allowedFacilities
        let dual = CapacitatedNodeLagrangian(problem: problem, facilities: facilities)
        var rng = SplitMix64(seed: seed &* 7_919 &+ 3)
        for trial in 0..<8 {
            // The root first, then random nodes.
            let state: [State] = facilities.map { j in
                if problem.facilities[j].status == .required { return .open }
                if trial == 0 { return .free }
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: return .closed
                case 1: return .open
                default: return .free
                }
            }
            let optimum = Self.best(problem, facilities: facilities, state: state)
            let random = problem.demand.map { _ in Double(Int.random(in: 0...80, using: &rng)) }
            let target = (optimum ?? 1e4) * 1.05 + 1
            let searched = dual.search(from: random, state: state, target: target, iterations: 200, step: 1)
            for lambda in [random, searched.lambda] {
                let point = dual.evaluate(lambda, state: state)
                if let optimum {
                    #expect(point.bound <= optimum + 1e-6 * max(1, optimum), "seed \(seed) trial \(trial): \(point.bound) > \(optimum)")
                }
                // The cut of these multipliers: at most every open set's cost, fixed costs left out.
                let all = dual.evaluate(lambda, state: state, allRho: true)
                for mask in 1..<(1 << facilities.count) {
                    let open = (0..<facilities.count).filter { mask & (1 << $0) != 0 }
                    guard let z = cheapestSplittableService(problem, open: open.map { facilities[$0] }) else { continue }
                    let value = open.reduce(all.base) { $0 + all.rho[$1] - dual.fixed[$1] }
                    #expect(value <= z + 1e-6 * max(1, z), "seed \(seed) trial \(trial) open \(open)")
                }
                // Fixing against the node's optimum and against a worse incumbent.
                guard let optimum else { continue }
                for incumbent in [optimum, optimum * 1.03] {
                    let fix = dual.fixing(point, state: state, incumbent: incumbent)
                    for k in fix.closed {
                        var forced = state
                        forced[k] = .open
                        let withK = Self.best(problem, facilities: facilities, state: forced) ?? .infinity
                        #expect(withK >= incumbent - 1e-6 * max(1, incumbent), "seed \(seed): closing \(k) cuts off \(withK) < \(incumbent)")
                    }
                    for k in fix.open {
                        var forced = state
                        forced[k] = .closed
                        let withoutK = Self.best(problem, facilities: facilities, state: forced) ?? .infinity
                        #expect(withoutK >= incumbent - 1e-6 * max(1, incumbent), "seed \(seed): opening \(k) cuts off \(withoutK) < \(incumbent)")
                    }
                }
            }
        }
    }

    @Test("some node fixes a facility (the check above is not empty)")
    func fixingHappens() throws {
        var total = 0
        for seed in UInt64(1)...24 {
            let problem = CapacitatedRowGenerationTests.instance(seed: seed)
            let facilities = problem.allowedFacilities
            let dual = CapacitatedNodeLagrangian(problem: problem, facilities: facilities)
            let state: [State] = facilities.map { problem.facilities[$0].status == .required ? .open : .free }
            guard let optimum = Self.best(problem, facilities: facilities, state: state) else { continue }
            let searched = dual.search(from: problem.demand.map { _ in 0 }, state: state, target: optimum * 1.05, iterations: 200, step: 1)
            let fix = dual.fixing(searched.point, state: state, incumbent: optimum * 1.001)
            total += fix.closed.count + fix.open.count
        }
        #expect(total > 0)
    }
}
