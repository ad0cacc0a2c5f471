import YubeiCore
import YubeiOptimization

/// The wording of the command line's own refusals (usage errors, exit 64), in English and Chinese.
/// Commands throw them as `ValidationError(UsageText.…(language))`.
enum UsageText {
    static func optionOutOfRange(_ name: String, _ problem: Phrase) -> Phrase {
        Phrase(en: "\(name): \(problem.en)", zh: "\(name)：\(problem.zh)")
    }

    static func emptyFolderName(_ name: String) -> Phrase {
        Phrase(en: "\(name) needs a folder name; it is empty", zh: "\(name) 需要一个文件夹名；现在为空")
    }

    static func controlCharacter(_ name: String) -> Phrase {
        Phrase(en: "\(name) contains a control character", zh: "\(name) 中含有控制字符")
    }

    static func positiveSeconds(_ name: String) -> Phrase {
        Phrase(en: "\(name) must be a positive number of seconds", zh: "\(name) 必须是正的秒数")
    }

    /// ``positiveSeconds(_:)`` as `yubei locate` has always worded it.
    static func secondsAboveZero(_ name: String) -> Phrase {
        Phrase(en: "\(name) must be a number of seconds > 0", zh: "\(name) 必须是大于 0 的秒数")
    }

    static func nonNegative(_ name: String, finite: Bool = false) -> Phrase {
        Phrase(en: "\(name) must be a \(finite ? "finite " : "")number ≥ 0", zh: "\(name) 必须是 ≥ 0 的\(finite ? "有限" : "")数字")
    }

    static func cannotWrite(_ out: String, _ detail: String) -> Phrase {
        Phrase(en: "cannot write to '\(out)': \(detail)", zh: "无法写入 '\(out)'：\(detail)")
    }

    /// `--export-model` / `--write-textbook-model` failed: the file named (``ModelWriteError``),
    /// else the error as it describes itself.
    static func cannotWriteModel(_ error: Error) -> Phrase {
        guard let error = error as? ModelWriteError else { return Phrase(en: "\(error)", zh: "\(error)") }
        return Phrase(en: "cannot write the model to '\(error.path)'", zh: "无法把模型写入 '\(error.path)'")
    }

    // MARK: drills

    static let recordsNeeded = Phrase(en: "give at least one records file or folder after the organisations file",
                                      zh: "请在单位名录文件之后至少给出一个演练记录文件或文件夹")

    static func yearExample(_ example: Int) -> Phrase {
        Phrase(en: "--year must be a year such as \(example)", zh: "--year 必须是年份，如 \(example)")
    }

    static func asOfNotDate(_ text: String) -> Phrase {
        Phrase(en: "--as-of '\(text)' is not a date (write 2026-09-30)", zh: "--as-of '\(text)' 不是日期（请写作 2026-09-30）")
    }

    static let observersNegative = Phrase(en: "--observers-per-week must be 0 or more", zh: "--observers-per-week 必须是 0 或更大")
    static let maxVariablesPositive = Phrase(en: "--max-variables must be positive", zh: "--max-variables 必须是正数")

    static func noShippedCalendar(_ year: Int, shipped: [Int]) -> Phrase {
        let years = shipped.map(String.init)
        return Phrase(en: "no holiday calendar is shipped for \(year) (shipped: \(years.joined(separator: ", "))); pass --calendar FILE",
                      zh: "没有内置 \(year) 年的节假日日历（内置：\(years.joined(separator: "、"))）；请用 --calendar 指定文件")
    }

    // MARK: locate

    static let capacityOnlyWithCap = Phrase(en: "--capacity applies only with --orlib cap", zh: "--capacity 只能与 --orlib cap 一起使用")

    static func orlibModels(_ format: String, _ models: String, _ modelsZh: String, not model: String) -> Phrase {
        Phrase(en: "--orlib \(format) solves \(models), not \(model)", zh: "--orlib \(format) 只能求解 \(modelsZh)，不能求解 \(model)")
    }

    // MARK: solve and frontier

    static let exportModelExtension = Phrase(en: "--export-model needs a file ending in .lp or .mps",
                                             zh: "--export-model 需要以 .lp 或 .mps 结尾的文件名")

    static func budgetRange(_ text: String) -> Phrase {
        Phrase(en: "--budget expects FROM:TO[:STEP] in yuan with 0 ≤ FROM ≤ TO, STEP > 0 and at most 1000 points, found '\(text)'",
               zh: "--budget 应写作 FROM:TO[:STEP]（单位：元），0 ≤ FROM ≤ TO，STEP > 0，至多 1000 个点；实为 '\(text)'")
    }
}
