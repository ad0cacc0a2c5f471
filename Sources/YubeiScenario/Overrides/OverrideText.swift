import YubeiCore

// Every user-facing word of the overrides, in English and Chinese: usage errors (an
// ``OverrideError`` carries its ``Phrase``, printed in the run's language) and the phrases
// reports print beside them.

/// The overrides' usage errors and warnings, in English and Chinese. Ids, keys, option names and
/// values are quoted as written.
public enum OverrideMessage {
    public static let setNeedsEquals = Phrase(en: "expected PATH=VALUE, e.g. --set policy.budget=3800000",
                                              zh: "应写作 PATH=VALUE，例如 --set policy.budget=3800000")
    public static let needsSite = Phrase(en: "expected a warehouse or shelter id", zh: "应为仓库或避难场所的编号")
    public static let notAnOption = Phrase(
        en: "expected an override written as on the command line, e.g. \"--set policy.budget=4000000\"",
        zh: "改动应按命令行的写法给出，例如 \"--set policy.budget=4000000\"")
    public static let missingArgument = Phrase(en: "expected an option and its value, e.g. \"--close county-depot\"",
                                               zh: "应为选项及其取值，例如 \"--close county-depot\"")
    static let knownOptions = "--set, --close, --scale-displaced, --require, --forbid, --cut-road, --without-team"
    public static func unknownOption(_ option: String) -> Phrase {
        Phrase(en: "unknown override '--\(option)' (known: \(knownOptions))",
               zh: "未知的改动选项 '--\(option)'（可用：\(knownOptions)）")
    }
    public static let needsRoad = Phrase(
        en: "expected FROM:TO, two endpoints of a road in the roads file (e.g. --cut-road gekeng:yangmei)",
        zh: "应写作 FROM:TO，即道路文件中一条道路的两端（例如 --cut-road gekeng:yangmei）")
    public static let needsTeam = Phrase(en: "expected a team id", zh: "应为救援队伍的编号")
    public static let noRoadsFile = Phrase(en: "the scenario has no roads file (travel.roads), so there is no road to cut",
                                           zh: "方案没有道路文件（travel.roads），没有可以切断的道路")
    public static func unknownRoadEnd(_ id: String) -> Phrase {
        Phrase(en: "no road in the roads file ends at '\(id)'", zh: "道路文件中没有以 '\(id)' 为端点的道路")
    }
    public static func noRoadBetween(_ from: String, _ to: String) -> Phrase {
        Phrase(en: "no road of the roads file joins '\(from)' and '\(to)'", zh: "道路文件中没有连接 '\(from)' 和 '\(to)' 的道路")
    }
    public static func unknownTeam(_ id: String) -> Phrase {
        Phrase(en: "unknown team '\(id)'", zh: "未知的救援队伍 '\(id)'")
    }
    public static func badFactor(_ text: String) -> Phrase {
        Phrase(en: "expected a factor ≥ 0 (e.g. 1.3), found '\(text)'", zh: "应为 ≥ 0 的倍数（例如 1.3），实为 '\(text)'")
    }
    public static func unknownKey(_ key: String, in section: String) -> Phrase {
        section.isEmpty
            ? Phrase(en: "unknown key '\(key)' in the scenario", zh: "方案文件中没有键 '\(key)'")
            : Phrase(en: "unknown key '\(key)' in \(section)", zh: "\(section) 中没有键 '\(key)'")
    }
    public static func unknownItem(_ item: String, in section: String) -> Phrase {
        Phrase(en: "no entry '\(item)' in \(section)", zh: "\(section) 中没有条目 '\(item)'")
    }
    public static func notScalar(_ path: String) -> Phrase {
        Phrase(en: "'\(path)' holds a list or a map, not one value; set one of its keys",
               zh: "'\(path)' 是列表或映射，不是单个值；请改它下面的某个键")
    }
    public static func notScalarValue(_ value: String) -> Phrase {
        Phrase(en: "expected one value (a number, a word, true or false), found '\(value)'",
               zh: "应为单个值（数字、词语、true 或 false），实为 '\(value)'")
    }
    public static let emptyPath = Phrase(en: "expected a key path such as policy.budget", zh: "应为键路径，例如 policy.budget")
    public static func badIndex(_ index: String, count: Int) -> Phrase {
        Phrase(en: "no item [\(index)] (the list has \(count))", zh: "没有第 [\(index)] 项（列表共 \(count) 项）")
    }
    public static func unknownSite(_ id: String) -> Phrase {
        Phrase(en: "unknown site '\(id)' (not a warehouse or shelter id)", zh: "未知的站点 '\(id)'（不是仓库或避难场所的编号）")
    }
    public static func unknownHazard(_ id: String) -> Phrase {
        Phrase(en: "unknown hazard '\(id)'", zh: "未知的灾害情景 '\(id)'")
    }
    public static func requiredAndForbidden(_ id: String) -> Phrase {
        Phrase(en: "site '\(id)' is both required and forbidden", zh: "站点 '\(id)' 既被要求启用又被禁止使用")
    }
    /// Displaced people scaled (by repeated factors) past the range a scenario may hold.
    public static func scaledOutOfRange(_ hazard: String, _ area: String, _ problem: Phrase) -> Phrase {
        Phrase(en: "hazard '\(hazard)': people displaced from '\(area)' after scaling: \(problem.en)",
               zh: "灾害情景 '\(hazard)'：放大后 '\(area)' 需转移的人数：\(problem.zh)")
    }
    public static func moreDisplacedThanLive(_ hazard: String, _ area: String, _ people: Double, _ population: Int) -> Phrase {
        Phrase(en: "hazard '\(hazard)': \(Int(people)) people displaced from '\(area)' after scaling, more than its \(population) residents",
               zh: "灾害情景 '\(hazard)'：放大后 '\(area)' 有 \(Int(people)) 人需转移，多于其 \(population) 名居民")
    }

