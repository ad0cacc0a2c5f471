import YubeiCore

/// The names planners read for the scenario's fixed words, in one place: shelter classes
/// (GB 21734 / GB/T 35624) and the common team specialties. A specialty id of the planner's own
/// that is not listed here is shown as written (it is their id).
public enum ScenarioNames {
    public static let shelterClasses: [ShelterClass: Phrase] = [
        .emergency: Phrase(en: "emergency", zh: "紧急避难场所"),
        .fixedShort: Phrase(en: "fixed, short-term", zh: "短期固定避难场所"),
        .fixedMedium: Phrase(en: "fixed, medium-term", zh: "中期固定避难场所"),
        .fixedLong: Phrase(en: "fixed, long-term", zh: "长期固定避难场所"),
        .central: Phrase(en: "central", zh: "中心避难场所"),
    ]

    public static let specialties: [String: Phrase] = [
        "flood-rescue": Phrase(en: "flood rescue", zh: "防汛抢险"),
        "water-search": Phrase(en: "water search and rescue", zh: "水上搜救"),
        "fire": Phrase(en: "firefighting", zh: "消防灭火"),
        "forest-fire": Phrase(en: "forest firefighting", zh: "森林灭火"),
        "search-rescue": Phrase(en: "search and rescue", zh: "搜索救援"),
        "earthquake-rescue": Phrase(en: "earthquake rescue", zh: "地震救援"),
        "medical": Phrase(en: "medical", zh: "医疗救护"),
        "power-repair": Phrase(en: "power repair", zh: "电力抢修"),
        "road-repair": Phrase(en: "road repair", zh: "道路抢通"),
        "water-supply": Phrase(en: "water supply", zh: "供水保障"),
        "communications": Phrase(en: "communications", zh: "通信保障"),
        "geohazard": Phrase(en: "geological hazards", zh: "地质灾害处置"),
        "mine-rescue": Phrase(en: "mine rescue", zh: "矿山救援"),
        "hazmat": Phrase(en: "hazardous materials", zh: "危险化学品处置"),
        "hazardous-chemicals": Phrase(en: "hazardous chemicals", zh: "危险化学品处置"),
        "mountain-rescue": Phrase(en: "mountain rescue", zh: "山地救援"),
        "sandstorm": Phrase(en: "sandstorm response", zh: "沙尘暴应对"),
        "drought-relief": Phrase(en: "drought relief", zh: "抗旱"),
    ]

    /// `policy.risk` (FORMATS.md §2.1): how hazards are weighed.
    public static let risks: [String: Phrase] = [
        "expected": Phrase(en: "expected", zh: "按概率加权（expected）"),
        "every-hazard": Phrase(en: "every-hazard", zh: "每种灾害全额计入（every-hazard）"),
        "worst-case": Phrase(en: "worst-case", zh: "最坏情况优先（worst-case）"),
    ]

    /// The weighting across hazards in `language`.
    public static func risk(_ id: String, _ language: Language) -> String {
        risks[id].map { $0(language) } ?? id
    }

    /// The shelter class in `language` (its id in English, as the files write it).
    public static func shelterClass(_ id: String, _ language: Language) -> String {
        guard language == .zh, let value = ShelterClass(rawValue: id), let phrase = shelterClasses[value] else { return id }
        return phrase(language)
    }

    /// The specialty in `language`: its Chinese name when listed, else the id as written.
    public static func specialty(_ id: String, _ language: Language) -> String {
        guard language == .zh, let phrase = specialties[id] else { return id }
        return phrase(language)
    }
}
