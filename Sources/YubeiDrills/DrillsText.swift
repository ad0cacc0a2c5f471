import YubeiCore

/// Every piece of user-facing wording of the drills check, in English and Chinese.
public enum DrillsText {
    // MARK: Statuses and issues

    public static func status(_ status: QuotaStatus) -> Phrase {
        switch status {
        case .met: return Phrase(en: "met", zh: "已完成")
        case .missed: return Phrase(en: "missed", zh: "未完成")
        case .due: return Phrase(en: "due", zh: "待完成")
        }
    }

    public static func issue(_ issue: FindingIssue) -> Phrase {
        switch issue {
        case .noEvaluationReport:
            return Phrase(en: "no evaluation report (应急管理部令第2号 第三十四条)", zh: "演练后未形成评估报告（应急管理部令第2号 第三十四条）")
        case .notReportedToCounty:
            return Phrase(en: "not reported to the county department (国务院令第708号 第八条第二款)",
                          zh: "未向县级主管部门报送演练情况（国务院令第708号 第八条第二款）")
        }
    }

    public static func kind(_ kind: OrganizationKind) -> Phrase {
        switch kind {
        case .countyGovernment: return Phrase(en: "County government", zh: "县人民政府")
        case .township: return Phrase(en: "Townships", zh: "乡镇（街道）")
        case .department: return Phrase(en: "Departments", zh: "部门")
        case .enterprise: return Phrase(en: "Enterprises", zh: "企业")
        case .school: return Phrase(en: "Schools", zh: "中小学校")
        case .kindergarten: return Phrase(en: "Kindergartens", zh: "幼儿园")
        case .venue: return Phrase(en: "Crowded venues", zh: "人员密集场所")
        }
    }

    public static func counting(_ counting: Counting) -> Phrase {
        switch counting {
        case .perUnit: return Phrase(en: "per unit", zh: "按单位计")
        case .perPlan: return Phrase(en: "per plan", zh: "按预案计")
        }
    }

    /// A period as the notice shows it: the label of a calendar window (`2026-H1`); for a
    /// 2-/3-year duty its due date first (`due 2027-03-14 (since 2025-03-14)`).
    public static func periodText(_ period: Period) -> Phrase {
        guard period.isInterval else { return Phrase(en: period.label, zh: period.label) }
        return Phrase(en: "due \(period.end) (since \(period.start))", zh: "\(period.end)前（自\(period.start)起）")
    }

    // MARK: Warnings (standard error)

    /// The text of a check warning, without the `yubei: warning:` prefix.
    public static func warning(_ warning: CheckWarning) -> Phrase {
        switch warning {
        case .noRecordInYear(let year, let records):
            return Phrase(
                en: "no record falls in \(year) (\(records) records read, none dated in \(year)); is --year right?",
                zh: "没有\(year)年的演练记录（共读入\(records)条记录，均不在\(year)年）；--year 是否正确？")
        case .recordsAfterAsOf(let count, let asOf, let given, let latest):
            let en = given ? "the as-of date \(asOf)" : "\(asOf), the day the year is judged from"
            let zh = given ? "统计截止日\(asOf)" : "评判日\(asOf)"
            return Phrase(
                en: "\(count) records are dated after \(en) (the latest \(latest)); they do not count",
                zh: "有\(count)条记录晚于\(zh)（最晚\(latest)），不予计入")
        case .organizationWithoutRecords(let id, let name):
            return Phrase(en: "\(id) (\(name)) has no drill on record at all",
                          zh: "\(name)（\(id)）没有任何演练记录")
        case .schoolTermsAssumed(let year):
            return Phrase(
                en: "no calendar gives the school terms of \(year): the usual term months (January, March–June, "
                    + "September–December) are assumed for rules limited to school terms; pass --calendar",
                zh: "没有\(year)年的学期安排：限于学期的规则按通常的学期月份（1月、3—6月、9—12月）评判；可用 --calendar 指定")
        case .duplicate(let d):
            return Phrase(
                en: "the same drill as \(d.kept.position) (organisation, date, type and plan); counted once",
                zh: "与\(d.kept.position)为同一次演练（单位、日期、类型、预案均相同），只计一次")
        }
    }

    // MARK: Column headings

