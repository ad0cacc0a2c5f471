import YubeiCore
import YubeiOptimization

/// Every piece of wording in the siting reports (report.md, report.html), in English and Chinese.
enum SitingReportText {
    static let title = Phrase(en: "Relief stockpile and shelter plan", zh: "应急物资储备与避难场所布局方案")
    static let status = Phrase(en: "Status", zh: "求解状态")
    /// A hazard's probability after its name on the map.
    static func probabilityTag(_ p: String) -> Phrase { Phrase(en: " (p \(p))", zh: "（概率 \(p)）") }
    /// The north arrow's letter on the map.
    static let north = Phrase(en: "N", zh: "北")
    static let objective = Phrase(en: "Objective", zh: "目标值")
    static let bound = Phrase(en: "Best bound", zh: "最优下界")
    static let lpBound = Phrase(en: "LP relaxation bound", zh: "线性松弛下界")
    static let gap = Phrase(en: "Gap", zh: "相对间隙")
    static let seconds = Phrase(en: "Solve time", zh: "求解时间")

    static let term = Phrase(en: "Term", zh: "项目")
    static let yuan = Phrase(en: "Yuan", zh: "金额（元）")
    static let opening = Phrase(en: "Opening candidate sites", zh: "新开站点费用")
    static let stockCost = Phrase(en: "Stock held", zh: "储备物资费用")
    static let transport = Phrase(en: "Expected transport and evacuation", zh: "期望运输与转移费用")

    static let explanationsHeading = Phrase(en: "What no decision can meet (found before solving)", zh: "任何决策都无法满足的需求（求解前诊断）")
    static let noExplanations = Phrase(en: "None: every displaced person has a shelter and a warehouse within reach, and capacity suffices.",
                                       zh: "无：所有转移群众均有可达的避难场所和仓库，且容量充足。")

    static let sitesHeading = Phrase(en: "Sites", zh: "站点")
    static let site = Phrase(en: "Site", zh: "站点")
    static let kind = Phrase(en: "Kind", zh: "类型")
    static let warehouse = Phrase(en: "warehouse", zh: "储备库")
    static let shelter = Phrase(en: "shelter", zh: "避难场所")
    static let state = Phrase(en: "Decision", zh: "决策")
    static let existing = Phrase(en: "existing", zh: "已有")
    static let opened = Phrase(en: "open (new)", zh: "新建")
    static let notOpened = Phrase(en: "not opened", zh: "不建")
    static let capacity = Phrase(en: "Capacity", zh: "容量")
    static let fixedCost = Phrase(en: "Fixed cost (yuan)", zh: "建设费用（元）")

    static let stockHeading = Phrase(en: "Stock per warehouse", zh: "各储备库物资储备")
    static let volume = Phrase(en: "Volume used / capacity (m³)", zh: "已用/容量（立方米）")

    static let loadHeading = Phrase(en: "Shelter load against capacity (people)", zh: "避难场所安置人数与容量（人）")
    static let closed = Phrase(en: "closed", zh: "不可用")

    static let evacuationHeading = Phrase(en: "Who goes where (people per shelter)", zh: "转移安置去向（各避难场所人数）")
    static let area = Phrase(en: "Area", zh: "区域")
    static let shelters = Phrase(en: "Shelters (people)", zh: "避难场所（人）")
    static let whyUnmet = Phrase(en: "Why needs within reach were left unmet:", zh: "可达范围内需求未满足的原因：")
    static let unmetHeading = Phrase(en: "Unmet needs by hazard", zh: "各灾害情景未满足需求")
    static let hazard = Phrase(en: "Hazard", zh: "灾害情景")
    static let probability = Phrase(en: "Probability", zh: "概率")
    static let displaced = Phrase(en: "Displaced", zh: "转移人数")
    static let unsheltered = Phrase(en: "Unsheltered", zh: "未安置")
    static let suppliesShort = Phrase(en: "Supplies short (units)", zh: "物资缺口（件）")
    static let none = Phrase(en: "none", zh: "无")

