import Testing
import YubeiCore
import YubeiScenario
import YubeiTestSupport

/// Every usage error and warning of the overrides (``OverrideMessage``) has a Chinese form:
/// different from the English, holding Chinese, and with no English word but option names, key
/// paths, file formats and the samples' ids.
@Suite("Override messages in Chinese")
struct OverrideMessagesTests {
    static let allowed: Set<String> = [
        // Option names and the examples the messages give, as the command line writes them.
        "set", "close", "scale-displaced", "require", "forbid", "cut-road", "without-team",
        "PATH", "VALUE", "FROM", "TO", "policy.budget", "county-depot", "gekeng", "yangmei", "travel.roads",
        "true", "false",
        // Arguments of the samples: ids, keys and sections.
        "x", "y", "h", "a", "policy", "hazards", "areas",
    ]

    @Test("every message of OverrideMessage")
    func messages() {
        #expect(OverrideMessage.all.count >= 25)
        for phrase in OverrideMessage.all {
            #expect(phrase.zh != phrase.en, "\(phrase.en)")
            #expect(holdsChinese(phrase.zh), "\(phrase.zh)")
            let english = englishWords(in: phrase.zh, allowed: Self.allowed)
            #expect(english.isEmpty, "English \(english) in \(phrase.zh)")
        }
    }

    @Test("an override error prints in the language asked for, English by default")
    func errorInEitherLanguage() throws {
        do {
            _ = try ScenarioOverride.parse(option: "clse", argument: "x")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "--clse x: unknown override '--clse' (known: --set, --close, --scale-displaced, --require, --forbid, --cut-road, --without-team); did you mean '--close'?")
            #expect(error.description(in: .en) == error.description)
            #expect(error.description(in: .zh) == "--clse x：未知的改动选项 '--clse'（可用：--set, --close, --scale-displaced, --require, --forbid, --cut-road, --without-team）；是否应为 '--close'？")
            #expect(error.message == error.phrase.en)
        }
    }
}