    public static let organization = Phrase(en: "Organisation", zh: "单位")
    public static let organizationId = Phrase(en: "Id", zh: "编号")
    public static let kindHeading = Phrase(en: "Kind", zh: "类型")
    public static let township = Phrase(en: "Township", zh: "乡镇")
    public static let noTownship = Phrase(en: "(no township given)", zh: "（未填乡镇）")
    public static let rule = Phrase(en: "Rule", zh: "规则")
    public static let source = Phrase(en: "Source", zh: "依据")
    public static let period = Phrase(en: "Period", zh: "周期")
    public static let ends = Phrase(en: "Ends", zh: "截止")
    public static let required = Phrase(en: "Required", zh: "应演练")
    public static let done = Phrase(en: "Done", zh: "已演练")
    public static let statusHeading = Phrase(en: "Status", zh: "状态")
    public static let date = Phrase(en: "Date", zh: "日期")
    public static let issueHeading = Phrase(en: "Issue", zh: "问题")
    public static let row = Phrase(en: "Row", zh: "行")
    public static let action = Phrase(en: "Action", zh: "整改措施")
    public static let owner = Phrase(en: "Owner", zh: "责任人")
    public static let dueDate = Phrase(en: "Due", zh: "期限")
    public static let drillDate = Phrase(en: "Drill", zh: "演练日期")
    public static let plan = Phrase(en: "Plan", zh: "预案")
    public static let lastEvaluated = Phrase(en: "Last evaluated", zh: "上次评估")
    public static let overdue = Phrase(en: "overdue", zh: "已逾期")
    public static let open = Phrase(en: "open", zh: "未关闭")
    public static let organizations = Phrase(en: "Organisations", zh: "单位数")
    public static let plansShort = Phrase(en: "plans short", zh: "未演练预案")

    /// The columns of `drills check --format csv`: the English names are the stable ones scripts
    /// read; `--lang zh` writes the Chinese ones for a planner's spreadsheet.
    public static let csvColumns: [Phrase] = [
        Phrase(en: "organization", zh: "单位编号"), Phrase(en: "name", zh: "单位名称"), Phrase(en: "kind", zh: "单位类型"),
        Phrase(en: "township", zh: "乡镇"), Phrase(en: "rule", zh: "规则"), Phrase(en: "source", zh: "依据"),
        Phrase(en: "period", zh: "周期"), Phrase(en: "period_start", zh: "周期开始"), Phrase(en: "period_end", zh: "周期截止"),
        Phrase(en: "required", zh: "应演练"), Phrase(en: "done", zh: "已演练"), Phrase(en: "status", zh: "状态"),
        Phrase(en: "counting", zh: "计数方式"), Phrase(en: "plans_short", zh: "未演练预案"),
    ]

    /// An organisation kind as one word in a table cell: the id in English (`county-government`),
    /// the Chinese name in Chinese (县人民政府).
    public static func kindWord(_ kind: OrganizationKind) -> Phrase {
        Phrase(en: kind.rawValue, zh: Self.kind(kind).zh)
    }

    // MARK: drills plan on standard error

    public static func noPlanFound(status: String, detail: String, timeLimit: Duration) -> Phrase {
        let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
        return Phrase(en: "GLPK found no plan (\(status): \(detail)) within \(timeLimit); try a longer time limit",
                      zh: "GLPK 在 \(NumberText.plain(seconds)) 秒内没有找到方案（\(status)：\(detail)）；请放宽时间上限（--time-limit）")
    }

    public static func estimatedCalendar(year: Int, origin: String) -> Phrase {
        Phrase(en: "the holiday calendar for \(year) is an estimate (\(origin)); check it against the official notice",
               zh: "\(year)年的节假日日历是估计的（\(origin)）；请对照官方通知核对")
    }

    // MARK: Titles and sentences

    public static func title(year: Int, jurisdiction: String?) -> Phrase {
        Phrase(en: "Emergency drill check \(year)" + (jurisdiction.map { ", \($0)" } ?? ""),
               zh: (jurisdiction ?? "") + "\(year)年应急演练落实情况通报")
    }

    public static func asOf(_ date: CalendarDate, given: Bool) -> Phrase {
        given
            ? Phrase(en: "As of \(date) (drills dated on or before this day count).",
                     zh: "统计截至\(date)（该日及以前的演练计入）。")
            : Phrase(en: "Judged from \(date), after the year's end: every period of the year has ended.",
                     zh: "按\(date)（年度结束后）评判：年内各周期均已截止。")
    }

