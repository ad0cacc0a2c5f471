import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

/// Every diagnostic of the scenario loader, the roads file and the boundaries file
/// (``ScenarioMessage``) has a Chinese form: different from the English, holding Chinese, and with
/// no English word but the file's keys, prefixes, units and standards.
@Suite("Scenario diagnostics in Chinese")
struct ScenarioMessagesTests {
    static let allowed: Set<String> = ["area", "site", "team", "junction", "km", "speed_kmh", "travel.roads", "lat", "lon",
                                       "WGS-84", "GB", "m", "areas", "warehouses", "shelters", "teams", "table", "sheet",
                                       "default", "policy.resilience", "policy.resilience_max_unmet", "resilience", "n-1",
                                       "GeoJSON", "FeatureCollection", "features", "Polygon", "MultiPolygon",
                                       // Arguments of the samples: file names, keys and shelter classes as the file writes them.
                                       "policy", "from", "roads.csv", "b.geojson", "emergency", "fixed-short", "fixed-medium",
                                       "fixed-long", "central"]

    static func expectTranslated(_ phrase: Phrase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(phrase.zh != phrase.en, "\(phrase.en)", sourceLocation: sourceLocation)
        #expect(holdsChinese(phrase.zh), "\(phrase.zh)", sourceLocation: sourceLocation)
        let english = englishWords(in: phrase.zh, allowed: allowed)
        #expect(english.isEmpty, "English \(english) in \(phrase.zh)", sourceLocation: sourceLocation)
    }

    @Test("every message of ScenarioMessage")
    func messages() {
        typealias M = ScenarioMessage
        let phrases: [Phrase] = [
            M.emptyList("areas"), M.unknownReference("area", "甲", suggestion: "乙"), M.unknownReference("site", "甲"),
            M.unknownReference("warehouse or shelter", "甲"), M.moreDisplacedThanLive(3, 2, "甲"), M.listNotFromTable("policy"),
            M.duplicateID("甲", kind: "site", firstPath: "shelters[0]", first: SourceLocation(file: "县.yaml", line: 3, column: 5),
                          here: SourceLocation(file: "县.yaml", line: 4, column: 5)),
            M.duplicateID("甲", kind: "area", firstPath: "areas[0]", first: SourceLocation(file: "roads.csv", line: 3),
                          here: SourceLocation(file: "县.yaml", line: 4, column: 5)),
            M.latitudeOutOfRange(95), M.longitudeOutOfRange(190),
            M.zeroAreaPerPerson, M.zeroDistance, M.areaPerPersonBelowStandard(1), M.smallShelterSite(100),
            M.expectedNumberOrClassMap("'甲'"), M.noValueForClass("central", "shelters[0]", "甲"), M.probabilitiesDoNotSum(0.5),
            M.probabilitiesLeaveNothing(1, missing: 2), M.areaOffNetwork("甲", "roads.csv"), M.siteOffNetwork("甲", "roads.csv"),
            M.cannotReadRoads("roads.csv"), M.roadsWithoutRows, M.emptyEndpoint("from"), M.badKilometres("一"), M.badSpeed("一"),
            M.columnProblem("km", InputText.outsideRange("0…1", "2")), M.selfLoop("甲"),
            M.unknownPrefixed(.area, "甲", suggestion: "乙"), M.unknownPrefixed(.team, "甲", suggestion: nil), M.unknownPrefix("甲"),
            M.ambiguousEndpoint("甲"), M.deadEndJunction("甲", suggestion: "乙"), M.cannotReadBoundaries("b.geojson"),
            M.notGeoJSONObject("b.geojson"), M.notPolygonCollection("b.geojson"), M.badRings("b.geojson", 0), M.noPolygons("b.geojson"),
            M.unreadableScenario, M.resilienceNeedsShare, M.resilienceMaxUnmetIgnored,
        ]
        for phrase in phrases { Self.expectTranslated(phrase) }
    }
}
