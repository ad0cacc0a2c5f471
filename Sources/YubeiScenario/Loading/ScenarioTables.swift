internal import Yams
import Foundation
import YubeiCore

/// The columns of a scenario list kept in a table (`areas: {table: county.xlsx, sheet: 乡镇}` or
/// `{table: areas.csv}`, FORMATS.md §2.1): the list's keys, with a location given as `lat` and
/// `lon` columns, and the documented Chinese names of each (Scenarios/README.md).
///
/// Required columns are those the list's entries require; other columns of the table are ignored
/// (a 负责人 or 联系电话 column may stay in the sheet).
enum ScenarioTableSchema {
    static let id = TableColumn("id", required: true, aliases: ["编号", "代码", "标识"])
    static func location(_ parent: String) -> [TableColumn] {
        [TableColumn(parent + ".lat", .number, required: true, aliases: ["纬度", "latitude", "北纬"]),
         TableColumn(parent + ".lon", .number, required: true, aliases: ["经度", "longitude", "lng", "东经"])]
    }
    static let note = TableColumn("note", aliases: ["备注", "说明"])
    static let existing = TableColumn("existing", .boolean, required: true, aliases: ["现有", "是否现有", "已建", "是否已建", "既有"])
    static let fixedCost = TableColumn("fixed_cost", .number, aliases: ["建设费用", "开设费用", "固定成本", "建设成本", "费用"])
    static let inArea = TableColumn("area", aliases: ["所在乡镇", "所属乡镇", "乡镇编号"])

    /// Shelter classes by their Chinese names (GB 21734, GB/T 35624): 紧急, 固定 (短期/中期/长期), 中心.
    static let shelterClasses: [String: String] = [
        "紧急": "emergency", "紧急避难场所": "emergency", "应急": "emergency",
        "短期": "fixed-short", "短期固定": "fixed-short", "短期固定避难场所": "fixed-short", "固定": "fixed-short",
        "中期": "fixed-medium", "中期固定": "fixed-medium", "中期固定避难场所": "fixed-medium",
        "长期": "fixed-long", "长期固定": "fixed-long", "长期固定避难场所": "fixed-long",
        "中心": "central", "中心避难场所": "central",
    ]

    /// The columns of list `key` (`areas`, `warehouses`, `shelters`, `teams`), or `nil` for a list
    /// that cannot come from a table.
    static func columns(_ key: String) -> [TableColumn]? {
        switch key {
        case "areas":
            return [id, TableColumn("name", aliases: ["名称", "乡镇", "乡镇名称", "地名"]),
                    TableColumn("code", aliases: ["区划代码", "行政区划代码"])]
                + location("location")
                + [TableColumn("population", .integer, required: true, aliases: ["人口", "常住人口", "户籍人口", "人口数"]), note]
        case "warehouses":
            return [id, TableColumn("name", aliases: ["名称", "仓库名称", "仓库"])] + location("location")
                + [existing, TableColumn("capacity_m3", .number, required: true, aliases: ["库容", "容量", "容积", "库容立方米"]),
                   fixedCost, inArea, note]
        case "shelters":
            return [id, TableColumn("name", aliases: ["名称", "场所名称", "避难场所名称", "避难场所"])] + location("location")
                + [existing,
                   TableColumn("area_m2", .number, required: true, aliases: ["面积", "有效面积", "避难面积", "有效避难面积"]),
                   TableColumn("class", .choice(shelterClasses), aliases: ["类别", "类型", "场所类别", "等级"]),
                   fixedCost, inArea, note]
        case "teams":
            return [id, TableColumn("name", aliases: ["名称", "队伍名称", "队伍"])] + location("base")
                + [TableColumn("specialties", .list, required: true, aliases: ["专业", "专长", "救援专业", "专业类别"]),
                   TableColumn("members", .integer, aliases: ["人数", "队员人数", "队员数"]), inArea, note]
        default:
            return nil
        }
    }
}

extension ScenarioDecoder {
    /// The entries of a list given as `{table: FILE, sheet: NAME}`, read by YubeiCore's
    /// ``YAMLReader/tableItems(_:_:columns:filePath:fileText:)``; `nil` after recording every problem.
    mutating func tableItems(_ node: Node, _ key: String) -> [Node]? {
        guard let columns = ScenarioTableSchema.columns(key) else {
            reader.error(node, key, ScenarioMessage.listNotFromTable(key))
            return nil
        }
        return reader.tableItems(node, key, columns: columns, filePath: file.path, fileText: file.text)
    }
}
