import Testing
import YubeiOptimization

@Suite struct ToleranceTests {
    @Test func integralityAndFeasibilityAreRelativeToTheBound() {
        #expect(Tolerance.isIntegral(3.0000005))
        #expect(!Tolerance.isIntegral(3.00001))
        #expect(Tolerance.isIntegral(2_000_000.5 + 0.4999))    // within 1e-6 × 2e6 = 2 of 2,000,001
        #expect(Tolerance.isWithin(10.000005, lower: nil, upper: 10))
        #expect(!Tolerance.isWithin(10.0001, lower: nil, upper: 10))
        #expect(Tolerance.isWithin(-0.0000005, lower: 0, upper: .infinity))
    }

    @Test func integerBoundsRoundInwardsWithSlack() {
        #expect(Tolerance.integerBounds(lower: 0.2, upper: 2.9999999999)! == (1, 3))
        #expect(Tolerance.integerBounds(lower: nil, upper: 4.5)! == (nil, 4))
        #expect(Tolerance.integerBounds(lower: 0.2, upper: 0.8) == nil)
    }

    @Test func relativeGap() {
        #expect(Tolerance.relativeGap(objective: 100, bound: 90) == 0.1)
        #expect(Tolerance.relativeGap(objective: 5819, bound: 5819 - 1e-7) == 0)
        #expect(Tolerance.relativeGap(objective: 0, bound: 1) == 1e10)
    }
}
