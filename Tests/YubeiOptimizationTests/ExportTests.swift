import Foundation
import Testing
@testable import YubeiOptimization
import YubeiTestSupport

/// What `glpsol -o` reports for a model file.
struct GLPSOLReport {
    var status: String
    var objective: Double
}

/// Solves `file` with the real `glpsol` and reads the status and objective from its report.
/// A maximisation in MPS needs `--max`, because GLPK's MPS format has no objective sense.
func glpsol(_ file: URL, format: ModelFileFormat, maximize: Bool = false) throws -> GLPSOLReport {
    let report = file.deletingPathExtension().appendingPathExtension("out")
    let flag = format == .cplexLP ? "--lp" : "--freemps"
    let sense = format == .freeMPS && maximize ? ["--max"] : []
    let output = try runCommand(URL(fileURLWithPath: "/usr/bin/glpsol"), [flag, file.path, "-o", report.path] + sense)
    #expect(output.status == 0, "glpsol: \(output.stdout) \(output.stderr)")
    let text = try String(contentsOf: report, encoding: .utf8)
    var status = "", objective = Double.nan
    for line in text.split(separator: "\n") {
        if line.hasPrefix("Status:") {
            status = line.dropFirst("Status:".count).trimmingCharacters(in: .whitespaces)
        } else if line.hasPrefix("Objective:"), let eq = line.firstIndex(of: "=") {
            // "Objective:  obj = 6.5 (MINimum)"
            let rest = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            objective = Double(rest.split(separator: " ").first ?? "") ?? .nan
        }
    }
    return GLPSOLReport(status: status, objective: objective)
}

@Suite("Export: files that glpsol reads back to the same optimum")
struct ExportTests {
    /// A small MIP with awkward names: Chinese, spaces, duplicates, empty, a keyword, a leading digit,
    /// a row named like the objective. By hand: the depots hold 7 and 5, the plan must cover 9 with
    /// whole trucks of 2 (cost 3 each) plus loose units (cost 2 each) → 4 trucks + 1 unit = 14, + 10.
    static func awkwardMIP() -> Model {
        var m = Model(name: "应急 物资")
        let trucks = m.addVariable("卡车 数量", kind: .integer, upperBound: 7)
        let loose = m.addVariable("卡车 数量", upperBound: 5)  // duplicate name
        let spare = m.addVariable("", kind: .binary)           // empty name
        let keyword = m.addVariable("st", upperBound: 1)       // an LP keyword
        let digit = m.addVariable("3rd shift", upperBound: 1)
        m.addConstraint(2 * trucks + loose + spare >= 9, name: "obj")
        m.addConstraint(trucks + keyword + digit <= 7, name: "仓库 A")
        m.addConstraint(loose - keyword <= 5, name: "仓库 A")
        m.minimize(3 * trucks + 2 * loose + 4 * spare + keyword + digit + 10.0)
        return m
    }

    /// An LP with an objective constant: max 3x + 2y − 7.5 with x + y ≤ 4, x + 3y ≤ 6, x ≤ 3.
    /// By hand: x = 3, y = 1, z = 9 + 2 − 7.5 = 3.5.
    static func lpWithConstant() -> Model {
        var m = Model(name: "lp")
        let x = m.addVariable("x 坐标"), y = m.addVariable("x 坐标")
        m.addConstraint(x + y <= 4, name: "限 额")
        m.addConstraint(x + 3 * y <= 6, name: "限 额")
        m.addConstraint(x <= 3, name: "")
        m.maximize(3 * x + 2 * y - 7.5)
        return m
    }

    @Test("glpsol's optimum of the exported file equals Model.solve",
          arguments: [("MIP with awkward names", 24.0), ("LP with objective constant", 3.5)],
          ModelFileFormat.allCases)
    func roundTrip(_ c: (String, Double), format: ModelFileFormat) throws {
        let model = c.0.hasPrefix("MIP") ? Self.awkwardMIP() : Self.lpWithConstant()
        let solved = try model.solve().requireOptimal()
        #expect(approximatelyEqual(solved.objectiveValue, c.1))  // the hand answer

        let directory = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("model.\(format.rawValue)")
        try model.write(to: file.path, format: format)
        let report = try glpsol(file, format: format, maximize: model.sense == .maximize)
        #expect(report.status == (model.isMIP ? "INTEGER OPTIMAL" : "OPTIMAL"))
        #expect(approximatelyEqual(report.objective, c.1))

        let text = try String(contentsOf: file, encoding: .utf8)
        let isASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII)
        #expect(text.contains("objective_constant"))
    }

    @Test("exported names are unique, ASCII, and keep what ASCII they had")
    func sanitisedNames() throws {
        let directory = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("names.lp")
        try Self.awkwardMIP().write(to: file.path, format: .cplexLP)
        let text = try String(contentsOf: file, encoding: .utf8)
        // Row names are the labels before ':' in the constraints section.
        let constraints = text.components(separatedBy: "Subject To")[1].components(separatedBy: "Bounds")[0]
        let rowNames = constraints.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return line[..<colon].trimmingCharacters(in: .whitespaces)
        }
        #expect(rowNames.count == 3)
        #expect(Set(rowNames).count == 3)
        #expect(!rowNames.contains("obj"))
        #expect(!text.contains(" st ") && !text.contains(" 3rd"))
        #expect(text.contains("shift"))
    }

    @Test("file-safe names: replacement, prefixes, keywords, uniqueness and length")
    func fileSafeNames() {
        let names = Model.fileSafeNames(
            ["a b", "a b", "a_b", "", "", "9x", ".x", "仓库", "bounds", "ok", String(repeating: "z", count: 300)],
            prefix: "x", reserved: ["ok"]
        )
        #expect(Set(names).count == names.count)
        #expect(names[0] == "a_b")
        #expect(names[1] != "a_b" && names[2] != "a_b")
        #expect(names[5] == "x_9x" && names[6] == "x_.x" && names[8] == "x_bounds")
        #expect(names[9] != "ok")
        let valid = names.allSatisfy { $0.utf8.count <= 255 && $0.unicodeScalars.allSatisfy { $0.isASCII } && !$0.contains(" ") }
        #expect(valid)
    }

    @Test("exporting does not change the model, and a model without a constant gets no extra column")
    func noConstantColumn() throws {
        var m = Model()
        let x = m.addVariable("x", upperBound: 2)
        m.maximize(LinearExpression(x))
        let directory = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plain.mps")
        try m.write(to: file.path, format: .freeMPS)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.contains("objective_constant"))
        #expect(text.contains("MAXIMIZE"))
        #expect(approximatelyEqual(try glpsol(file, format: .freeMPS, maximize: true).objective, 2))
        #expect(m.variables.count == 1)
    }

    @Test("an unwritable path is a ModelWriteError")
    func unwritable() {
        var m = Model()
        m.addVariable("x")
        #expect(throws: ModelWriteError.self) { try m.write(to: "/nonexistent-dir/model.lp", format: .cplexLP) }
    }
}