    public static func summary(met: Int, missed: Int, due: Int) -> Phrase {
        Phrase(en: "\(met) met, \(missed) missed, \(due) due", zh: "已完成 \(met) 项，未完成 \(missed) 项，待完成 \(due) 项")
    }

    public static let overall = Phrase(en: "Summary", zh: "总体情况")
    public static let byKind = Phrase(en: "By kind of organisation", zh: "按单位类型")
    public static let byTownship = Phrase(en: "By township", zh: "按乡镇（街道）")
    public static let shortfalls = Phrase(en: "Shortfalls", zh: "未完成及待完成事项")
    public static let allMet = Phrase(en: "Every quota met.", zh: "各项演练任务均已完成。")
    public static let results = Phrase(en: "Results", zh: "逐项结果")
    public static let findings = Phrase(en: "Findings", zh: "发现的问题")
    public static let noFindings = Phrase(en: "No findings.", zh: "未发现问题。")
    public static let dueSoon = Phrase(en: "Falls due in the next 30 days", zh: "未来30天内到期事项")
    public static let nothingDueSoon = Phrase(en: "Nothing falls due in the next 30 days.", zh: "未来30天内无到期事项。")
    public static let correctiveActions = Phrase(en: "Open corrective actions", zh: "未关闭的整改措施")
    public static let noOpenActions = Phrase(en: "No open corrective actions.", zh: "整改措施均已关闭。")
    public static let planEvaluations = Phrase(en: "Plans due for their 3-yearly evaluation (应急管理部令第2号 第三十五条)",
                                               zh: "应急预案三年评估到期（应急管理部令第2号 第三十五条）")
    public static let noPlanEvaluations = Phrase(en: "No plan evaluation falls due.", zh: "无到期的预案评估。")
    public static let noResults = Phrase(en: "No rule applies to any organisation.", zh: "没有适用于任何单位的规则。")
}

/// Every diagnostic of the drills readers (orgs.yaml, rule packs, records and corrective-action
/// tables, holiday calendars, planning settings) and of the cross-checks between those files, in
/// English and Chinese.
enum DrillsMessage {
    private static func didYouMean(_ guess: String?) -> (en: String, zh: String) {
        guard let guess else { return ("", "") }
        return ("; did you mean '\(guess)'?", "；是否应为 '\(guess)'？")
    }

    // MARK: Dates

    static func notRealDate(_ text: String, year: Int, month: Int, day: Int) -> Phrase {
        let why = impossibility(year: year, month: month, day: day)
        return Phrase(en: "'\(text)' is not a real date (\(why.en))", zh: "'\(text)' 不是真实的日期（\(why.zh)）")
    }

    /// Why `CalendarDate.parse` refused a date of the right form.
    static func impossibility(year: Int, month: Int, day: Int) -> Phrase {
        if InputRanges.year.problem(with: year) != nil {
            return Phrase(en: "the year \(year) is outside \(InputRanges.year.description)",
                          zh: "年份 \(year) 不在 \(InputRanges.year.description) 之内")
        }
        return Phrase(en: "no such day in that month", zh: "该月没有这一天")
    }

    static func notADate(_ text: String) -> Phrase {
        Phrase(en: "'\(text)' is not a date (write 2026-03-14, 2026/3/14 or 2026年3月14日)",
               zh: "'\(text)' 不是日期（请写作 2026-03-14、2026/3/14 或 2026年3月14日）")
    }

    static func notADateInTable(_ text: String) -> Phrase {
        Phrase(en: "'\(text)' is not a date (write 2026-03-14, 2026/3/14, 2026.3.14 or 2026年3月14日)",
               zh: "'\(text)' 不是日期（请写作 2026-03-14、2026/3/14、2026.3.14 或 2026年3月14日）")
    }

    static func notASinceDate(_ text: String) -> Phrase {
        Phrase(en: "'\(text)' is not a date (write 2021-04-01, or a year)", zh: "'\(text)' 不是日期（请写作 2021-04-01，或只写年份）")
    }

    static func notRealDateShort(_ text: String) -> Phrase {
        Phrase(en: "'\(text)' is not a real date", zh: "'\(text)' 不是真实的日期")
    }

