import Foundation
public import Yams

/// Reads typed values out of a ``YAMLFile`` while collecting every problem as a diagnostic
/// at the node's line and column, with the key path in the message
/// (`areas[2].population: expected a number ≥ 0, found -5`).
///
/// Each accessor returns `nil` after recording an error, so a loader can keep going and
/// report all problems of a file in one run.
public struct YAMLReader {
    public let path: String
    public var diagnostics = Diagnostics()

    public init(path: String) { self.path = path }

    public init(file: YAMLFile) { self.path = file.path }

    // MARK: Positions and messages

    /// The position of `node` in the file.
    public func location(of node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line, column: node.mark?.column)
    }

    public mutating func error(_ node: Node, _ keyPath: String, _ message: String) {
        diagnostics.error(location(of: node), keyPath.isEmpty ? message : "\(keyPath): \(message)")
    }

    public mutating func warning(_ node: Node, _ keyPath: String, _ message: String) {
        diagnostics.warning(location(of: node), keyPath.isEmpty ? message : "\(keyPath): \(message)")
    }

    /// A short description of what a node is, for "expected X, found Y" messages.
    public static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if node.tag == JSONTree.Tags.null { return "nothing (null)" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        }
    }

    // MARK: Structure

    /// The key/value pairs of a mapping node, in file order.
    public mutating func mapping(_ node: Node, _ keyPath: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, keyPath, "expected a mapping (key: value pairs), found \(Self.describe(node))")
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, keyPath, "a key must be a plain name, found \(Self.describe(key))")
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        return pairs
    }

    /// The items of a list node.
    public mutating func sequence(_ node: Node, _ keyPath: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, keyPath, "expected a list, found \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A mapping as a lookup table that reports unknown keys (with the closest known one) and
    /// missing required keys.
    public mutating func fields(
        _ node: Node, _ keyPath: String, known: [String], required: [String] = []
    ) -> Fields? {
        guard let pairs = mapping(node, keyPath) else { return nil }
        var values: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for pair in pairs {
            if !known.contains(pair.key) {
                var message = "unknown key '\(pair.key)'"
                if let suggestion = Self.closest(to: pair.key, in: known) { message += "; did you mean '\(suggestion)'?" }
                error(pair.keyNode, Self.join(keyPath, pair.key), message)
                continue
            }
            values[pair.key] = pair.value
            keyNodes[pair.key] = pair.keyNode
        }
        for key in required where values[key] == nil {
            error(node, keyPath, "missing required key '\(key)'")
        }
        return Fields(node: node, keyPath: keyPath, values: values, keyNodes: keyNodes)
    }

    /// A mapping's values by key, with the path of each for messages.
    public struct Fields {
        public let node: Node
        public let keyPath: String
        public let values: [String: Node]
        public let keyNodes: [String: Node]

        public subscript(key: String) -> Node? { values[key] }

        /// The key path of `key` inside this mapping.
        public func path(_ key: String) -> String { YAMLReader.join(keyPath, key) }
    }

    // MARK: Scalars

    /// A non-empty string (numbers written without quotes are taken as their text).
    public mutating func string(_ node: Node, _ keyPath: String) -> String? {
        guard case .scalar(let scalar) = node, node.tag != JSONTree.Tags.null else {
            error(node, keyPath, "expected text, found \(Self.describe(node))")
            return nil
        }
        if let c = SafeText.firstControl(in: scalar.string) {
            error(node, keyPath, "the text contains the control character \(SafeText.codePoint(c)); remove it")
            return nil
        }
        return scalar.string
    }

    /// A finite number, optionally with a lower bound (`minimum`, inclusive unless `exclusive`).
    public mutating func number(
        _ node: Node, _ keyPath: String, minimum: Double? = nil, exclusive: Bool = false, maximum: Double? = nil
    ) -> Double? {
        // Tags compared by name: `Tag(.int)` builds Yams' constructor table on every call.
        guard case .scalar(let scalar) = node, node.tag == JSONTree.Tags.int || node.tag == JSONTree.Tags.float,
              let value = Double(scalar.string) ?? node.float ?? node.int.map(Double.init) else {
            error(node, keyPath, "expected a number, found \(Self.describe(node))")
            return nil
        }
        guard value.isFinite else {
            error(node, keyPath, "expected a finite number, found \(Self.describe(node))")
            return nil
        }
        if let minimum, exclusive ? value <= minimum : value < minimum {
            error(node, keyPath, "expected a number \(exclusive ? ">" : "≥") \(NumberText.plain(minimum)), found \(NumberText.plain(value))")
            return nil
        }
        if let maximum, value > maximum {
            error(node, keyPath, "expected a number ≤ \(NumberText.plain(maximum)), found \(NumberText.plain(value))")
            return nil
        }
        return inRange(value, node, keyPath)
    }

    /// `value` when it lies in the documented range of `keyPath` (``InputRanges``), else `nil`
    /// after recording an error.
    mutating func inRange<N: BinaryInteger>(_ value: N, _ node: Node, _ keyPath: String) -> N? {
        guard let exact = Int(exactly: value) else {
            error(node, keyPath, "expected a number in \(InputRanges.range(forKeyPath: keyPath).description), found \(value)")
            return nil
        }
        if let problem = InputRanges.range(forKeyPath: keyPath).problem(with: exact) {
            error(node, keyPath, problem)
            return nil
        }
        return value
    }

    mutating func inRange(_ value: Double, _ node: Node, _ keyPath: String) -> Double? {
        if let problem = InputRanges.range(forKeyPath: keyPath).problem(with: value) {
            error(node, keyPath, problem)
            return nil
        }
        return value
    }

    /// A whole number, optionally with a minimum.
    public mutating func integer(_ node: Node, _ keyPath: String, minimum: Int? = nil) -> Int? {
        guard case .scalar = node, node.tag == JSONTree.Tags.int, let value = node.int else {
            error(node, keyPath, "expected a whole number, found \(Self.describe(node))")
            return nil
        }
        if let minimum, value < minimum {
            error(node, keyPath, "expected a whole number ≥ \(minimum), found \(value)")
            return nil
        }
        return inRange(value, node, keyPath)
    }

    /// `true` or `false`.
    public mutating func boolean(_ node: Node, _ keyPath: String) -> Bool? {
        guard case .scalar = node, node.tag == JSONTree.Tags.bool, let value = node.bool else {
            error(node, keyPath, "expected true or false, found \(Self.describe(node))")
            return nil
        }
        return value
    }

    /// An id: letters, digits, `-`, `_`, `.` (FORMATS.md); Unicode letters are allowed.
    public mutating func identifier(_ node: Node, _ keyPath: String) -> String? {
        guard let text = string(node, keyPath) else { return nil }
        guard Self.isValidIdentifier(text) else {
            error(node, keyPath, "'\(text)' is not a valid id (use letters, digits, '-', '_' and '.')")
            return nil
        }
        return text
    }

    /// One of `choices`, with the closest suggested when it is not.
    public mutating func choice(_ node: Node, _ keyPath: String, _ choices: [String]) -> String? {
        guard let text = string(node, keyPath) else { return nil }
        guard choices.contains(text) else {
            var message = "'\(text)' is not one of \(choices.joined(separator: ", "))"
            if let suggestion = Self.closest(to: text, in: choices) { message += "; did you mean '\(suggestion)'?" }
            error(node, keyPath, message)
            return nil
        }
        return text
    }

    /// A list of strings.
    public mutating func strings(_ node: Node, _ keyPath: String) -> [String]? {
        guard let items = sequence(node, keyPath) else { return nil }
        return items.enumerated().compactMap { string($0.element, "\(keyPath)[\($0.offset)]") }
    }

    // MARK: Helpers

    /// Whether `node` is `null` (`~`, empty); cheaper than comparing with a new `Tag(.null)`.
    public static func isNull(_ node: Node) -> Bool { node.tag == JSONTree.Tags.null }

    public static func isValidIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    public static func join(_ keyPath: String, _ key: String) -> String {
        keyPath.isEmpty ? key : "\(keyPath).\(key)"
    }

    /// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        // Remembered: a file of a million rows with the same misspelling asks a million times.
        let key = word + "\u{0}" + candidates.joined(separator: "\u{0}")
        if let known = SuggestionCache.shared.lookUp(key) { return known }
        let answer = computeClosest(to: word, in: candidates)
        SuggestionCache.shared.store(key, answer)
        return answer
    }

    static func computeClosest(to word: String, in candidates: [String]) -> String? {
        guard word.count <= 64 else { return nil }
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// Levenshtein distance.
    ///
    /// - Complexity: O(m·n).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Suggestions already worked out (bounded, so memory stays small whatever the input).
final class SuggestionCache: @unchecked Sendable {
    static let shared = SuggestionCache()
    private let lock = NSLock()
    private var answers: [String: String?] = [:]

    func lookUp(_ key: String) -> String?? { lock.withLock { answers[key] } }

    func store(_ key: String, _ answer: String?) {
        lock.withLock {
            if answers.count >= 10_000 { answers.removeAll(keepingCapacity: true) }
            answers[key] = .some(answer)
        }
    }
}
