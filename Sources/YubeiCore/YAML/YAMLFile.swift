import Foundation
public import Yams

/// A YAML (or JSON) input file parsed into a tree whose every node keeps its line and column.
///
/// Loading reports what a planner gets wrong before any value is read: a missing or
/// unreadable file, bytes that are neither UTF-8 nor GB18030, an empty file, and YAML syntax errors, each
/// as a ``Diagnostic`` at its position.
public struct YAMLFile {
    /// The path as the user wrote it; every diagnostic names it.
    public let path: String
    public let root: Node
    /// The text of the file.
    public let text: String
    /// The encoding the file was read in.
    public var encoding: CSVEncoding = .utf8

    /// Reads and parses `path`.
    ///
    /// - Throws: ``InputError`` with one diagnostic for an unreadable, non-UTF-8, empty or
    ///   syntactically broken file.
    public static func load(path: String) throws(InputError) -> YAMLFile {
        let fileLocation = SourceLocation(file: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(.error, at: fileLocation, InputText.unreadableFile(path)))
        }
        return try parse(data: data, path: path)
    }

    /// Parses YAML text already read from `path`.
    public static func parse(data: Data, path: String) throws(InputError) -> YAMLFile {
        // UTF-8 (with or without a byte order mark), else GB18030, as Notepad and WPS save on a
        // Chinese Windows; the same decoding as CSV files.
        guard let (body, encoding) = TextDecoding.decode(data) else {
            let (line, column) = firstInvalidUTF8Position(in: data)
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: line, column: column),
                                        InputText.notUTF8OrGB18030))
        }
        if body.allSatisfy({ $0.isWhitespace }) {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), InputText.emptyFile))
        }
        // Control characters are refused with their position (libyaml would name none).
        if let (line, column, scalar) = firstControlCharacter(in: body) {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: line, column: column),
                                        InputText.controlCharacterInFile(SafeText.codePoint(scalar))))
        }
        // JSON through a JSON parser (linear); YAML only for YAML.
        if let node = JSONTree.parse(encoding == .utf8 ? data : Data(body.utf8)) {
            return YAMLFile(path: path, root: node, text: body, encoding: encoding)
        }
        let nesting = JSONTree.bracketDepth(data)
        if nesting.depth > JSONTree.maximumDepth {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: nesting.line, column: 1),
                                        InputText.nestedTooDeep(JSONTree.maximumDepth)))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: body)
        } catch let error as YamlError {
            throw InputError(diagnostic(for: error, path: path))
        } catch {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path), InputText.cannotParse("\(error)")))
        }
        guard let root else {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), InputText.noYAMLDocument))
        }
        // Aliases (`*name`) that multiply past what any reader can walk ("billion laughs").
        if body.contains("*"), let mark = AliasExpansion.firstOverflow(in: root) {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: mark.line, column: mark.column),
                                        InputText.aliasesExpandTooFar(AliasExpansion.maximumValues)))
        }
        return YAMLFile(path: path, root: root, text: body, encoding: encoding)
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return Diagnostic(.error, at: SourceLocation(file: path, line: mark.line, column: mark.column),
                              InputText.invalidYAML(problem, context: context.map { ($0.text, $0.mark.line) }))
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, at: SourceLocation(file: path, line: context.mark.line, column: context.mark.column),
                              InputText.duplicateKeys(duplicates))
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, at: SourceLocation(file: path), InputText.cannotReadFile(problem))
        default:
            return Diagnostic(.error, at: SourceLocation(file: path), InputText.invalidYAML("\(error)", context: nil))
        }
    }

    /// 1-based line and column of the first character YAML does not allow in a file: C0 controls
    /// other than tab and line breaks, DEL, and C1 controls other than NEL.
    ///
    /// - Complexity: O(n).
    static func firstControlCharacter(in text: String) -> (Int, Int, Unicode.Scalar)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: line += 1; column = 1; continue
            case 0x09, 0x0D, 0x85: break
            case 0x00...0x1F, 0x7F...0x9F: return (line, column, scalar)
            default: break
            }
            column += 1
        }
        return nil
    }

    /// 1-based line and column of the first byte sequence that is not UTF-8.
    public static func firstInvalidUTF8Position(in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var bytesSeen: [UInt8] = []
        var proxy = AnyIterator<UInt8> { let b = iterator.next(); if let b { bytesSeen.append(b) }; return b }
        while true {
            switch decoder.decode(&proxy) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}

extension String {
    /// The text of `data` when it is valid UTF-8, else `nil`.
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