    static func expectedISODate(_ text: String) -> Phrase {
        Phrase(en: "expected a date YYYY-MM-DD, found '\(text)'", zh: "应为 YYYY-MM-DD 形式的日期，实为 '\(text)'")
    }

    static func fromAfterTo(_ from: CalendarDate, _ to: CalendarDate) -> Phrase {
        Phrase(en: "'from' \(from) is after 'to' \(to)", zh: "起始日 'from' \(from) 晚于结束日 'to' \(to)")
    }

    static func periodEndsBeforeStart(_ from: CalendarDate, _ to: CalendarDate) -> Phrase {
        Phrase(en: "the period ends (\(to)) before it starts (\(from))", zh: "时段的结束日（\(to)）早于开始日（\(from)）")
    }

    static func expectedMonthDay(_ text: String) -> Phrase {
        Phrase(en: "expected a day of the year MM-DD (e.g. 04-01), found '\(text)'", zh: "应为 MM-DD 形式的月日（如 04-01），实为 '\(text)'")
    }

    // MARK: orgs.yaml and rule packs

    static func noRulePack(_ index: Int, _ name: String, shipped: [String], guess: String?) -> Phrase {
        let g = didYouMean(guess)
        return Phrase(en: "rules[\(index)]: no shipped rule pack or file '\(name)' (shipped: \(shipped.joined(separator: ", ")))" + g.en,
                      zh: "rules[\(index)]：没有名为 '\(name)' 的内置规则包或文件（内置：\(shipped.joined(separator: "、"))）" + g.zh)
    }

    static func noShippedRulePack(_ name: String, shipped: [String]) -> Phrase {
        Phrase(en: "no shipped rule pack '\(name)' (shipped: \(shipped.joined(separator: ", ")))",
               zh: "没有名为 '\(name)' 的内置规则包（内置：\(shipped.joined(separator: "、"))）")
    }

    static let noSuchRulePack = Phrase(en: "no such rule pack", zh: "规则包不存在")

    static func ruleInTwoPacks(_ rule: String, _ first: String, _ second: String) -> Phrase {
        Phrase(en: "rules: rule id '\(rule)' is in both '\(first)' and '\(second)'",
               zh: "rules：规则编号 '\(rule)' 同时出现在 '\(first)' 和 '\(second)' 中")
    }

    static func duplicateOrganization(_ id: String, first: Int) -> Phrase {
        Phrase(en: "duplicate organisation id '\(id)' (first at organizations[\(first)])",
               zh: "单位编号 '\(id)' 重复（首次出现在 organizations[\(first)]）")
    }

    static func unknownSector(_ sector: String, guess: String?) -> Phrase {
        let g = didYouMean(guess)
        return Phrase(en: "unknown sector '\(sector)' (no shipped rule uses it)" + g.en,
                      zh: "未知的行业 '\(sector)'（没有内置规则用到它）" + g.zh)
    }

    static func duplicatePlan(_ id: String) -> Phrase {
        Phrase(en: "duplicate plan id '\(id)'", zh: "预案编号 '\(id)' 重复")
    }

    static func duplicateRulePack(_ index: Int, _ name: String, first: Int) -> Phrase {
        Phrase(en: "rules[\(index)]: the rule pack '\(name)' is already listed (first at rules[\(first)])",
               zh: "rules[\(index)]：规则包 '\(name)' 已列出（首次出现在 rules[\(first)]）")
    }

    static func duplicateRule(_ id: String, first: Int) -> Phrase {
        Phrase(en: "duplicate rule id '\(id)' (first at [\(first)])", zh: "规则编号 '\(id)' 重复（首次出现在 [\(first)]）")
    }

    static func monthOutOfRange(_ month: Int) -> Phrase {
        Phrase(en: "expected a month 1–12, found \(month)", zh: "应为 1–12 的月份，实为 \(month)")
    }

    static func monthTwice(_ month: Int) -> Phrase {
        Phrase(en: "month \(month) is listed twice", zh: "\(month) 月重复列出")
    }

    static let noMonth = Phrase(en: "expected at least one month 1–12", zh: "至少要有一个 1–12 的月份")

    // MARK: Records and corrective actions