    static let teamsHeading = Phrase(en: "Team coverage gaps", zh: "救援队伍覆盖缺口")
    static let specialty = Phrase(en: "Specialty", zh: "专业")
    static let uncoveredAreas = Phrase(en: "Areas no team reaches in time", zh: "时限内无队伍到达的区域")
    static let afterStaging = Phrase(en: "After staging", zh: "前置部署后")
    static let noTeamGaps = Phrase(en: "Every affected area is reached in time by a team of every needed specialty.",
                                   zh: "所有受影响区域均有所需专业队伍按时到达。")
    static let stagingHeading = Phrase(en: "Team staging", zh: "队伍前置部署")
    static let team = Phrase(en: "Team", zh: "队伍")
    static let base = Phrase(en: "stays at base", zh: "留驻原地")
    static func stagingSummary(before: String, after: String) -> Phrase {
        Phrase(en: "Probability-weighted people with every needed specialty in reach: \(before) before, \(after) after staging.",
               zh: "按概率加权、所需专业均可到达的人数：部署前 \(before)，部署后 \(after)。")
    }

    static let spendingHeading = Phrase(en: "Spending against budget", zh: "支出与预算")
    static let budget = Phrase(en: "Budget for opening sites", zh: "建设预算")
    static let spentOnOpening = Phrase(en: "Spent on opening sites", zh: "建设支出")
    static let stockOutsideBudget = Phrase(en: "Stock purchase (outside the opening budget)", zh: "物资购置（不计入建设预算）")
    static let unlimited = Phrase(en: "unlimited", zh: "不限")

    static let modelHeading = Phrase(en: "Model and solve", zh: "模型与求解")
    static let variables = Phrase(en: "Variables", zh: "变量数")
    static let integerVariables = Phrase(en: "Integer variables", zh: "整数变量数")
    static let rows = Phrase(en: "Rows", zh: "约束数")
    static let nonzeros = Phrase(en: "Nonzeros", zh: "非零元")
    static let strongFlowLinks = Phrase(en: "Per-route supply links in the model", zh: "模型含逐条路线的物资强化约束")
    static let incumbent = Phrase(en: "Greedy starting plan accepted by GLPK", zh: "贪心初始解被 GLPK 接受")
    static let yes = Phrase(en: "yes", zh: "是")
    static let no = Phrase(en: "no", zh: "否")

    static let mapHeading = Phrase(en: "Map", zh: "布局图")
    static let legendArea = Phrase(en: "Area (size = population)", zh: "区域（大小=人口）")
    static let legendUnmet = Phrase(en: "Area with unmet needs or a team gap", zh: "存在未满足需求或队伍缺口的区域")
    static let legendWarehouseExisting = Phrase(en: "Warehouse, existing", zh: "储备库（已有）")
    static let legendWarehouseNew = Phrase(en: "Warehouse, opened", zh: "储备库（新建）")
    static let legendShelterExisting = Phrase(en: "Shelter, existing", zh: "避难场所（已有）")
    static let legendShelterNew = Phrase(en: "Shelter, opened", zh: "避难场所（新建）")
    static let legendCandidate = Phrase(en: "Candidate, not opened", zh: "候选点（不建）")
    static let legendAssignment = Phrase(en: "Evacuation to shelter", zh: "转移安置路线")
    static let legendUnshelteredNumber = Phrase(en: "People unsheltered", zh: "未安置人数")
    static let legendWithoutKitNumber = Phrase(en: "People without a complete kit", zh: "物资不齐全人数")
    static let legendClosed = Phrase(en: "Site closed in this hazard", zh: "本情景不可用的站点")
    static let legendFlow = Phrase(en: "Supply route", zh: "物资调运路线")
    static let areas = Phrase(en: "Areas", zh: "区域")
    static func more(_ count: Int) -> Phrase {
        Phrase(en: "… and \(count) more (see plan.json).", zh: "……另有 \(count) 条（见 plan.json）。")
    }
    static let truncated = Phrase(en: "The table stops at 3,000 rows; plan.json has every area.", zh: "表格仅列前 3000 行，完整结果见 plan.json。")
    static let scaleKm = Phrase(en: "km", zh: "公里")
    static let noSolution = Phrase(en: "The solver found no plan; see the status above.", zh: "求解器未找到方案，见上方状态。")

