import YubeiCore

/// Every piece of wording in the reports of scenario runs (study, frontier, stress), in English
/// and Chinese.
enum RunText {
    // Shared.
    static let hazard = Phrase(en: "Hazard", zh: "灾害情景")
    static let displaced = Phrase(en: "Displaced", zh: "转移安置人数")
    static let sheltered = Phrase(en: "Sheltered", zh: "已安置")
    static let unsheltered = Phrase(en: "Unsheltered", zh: "未安置")
    static let fullySupplied = Phrase(en: "Fully supplied", zh: "物资齐备")
    static let withoutKit = Phrase(en: "Without a full kit", zh: "物资不齐")
    static let teamGaps = Phrase(en: "Team gaps", zh: "救援力量缺口")
    static let status = Phrase(en: "Status", zh: "求解状态")
    static let opening = Phrase(en: "Opening (yuan)", zh: "新建支出（元）")
    static let stock = Phrase(en: "Stock (yuan)", zh: "储备物资支出（元）")
    static let budget = Phrase(en: "Budget (yuan)", zh: "预算（元）")
    static let overrides = Phrase(en: "Overrides", zh: "改动")
    static let none = Phrase(en: "none", zh: "无")
    static let seconds = Phrase(en: "Time", zh: "用时")
    static func secondsText(_ s: String) -> Phrase { Phrase(en: "\(s) s", zh: "\(s) 秒") }
    static let expectedNote = Phrase(
        en: "Expected figures weigh each hazard by its probability (equal weights when a hazard gives none), as the plan's objective does.",
        zh: "期望值按各灾害情景的概率加权（未给概率时等权），与方案的优化目标一致。")

    // Study.
    static let studyTitle = Phrase(en: "Study", zh: "方案比选")
    static let variant = Phrase(en: "Variant", zh: "方案")
    static let variantsHeading = Phrase(en: "Variants", zh: "比选方案")
    static let headline = Phrase(en: "Needs met, per variant and hazard", zh: "各方案各情景的需求满足情况")
    static let spendingHeading = Phrase(en: "Spending", zh: "支出")
    static let sitesHeading = Phrase(en: "Sites and stock against the base", zh: "与基准方案相比的场所和储备变化")
    static let opened = Phrase(en: "Opened (not in base)", zh: "新增启用")
    static let closed = Phrase(en: "Dropped (open in base)", zh: "不再启用")
    static let stockChange = Phrase(en: "Stock change (units)", zh: "储备量变化（件）")
    static let mapsHeading = Phrase(en: "Maps side by side", zh: "方案地图对照")
    static let scenarioFile = Phrase(en: "Scenario", zh: "方案文件")
    static let studyIntro = Phrase(
        en: "Each variant is planned in full (needs first, then cost) and compared with the base, the first variant.",
        zh: "每个方案都完整求解（先满足需求，再降低费用），并与基准方案（第一个方案）比较。")
    static func studySummary(variants: Int, seconds: String) -> Phrase {
        Phrase(en: "\(variants) variant(s) planned in \(seconds) s", zh: "共 \(variants) 个方案，用时 \(seconds) 秒")
    }

    // Resilience.
    static let resilienceHeading = Phrase(en: "Price of resilience (N-1)", zh: "抗毁代价（N-1）")
    static let resiliencePlan = Phrase(en: "Plan", zh: "方案")
    static let cost = Phrase(en: "Opening + stock (yuan)", zh: "新建 + 储备支出（元）")
    static let sitesOpen = Phrase(en: "Open sites", zh: "启用场所")
    static let plainPlan = Phrase(en: "Plain plan", zh: "常规方案")
    static let resilientPlan = Phrase(en: "Resilient plan (this one)", zh: "抗毁方案（本方案）")
    static func resilienceText(share: String, price: String) -> Phrase {
        Phrase(en: "Planned so that losing any one site still leaves at most \(share) % of each hazard's displaced unsheltered "
                   + "(and at most \(share) % of each supply short). That costs \(price) yuan more than the plain plan.",
               zh: "本方案保证任一场所失效时，各情景未安置人数不超过转移人数的 \(share)%（各类物资缺口不超过需求的 \(share)%），"
                   + "比常规方案多支出 \(price) 元。")
    }