    static func rowWidth(_ fields: Int, _ width: Int, hint: Bool) -> Phrase {
        Phrase(en: "the row has \(fields) fields but the header has \(width)"
                   + (hint ? " (a comma too many or too few, or a cell with a comma that is not in quotes?)" : ""),
               zh: "该行有 \(fields) 个字段，而表头有 \(width) 列"
                   + (hint ? "（是否多了或少了逗号，或某个含逗号的单元格没有加引号？）" : ""))
    }

    static func column(_ name: String, _ phrase: Phrase) -> Phrase {
        Phrase(en: "column '\(name)': \(phrase.en)", zh: "列 '\(name)'：\(phrase.zh)")
    }

    static func planNotOfOrganization(_ plan: String, _ organization: String, plans: [String]) -> Phrase {
        Phrase(en: "column 'plan': '\(plan)' is not among the plans of '\(organization)' (\(plans.joined(separator: ", "))); it counts for no plan",
               zh: "列 'plan'：'\(plan)' 不是 '\(organization)' 的预案（\(plans.joined(separator: "、"))）；不计入任何预案")
    }

    static func folderWithoutRecords(_ extensions: [String]) -> Phrase {
        Phrase(en: "the folder holds no records file (\(extensions.joined(separator: ", ")))",
               zh: "文件夹中没有演练记录文件（\(extensions.joined(separator: "、"))）")
    }

    // MARK: Calendars and planning settings

    static func twoCalendarsForYear(_ other: String, _ year: Int) -> Phrase {
        Phrase(en: "year: \(other) is a calendar for \(year) too; give one calendar per year",
               zh: "year：\(other) 也是 \(year) 年的日历；每年只能给一个日历")
    }

    static func calendarForOtherYear(_ calendarYear: Int, _ year: Int) -> Phrase {
        Phrase(en: "year: the calendar is for \(calendarYear), but --year is \(year)",
               zh: "year：日历是 \(calendarYear) 年的，但 --year 是 \(year)")
    }

    static func noShippedCalendar(_ year: Int, shipped: [Int]) -> Phrase {
        let years = shipped.map(String.init)
        return Phrase(en: "no holiday calendar is shipped for \(year) (shipped: \(years.joined(separator: ", "))); pass --calendar FILE",
                      zh: "没有内置 \(year) 年的节假日日历（内置：\(years.joined(separator: "、"))）；请用 --calendar 指定文件")
    }

    static func notAnOrganization(_ id: String, _ orgs: String) -> Phrase {
        Phrase(en: "organizations: '\(id)' is not an organisation of \(orgs)", zh: "organizations：'\(id)' 不是 \(orgs) 中的单位")
    }

    static func termOutsideYear(_ first: CalendarDate, _ last: CalendarDate, _ year: Int) -> Phrase {
        Phrase(en: "the term \(first)…\(last) has no day in \(year)", zh: "学期 \(first)…\(last) 没有一天在 \(year) 年内")
    }

    static func workdayOnWeekday(_ date: CalendarDate) -> Phrase {
        Phrase(en: "\(date) is a weekday already; a make-up working day is normally a weekend day",
               zh: "\(date) 本来就是工作日；调休上班日通常是周末")
    }

    static func dateNotNearYear(_ date: CalendarDate, _ year: Int) -> Phrase {
        Phrase(en: "\(date) is not in or next to the calendar's year \(year)", zh: "\(date) 不在日历年份 \(year) 年或其前后一年内")
    }

    static func dateNotInYear(_ date: CalendarDate, _ year: Int) -> Phrase {
        Phrase(en: "\(date) is not in the calendar's year \(year)", zh: "\(date) 不在日历年份 \(year) 年内")
    }

    static func teamTwice(_ id: String) -> Phrase {
        Phrase(en: "team id '\(id)' is used twice", zh: "队伍编号 '\(id)' 使用了两次")
    }

    static func spacingTooLong(_ days: Int) -> Phrase {
        Phrase(en: "expected at most 182 days (two drills in one year's halves), found \(days)",
               zh: "应不超过 182 天（一年上下半年各演练一次），实为 \(days)")
    }

    static func seasonEndsBeforeStart(_ from: PlanningSettings.MonthDay, _ to: PlanningSettings.MonthDay) -> Phrase {
        Phrase(en: "the season ends (\(to)) before it starts (\(from)); a season lies within one year",
               zh: "季节的结束日（\(to)）早于开始日（\(from)）；一个季节须在同一年内")
    }
}