    // First screen.
    static let overviewHeading = Phrase(en: "People and money, hazard by hazard", zh: "各灾害情景的人员安置与资金")
    static func statusSentence(_ status: SolveStatus, proven: Bool, risk: String) -> Phrase {
        switch status {
        case .optimal:
            return Phrase(en: "The plan shelters and supplies as many people as the budgets and sites allow (weighted across hazards as `\(risk)`), and among such plans costs least.",
                          zh: "在预算和站点条件下，本方案安置和保障的人数最多（各灾害按“\(risk)”方式加权），并且在这样的方案中费用最低。")
        case .feasible:
            return proven
                ? Phrase(en: "Needs are met as far as any plan can; the cost is not proven lowest (time limit).",
                         zh: "需求已尽可能满足；费用未证明最低（达到时间限制）。")
                : Phrase(en: "A time limit stopped the search: this plan is sound but not proven to shelter or supply the most people.",
                         zh: "求解达到时间限制：方案可行，但未证明已安置或保障最多的人。")
        case .infeasible:
            return Phrase(en: "No plan meets every service level; see below which areas fall short and why.",
                          zh: "没有方案能满足全部服务水平要求；下文列出不足的区域及原因。")
        case .error:
            return Phrase(en: "The plan failed its exact check and must not be used; the broken constraints follow.",
                          zh: "方案未通过精确校验，不可使用；违反的约束如下。")
        default:
            return Phrase(en: "The solver found no plan.", zh: "求解器未找到方案。")
        }
    }
    static let sheltered = Phrase(en: "Sheltered", zh: "已安置")
    static let fullySupplied = Phrase(en: "Fully supplied", zh: "物资齐全")
    static let shortByItem = Phrase(en: "Short by item (units)", zh: "各类物资缺口（件）")
    static let teamGaps = Phrase(en: "Team gaps", zh: "队伍缺口")
    static let sitesInUse = Phrase(en: "Shelters / warehouses usable", zh: "可用避难场所/储备库")
    static let budgetItem = Phrase(en: "Budget", zh: "预算科目")
    static let spent = Phrase(en: "Spent", zh: "支出")
    static let budgetColumn = Phrase(en: "Budget", zh: "预算")
    static let openingSites = Phrase(en: "Opening sites (budget)", zh: "新建站点（budget）")
    static let buyingStock = Phrase(en: "Buying stock (stock_budget)", zh: "购置物资（stock_budget）")
    static let withoutKit = Phrase(en: "Without a complete kit", zh: "物资不齐全")
    static func hazardLine(name: String, probability: String, displaced: String, sheltered: String, unsheltered: String, supplied: String) -> Phrase {
        Phrase(en: "  \(name) (p \(probability)): \(displaced) displaced, \(sheltered) sheltered, \(unsheltered) unsheltered, \(supplied) fully supplied",
               zh: "  \(name)（概率 \(probability)）：转移 \(displaced) 人，安置 \(sheltered) 人，未安置 \(unsheltered) 人，物资齐全 \(supplied) 人")
    }
    static func spendingLine(opening: String, budget: String, stock: String, stockBudget: String) -> Phrase {
        Phrase(en: "  spending: opening \(opening) of \(budget) yuan; stock \(stock) of \(stockBudget) yuan",
               zh: "  支出：新建站点 \(opening) 元（预算 \(budget)）；物资 \(stock) 元（预算 \(stockBudget)）")
    }
    static func written(_ out: String) -> Phrase {
        Phrase(en: "written: \(out)/plan.json, \(out)/report.md, \(out)/report.html, \(out)/plan.geojson", zh: "已写入：\(out)/plan.json、\(out)/report.md、\(out)/report.html、\(out)/plan.geojson")
    }

