import Foundation
import Testing
import YubeiTestSupport

@Suite("Scenario lists kept in a workbook: the same plan as inline YAML, bad cells by sheet and cell")
struct ScenarioTablesTests {
    /// plan.json without the solve time, which differs from run to run, as sorted JSON text.
    func plan(_ folder: URL) throws -> (text: String, open: [String]) {
        var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json"))) as! [String: Any]
        plan["seconds"] = nil
        let text = String(decoding: try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys]), as: UTF8.self)
        return (text, plan["open_shelters"] as? [String] ?? [])
    }

    @Test("areas, warehouses, shelters and teams from four sheets (Chinese headers, 是/否, 短期固定避难场所, 、-separated specialties) solve to the inline plan")
    func samePlan() throws {
        let inline = try WorkbookFixtures.path("inline.yaml")
        let tables = try WorkbookFixtures.path("tables.yaml")
        let out = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let a = try runYubei(["solve", inline, "--out", out.appendingPathComponent("inline").path])
        let b = try runYubei(["solve", tables, "--out", out.appendingPathComponent("tables").path])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let planA = try plan(out.appendingPathComponent("inline")), planB = try plan(out.appendingPathComponent("tables"))
        #expect(planA.text == planB.text)
        // The plan is not trivial: shelters are open and people assigned to them.
        #expect(!planA.open.isEmpty && planA.text.contains("shelter_assignment"))
        let validate = try runYubei(["validate", tables])
        #expect(validate.status == 0 && validate.stdout.contains("4 areas") && validate.stdout.contains("4 shelters"), "\(validate.stdout)")
    }

    @Test("bad cells of a list sheet come out as FILE[SHEET]:CELL, all at once, exit 65")
    func badCells() throws {
        let bad = try WorkbookFixtures.path("bad-tables.yaml")
        let run = try runYubei(["validate", bad])
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(lines.contains { $0.contains("bad-county.xlsx[乡镇]:E3: error:") && $0.contains("六万") }, "\(run.stderr)")
        #expect(lines.contains { $0.contains("bad-county.xlsx[乡镇]:C4: error:") }, "\(run.stderr)")
        #expect(lines.contains { $0.contains("bad-county.xlsx[乡镇]:C5: error:") && $0.contains("125.63") }, "\(run.stderr)")
        #expect(lines.contains { $0.contains("bad-county.xlsx[乡镇]:A6: error:") && $0.contains("duplicate id 'xunzhong'") }, "\(run.stderr)")
    }

    @Test("a list from a CSV file: rows by number, and a sheet or file that is not there")
    func csvAndMissing() throws {
        let folder = try scratchFolder(texts: [
            "areas.csv": "id,名称,纬度,经度,人口\na,甲镇,25.5,118.2,1000\nb,乙镇,25.6,118.3,-5\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try String(contentsOfFile: WorkbookFixtures.path("tables.yaml"), encoding: .utf8)
        var text = base.replacingOccurrences(of: "{table: county.xlsx, sheet: 乡镇}", with: "{table: areas.csv}")
        text = text.replacingOccurrences(of: "{table: county.xlsx, sheet: 队伍}", with: "{table: county.xlsx, sheet: 队}")
        text = text.replacingOccurrences(of: "table: county.xlsx", with: "table: \(try WorkbookFixtures.path("county.xlsx"))")
        try text.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let run = try runYubei(["validate", folder.appendingPathComponent("s.yaml").path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("areas.csv:3: error: areas[1].population: expected a whole number ≥ 0, found -5"), "\(run.stderr)")
        #expect(run.stderr.contains("county.xlsx: error: no sheet named '队'; the workbook has '乡镇', '仓库', '避难场所', '队伍'; did you mean '队伍'?"), "\(run.stderr)")
    }
}
