import YubeiCore

// Every user-facing word of YubeiScenario: the loader's and the roads file's diagnostics (English
// and Chinese) and the phrases of `yubei describe` and `yubei validate`
// (English and Chinese).

/// Diagnostics of the scenario loader and the roads file.
enum ScenarioMessage {
    static func emptyList(_ key: String) -> Phrase {
        Phrase(en: "expected a list with at least one entry in '\(key)'", zh: "'\(key)' 中至少要有一项")
    }

    static func unknownReference(_ kind: String, _ id: String, suggestion: String? = nil) -> Phrase {
        let zhKind = ["area": "区域", "warehouse or shelter": "仓库或避难场所", "site": "站点"][kind] ?? kind
        return Phrase(en: "unknown \(kind) '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                      zh: "未知的\(zhKind) '\(id)'" + (suggestion.map { "；是否应为 '\($0)'？" } ?? ""))
    }

    static func moreDisplacedThanLive(_ people: Double, _ population: Int, _ area: String) -> Phrase {
        Phrase(en: "\(NumberText.plain(people, decimals: 6)) people displaced, but area '\(area)' has only \(population) residents",
               zh: "转移 \(NumberText.plain(people, decimals: 6)) 人，但区域 '\(area)' 只有 \(population) 名居民")
    }

    static func listNotFromTable(_ key: String) -> Phrase {
        Phrase(en: "'\(key)' cannot come from a table (areas, warehouses, shelters and teams can: {table: FILE, sheet: NAME})",
               zh: "'\(key)' 不能来自表格（areas、warehouses、shelters 和 teams 可以：{table: 文件, sheet: 工作表}）")
    }

    /// A list of ids (`needs`, `specialties`, `closed_sites`) naming one id again.
    static func listedTwice(_ id: String, first: Int) -> Phrase {
        Phrase(en: "'\(id)' is already listed (first at [\(first)]); counted once",
               zh: "'\(id)' 已列出（首次出现在 [\(first)]）；只计一次")
    }

    /// `first` is where the id was first defined, `here` where it is defined again: its line when
    /// both are lines of the same file, else its full place (`areas.csv:3`, `county.xlsx[乡镇]:A3`,
    /// `county.yaml:16:9`), as lists may come from tables.
    static func duplicateID(_ id: String, kind: String, firstPath: String, first: SourceLocation, here: SourceLocation) -> Phrase {
        let namespace = kind == "site" ? " (warehouses and shelters share one namespace)" : ""
        let zhNamespace = kind == "site" ? "（仓库和避难场所共用一套编号）" : ""
        if first.file == here.file, first.sheet == nil, here.sheet == nil, let line = first.line {
            return Phrase(en: "duplicate id '\(id)': already used by \(firstPath) at line \(line)\(namespace)",
                          zh: "编号 '\(id)' 重复：第 \(line) 行的 \(firstPath) 已使用\(zhNamespace)")
        }
        return Phrase(en: "duplicate id '\(id)': already used by \(firstPath) at \(first.description)\(namespace)",
                      zh: "编号 '\(id)' 重复：\(first.description) 处的 \(firstPath) 已使用\(zhNamespace)")
    }

    static func latitudeOutOfRange(_ value: Double) -> Phrase {
        Phrase(en: "latitude \(NumberText.plain(value, decimals: 6)) is outside -90…90 (WGS-84 degrees; are lat and lon swapped?)",
               zh: "纬度 \(NumberText.plain(value, decimals: 6)) 超出 -90…90（WGS-84 度；是否把 lat 和 lon 写反了？）")
    }

    static func longitudeOutOfRange(_ value: Double) -> Phrase {
        Phrase(en: "longitude \(NumberText.plain(value, decimals: 6)) is outside -180…180 (WGS-84 degrees)",
               zh: "经度 \(NumberText.plain(value, decimals: 6)) 超出 -180…180（WGS-84 度）")
    }

    static let zeroAreaPerPerson = Phrase(
        en: "zero area per person: expected m² > 0 (GB 21734-2008 asks for at least 1.5 m² per sheltered person)",
        zh: "人均面积为 0：应 > 0 m²（GB 21734-2008 要求每名避难人员至少 1.5 m²）")

    static let zeroDistance = Phrase(en: "expected a distance > 0 km, found 0", zh: "距离应 > 0 km，实为 0")

    static func areaPerPersonBelowStandard(_ value: Double) -> Phrase {
        Phrase(en: "\(NumberText.plain(value, decimals: 6)) m² per person is below the 1.5 m² that GB 21734-2008 requires (a mandatory clause)",
               zh: "人均 \(NumberText.plain(value, decimals: 6)) m² 低于 GB 21734-2008 强制要求的 1.5 m²")
    }

    static func smallShelterSite(_ value: Double) -> Phrase {
        Phrase(en: "a shelter site of \(NumberText.plain(value, decimals: 6)) m² is under the 2000 m² minimum of GB 21734-2008",
               zh: "避难场所面积 \(NumberText.plain(value, decimals: 6)) m² 小于 GB 21734-2008 规定的最小 2000 m²")
    }

    static func expectedNumberOrClassMap(_ found: String) -> Phrase {
        Phrase(en: "expected a number or a map by shelter class (\(ScenarioKeys.perClass.joined(separator: ", "))), found \(found)",
               zh: "应为数字，或按避难场所类别给出的映射（\(ScenarioKeys.perClass.joined(separator: "、"))），实为 \(found)")
    }

    static func noValueForClass(_ shelterClass: String, _ path: String, _ id: String) -> Phrase {
        Phrase(en: "no value for shelter class '\(shelterClass)', which \(path) ('\(id)') uses; add '\(shelterClass)' or 'default'",
               zh: "没有给避难场所类别 '\(shelterClass)' 取值，而 \(path)（'\(id)'）属于该类别；请添加 '\(shelterClass)' 或 'default'")
    }

    static func probabilitiesDoNotSum(_ sum: Double) -> Phrase {
        Phrase(en: "hazard probabilities sum to \(NumberText.plain(sum, decimals: 6)), not 1; expected costs weight the hazards as given",
               zh: "各灾害概率之和为 \(NumberText.plain(sum, decimals: 6))，不是 1；期望费用按给定值加权")
    }

    static func probabilitiesLeaveNothing(_ sum: Double, missing: Int) -> Phrase {
        Phrase(en: "the given hazard probabilities already sum to \(NumberText.plain(sum, decimals: 6)); the \(missing) hazard(s) without one get weight 0",
               zh: "已给出的灾害概率之和已达 \(NumberText.plain(sum, decimals: 6))；未给概率的 \(missing) 种灾害权重为 0")
    }

    static func areaOffNetwork(_ id: String, _ roads: String) -> Phrase {
        Phrase(en: "area '\(id)' is on no road of \(roads): nothing can reach it",
               zh: "区域 '\(id)' 不在 \(roads) 的任何道路上：无法到达")
    }

    static func siteOffNetwork(_ id: String, _ roads: String) -> Phrase {
        Phrase(en: "'\(id)' is on no road of \(roads) (name it there, or give it an 'area' that is): it reaches no area",
               zh: "'\(id)' 不在 \(roads) 的任何道路上（请在道路文件中写上它，或给它一个在路网上的 'area'）：到达不了任何区域")
    }

    // Roads file

    static func cannotReadRoads(_ path: String) -> Phrase {
        Phrase(en: "travel.roads: cannot read the roads file '\(path)'", zh: "travel.roads：无法读取道路文件 '\(path)'")
    }

    // Boundaries file

    static func cannotReadBoundaries(_ path: String) -> Phrase {
        Phrase(en: "cannot read the boundaries file '\(path)'", zh: "无法读取边界文件 '\(path)'")
    }

    static func notGeoJSONObject(_ path: String) -> Phrase {
        Phrase(en: "'\(path)' is not a GeoJSON object", zh: "'\(path)' 不是 GeoJSON 对象")
    }

    static func notPolygonCollection(_ path: String) -> Phrase {
        Phrase(en: "'\(path)': expected a GeoJSON FeatureCollection of polygons", zh: "'\(path)'：应为由多边形组成的 GeoJSON FeatureCollection")
    }

    static func badRings(_ path: String, _ index: Int) -> Phrase {
        Phrase(en: "'\(path)': features[\(index)]: a polygon needs rings of [lon, lat] points",
               zh: "'\(path)'：features[\(index)]：多边形需要由 [lon, lat] 点组成的环")
    }

    static func noPolygons(_ path: String) -> Phrase {
        Phrase(en: "'\(path)': no Polygon or MultiPolygon features", zh: "'\(path)'：没有 Polygon 或 MultiPolygon 要素")
    }

    static let roadsWithoutRows = Phrase(en: "the roads file has a header but no roads", zh: "道路文件只有表头，没有道路")

    static func emptyEndpoint(_ column: String) -> Phrase {
        Phrase(en: "\(column): empty; expected an area, site, team or junction name",
               zh: "\(column)：为空；应为区域、站点、队伍或路口的名称")
    }

    static func badKilometres(_ text: String) -> Phrase {
        Phrase(en: "km: expected a number ≥ 0, found '\(text)'", zh: "km：应为 ≥ 0 的数字，实为 '\(text)'")
    }

    static func badSpeed(_ text: String) -> Phrase {
        Phrase(en: "speed_kmh: expected a number > 0, found '\(text)'", zh: "speed_kmh：应为 > 0 的数字，实为 '\(text)'")
    }

    static func columnProblem(_ column: String, _ problem: Phrase) -> Phrase {
        Phrase(en: "column '\(column)': \(problem.en)", zh: "列 '\(column)'：\(problem.zh)")
    }

    static func selfLoop(_ name: String) -> Phrase {
        Phrase(en: "a road from '\(name)' to itself", zh: "道路从 '\(name)' 通向它自己")
    }

    static func unknownPrefixed(_ kind: Place.Kind, _ id: String, suggestion: String?) -> Phrase {
        let zhKind = switch kind {
        case .area: "区域"
        case .site: "站点"
        case .team: "队伍"
        case .junction: "路口"
        }
        return Phrase(en: "unknown \(kind.rawValue) '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                      zh: "未知的\(zhKind) '\(id)'" + (suggestion.map { "；是否应为 '\($0)'？" } ?? ""))
    }

    static func unknownPrefix(_ kind: String) -> Phrase {
        Phrase(en: "unknown prefix '\(kind):' (use area:, site:, team: or junction:)",
               zh: "未知的前缀 '\(kind):'（可用 area:、site:、team: 或 junction:）")
    }

    static func ambiguousEndpoint(_ name: String) -> Phrase {
        Phrase(en: "'\(name)' is the id of more than one kind of place; write area:\(name), site:\(name) or team:\(name)",
               zh: "'\(name)' 同时是多种地点的编号；请写 area:\(name)、site:\(name) 或 team:\(name)")
    }

    static func deadEndJunction(_ name: String, suggestion: String?) -> Phrase {
        Phrase(en: "'\(name)' is no area, site or team id, and as a junction it is on one road only (write junction:\(name) if that is meant)"
                   + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
               zh: "'\(name)' 不是区域、站点或队伍的编号，作为路口又只连着一条道路（如确是路口，请写 junction:\(name)）"
                   + (suggestion.map { "；是否应为 '\($0)'？" } ?? ""))
    }

    // Scenario file

    static let unreadableScenario = Phrase(en: "the scenario could not be read", zh: "无法读取情景文件")

    static let resilienceNeedsShare = Phrase(
        en: "needs policy.resilience_max_unmet, the share (0–1) of displaced that may go unmet when a site is lost",
        zh: "需要 policy.resilience_max_unmet，即失去一个站点时允许未安置的转移人员比例（0–1）")

    static let resilienceMaxUnmetIgnored = Phrase(
        en: "ignored without policy.resilience (e.g. resilience: n-1)",
        zh: "未设置 policy.resilience（如 resilience: n-1）时此项不起作用")
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
