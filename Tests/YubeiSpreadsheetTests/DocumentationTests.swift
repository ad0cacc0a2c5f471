import Foundation
import Testing
import YubeiDrills
@testable import YubeiScenario
import YubeiTestSupport

@Suite("Every Chinese column name the readers accept is documented")
struct DocumentationTests {
    @Test("Docs/OfficeData.md names every alias of records, corrective actions, organisations and scenario lists")
    func aliasesDocumented() throws {
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("Docs/OfficeData.md"), encoding: .utf8)
        var aliases: [(String, String)] = []
        for table in [DrillColumnNames.records, DrillColumnNames.correctiveActions, DrillColumnNames.organizations] {
            for (column, names) in table { aliases += names.map { (column, $0) } }
        }
        for list in ["areas", "warehouses", "shelters", "teams"] {
            for column in ScenarioTableSchema.columns(list) ?? [] { aliases += column.aliases.map { (column.name, $0) } }
        }
        #expect(aliases.count > 100)
        for (column, alias) in aliases {
            let row = doc.split(separator: "\n").first { $0.hasPrefix("| \(column) |") && $0.contains(alias) }
            #expect(row != nil, "\(column): \(alias) is not documented")
        }
    }
}
