import YubeiCore

// Every user-facing word of YubeiScenario: the loader's diagnostics (English, like every
// FILE:LINE:COL message of Yubei) and the phrases of `yubei describe` and `yubei validate`
// (English and Chinese).

/// Diagnostics of the scenario loader and the roads file.
enum ScenarioMessage {
    static func emptyList(_ key: String) -> String { "expected a list with at least one entry in '\(key)'" }

    static func unknownReference(_ kind: String, _ id: String) -> String { "unknown \(kind) '\(id)'" }

    static func moreDisplacedThanLive(_ people: Double, _ population: Int, _ area: String) -> String {
        "\(NumberText.plain(people, decimals: 6)) people displaced, but area '\(area)' has only \(population) residents"
    }

    static func duplicateID(_ id: String, kind: String, firstPath: String, line: Int) -> String {
        let namespace = kind == "site" ? " (warehouses and shelters share one namespace)" : ""
        return "duplicate id '\(id)': already used by \(firstPath) at line \(line)\(namespace)"
    }

    static func latitudeOutOfRange(_ value: Double) -> String {
        "latitude \(NumberText.plain(value, decimals: 6)) is outside -90…90 (WGS-84 degrees; are lat and lon swapped?)"
    }

    static func longitudeOutOfRange(_ value: Double) -> String {
        "longitude \(NumberText.plain(value, decimals: 6)) is outside -180…180 (WGS-84 degrees)"
    }

    static let zeroAreaPerPerson =
        "zero area per person: expected m² > 0 (GB 21734-2008 asks for at least 1.5 m² per sheltered person)"

    static let zeroDistance = "expected a distance > 0 km, found 0"

    static func areaPerPersonBelowStandard(_ value: Double) -> String {
        "\(NumberText.plain(value, decimals: 6)) m² per person is below the 1.5 m² that GB 21734-2008 requires (a mandatory clause)"
    }

    static func smallShelterSite(_ value: Double) -> String {
        "a shelter site of \(NumberText.plain(value, decimals: 6)) m² is under the 2000 m² minimum of GB 21734-2008"
    }

    static func expectedNumberOrClassMap(_ found: String) -> String {
        "expected a number or a map by shelter class (\(ScenarioKeys.perClass.joined(separator: ", "))), found \(found)"
    }

    static func noValueForClass(_ shelterClass: String, _ path: String, _ id: String) -> String {
        "no value for shelter class '\(shelterClass)', which \(path) ('\(id)') uses; add '\(shelterClass)' or 'default'"
    }

    static func probabilitiesDoNotSum(_ sum: Double) -> String {
        "hazard probabilities sum to \(NumberText.plain(sum, decimals: 6)), not 1; expected costs weight the hazards as given"
    }

    static func probabilitiesLeaveNothing(_ sum: Double, missing: Int) -> String {
        "the given hazard probabilities already sum to \(NumberText.plain(sum, decimals: 6)); the \(missing) hazard(s) without one get weight 0"
    }

    static func areaOffNetwork(_ id: String, _ roads: String) -> String {
        "area '\(id)' is on no road of \(roads): nothing can reach it"
    }

    static func siteOffNetwork(_ id: String, _ roads: String) -> String {
        "'\(id)' is on no road of \(roads) (name it there, or give it an 'area' that is): it reaches no area"
    }

    // Roads file

    static func cannotReadRoads(_ path: String) -> String { "cannot read the roads file '\(path)'" }
    static let roadsWithoutRows = "the roads file has a header but no roads"

    static func emptyEndpoint(_ column: String) -> String { "\(column): empty; expected an area, site, team or junction name" }

    static func badKilometres(_ text: String) -> String { "km: expected a number ≥ 0, found '\(text)'" }

    static func badSpeed(_ text: String) -> String { "speed_kmh: expected a number > 0, found '\(text)'" }

    static func selfLoop(_ name: String) -> String { "a road from '\(name)' to itself" }

    static func unknownPrefixed(_ kind: String, _ id: String) -> String { "unknown \(kind) '\(id)'" }

    static func unknownPrefix(_ kind: String) -> String {
        "unknown prefix '\(kind):' (use area:, site:, team: or junction:)"
    }

    static func ambiguousEndpoint(_ name: String) -> String {
        "'\(name)' is the id of more than one kind of place; write area:\(name), site:\(name) or team:\(name)"
    }

