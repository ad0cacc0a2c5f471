import YubeiCore

/// The diagnostics of the study file and of an adopted plan.json, in English and Chinese.
enum StudyMessage {
    static func dotName(_ name: String) -> Phrase {
        Phrase(en: "variant name '\(name)' must not start with '.' (it names a folder)",
               zh: "变体名 '\(name)' 不能以 '.' 开头（它用作文件夹名）")
    }

    static let baseReserved = Phrase(en: "'base' is the base scenario's name; choose another for this variant",
                                     zh: "'base' 是基准情景的名称；请给这个变体另起一个名字")

    static func duplicate(_ name: String, line: Int) -> Phrase {
        Phrase(en: "variant name '\(name)' already used at line \(line)", zh: "变体名 '\(name)' 已在第 \(line) 行使用")
    }

    static let nothingChanged = Phrase(en: "a variant needs 'overrides' or 'scenario' (or both)",
                                       zh: "变体需要 'overrides' 或 'scenario'（或两者都有）")

    /// `variant 'NAME': PROBLEM` (`变体 'NAME'：PROBLEM`): a variant's scenario refused with its overrides.
    static func inVariant(_ name: String, _ problem: Phrase) -> Phrase {
        Phrase(en: "variant '\(name)': \(problem.en)", zh: "变体 '\(name)'：\(problem.zh)")
    }

    /// An error no reader words (the system's own text, in the system's language).
    static func unexpected(_ text: String) -> Phrase {
        Phrase(en: text, zh: "意外的错误：\(text)")
    }

    /// A study's `base` or variant `scenario` that is missing or a folder (`why`: no such file, ...).
    static func noScenario(_ written: String, _ why: Phrase) -> Phrase {
        Phrase(en: "cannot read the scenario '\(written)' (\(why.en))", zh: "无法读取情景文件 '\(written)'（\(why.zh)）")
    }

    // plan.json adopted by `yubei stress`

    static let planUnreadable = Phrase(en: "no such file, or it cannot be read", zh: "文件不存在或无法读取")

    static func notAPlan(missingKey key: String) -> Phrase {
        Phrase(en: "not a plan: no '\(key)' key (expected plan.json of yubei solve)",
               zh: "不是方案文件：没有 '\(key)' 键（应为 yubei solve 写出的 plan.json）")
    }

    /// What an adopted plan names: a warehouse, a shelter or a supply.
    enum PlanName { case warehouse, shelter, supply }

    static func planNamesUnknown(_ kind: PlanName, _ id: String, scenario: String) -> Phrase {
        let (en, zh) = switch kind {
        case .warehouse: ("warehouse", "仓库")
        case .shelter: ("shelter", "避难场所")
        case .supply: ("supply", "物资")
        }
        return Phrase(en: "the plan names \(en) '\(id)', which \(scenario) does not have",
                      zh: "方案中的\(zh) '\(id)' 在 \(scenario) 中不存在")
    }
}
