import YubeiCore
import YubeiDrills

/// What `yubei drills plan` prints after writing the plan, and the solver's notes in the report,
/// in the planner's language.
public enum DrillPlanSummary {
    /// The lines printed on standard output: the count, the files, each preference's share met,
    /// and obligations whose windows end after the year.
    public static func lines(_ plan: DrillPlan, year: Int, out: String, language l: Language) -> [String] {
        let organizations = Set(plan.drills.map(\.organization)).count
        var lines = [Phrase(
            en: "\(plan.drills.count) drills planned for \(organizations) organisations in \(year); written to \(out)/plan.csv, plan.ics, plan.md, plan.html",
            zh: "\(year)年共为 \(organizations) 个单位安排演练 \(plan.drills.count) 次；已写入 \(out)/plan.csv、plan.ics、plan.md、plan.html"
        )(l)]
        for p in plan.preferences where p.applicable > 0 {
            let name = p.kind == .spacing ? DrillPlanText.spacingName(days: plan.spacingDays)(l) : DrillPlanText.seasonName(p.hazard, p.name)(l)
            lines.append("  \(name): \(p.met)/\(p.applicable)")
        }
        if !plan.deferred.isEmpty {
            lines.append("  " + Phrase(
                en: "\(plan.deferred.count) obligations have windows ending after \(year) and were not planned",
                zh: "另有 \(plan.deferred.count) 项义务的期限在\(year)年之后截止，本次未安排"
            )(l))
        }
        return lines
    }

    /// A solver note (`program 1 of 2: 12 organisations, 397 variables, 173 rows: optimal
    /// (objective 22229.6, bound 22228.4) in 0.06 s`) in `language`: its words replaced, its
    /// numbers kept.
    public static func solverNote(_ note: String, _ l: Language) -> String {
        guard l == .zh else { return note }
        var text = note
        if let range = text.range(of: #"^program (\d+) of (\d+):"#, options: .regularExpression) {
            let numbers = text[range].split(whereSeparator: { !$0.isNumber })
            text.replaceSubrange(range, with: "第 \(numbers[0]) 个模型（共 \(numbers[1]) 个）：")
        }
        if let range = text.range(of: #" in [0-9.,]+ s$"#, options: .regularExpression) {
            let seconds = text[range].dropFirst(4).dropLast(2)
            text.replaceSubrange(range, with: "，用时 \(seconds) 秒")
        }
        for (en, zh) in noteWords { text = text.replacingOccurrences(of: en, with: zh) }
        return text
    }

    /// Phrases of the solver notes, longest first so that no shorter one cuts into a longer.
    static let noteWords: [(String, String)] = [
        ("a group could not fit the capacities left by earlier groups: solving all organisations in one program",
         "分组求解时后一组容量不足：改为全部单位合并为一个模型求解"),
        ("whole program:", "合并模型："),
        (" organisations", " 个单位"), (" variables", " 个变量"), (" rows", " 个约束"),
        ("(objective ", "（目标值 "), (", bound ", "，界 "), (")", "）"),
        (": optimal", "：最优"), (": feasible", "：可行"), (": infeasible", "：不可行"),
        (": no-solution", "：未找到解"), (": error", "：出错"), (": empty", "：空模型"),
        ("： ", "："), (" （", "（"), (", ", "，"),
    ]
}