    // What would close each gap.
    static let closersHeading = Phrase(en: "What would close each gap", zh: "如何弥补缺口")
    static let closersNote = Phrase(
        en: "Each row was found by solving again with the plan's sites kept and one more site opened (the money beyond the budget added): the people it gains in each hazard, and weighted people per 10,000 yuan of its cost.",
        zh: "每一行均由求解器重新求解得出：保留本方案站点，再多开设一处（超出预算的部分另计），列出各灾害情景多安置或多保障的人数，以及每万元带来的加权人数。")
    static let openShelter = Phrase(en: "open shelter", zh: "开设避难场所")
    static let openWarehouse = Phrase(en: "open warehouse", zh: "开设储备库")
    static let siteCost = Phrase(en: "Its cost", zh: "建设费用")
    static let budgetNeeded = Phrase(en: "Budget needed", zh: "所需追加预算")
    static let withinBudget = Phrase(en: "within the budget", zh: "预算内")
    static let moreSheltered = Phrase(en: "more sheltered", zh: "多安置")
    static let moreSupplied = Phrase(en: "more fully supplied", zh: "多保障")
    static let change = Phrase(en: "Change", zh: "措施")
    static let gain = Phrase(en: "People gained", zh: "增加人数")
    static let perTenThousand = Phrase(en: "People per 10,000 yuan", zh: "每万元人数")
    static let noCloser = Phrase(en: "No single additional site within reach of the people left short gains anyone (or the model is too large for this study).",
                                 zh: "在缺口人员可达范围内，单独增开任何一处站点都无法增加人数（或模型过大，未做此项分析）。")

    // Service levels.
    static let serviceHeading = Phrase(en: "Service levels that cannot be met", zh: "无法达到的服务水平")
    static func serviceSentence(hazard: String, level: String, required: String, achievable: String) -> Phrase {
        Phrase(en: "\(hazard): the service level of \(level)% needs \(required) people sheltered and fully supplied; the best plan within the budgets and sites reaches \(achievable). Areas left short and why:",
               zh: "\(hazard)：\(level)% 的服务水平要求 \(required) 人得到安置且物资齐全；在预算和站点条件下最多只能做到 \(achievable) 人。不足的区域及原因：")
    }

    // The solve.
    static let objectiveOrder = Phrase(
        en: "Needs come before costs, rule by rule, each solved with the ones before held at their best: 1. people unsheltered, 2. people without a complete kit, 3. items short (by priority), 4. cost.",
        zh: "需求优先于费用，逐条求解，每一条都在前面各条保持最优的前提下求解：1. 未安置人数，2. 物资不齐全人数，3. 物资缺口（按优先级），4. 费用。")
    static let riskAttitude = Phrase(en: "Weighting across hazards (risk)", zh: "灾害加权方式（risk）")
    static let worstShare = Phrase(en: "Largest share of a hazard unsheltered", zh: "单一灾害最大未安置比例")
    static let ruleUnsheltered = Phrase(en: "1. People unsheltered (weighted)", zh: "1. 未安置人数（加权）")
    static let ruleWithoutKit = Phrase(en: "2. People without a complete kit (weighted)", zh: "2. 物资不齐全人数（加权）")
    static let ruleItemsShort = Phrase(en: "3. Items short (weighted by priority)", zh: "3. 物资缺口（按优先级加权）")
    static let ruleCost = Phrase(en: "4. Cost", zh: "4. 费用")
    static let needsProven = Phrase(en: "Rules 1–3 proven best", zh: "第 1–3 条已证明最优")
}
