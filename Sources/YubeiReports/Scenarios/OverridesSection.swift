import YubeiCore
import YubeiScenario

/// The overrides a plan was made under, as a section of its report (after the title).
public enum OverridesSection {
    /// `report` (Markdown) with an "Overrides" section after its first line; unchanged when
    /// there are none.
    public static func markdown(inserting overrides: [String], into report: String, language: Language) -> String {
        guard !overrides.isEmpty else { return report }
        var section = "## \(OverrideText.heading(language))\n\n"
        for item in overrides { section += "- `\(item.replacingOccurrences(of: "`", with: "'"))`\n" }
        section += "\n"
        guard let end = report.range(of: "\n\n") else { return report + "\n" + section }
        return String(report[..<end.upperBound]) + section + String(report[end.upperBound...])
    }

    /// `report` (HTML) with an "Overrides" section after its first `</h1>`.
    public static func html(inserting overrides: [String], into report: String, language: Language) -> String {
        guard !overrides.isEmpty else { return report }
        var section = "<h2>\(HTMLEscaper.escape(OverrideText.heading(language)))</h2>\n<ul>\n"
        for item in overrides { section += "<li><code>\(HTMLEscaper.escape(item))</code></li>\n" }
        section += "</ul>\n"
        guard let end = report.range(of: "</h1>") else { return report }
        let after = report[end.upperBound...].hasPrefix("\n") ? report.index(after: end.upperBound) : end.upperBound
        return String(report[..<after]) + section + String(report[after...])
    }
}
