import Foundation
import Testing
import YubeiTestSupport

/// No diagnostic is built from English text alone: every `error:`/`warning:` a reader or a command
/// prints is a `Phrase` from its module's `…Text.swift` table, so that `--lang zh` prints it in
/// Chinese. The scan looks for the forms that take a bare string: `Diagnostic(.error, at: …, "…")`,
/// `.error(at: …, "…")`, `reader.error(node, path, "…")` and `ValidationError("…")`.
@Suite("No English-only diagnostics in the sources")
struct EnglishOnlyDiagnosticsTests {
    static let patterns = [
        #"ValidationError\(""#,
        #"\.(error|warning)\(at: [^()]*(\([^()]*\))?[^()]*, ""#,
        #"Diagnostic\(\.(error|warning), at: .*, ""#,
        #"\.(error|warning)\(.*, "([^"\\]|\\.)*"\)(?!\))"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    @Test("every diagnostic and option check has a Chinese form")
    func scan() throws {
        let sources = packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        var found: [String] = []
        for file in files {
            let relative = String(file.path.dropFirst(packageRoot.path.count + 1))
            if relative.hasSuffix("YubeiCore/Diagnostic.swift") { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                let range = NSRange(line.startIndex..., in: line)
                if Self.patterns.contains(where: { $0.firstMatch(in: line, range: range) != nil }) {
                    found.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "diagnostics in English only (give each a Phrase in its module's …Text.swift):\n\(found.joined(separator: "\n"))")
    }

    @Test("the scan finds an English-only diagnostic of each form")
    func scanFindsThem() {
        for line in [#"throw ValidationError("--gap must be ≥ 0")"#,
                     #"throw InputError(.error(at: SourceLocation(file: path), "no such file"))"#,
                     #"diagnostics.append(Diagnostic(.warning, at: location, "odd"))"#,
                     #"reader.error(node, path, "'\(text)' is not a date")"#] {
            let range = NSRange(line.startIndex..., in: line)
            #expect(Self.patterns.contains { $0.firstMatch(in: line, range: range) != nil }, "\(line)")
        }
        for line in [#"reader.error(node, path, DrillsMessage.notADate(text))"#,
                     #"r.error(column, Phrase(en: "empty; a value is required", zh: "为空；此项必填"))"#] {
            let range = NSRange(line.startIndex..., in: line)
            #expect(!Self.patterns.contains { $0.firstMatch(in: line, range: range) != nil }, "\(line)")
        }
    }
}