    static func deadEndJunction(_ name: String) -> String {
        "'\(name)' is no area, site or team id, and as a junction it is on one road only (write junction:\(name) if that is meant)"
    }
}

/// The words of `yubei validate` and `yubei describe`, in English and Chinese.
public enum ScenarioText {
    public static func validSummary(
        name: String, areas: Int, hazards: Int, warehouses: Int, shelters: Int, teams: Int, warnings: Int, roads: Bool
    ) -> Phrase {
        let w = warnings == 0 ? "" : warnings == 1 ? ", 1 warning" : ", \(warnings) warnings"
        let wz = warnings == 0 ? "" : "，\(warnings) 条警告"
        let distances = roads ? "road network" : "straight line × detour"
        let distancesZh = roads ? "路网" : "直线×绕行系数"
        return Phrase(
            en: "\(name): valid: \(areas) areas, \(hazards) hazards, \(warehouses) warehouses, \(shelters) shelters, \(teams) teams; distances by \(distances)\(w)",
            zh: "\(name)：有效：\(areas) 个区域，\(hazards) 种灾害情景，\(warehouses) 个仓库，\(shelters) 个避难场所，\(teams) 支队伍；距离按\(distancesZh)\(wz)")
    }

    public static let title = Phrase(en: "Scenario check (no solver)", zh: "情景检查（未求解）")
    public static let overview = Phrase(en: "Overview", zh: "概况")
    public static let population = Phrase(en: "population", zh: "人口")
    public static let areas = Phrase(en: "areas", zh: "区域")
    public static let travelStraight = Phrase(en: "distances: straight line × detour factor", zh: "距离：直线距离×绕行系数")
    public static let travelRoads = Phrase(en: "distances: shortest paths over the roads file", zh: "距离：路网最短路径")
    public static let storage = Phrase(en: "Storage", zh: "储备库容")
    public static let shelterSpace = Phrase(en: "Shelter space", zh: "避难场所容量")
    public static let existing = Phrase(en: "existing", zh: "现有")
    public static let candidate = Phrase(en: "candidate", zh: "候选")
    public static let budget = Phrase(en: "budget", zh: "预算")
    public static let openingCostOfAllCandidates = Phrase(en: "cost of opening every candidate", zh: "全部候选点开设费用")
    public static let hazardHeading = Phrase(en: "Hazard", zh: "灾害情景")
    public static let probability = Phrase(en: "probability", zh: "概率")
    public static let displaced = Phrase(en: "displaced", zh: "需转移安置人数")
    public static let shelterWithinReach = Phrase(en: "shelter capacity within reach (open sites, not closed)", zh: "可达避难容量（未关闭）")
    public static let shelterAllOpen = Phrase(en: "if every candidate opens", zh: "若全部候选开设")
    public static let existingOnly = Phrase(en: "existing only", zh: "仅现有")
    public static let supplyNeeded = Phrase(en: "supply volume needed", zh: "所需物资体积")
    public static let storageUsable = Phrase(en: "storage usable (not closed)", zh: "可用库容（未关闭）")
    public static let noShelterInReach = Phrase(en: "areas with displaced people and no shelter within reach", zh: "有转移人员但可达范围内无避难场所的区域")
    public static let noWarehouseInReach = Phrase(en: "areas with displaced people and no warehouse within the supply response time", zh: "有转移人员但在物资响应时限内无仓库的区域")
    public static let needsHeading = Phrase(en: "needed specialties against teams", zh: "所需专业与队伍")
    public static let noTeamHasIt = Phrase(en: "no team has it", zh: "没有队伍具备")
    public static let areasNoTeamReaches = Phrase(en: "areas no such team reaches in time", zh: "该专业队伍无法及时到达的区域")
    public static let none = Phrase(en: "none", zh: "无")
    public static let shortfall = Phrase(en: "SHORT by", zh: "缺口")
    public static let enough = Phrase(en: "enough", zh: "充足")
    public static let unreachablePairs = Phrase(en: "pairs no road joins (site or team, area)", zh: "无道路连通的点对（站点或队伍，区域）")
    public static let people = Phrase(en: "people", zh: "人")
    public static let teams = Phrase(en: "teams", zh: "队伍")
    public static let estimatedMarked = Phrase(en: "figures marked estimated in the file", zh: "文件中标注为估算的数据")
    public static let warnings = Phrase(en: "warnings", zh: "警告")
}
