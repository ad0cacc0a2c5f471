import YubeiCore

/// User-facing wording of the drill plan report (plan.md, plan.html) and plan.ics, in English and Chinese.
enum DrillPlanText {
    static func title(year: Int) -> Phrase { Phrase(en: "Drill plan \(year)", zh: "\(year)年度应急演练计划") }
    static func summary(drills: Int, organizations: Int, obligations: Int, alreadyMet: Int) -> Phrase {
        Phrase(
            en: "\(drills) drills for \(organizations) organisations, meeting \(obligations) quota periods by construction (\(alreadyMet) already met by drills held).",
            zh: "共安排演练 \(drills) 次，涉及 \(organizations) 个单位，按计划可满足 \(obligations) 个考核周期的要求（其中 \(alreadyMet) 个已由已开展的演练满足）。"
        )
    }
    static func calendarLine(_ name: String, _ origin: String) -> Phrase {
        let zhOrigin = origin.hasPrefix("shipped:") ? "随程序提供：" + origin.dropFirst("shipped:".count) : origin
        return Phrase(en: "Holiday calendar: \(name) (\(origin)).", zh: "节假日日历：\(name)（\(zhOrigin)）。")
    }
    static let estimatedWarning = Phrase(
        en: "Warning: the holiday calendar is an ESTIMATE (the official notice was not yet available); check the dates when it is published.",
        zh: "注意：节假日日历为推算结果（国务院办公厅通知尚未发布），通知发布后请核对日期。"
    )
    static let preferencesHeading = Phrase(en: "How well the preferences were met", zh: "优化偏好满足情况")
    static let preference = Phrase(en: "Preference", zh: "偏好")
    static let weight = Phrase(en: "Weight", zh: "权重")
    static let met = Phrase(en: "Met", zh: "满足")
    static let share = Phrase(en: "Share", zh: "比例")
    static let notMet = Phrase(en: "Not met", zh: "未满足")
    static func seasonName(_ hazard: String?, _ name: String) -> Phrase {
        let zhHazard = hazard.map { hazardNames[$0]?.zh ?? $0 } ?? "全部单位"
        let enHazard = hazard.map { hazardNames[$0]?.en ?? $0 } ?? "every unit"
        return Phrase(en: "\(enHazard) drill in season \(name)", zh: "\(zhHazard)演练安排在 \(name)")
    }
    static func spacingName(days: Int) -> Phrase {
        Phrase(en: "half-yearly drills at least \(days) days apart", zh: "半年一次的演练间隔不少于 \(days) 天")
    }
    static let hazardNames: [String: Phrase] = [
        "flood": Phrase(en: "flood", zh: "防汛"), "forest-fire": Phrase(en: "forest fire", zh: "森林防火"),
        "earthquake": Phrase(en: "earthquake", zh: "防震"), "fire": Phrase(en: "fire", zh: "消防"),
        "geological": Phrase(en: "geological hazard", zh: "地质灾害"),
    ]
    static let loadHeading = Phrase(en: "Load across months", zh: "各月演练数量")
    static func loadSentence(deviation: Double) -> Phrase {
        let d = NumberText.fixed(deviation, decimals: 1)
        return Phrase(
            en: "Targets follow each month's share of working days; total deviation \(d) drills.",
            zh: "目标值按各月工作日占比分配；总偏差 \(d) 次。"
        )
    }
    static let month = Phrase(en: "Month", zh: "月份")
    static let workingDays = Phrase(en: "Drill days", zh: "可演练日")
    static let drills = Phrase(en: "Drills", zh: "演练数")
    static let target = Phrase(en: "Even target", zh: "均衡目标")
    static let monthsHeading = Phrase(en: "Month by month", zh: "逐月安排")
    static func monthHeading(year: Int, month: Int, count: Int) -> Phrase {
        Phrase(en: "\(year)-\(month < 10 ? "0" : "")\(month) (\(count) drill\(count == 1 ? "" : "s"))", zh: "\(year)年\(month)月（\(count) 次）")
    }
    static let date = Phrase(en: "Date", zh: "日期")
    static let organization = Phrase(en: "Organisation", zh: "单位")
    static let type = Phrase(en: "Type", zh: "类型")
    static let form = Phrase(en: "Form", zh: "形式")
    static let plan = Phrase(en: "Plan", zh: "预案")
    static let countsToward = Phrase(en: "Counts toward", zh: "计入")
    static let byOrganizationHeading = Phrase(en: "By organisation", zh: "按单位")
    static let kind = Phrase(en: "Kind", zh: "类别")
    static let dates = Phrase(en: "Drills planned", zh: "计划演练")
    static let deferredHeading = Phrase(en: "Not planned this year: windows ending later", zh: "本年度不必安排：考核周期在以后年份结束")
    static let rule = Phrase(en: "Rule", zh: "规则")
    static let period = Phrase(en: "Period", zh: "周期")
    static let outstanding = Phrase(en: "Still owed", zh: "尚欠")
    static let solverHeading = Phrase(en: "How the plan was computed", zh: "求解过程")
    static let weekdays = [
        Phrase(en: "Mon", zh: "一"), Phrase(en: "Tue", zh: "二"), Phrase(en: "Wed", zh: "三"), Phrase(en: "Thu", zh: "四"),
        Phrase(en: "Fri", zh: "五"), Phrase(en: "Sat", zh: "六"), Phrase(en: "Sun", zh: "日"),
    ]
    static let typeNames: [String: Phrase] = [
        "comprehensive": Phrase(en: "comprehensive", zh: "综合演练"),
        "special": Phrase(en: "special", zh: "专项演练"),
        "onsite": Phrase(en: "on-site procedure", zh: "现场处置方案演练"),
    ]
    static let formNames: [String: Phrase] = [
        "live": Phrase(en: "live", zh: "实战"), "tabletop": Phrase(en: "tabletop", zh: "桌面推演"),
    ]
    static let kindNames: [String: Phrase] = [
        "county-government": Phrase(en: "county government", zh: "县政府"), "township": Phrase(en: "township", zh: "乡镇（街道）"),
        "department": Phrase(en: "department", zh: "部门"), "enterprise": Phrase(en: "enterprise", zh: "企业"),
        "school": Phrase(en: "school", zh: "学校"), "kindergarten": Phrase(en: "kindergarten", zh: "幼儿园"),
        "venue": Phrase(en: "crowded venue", zh: "人员密集场所"),
    ]
    static func drillSummary(organization: String, type: String) -> Phrase {
        let t = typeNames[type] ?? Phrase(en: type, zh: type)
        return Phrase(en: "\(organization): \(t.en) drill", zh: "\(organization) \(t.zh)")
    }
    static func eventDescription(counts: [String], form: String, plan: String?) -> Phrase {
        let f = formNames[form] ?? Phrase(en: form, zh: form)
        let planEn = plan.map { "\nPlan: \($0)" } ?? "", planZh = plan.map { "\n预案：\($0)" } ?? ""
        return Phrase(
            en: "Counts toward: \(counts.joined(separator: "; "))\nForm: \(f.en)\(planEn)\nPlanned by yubei drills plan",
            zh: "计入：\(counts.joined(separator: "；"))\n形式：\(f.zh)\(planZh)\n由 yubei drills plan 生成"
        )
    }
    static func calendarName(jurisdiction: String?, year: Int) -> Phrase {
        Phrase(en: "\(jurisdiction.map { "\($0) " } ?? "")drill plan \(year)", zh: "\(jurisdiction ?? "")\(year)年度应急演练计划")
    }
}

