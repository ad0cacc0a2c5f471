import YubeiCore

/// "Did you mean …?" for ids: the nearest by edit distance, else the one id that starts with
/// what was written (`hengda` → `hengda-chem`), since shortened ids are a common slip in records.
enum Suggestion {
    /// - Complexity: O(n·m²) for n candidates of length m.
    static func id(for word: String, in candidates: [String]) -> String? {
        if let close = YAMLReader.closest(to: word, in: candidates) { return close }
        guard word.count >= 3 else { return nil }
        let extended = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        return extended.count == 1 ? extended[0] : nil
    }
}