    // Frontier.
    static let frontierTitle = Phrase(en: "Budget frontier", zh: "预算—未满足需求曲线")
    static let frontierIntro = Phrase(
        en: "The scenario planned in full at each opening budget. A step marks a budget at which the best set of sites changes.",
        zh: "在每个新建预算下完整求解。标注处为最优场所组合发生变化的预算。")
    static let chart = Phrase(en: "Chart", zh: "曲线图")
    static let points = Phrase(en: "Points", zh: "各预算点")
    static let budgetAxis = Phrase(en: "Opening budget (yuan)", zh: "新建预算（元）")
    static let peopleAxis = Phrase(en: "People (expected)", zh: "人数（期望）")
    static let sitesOpened = Phrase(en: "Sites opened", zh: "启用的候选场所")
    static let stepOpens = Phrase(en: "This step opens", zh: "本级新增")
    static let stepDrops = Phrase(en: "This step gives up", zh: "本级放弃")
    static let breakpoint = Phrase(en: "Sites change", zh: "场所变化")
    static let yes = Phrase(en: "yes", zh: "是")
    static func frontierSummary(points: Int, changes: Int, seconds: String) -> Phrase {
        Phrase(en: "\(points) budget(s), the sites change at \(changes), in \(seconds) s",
               zh: "共 \(points) 个预算点，场所组合变化 \(changes) 次，用时 \(seconds) 秒")
    }

    // Stress.
    static let stressTitle = Phrase(en: "Stress test of an adopted plan", zh: "既定方案压力测试")
    static let stressIntro = Phrase(
        en: "The plan's sites and stock are held as adopted; shelter assignment and supply flows are re-planned in each case.",
        zh: "方案选定的场所与储备量保持不变，每种情形下重新安排避难分配与物资调运。")
    static let cases = Phrase(en: "Cases", zh: "测试情形")
    static let caseName = Phrase(en: "Case", zh: "情形")
    static let expectedUnsheltered = Phrase(en: "Unsheltered (expected)", zh: "未安置（期望）")
    static let expectedWithoutKit = Phrase(en: "Without kit (expected)", zh: "物资不齐（期望）")
    static let newlyUnsheltered = Phrase(en: "Newly unsheltered", zh: "新增未安置")
    static let newlyWithoutKit = Phrase(en: "Newly without kit", zh: "新增物资不齐")
    static let critical = Phrase(en: "Critical sites (N-1)", zh: "关键场所（N-1）")
    static let criticalIntro = Phrase(
        en: "Each open site lost in turn, in every hazard; ranked by the people who then go unsheltered, then without a full kit.",
        zh: "逐一假设每个启用场所在所有情景中失效，按新增未安置人数、再按新增物资不齐人数排序。")
    static let rank = Phrase(en: "Rank", zh: "排名")
    static let site = Phrase(en: "Site", zh: "场所")
    static let map = Phrase(en: "Map of the adopted plan", zh: "既定方案地图")
    static func caseLabel(_ name: String) -> Phrase {
        if name == "plan" { return Phrase(en: "as planned", zh: "按方案") }
        if name.hasPrefix("lose ") { let site = String(name.dropFirst(5)); return Phrase(en: "lose \(site)", zh: "失去 \(site)") }
        if name.hasPrefix("shock: ") { let shock = String(name.dropFirst(7)); return Phrase(en: name, zh: "冲击：\(shock)") }
        return Phrase(en: name, zh: name)
    }
    static func stressSummary(cases: Int, seconds: String, worst: String?) -> Phrase {
        Phrase(en: "\(cases) case(s) in \(seconds) s" + (worst.map { "; most critical site: \($0)" } ?? ""),
               zh: "共 \(cases) 种情形，用时 \(seconds) 秒" + (worst.map { "；最关键场所：\($0)" } ?? ""))
    }
}