extension DrillPlanText {
    static func noPlan(year: Int, proven: Bool) -> Phrase {
        proven
            ? Phrase(en: "no drill plan for \(year) meets every quota within the calendar and capacities:", zh: "\(year)年没有能在日历和能力限制内满足全部要求的演练计划：")
            : Phrase(en: "no drill plan for \(year) was found within the time limit; the best attempt still breaks these limits:", zh: "在时限内未找到\(year)年的可行演练计划；最好的方案仍突破以下限制：")
    }
    static func blocked(_ label: String, window: String, available: Int, needed: Int, closures: [String], unavailable: [String]) -> Phrase {
        var en = "\(label): needs \(needed) drill(s) in \(window) but only \(available) day(s) are open"
        var zh = "\(label)：须在 \(window) 内演练 \(needed) 次，但仅有 \(available) 个可用日"
        if !closures.isEmpty {
            en += "; closed by \(closures.joined(separator: ", ")) and weekends"
            zh += "；被 \(closures.joined(separator: "、")) 及周末占用"
        }
        if !unavailable.isEmpty {
            en += "; the organisation is unavailable \(unavailable.joined(separator: ", "))"
            zh += "；该单位不可安排日期：\(unavailable.joined(separator: "、"))"
        }
        return Phrase(en: en, zh: zh)
    }
    static func overload(capacity: String, period: String, limit: Int, needed: Int, obligations: [String]) -> Phrase {
        let list = obligations.prefix(12).joined(separator: "; ") + (obligations.count > 12 ? "; … (+\(obligations.count - 12))" : "")
        return Phrase(
            en: "\(capacity), \(period): \(needed) drills need it but it takes at most \(limit); obligations that cannot all be placed: \(list)",
            zh: "\(capacity)，\(period)：需要 \(needed) 次，但上限为 \(limit) 次；无法同时安排的要求：\(list)"
        )
    }
    static let observers = Phrase(en: "the bureau's observers", zh: "应急局观摩人员")
    static let perWeek = Phrase(en: "a week", zh: "每周")
    static let perMonth = Phrase(en: "a month", zh: "每月")
}
