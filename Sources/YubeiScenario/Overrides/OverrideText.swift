import YubeiCore

// Every user-facing word of the overrides: usage errors (English, like every diagnostic of
// Yubei) and the phrases reports print beside them (English and Chinese).

enum OverrideMessage {
    static let setNeedsEquals = "expected PATH=VALUE, e.g. --set policy.budget=3800000"
    static let needsSite = "expected a warehouse or shelter id"
    static let notAnOption = "expected an override written as on the command line, e.g. \"--set policy.budget=4000000\""
    static let missingArgument = "expected an option and its value, e.g. \"--close county-depot\""
    static func unknownOption(_ option: String) -> String {
        "unknown override '--\(option)' (known: --set, --close, --scale-displaced, --require, --forbid, --cut-road, --without-team)"
    }
    static let needsRoad = "expected FROM:TO, two endpoints of a road in the roads file (e.g. --cut-road gekeng:yangmei)"
    static let needsTeam = "expected a team id"
    static let noRoadsFile = "the scenario has no roads file (travel.roads), so there is no road to cut"
    static func unknownRoadEnd(_ id: String) -> String { "no road in the roads file ends at '\(id)'" }
    static func noRoadBetween(_ from: String, _ to: String) -> String { "no road of the roads file joins '\(from)' and '\(to)'" }
    static func unknownTeam(_ id: String) -> String { "unknown team '\(id)'" }
    static func badFactor(_ text: String) -> String { "expected a factor ≥ 0 (e.g. 1.3), found '\(text)'" }
    static func unknownKey(_ key: String, in section: String) -> String {
        section.isEmpty ? "unknown key '\(key)' in the scenario" : "unknown key '\(key)' in \(section)"
    }
    static func unknownItem(_ item: String, in section: String) -> String { "no entry '\(item)' in \(section)" }
    static func notScalar(_ path: String) -> String {
        "'\(path)' holds a list or a map, not one value; set one of its keys"
    }
    static func notScalarValue(_ value: String) -> String { "expected one value (a number, a word, true or false), found '\(value)'" }
    static func fromTable(_ section: String) -> String { "\(section) comes from a table; edit the table instead" }
    static let emptyPath = "expected a key path such as policy.budget"
    static func badIndex(_ index: String, count: Int) -> String { "no item [\(index)] (the list has \(count))" }
    static func unknownSite(_ id: String) -> String { "unknown site '\(id)' (not a warehouse or shelter id)" }
    static func unknownHazard(_ id: String) -> String { "unknown hazard '\(id)'" }
    static func requiredAndForbidden(_ id: String) -> String { "site '\(id)' is both required and forbidden" }
    static func moreDisplacedThanLive(_ hazard: String, _ area: String, _ people: Double, _ population: Int) -> String {
        "hazard '\(hazard)': \(Int(people)) people displaced from '\(area)' after scaling, more than its \(population) residents"
    }
}

/// Phrases reports use for overrides.
public enum OverrideText {
    public static let heading = Phrase(en: "Overrides", zh: "本次改动")
    public static let none = Phrase(en: "none: the scenario as written", zh: "无：按方案文件原样")
}
