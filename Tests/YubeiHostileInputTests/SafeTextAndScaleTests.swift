import Foundation
import Testing
import YubeiCore
import YubeiOptimization

@Suite("Issue 10: escaping, ranges and GLPK's scale")
struct SafeTextAndScaleTests {
    @Test("CSV: the OWASP rule for = + - @ tab CR, quoting, and the value read back")
    func csv() {
        #expect(SafeText.csvCell("=1+1") == "'=1+1")
        #expect(SafeText.csvCell("+86 10") == "'+86 10")
        #expect(SafeText.csvCell("-5") == "'-5")
        #expect(SafeText.csvCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(SafeText.csvCell("\t=x") == "'\t=x")
        #expect(SafeText.csvCell("\r=x") == "\"'\r=x\"")
        #expect(SafeText.csvCell("=HYPERLINK(\"u\",\"t\")") == "\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"")
        #expect(SafeText.csvCell("县政府") == "县政府")
        #expect(SafeText.csvCell("a,b") == "\"a,b\"")
        #expect(SafeText.csvCell("a\u{1B}b") == "a\\u{1B}b")
        for original in ["=1+1", "-x", "@a", "plain", "'quoted"] {
            #expect(SafeText.csvValue(SafeText.csvCell(original)) == original)
        }
    }

    @Test("Markdown: HTML shown, links, code, tables and headings inert, one line")
    func markdown() {
        #expect(SafeText.markdown("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;")
        #expect(SafeText.markdown("a | b") == "a \\| b")
        #expect(SafeText.markdown("# title") == "\\# title")
        #expect(SafeText.markdown("x\n# title") == "x # title")
        #expect(SafeText.markdown("[a](javascript:x)") == "\\[a\\](javascript:x)")
        #expect(SafeText.markdown("county-depot") == "county-depot")
        #expect(SafeText.markdown("--forbid x") == "--forbid x")
        #expect(SafeText.markdown("- item") == "\\- item")
        #expect(SafeText.markdown("---") == "\\---")
        #expect(SafeText.markdown("`*~\\") == "\\`\\*\\~\\\\")
        #expect(SafeText.markdown("\u{0}\u{7}") == "\\\\u{0}\\\\u{7}")
    }

    @Test("HTML: the five characters and control characters")
    func html() {
        #expect(SafeText.html("<a href='x' title=\"y\">&</a>") == "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;")
        #expect(SafeText.html("\u{1B}[31m") == "\\u{1B}[31m")
        #expect(SafeText.html("\u{202E}evil") == "\\u{202E}evil")
    }

    @Test("iCalendar TEXT per RFC 5545 §3.3.11")
    func iCalendar() {
        #expect(SafeText.iCalendarText("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
        #expect(SafeText.iCalendarText("a\r\nb") == "a\\nb")
        #expect(SafeText.iCalendarText("x\u{0}y") == "x\\\\u{0}y")
        #expect(SafeText.iCalendarText("<script>") == "＜script＞")
    }

    @Test("terminal lines: controls and bidirectional overrides visible, one line; plain text untouched")
    func terminal() {
        #expect(SafeText.terminal("a\u{1B}[2Jb\nc") == "a\\u{1B}[2Jb c")
        #expect(SafeText.terminal("x\u{202E}y") == "x\\u{202E}y")
        #expect(SafeText.terminal("0…1000 — 应急≥1") == "0…1000 — 应急≥1")
        let d = Diagnostic.error(at: SourceLocation(file: "f.yaml", line: 2, column: 3), "name 'a\nf.yaml:9:9: error: forged'")
        #expect(!d.description.contains("\n"))
    }

    @Test("a million problems: the first 100,000 listed, the rest counted, in O(1) per problem")
    func diagnosticsLimit() throws {
        var d = Diagnostics()
        for row in 1...(Diagnostics.listedLimit + 2_500) {
            d.error(SourceLocation(file: "r.csv", line: row), "bad")
        }
        d.warning(SourceLocation(file: "r.csv"), "late")
        #expect(d.all.count == Diagnostics.listedLimit)
        #expect(d.errorCount == Diagnostics.listedLimit + 2_500)
        #expect(d.omitted == 2_501)
        #expect(d.hasErrors)
        var merged = Diagnostics([.warning(at: SourceLocation(file: "o.yaml"), "w")])
        merged.append(contentsOf: d)
        #expect(merged.errorCount == Diagnostics.listedLimit + 2_500)
        #expect(merged.omitted == 2_502)
        #expect(merged.omittedSummary == "2502 more problems not listed (the first 100000 are above)")
    }

    @Test("one range per key: last key, map key, two-key form; integers and magnitudes")
    func ranges() {
        #expect(InputRanges.range(forKeyPath: "areas[3].population") == InputRanges.people)
        #expect(InputRanges.range(forKeyPath: "hazards[0].displaced.xunzhong") == InputRanges.people)
        #expect(InputRanges.range(forKeyPath: "points.demand[2][0]") == InputRanges.coordinate)
        #expect(InputRanges.range(forKeyPath: "demand[2]") == InputRanges.byKey["demand"])
        #expect(InputRanges.range(forKeyPath: "something.else") == InputRanges.general)
        #expect(InputRanges.people.problem(with: 9_223_372_036_854_775_807) != nil)
        #expect(InputRanges.people.problem(with: 1000) == nil)
        #expect(InputRanges.general.problem(with: Double("1e-320")!) != nil)  // subnormal, as typed
        #expect(InputRanges.general.problem(with: 0) == nil)
        #expect(InputRanges.general.problem(with: .nan) != nil)
        #expect(InputRanges.year.integers == 1900...2999)
        #expect(InputRanges.clampedInt(1e300) == Int.max)
        #expect(InputRanges.wholeNumber(2.5, in: InputRanges.count) == nil)
    }

    @Test("every documented range is in docs/input-ranges.md")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/input-ranges.md"), encoding: .utf8)
        for (key, range) in InputRanges.byKey {
            #expect(doc.contains("| `\(key)` | \(range.description) |"), "docs/input-ranges.md lacks `\(key)` \(range.description)")
        }
    }

    @Test("the modelling layer refuses coefficients GLPK's scaling cannot carry, with a thrown error",
          arguments: [1e308, 1e31, -1e40, Double("1e-320")!, 1e-31])
    func scale(coefficient: Double) throws {
        var model = Model()
        let x = model.addVariable("x", lowerBound: 0, upperBound: 10)
        let y = model.addVariable("y", lowerBound: 0, upperBound: 1)
        model.addConstraint(LinearExpression(x) - coefficient * LinearExpression(y) <= 0.0)
        model.maximize(LinearExpression(x))
        #expect(throws: ModelError.self) { try model.validate() }
        do {
            _ = try model.solve()
            Issue.record("solved a model with coefficient \(coefficient)")
        } catch {  // `solve` throws ModelError only
            #expect(error.kind == .outOfScale)
        }
    }

    @Test("a bound beyond 1e30 is refused; 1e12 coefficients still solve")
    func bounds() throws {
        var model = Model()
        let x = model.addVariable("x", lowerBound: 0, upperBound: 1e300)
        model.maximize(LinearExpression(x))
        #expect(throws: ModelError.self) { try model.validate() }
        var fine = Model()
        let a = fine.addVariable("a", lowerBound: 0, upperBound: 1)
        fine.addConstraint(1e12 * LinearExpression(a) <= 5e11)
        fine.maximize(LinearExpression(a))
        let result = try fine.solve()
        #expect(abs((result.values?[a.index] ?? -1) - 0.5) < 1e-9)
    }
}
