import YubeiCore

/// Every piece of wording in the siting reports (report.md, report.html), in English and Chinese.
enum SitingReportText {
    static let title = Phrase(en: "Relief stockpile and shelter plan", zh: "应急物资储备与避难场所布局方案")
    static let status = Phrase(en: "Status", zh: "求解状态")
    static let objective = Phrase(en: "Objective", zh: "目标值")
    static let bound = Phrase(en: "Best bound", zh: "最优下界")
    static let lpBound = Phrase(en: "LP relaxation bound", zh: "线性松弛下界")
    static let gap = Phrase(en: "Gap", zh: "相对间隙")
    static let seconds = Phrase(en: "Solve time", zh: "求解时间")

    static let objectiveHeading = Phrase(en: "What the plan minimises", zh: "优化目标")
    static func objectiveText(penalty: String) -> Phrase {
        Phrase(
            en: """
            First, unmet needs: every person left without a shelter place, and every person's worth of a supply not \
            delivered, costs \(penalty) yuan, in every hazard, far above any cost, so needs are met whenever any \
            decision can meet them. Then the cost: fixed costs of the candidate sites opened + the cost of the stock \
            held + the expected (probability-weighted) cost of carrying supplies and moving people to shelters.
            """,
            zh: """
            首先是未满足的需求：每一名未获安置的群众、每缺一人份的物资，在每个灾害情景中均计 \(penalty) 元惩罚，\
            远高于任何费用，因此凡是决策能够满足的需求都会被满足。其次是费用：新开候选点的建设费用 + 储备物资购置费用 + \
            按概率加权的物资运输与群众转移期望费用。
            """)
    }
    static let term = Phrase(en: "Term", zh: "项目")
    static let yuan = Phrase(en: "Yuan", zh: "金额（元）")
    static let unmetPenalty = Phrase(en: "Penalty for unmet needs", zh: "未满足需求惩罚")
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

    static let shadowHeading = Phrase(en: "Shadow prices (what one more unit is worth)", zh: "影子价格（每增加一个单位的价值）")
    static let shadowNote = Phrase(
        en: "Change of the objective (yuan) with the plan's open sites fixed; negative = saves money (or unmet-need penalty). The budget's value comes from the LP relaxation.",
        zh: "在本方案站点固定时目标值（元）的变化；负值表示节省费用（或未满足需求惩罚）。预算的影子价格取自线性松弛。")
    static let perCubicMetre = Phrase(en: "One more m³ at", zh: "增加 1 立方米库容：")
    static let perSquareMetre = Phrase(en: "One more m² at", zh: "增加 1 平方米场地：")
    static let perYuan = Phrase(en: "One more yuan of budget", zh: "增加 1 元预算")
    static let noneBinding = Phrase(en: "No capacity binds: more room would not change the plan.", zh: "没有约束起作用：增加容量不会改变方案。")

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
    static let legendFlow = Phrase(en: "Supply route", zh: "物资调运路线")
    static let areas = Phrase(en: "Areas", zh: "区域")
    static func more(_ count: Int) -> Phrase {
        Phrase(en: "… and \(count) more (see plan.json).", zh: "……另有 \(count) 条（见 plan.json）。")
    }
    static let truncated = Phrase(en: "The table stops at 3,000 rows; plan.json has every area.", zh: "表格仅列前 3000 行，完整结果见 plan.json。")
    static let scaleKm = Phrase(en: "km", zh: "公里")
    static func summary(name: String, status: String, objective: String, cost: String, gap: String, seconds: String, warehouses: Int,
                        shelters: Int, opening: String, unsheltered: String, shortfalls: Int, gaps: Int,
                        explanations: Int, out: String) -> Phrase {
        Phrase(
            en: """
            \(name): \(status) (gap \(gap), \(seconds) s); cost \(cost) yuan (opening + stock + expected transport), objective \(objective) with the unmet-need penalty
            open: \(warehouses) warehouses, \(shelters) shelters; opening spend \(opening) yuan
            unmet: \(unsheltered) people unsheltered, \(shortfalls) area-hazard supply shortfalls, \(gaps) team gaps; \(explanations) explanations in the report
            written: \(out)/plan.json, \(out)/report.md, \(out)/report.html
            """,
            zh: """
            \(name)：\(status)（间隙 \(gap)，\(seconds) 秒）；费用 \(cost) 元（建设 + 储备 + 期望运输），含未满足需求罚金的目标值 \(objective)
            开放：储备库 \(warehouses) 个，避难场所 \(shelters) 个；建设支出 \(opening) 元
            未满足：未安置 \(unsheltered) 人，物资缺口 \(shortfalls) 处，队伍覆盖缺口 \(gaps) 处；报告中有 \(explanations) 条原因说明
            已写入：\(out)/plan.json、\(out)/report.md、\(out)/report.html
            """)
    }
    static let noSolution = Phrase(en: "The solver found no plan; see the status above.", zh: "求解器未找到方案，见上方状态。")
}