    /// `PHRASE; did you mean 'GUESS'?` (`PHRASE；是否应为 'GUESS'？`), or `phrase` when there is no guess.
    public static func suggesting(_ phrase: Phrase, _ guess: String?) -> Phrase {
        guard let guess else { return phrase }
        return Phrase(en: "\(phrase.en); did you mean '\(guess)'?", zh: "\(phrase.zh)；是否应为 '\(guess)'？")
    }

    /// `OVERRIDE: PHRASE` (`OVERRIDE：PHRASE` in Chinese).
    public static func labelled(_ override: String, _ phrase: Phrase) -> Phrase {
        Phrase(en: "\(override): \(phrase.en)", zh: "\(override)：\(phrase.zh)")
    }

    /// Every phrase of the table with sample arguments (for the tests that check each has a
    /// Chinese form).
    public static var all: [Phrase] {
        [setNeedsEquals, needsSite, notAnOption, missingArgument, unknownOption("x"), needsRoad, needsTeam, noRoadsFile,
         unknownRoadEnd("x"), noRoadBetween("x", "y"), unknownTeam("x"), badFactor("x"), unknownKey("x", in: ""),
         unknownKey("x", in: "policy"), unknownItem("x", in: "hazards"), notScalar("x"), notScalarValue("x"),
         emptyPath, badIndex("7", count: 2), unknownSite("x"), unknownHazard("x"),
         requiredAndForbidden("x"), moreDisplacedThanLive("h", "a", 3, 2), suggesting(unknownSite("x"), "y"),
         labelled("--close x", needsSite)]
    }
}

/// Phrases reports use for overrides.
public enum OverrideText {
    public static let heading = Phrase(en: "Overrides", zh: "本次改动")
    public static let none = Phrase(en: "none: the scenario as written", zh: "无：按方案文件原样")
}
