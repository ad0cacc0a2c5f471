import Testing
import YubeiCore
@testable import YubeiLocation
import YubeiTestSupport

/// Every diagnostic of the location readers has its Chinese form: each case of the OR-Library
/// reader's items, sections and header counts, and each message of the problem-file reader,
/// different from its English and with no English word but the file's keys and model names.
@Suite("Location reader diagnostics in Chinese")
struct LocationMessagesTests {
    static let allowed: Set<String> = ["p", "cost", "points", "capacity", "radius", "facilities", "points.facilities",
                                       "x", "y", "I", "J", "m", "n", "edges", "capa", "capb", "capc", "p-median", "orlib"]

    static func expectTranslated(_ phrase: Phrase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(phrase.zh != phrase.en, "\(phrase.en)", sourceLocation: sourceLocation)
        #expect(holdsChinese(phrase.zh), "\(phrase.zh)", sourceLocation: sourceLocation)
        let english = englishWords(in: phrase.zh, allowed: allowed)
        #expect(english.isEmpty, "English \(english) in \(phrase.zh)", sourceLocation: sourceLocation)
    }

    typealias M = LocationInputMessage

    /// Exhaustive switches (no `default`): a new case needs a sample before the tests compile.
    static func number(_ item: M.Item) -> Int {
        switch item {
        case .facilityCapacity: 0
        case .facilityOpeningCost: 1
        case .customerDemand: 2
        case .customerCostFromFacility: 3
        case .warehouseCapacity: 4
        case .warehouseFixedCost: 5
        case .customerCostFromWarehouse: 6
        }
    }

    static func number(_ section: M.Section) -> Int {
        switch section {
        case .capacities: 0
        case .openingCosts: 1
        case .demands: 2
        case .customerCosts: 3
        }
    }

    static func number(_ count: M.Count) -> Int {
        switch count {
        case .warehouses: 0
        case .customers: 1
        case .costCells: 2
        case .vertices: 3
        case .edges: 4
        }
    }

    @Test("every OR-Library item, section and header count")
    func orLibrary() {
        let items: [M.Item] = [.facilityCapacity(1), .facilityOpeningCost(2), .customerDemand(3), .customerCostFromFacility(4, 5),
                               .warehouseCapacity(6), .warehouseFixedCost(7), .customerCostFromWarehouse(8, 9)]
        let sections: [M.Section] = [.capacities(1, 2), .openingCosts(1, 2), .demands(1, 2),
                                     .customerCosts(customer: 1, read: 2, of: 3, complete: 0, customers: 4)]
        let counts: [M.Count] = [.warehouses, .customers, .costCells, .vertices, .edges]
        #expect(Set(items.map(Self.number)).count == 7)
        #expect(Set(sections.map(Self.number)).count == 4)
        #expect(Set(counts.map(Self.number)).count == 5)
        for item in items {
            Self.expectTranslated(M.notANumber(item, "一"))
            Self.expectTranslated(M.below(item, "0", "-1"))
            Self.expectTranslated(M.outOfRange(item, InputText.outsideRange("0…1", "2")))
        }
        for section in sections { Self.expectTranslated(M.endsIn(section)) }
        for count in counts { Self.expectTranslated(M.headerCountOutOfRange(count, InputText.outsideRange("1…10", "11"))) }
        for phrase in [M.headerIJ, M.headerMN, M.headerNEP, M.tooManyPairs(10, 20, max: 100), M.unexpectedAfterCosts("9"),
                       M.literalCapacity(2), M.endsAfterWarehouses(1, 2), M.endsAfterCustomers(1, 2), M.endsInCustomerCosts(1, 2, 3),
                       M.unexpectedAfterCustomer("9"), M.pAboveVertices(5, 3), M.endsAfterEdges(1, 2),
                       M.badEdgeVertices(1, 3, "1", "9"), M.badEdgeLength(1, "-1"), M.unexpectedAfterEdge("9")] {
            Self.expectTranslated(phrase)
        }
    }

    @Test("every message of the problem file")
    func problemFile() {
        for phrase in [M.costOrPoints, M.missingCost, M.duplicateFacility("甲", first: 0), M.missingCapacity("p-median"),
                       M.missingFacilities("p-median"), M.noCostRows, M.costRowWidth(2, found: 1), M.noDemandPoint,
                       M.facilityCount(2, found: 1), M.noFacility, M.demandCount(2, found: 1), M.pAboveFacilities(3, 2),
                       M.missingP("p-median"), M.missingRadius("p-median"), M.notAPair(3)] {
            Self.expectTranslated(phrase)
        }
    }
}
