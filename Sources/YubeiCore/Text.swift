/// The language of user-facing text: reports and summaries can be written in Chinese or English.
///
/// Every layer keeps its user-facing wording in one file (`…Text.swift`) as ``Phrase`` values,
/// so that a translation is one edit in one place.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, zh

    /// The language from `YUBEI_LANG` (`zh` or `en`), else from `LANG` (`zh_*` → Chinese), else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        if let value = environment["YUBEI_LANG"], let language = Language(rawValue: value.lowercased()) {
            return language
        }
        if let lang = environment["LANG"], lang.lowercased().hasPrefix("zh") { return .zh }
        return .en
    }
}

/// One piece of user-facing text in every supported language.
public struct Phrase: Sendable, Hashable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .zh: return zh
        }
    }
}
