import YubeiCore

/// The documented Chinese names of the drills tables' columns (FORMATS.md §3), with the variants
/// county offices use. A header may name a column by its English name or any of these; the
/// matching ignores case, spaces, full-width forms and a trailing bracketed note.
public enum DrillColumnNames {
    /// records.csv / records.xlsx.
    public static let records: [String: [String]] = [
        "organization": ["单位名称", "单位", "演练单位", "单位编号", "单位代码", "组织单位", "机构名称", "机构", "企业名称"],
        "date": ["演练日期", "日期", "演练时间", "时间"],
        "type": ["演练类型", "类型", "演练类别", "预案类型"],
        "form": ["演练形式", "形式", "演练方式", "方式"],
        "plan": ["预案名称", "预案", "预案编号", "演练预案", "演练科目"],
        "participants": ["参演人数", "人数", "参加人数", "参与人数"],
        "evaluation_report": ["是否评估", "评估报告", "评估", "有无评估报告", "是否有评估报告", "演练评估"],
        "reported_to_county": ["是否上报", "上报", "是否报送", "报送", "是否报县", "上报情况"],
    ]

    /// corrective actions (整改台账).
    public static let correctiveActions: [String: [String]] = [
        "organization": ["单位名称", "单位", "单位编号", "责任单位"],
        "drill_date": ["演练日期"],
        "action": ["整改措施", "整改事项", "整改内容", "措施"],
        "owner": ["责任人", "负责人"],
        "due_date": ["整改期限", "完成期限", "期限"],
        "closed_date": ["完成日期", "整改完成日期", "销号日期", "关闭日期"],
    ]

    /// organisations listed in a table (`organizations: {table: orgs.xlsx, sheet: 单位}`).
    public static let organizations: [String: [String]] = [
        "id": ["编号", "代码", "单位编号", "单位代码"],
        "name": ["单位名称", "名称", "单位"],
        "kind": ["类别", "单位类别", "类型", "单位类型"],
        "sectors": ["行业", "行业领域", "所属行业"],
        "township": ["乡镇", "所属乡镇", "乡镇（街道）", "街道"],
        "plans": ["预案", "预案编号"],
        "hazards": ["风险", "主要风险", "危险源"],
    ]

    /// Organisation kinds by their Chinese names.
    public static let kinds: [String: String] = [
        "县政府": "county-government", "县人民政府": "county-government", "县级政府": "county-government",
        "乡镇": "township", "乡镇政府": "township", "乡镇人民政府": "township", "街道": "township", "街道办事处": "township",
        "部门": "department", "县级部门": "department", "政府部门": "department",
        "企业": "enterprise", "生产经营单位": "enterprise",
        "学校": "school", "中小学": "school", "幼儿园": "kindergarten",
        "人员密集场所": "venue", "场所": "venue",
    ]

    /// Enterprise sectors by their Chinese names.
    public static let sectors: [String: String] = [
        "危险化学品": "hazardous-chemicals", "危化品": "hazardous-chemicals", "危化": "hazardous-chemicals",
        "矿山": "mining", "非煤矿山": "mining", "煤矿": "mining",
        "冶金": "metal-smelting", "金属冶炼": "metal-smelting",
        "建筑施工": "construction", "建筑": "construction",
        "城市轨道交通": "urban-rail", "轨道交通": "urban-rail",
        "烟花爆竹": "fireworks",
        "人员密集场所": "crowded-venue", "人员密集": "crowded-venue",
        "消防安全重点单位": "fire-key-unit", "消防重点单位": "fire-key-unit",
    ]

    /// The columns of an organisations table, for ``YAMLReader/tableItems(_:_:columns:filePath:fileText:)``.
    public static let organizationColumns: [TableColumn] = [
        TableColumn("id", required: true, aliases: organizations["id"]!),
        TableColumn("name", required: true, aliases: organizations["name"]!),
        TableColumn("kind", .choice(kinds), required: true, aliases: organizations["kind"]!),
        TableColumn("sectors", .choiceList(sectors), aliases: organizations["sectors"]!),
        TableColumn("township", aliases: organizations["township"]!),
        TableColumn("plans", .list, aliases: organizations["plans"]!),
        TableColumn("hazards", .list, aliases: organizations["hazards"]!),
    ]
}

/// Finds an organisation named in a table by its id or its exact name, and suggests the closest
/// ids and names when neither matches.
struct OrganizationLookup {
    private let byID: [String: Organization]
    private let byName: [String: Organization]
    private let organizations: [Organization]

    init(_ organizations: [Organization]) {
        self.organizations = organizations
        byID = Dictionary(organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        byName = Dictionary(organizations.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// "unknown organisation" with the closest ids or names, in both languages.
    static func unknown(_ text: String, suggestions: [String]) -> Phrase {
        Phrase(en: "unknown organisation '\(text)' (not in the organisations file)"
                   + (suggestions.isEmpty ? "" : "; did you mean " + suggestions.joined(separator: " or ") + "?"),
               zh: "未知的单位 '\(text)'（单位名录中没有）"
                   + (suggestions.isEmpty ? "" : "；是否应为 " + suggestions.joined(separator: " 或 ") + "？"))
    }

    /// The organisation `text` names (its id, else its exact name, spaces around ignored).
    func find(_ text: String) -> Organization? {
        let key = text.trimmingCharacters(in: .whitespaces)
        return byID[key] ?? byName[key]
    }

    /// Up to three ids or names close to `text` (by edit distance, or one holding the other:
    /// `恒达化工` → `恒达化工有限公司`), nearest first, as `'id'` (matched by id) or `'name' (id)`.
    ///
    /// - Complexity: O(n·m²) for n organisations with names of length m.
    func suggestions(for text: String) -> [String] {
        var scored: [(score: Int, label: String)] = []
        let lower = text.lowercased()
        for organization in organizations {
            let byName = "'\(organization.name)' (\(organization.id))"
            if let single = Suggestion.id(for: text, in: [organization.id]) {
                scored.append((YubeiCore.YAMLReader.editDistance(lower, single.lowercased()), "'\(organization.id)'"))
            } else if YubeiCore.YAMLReader.closest(to: text, in: [organization.name]) != nil {
                scored.append((YubeiCore.YAMLReader.editDistance(text, organization.name), byName))
            } else if text.count >= 2, organization.name.contains(text) || text.contains(organization.name) {
                scored.append((abs(organization.name.count - text.count), byName))
            }
        }
        return scored.sorted { ($0.score, $0.label) < ($1.score, $1.label) }.prefix(3).map(\.label)
    }
}
