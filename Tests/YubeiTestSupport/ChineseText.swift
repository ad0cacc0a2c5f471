import Foundation

/// The ASCII words of a Chinese text that are not in `allowed`: what a translation left in English.
/// A word is a run of ASCII letters (then letters, digits, `-`, `_`, `.`); numbers (`1e-12`) are no words.
public func englishWords(in text: String, allowed: Set<String> = []) -> [String] {
    var words: [String] = []
    var current = ""
    for character in text + " " {
        if character.isASCII && (character.isLetter || character.isNumber || (!current.isEmpty && "-_.".contains(character))) {
            current.append(character)
        } else {
            let word = current.trimmingCharacters(in: CharacterSet(charactersIn: "-_."))
            if let first = word.first, !first.isNumber, !allowed.contains(word) { words.append(word) }
            current = ""
        }
    }
    return words
}

/// Whether `text` holds a CJK ideograph.
public func holdsChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
}
