import Testing
@testable import YubeiCore
import YubeiSpreadsheet
import YubeiTestSupport

/// Every kind of YubeiCore diagnostic has its Chinese form: the workbook problems (every case of
/// ``SpreadsheetProblem/Kind``), the YAML reader's kinds, libyaml's problems and the file-level
/// messages, each different from its English and with no English word but format names.
@Suite("YubeiCore diagnostics in Chinese")
struct ChineseMessagesTests {
    static let allowed: Set<String> = ["UTF-8", "GB18030", "YAML", "Excel", "xlsx", "xls", "XML", "CSV", "true", "false",
                                       "key", "value", "xl", "xl/workbook.xml", "workbook.xml", "default", "MB", "U", "URI",
                                       "plan.json", "extra"]

    static func expectTranslated(_ phrase: Phrase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(phrase.zh != phrase.en, "\(phrase.en)", sourceLocation: sourceLocation)
        #expect(holdsChinese(phrase.zh), "\(phrase.zh)", sourceLocation: sourceLocation)
        let english = englishWords(in: phrase.zh, allowed: allowed)
        #expect(english.isEmpty, "English \(english) in \(phrase.zh)", sourceLocation: sourceLocation)
    }

    /// One sample of every case: the switch has no `default`, so a new case does not compile
    /// until it has a sample here.
    static func caseNumber(_ kind: SpreadsheetProblem.Kind) -> Int {
        switch kind {
        case .notZip: return 0
        case .missingPart: return 1
        case .badXML: return 2
        case .partTooLarge: return 3
        case .notWorkbook: return 4
        case .noSuchSheet: return 5
        case .noSheets: return 6
        case .badSharedString: return 7
        case .badNumber: return 8
        case .badDate: return 9
        case .badReference: return 10
        }
    }

    static let workbookSamples: [SpreadsheetProblem.Kind] = [
        .notZip("12"), .missingPart("xl/workbook.xml"), .badXML(part: "xl/workbook.xml", detail: "12"),
        .partTooLarge(part: "xl/workbook.xml", bytes: 1 << 30), .notWorkbook, .noSuchSheet("乡镇", available: ["乡镇表"]),
        .noSheets, .badSharedString(7), .badNumber("一"), .badDate(-3), .badReference("十"),
    ]

    @Test("every workbook problem")
    func workbook() {
        #expect(Set(Self.workbookSamples.map(Self.caseNumber)).count == 11)
        for kind in Self.workbookSamples { Self.expectTranslated(TableMessage.describe(kind)) }
    }

    @Test("every kind the YAML reader expects, and its messages")
    func yamlReader() {
        let kinds: [YAMLMessage.Kind] = [.mapping, .list, .text, .number, .finiteNumber, .wholeNumber, .boolean]
        for kind in kinds {
            Self.expectTranslated(YAMLMessage.expected(kind, "a mapping"))
        }
        for phrase in [YAMLMessage.plainKey("a list"), YAMLMessage.unknownKey("甲", suggestion: "乙"), YAMLMessage.keptAsExtra("备注"),
                       YAMLMessage.missingKey("甲"), YAMLMessage.bound("≥", "0", "-1", whole: true), YAMLMessage.invalidID("甲 乙"),
                       YAMLMessage.notOneOf("甲", ["乙", "丙"], suggestion: "乙")] {
            Self.expectTranslated(phrase)
        }
    }

    @Test("file-level problems, number ranges and every libyaml problem and context Yubei knows")
    func files() {
        for phrase in [InputText.noSuchFile, InputText.isDirectory, InputText.unreadable, InputText.notUTF8OrGB18030,
                       InputText.notUTF8, InputText.emptyFile, InputText.controlCharacterInFile("U+0007"),
                       InputText.controlCharacterInText("U+0007"), InputText.nestedTooDeep(512), InputText.noYAMLDocument,
                       InputText.duplicateKeys(["甲"]), InputText.notFinite("1"), InputText.outsideRange("0…1", "2"),
                       InputText.tooCloseToZero("1e-12", "1e-300"), InputText.notANumber("一"), InputText.below("0", "-1"),
                       CSVMessage.quoteInUnquotedField, CSVMessage.textAfterClosingQuote, CSVMessage.unclosedQuote,
                       CSVMessage.controlCharacter(column: nil, field: 2, "U+0007"), CSVMessage.notText] {
            Self.expectTranslated(phrase)
        }
        for (problem, zh) in InputText.yamlProblems {
            Self.expectTranslated(Phrase(en: problem, zh: zh))
            for (context, _) in InputText.yamlContexts {
                Self.expectTranslated(InputText.invalidYAML(problem, context: (context, 3)))
            }
        }
        // Every range of InputRanges refuses in both languages.
        for range in InputRanges.byKey.values {
            if let problem = range.problemPhrase(with: range.upperBound * 2 + 1) { Self.expectTranslated(problem) }
        }
    }
}
