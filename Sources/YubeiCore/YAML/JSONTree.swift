import Foundation
import Yams

/// JSON read with a JSON parser, in time and memory linear in the file, into the same node tree
/// (with lines and columns) that YAML gives, so that every reader and every message stays the
/// same whichever syntax a file uses.
///
/// Foundation's `JSONSerialization` decides whether the text is JSON at all; a linear scan then
/// builds the tree with positions. Text that is not JSON (or JSON with a duplicated key, which
/// YAML reports at its position) returns `nil`, and the caller reads it as YAML.
enum JSONTree {
    /// The deepest nesting of lists and mappings accepted (JSON and YAML flow collections), so that
    /// no input can exhaust the stack.
    static let maximumDepth = 512

    /// The tree of `data` when it is a JSON document, else `nil`.
    ///
    /// - Complexity: O(n) in the size of `data`.
    static func parse(_ data: Data) -> Node? {
        guard let first = data.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return nil }
        guard (try? JSONSerialization.jsonObject(with: data, options: [])) != nil else { return nil }
        return data.withUnsafeBytes { raw -> Node? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            guard let node = scanner.value(depth: 0) else { return nil }
            scanner.skipSpace()
            return scanner.index == scanner.bytes.count ? node : nil
        }
    }

    /// The deepest bracket nesting in `data` outside quoted text (an upper bound for YAML flow
    /// collections), used to refuse hostile nesting before any recursive parser sees it.
    ///
    /// - Complexity: O(n).
    static func bracketDepth(_ data: Data) -> (depth: Int, line: Int) {
        var depth = 0, deepest = 0, line = 1, deepestLine = 1
        var quote: UInt8? = nil
        var escaped = false
        for byte in data {
            if byte == 0x0A { line += 1 }
            if let q = quote {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") { escaped = true } else if byte == q || byte == 0x0A { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > deepest { deepest = depth; deepestLine = line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return (deepest, deepestLine)
    }

    /// A `Mark` for a line and column (Yams keeps its initialiser internal; the struct is two `Int`s).
    static func mark(line: Int, column: Int) -> Mark? {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
              MemoryLayout<Mark>.alignment == MemoryLayout<(Int, Int)>.alignment else { return nil }
        return unsafeBitCast((line, column), to: Mark.self)
    }

    /// One tag of each kind, shared by every node: building a `Tag` builds Yams' whole
    /// constructor table, which would dominate the reading of a large file.
    enum Tags {
        nonisolated(unsafe) static let map = Tag(.map)
        nonisolated(unsafe) static let seq = Tag(.seq)
        nonisolated(unsafe) static let str = Tag(.str)
        nonisolated(unsafe) static let bool = Tag(.bool)
        nonisolated(unsafe) static let null = Tag(.null)
        nonisolated(unsafe) static let int = Tag(.int)
        nonisolated(unsafe) static let float = Tag(.float)
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        /// Index of the first byte of the current line.
        var lineStart = 0
        /// The column at `cachedIndex`, so that columns are counted once (a one-line file of
        /// megabytes stays linear).
        var cachedIndex = 0
        var cachedColumn = 1

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The current position; columns count Unicode scalars, as libyaml does.
        mutating func currentMark() -> Mark? {
            if cachedIndex < lineStart || cachedIndex > index {
                cachedIndex = lineStart
                cachedColumn = 1
            }
            while cachedIndex < index {
                if bytes[cachedIndex] & 0xC0 != 0x80 { cachedColumn += 1 }
                cachedIndex += 1
            }
            return JSONTree.mark(line: line, column: cachedColumn)
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> Node? {
            skipSpace()
            guard index < bytes.count, depth < JSONTree.maximumDepth else { return nil }
            let mark = currentMark()
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [(Node, Node)] = []
                var keys = Set<String>()
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .mapping(Node.Mapping(pairs, Tags.map, .flow, mark))
                }
                while true {
                    skipSpace()
                    let keyMark = currentMark()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                    guard keys.insert(key).inserted else { return nil }  // YAML reports the duplicate
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let item = value(depth: depth + 1) else { return nil }
                    pairs.append((.scalar(Node.Scalar(key, Tags.str, .doubleQuoted, keyMark)), item))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { return nil }
                    index += 1
                    return .mapping(Node.Mapping(pairs, Tags.map, .flow, mark))
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [Node] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .sequence(Node.Sequence(items, Tags.seq, .flow, mark))
                }
                while true {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { return nil }
                    index += 1
                    return .sequence(Node.Sequence(items, Tags.seq, .flow, mark))
                }
            case UInt8(ascii: "\""):
                guard let text = string() else { return nil }
                return .scalar(Node.Scalar(text, Tags.str, .doubleQuoted, mark))
            default:
                let start = index
                while index < bytes.count {
                    let b = bytes[index]
                    if b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")
                        || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { break }
                    index += 1
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                switch word {
                case "true", "false": return .scalar(Node.Scalar(word, Tags.bool, .plain, mark))
                case "null": return .scalar(Node.Scalar(word, Tags.null, .plain, mark))
                default:
                    guard !word.isEmpty else { return nil }
                    let isInteger = !word.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
                    return .scalar(Node.Scalar(word, (isInteger ? Tags.int : Tags.float), .plain, mark))
                }
            }
        }

        /// A quoted string at `index` (which is at the opening quote), unescaped.
        mutating func string() -> String? {
            index += 1
            let start = index
            var plain = true
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") { break }
                if b == UInt8(ascii: "\\") { plain = false; index += 1 }
                if b == 0x0A { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let body = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            if plain { return String(decoding: body, as: UTF8.self) }
            return Self.unescape(body)
        }

        static func unescape(_ body: UnsafeBufferPointer<UInt8>) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(body.count)
            var k = 0
            var pendingHigh: UInt32? = nil
            func hex4(_ at: Int) -> UInt32? {
                guard at + 4 <= body.count else { return nil }
                var v: UInt32 = 0
                for i in at..<(at + 4) {
                    let c = body[i]
                    let d: UInt32
                    switch c {
                    case 0x30...0x39: d = UInt32(c - 0x30)
                    case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                    case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                    default: return nil
                    }
                    v = v * 16 + d
                }
                return v
            }
            func append(_ scalar: Unicode.Scalar) { out.append(contentsOf: Array(String(Character(scalar)).utf8)) }
            while k < body.count {
                let b = body[k]
                guard b == UInt8(ascii: "\\") else { out.append(b); k += 1; continue }
                guard k + 1 < body.count else { return nil }
                let e = body[k + 1]
                k += 2
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let v = hex4(k) else { return nil }
                    k += 4
                    if (0xD800...0xDBFF).contains(v) {
                        pendingHigh = v
                        continue
                    }
                    if (0xDC00...0xDFFF).contains(v), let high = pendingHigh {
                        pendingHigh = nil
                        guard let s = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)) else { return nil }
                        append(s)
                        continue
                    }
                    append(Unicode.Scalar(v) ?? "\u{FFFD}")
                default: return nil
                }
                if pendingHigh != nil { pendingHigh = nil; append("\u{FFFD}") }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
