import Foundation
import Testing
import YubeiScenario
import YubeiSiting
import YubeiStudies
import YubeiTestSupport

@Suite("Resilient planning (policy.resilience: n-1)")
struct ResilienceTests {
    static let fixture = packageRoot.appendingPathComponent("Tests/YubeiStudiesTests/Fixtures/two-villages-resilient.yaml").path

    @Test("the resilient plan survives the loss of each open site, checked by stress; the plain plan does not")
    func survivesEverySingleLoss() async throws {
        let scenario = try ScenarioLoader.load(path: Self.fixture, overrides: ScenarioOverrides())
        let rule = try #require(scenario.scenario.policy.resilience)
        #expect(rule.maxUnmetShare == 0.1)
        let (resilient, plain, summary) = try await ResilientPlanner.solve(scenario, resilience: rule, options: Fixture.quiet)
        #expect(resilient.plan.status.hasSolution)
        #expect(Set(resilient.plan.hazards.keys) == ["flood"])
        #expect(Set(resilient.plan.openShelters).isSuperset(of: ["S4", "S5"]))
        #expect(resilient.plan.openWarehouses.contains("W2"))
        #expect(plain.plan.openWarehouses == ["W1"] && !plain.plan.openShelters.contains("S4"))
        #expect(summary.price > 0)
        #expect(abs(summary.price - (summary.resilientCost - summary.plainCost)) < 1e-6)

        let limit = 0.1 * 1600
        let stressed = try await StressTest.run(plain: scenario, shocked: nil, plan: AdoptedPlan(resilient.plan), nMinus1: true)
        let losses = stressed.cases.filter { $0.kind == .lose }
        #expect(losses.count == resilient.plan.openWarehouses.count + resilient.plan.openShelters.count)
        for loss in losses {
            let flood = try #require(loss.hazards["flood"])
            #expect(flood.unsheltered <= limit + 1e-6, "\(loss.name)")
            #expect(flood.withoutKit <= limit + 1e-6, "\(loss.name)")
        }
        // The same check fails for the plain plan: the test can tell the two apart.
        let plainStress = try await StressTest.run(plain: scenario, shocked: nil, plan: AdoptedPlan(plain.plan), nMinus1: true)
        #expect(plainStress.cases.contains { ($0.hazards["flood"]?.unsheltered ?? 0) > limit })
    }

    @Test("resilience keys are checked like the rest of the file")
    func keys() throws {
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        func errors(_ edited: String) -> String {
            do { _ = try ScenarioLoader.load(text: edited, path: Self.fixture); return "" } catch {
                return error.diagnostics.all.map(\.description).joined(separator: "\n")
            }
        }
        #expect(errors(text.replacingOccurrences(of: "resilience: n-1", with: "resilience: n-2")).contains("did you mean 'n-1'"))
        #expect(errors(text.replacingOccurrences(of: "resilience_max_unmet: 0.1", with: "resilience_max_unmet: 1.5")).contains("resilience_max_unmet"))
        #expect(errors(text.replacingOccurrences(of: "  resilience_max_unmet: 0.1\n", with: "")).contains("needs policy.resilience_max_unmet"))
        #expect(errors(text) == "")
    }
}
