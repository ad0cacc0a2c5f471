import YubeiCore

extension ScenarioKeys {
    static let resilience = ["resilience", "resilience_max_unmet"]
}

extension ScenarioDecoder {
    /// `policy.resilience` (`n-1`) and `policy.resilience_max_unmet` (needed with it, a share 0–1).
    ///
    /// - Returns: false after recording an error.
    mutating func resilience(_ f: YAMLReader.Fields, into policy: inout Policy) -> Bool {
        var share: Double?
        if let node = f["resilience_max_unmet"] {
            guard let value = reader.number(node, f.path("resilience_max_unmet"), minimum: 0, maximum: 1) else { return false }
            share = value
        }
        guard let node = f["resilience"] else {
            if let node = f["resilience_max_unmet"] {
                reader.warning(node, f.path("resilience_max_unmet"), ScenarioMessage.resilienceMaxUnmetIgnored)
            }
            return true
        }
        guard let word = reader.choice(node, f.path("resilience"), Resilience.Rule.allCases.map(\.rawValue)),
              let rule = Resilience.Rule(rawValue: word) else { return false }
        guard let share else {
            reader.error(node, f.path("resilience"),
                         ScenarioMessage.resilienceNeedsShare)
            return false
        }
        policy.resilience = Resilience(rule: rule, maxUnmetShare: share)
        return true
    }
}
