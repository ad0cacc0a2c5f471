import Testing
import YubeiCore
import YubeiReports

@Suite("Rendering kit: escapers, formatter, renderers")
struct KitTests {
    @Test func htmlEscaperEscapesEveryMarkupCharacter() {
        #expect(HTMLEscaper.escape(#"<b class="x">Tom & 'Jerry'</b>"#)
            == "&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;")
        #expect(HTMLEscaper.escape("浔中镇") == "浔中镇")
    }

    @Test func markdownEscaperKeepsATableRowOnOneLine() {
        #expect(MarkdownEscaper.escape("a|b\nc\r\nd") == #"a\|b c d"#)
        #expect(MarkdownEscaper.escape("恒达化工") == "恒达化工")
    }

    @Test func numbersMoneyAndDurationsInBothLanguages() {
        #expect(NumberText.number(1234567) == "1,234,567")
        #expect(NumberText.number(1234.56, digits: 1) == "1,234.6")
        #expect(NumberText.number(2.04, digits: 1) == "2")
        #expect(NumberText.number(nil) == "—" && NumberText.number(.nan) == "—")
        #expect(NumberText.plain(3) == "3" && NumberText.plain(2.5) == "2.5")
        #expect(NumberText.percent(0.0123) == "1.230%")
        #expect(NumberText(.en).money(1200) == "1,200 yuan")
        #expect(NumberText(.zh).money(1200) == "1,200 元")
        #expect(NumberText(.en).duration(.milliseconds(2500)) == "2.50 s")
        #expect(NumberText(.zh).duration(.milliseconds(2500)) == "2.50 秒")
    }

    static let document: ReportDocument = {
        var table = ReportTable(headings: ["单位", "状态"], rows: [["A|B", "missed"], ["<C>", "due"]])
        table.rowTones[0] = .flag
        table.mark(row: 1, column: 1, as: .due)
        return ReportDocument(title: "通报 & notice", language: .zh, sections: [
            ReportSection("总体", [.paragraph("一句话"), .table(table)]),
            ReportSection("空", [.table(ReportTable(headings: ["x"], rows: [], whenEmpty: "全部完成")), .html("<svg/>")]),
        ])
    }()

    @Test func markdownForm() {
        let md = MarkdownRenderer.render(Self.document)
        // HTML in Markdown is shown, not run (issue 10): & < > as entities.
        #expect(md.hasPrefix("# 通报 &amp; notice\n\n"))
        #expect(md.contains("## 总体\n\n一句话\n\n| 单位 | 状态 |\n|---|---|\n| A\\|B | missed |\n| &lt;C&gt; | due |\n"))
        #expect(md.contains("## 空\n\n全部完成\n"))
        #expect(!md.contains("<svg"))
    }

    @Test func htmlFormMarksRowsAndCellsByTone() {
        let html = HTMLRenderer.render(Self.document)
        #expect(html.contains(#"<html lang="zh-CN">"#))
        #expect(html.contains("<title>通报 &amp; notice</title>"))
        #expect(html.contains(#"<tr class="flag"><td>A|B</td><td>missed</td></tr>"#))
        #expect(html.contains(#"<tr><td>&lt;C&gt;</td><td class="due">due</td></tr>"#))
        #expect(html.contains("<p>全部完成</p>") && html.contains("<svg/>"))
    }

    @Test func terminalFormPadsByDisplayWidth() {
        let text = TerminalRenderer.table(ReportTable(headings: ["id", "名称"], rows: [["a", "浔中镇"], ["long-id", "x"]]))
        #expect(text == "id       名称\n-------  ------\na        浔中镇\nlong-id  x")
        #expect(TerminalRenderer.width("浔中镇a") == 7)
    }

    @Test func csvFormQuotesOnlyWhatNeedsIt() {
        let csv = CSVRenderer.render(headings: ["a", "b"], rows: [["1,2", #"say "hi""#], ["plain", "两行\n文字"]])
        #expect(csv == "\u{FEFF}a,b\r\n\"1,2\",\"say \"\"hi\"\"\"\r\nplain,\"两行\n文字\"\r\n")
        #expect(!CSVRenderer.render(headings: ["a"], rows: [], byteOrderMark: false).hasPrefix("\u{FEFF}"))
    }
}

@Suite("JSON house style")
struct ReportJSONTests {
    struct Sample: Encodable {
        var asOf = "2026-09-30"
        var dueSoon: [String] = []
        var warehouseStock = ["CountyDepot": 1]
        var gap: ReportJSON.JSONNumber? = ReportJSON.number(796648.4375000001)
        var bound: ReportJSON.JSONNumber? = ReportJSON.number(5819.0)
        var missing: ReportJSON.JSONNumber? = ReportJSON.number(.nan)
    }

    @Test func snakeCaseKeysByStrategySortedAndIdsUntouched() throws {
        let text = try ReportJSON.text(Sample())
        #expect(text == """
        {
          "as_of" : "2026-09-30",
          "bound" : 5819,
          "due_soon" : [

          ],
          "gap" : 796648.4375,
          "warehouse_stock" : {
            "CountyDepot" : 1
          }
        }
        """)
    }
}
