import Foundation

/// The wording every reader shares, in English and Chinese: problems of a whole file (missing,
/// not text, empty, not YAML) and of a number outside its documented range.
public enum InputText {
    public static let noSuchFile = Phrase(en: "no such file", zh: "文件不存在")
    public static let isDirectory = Phrase(en: "is a directory, not a file", zh: "这是文件夹，不是文件")
    public static let unreadable = Phrase(en: "cannot be read", zh: "无法读取")

    /// Why `path` cannot be read: it does not exist, is a folder, or cannot be opened.
    public static func unreadableFile(_ path: String) -> Phrase {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return !exists ? noSuchFile : isDirectory.boolValue ? Self.isDirectory : unreadable
    }

    public static let notUTF8OrGB18030 = Phrase(
        en: "the file is neither UTF-8 nor GB18030 text (save it as UTF-8)",
        zh: "文件既不是 UTF-8 也不是 GB18030 文本（请另存为 UTF-8）")
    public static let notUTF8 = Phrase(en: "the file is not valid UTF-8 text", zh: "文件不是有效的 UTF-8 文本")
    public static let emptyFile = Phrase(en: "the file is empty", zh: "文件为空")

    public static func controlCharacterInFile(_ codePoint: String) -> Phrase {
        Phrase(en: "the file contains the control character \(codePoint); remove it", zh: "文件中含有控制字符 \(codePoint)；请删除")
    }

    public static func controlCharacterInText(_ codePoint: String) -> Phrase {
        Phrase(en: "the text contains the control character \(codePoint); remove it", zh: "文字中含有控制字符 \(codePoint)；请删除")
    }

    // MARK: YAML and JSON syntax

    public static func nestedTooDeep(_ levels: Int) -> Phrase {
        Phrase(en: "lists and mappings nested deeper than \(levels) levels", zh: "列表和映射嵌套超过 \(levels) 层")
    }

    public static func aliasesExpandTooFar(_ values: Int) -> Phrase {
        Phrase(en: "its aliases (*name) expand to more than \(NumberText.number(Double(values))) values; write the values out instead",
               zh: "其中的别名（*name）展开后超过 \(NumberText.number(Double(values))) 个值；请直接写出这些值")
    }

    public static let noYAMLDocument = Phrase(en: "the file holds no YAML document", zh: "文件中没有 YAML 文档")

    public static func cannotParse(_ detail: String) -> Phrase {
        Phrase(en: "cannot parse the file: \(detail)", zh: "无法解析文件：\(detail)")
    }

    public static func cannotReadFile(_ problem: String) -> Phrase {
        Phrase(en: "cannot read the file: \(problem)", zh: "无法读取文件：\(problem)")
    }

    public static func duplicateKeys(_ keys: [String]) -> Phrase {
        Phrase(en: "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")) in a mapping",
               zh: "同一映射中键 \(keys.map { "'\($0)'" }.joined(separator: "、")) 重复")
    }

    /// A YAML syntax error: libyaml's `problem` (English), in Chinese when it is one libyaml is known
    /// to give; `context` and its line name what was being read.
    public static func invalidYAML(_ problem: String, context: (text: String, line: Int)?) -> Phrase {
        var en = "invalid YAML: \(problem)"
        var zh = "YAML 语法错误：\(yamlProblems[problem] ?? problem)"
        if let context {
            en += " (\(context.text) at line \(context.line))"
            zh += "（第 \(context.line) 行\(yamlContexts[context.text].map { "的\($0)" } ?? "：\(context.text)")）"
        }
        if problem.contains("end of stream") || problem.contains("could not find expected")
            || problem.contains("did not find expected") {
            en += "; is the file truncated or a quote or bracket left open?"
            zh += "；文件是否不完整，或有引号、括号未闭合？"
        }
        return Phrase(en: en, zh: zh)
    }

    /// libyaml's problems in Chinese.
    static let yamlProblems: [String: String] = [
        "mapping values are not allowed in this context": "此处不允许出现 ':' 映射值（是否少了空格或缩进不对？）",
        "did not find expected key": "没有找到应有的键（缩进是否对齐？）",
        "could not find expected ':'": "没有找到应有的 ':'",
        "found character that cannot start any token": "出现了不能作为开头的字符（是否用了制表符缩进？）",
        "found unexpected end of stream": "文件意外结束",
        "did not find expected node content": "没有找到应有的内容",
        "did not find expected ',' or ']'": "没有找到应有的 ',' 或 ']'",
        "did not find expected ',' or '}'": "没有找到应有的 ',' 或 '}'",
        "did not find expected '-' indicator": "没有找到应有的 '-' 列表项",
        "block sequence entries are not allowed in this context": "此处不允许出现 '-' 列表项",
        "found a tab character that violates indentation": "缩进中出现了制表符",
        "found a tab character where an indentation space is expected": "应为缩进空格处出现了制表符",
        "found unknown escape character": "出现了未知的转义字符",
        "found undefined tag handle": "出现了未定义的标签",
        "found unexpected ':'": "出现了多余的 ':'",
        "found undefined alias": "出现了未定义的别名",
        "found duplicate anchor; first occurrence": "锚点重复",
        "did not find URI escaped octet": "没有找到 URI 转义字节",
        "found unexpected document indicator": "出现了多余的文档标记",
    ]

    static let yamlContexts: [String: String] = [
        "while scanning a simple key": "简单键",
        "while parsing a block mapping": "块映射",
        "while parsing a block collection": "块列表",
        "while parsing a flow mapping": "行内映射",
        "while parsing a flow sequence": "行内列表",
        "while scanning a quoted scalar": "带引号的文字",
        "while scanning a plain scalar": "文字",
        "while parsing a flow node": "行内节点",
        "while parsing a block node": "块节点",
        "while scanning an alias": "别名",
        "while scanning an anchor": "锚点",
        "while scanning a tag": "标签",
        "while scanning a block scalar": "块文字",
        "while scanning for the next token": "下一个记号",
        "while parsing a node": "节点",
        "while scanning a directive": "指令",
        "while parsing a flow sequence entry": "行内列表项",
        "while parsing a flow mapping entry": "行内映射项",
    ]

    // MARK: Numbers

    public static func notFinite(_ shown: String) -> Phrase {
        Phrase(en: "expected a finite number, found \(shown)", zh: "应为有限的数字，实为 \(shown)")
    }

    public static func outsideRange(_ range: String, _ shown: String) -> Phrase {
        Phrase(en: "expected a number in \(range), found \(shown)", zh: "应为 \(range) 之间的数字，实为 \(shown)")
    }

    public static func tooCloseToZero(_ smallest: String, _ shown: String) -> Phrase {
        Phrase(en: "expected 0 or a number of magnitude at least \(smallest), found \(shown)",
               zh: "应为 0 或绝对值不小于 \(smallest) 的数字，实为 \(shown)")
    }

    /// `expected a number, found 'x'` for a token that is no number.
    public static func notANumber(_ found: String) -> Phrase {
        Phrase(en: "expected a number, found '\(found)'", zh: "应为数字，实为 '\(found)'")
    }

    /// `expected a number ≥ LIMIT, found X`.
    public static func below(_ limit: String, _ found: String) -> Phrase {
        Phrase(en: "expected a number ≥ \(limit), found \(found)", zh: "应为 ≥ \(limit) 的数字，实为 \(found)")
    }

    /// `WHAT: PHRASE` in either language (`WHAT：…` in Chinese).
    public static func labelled(_ label: Phrase, _ phrase: Phrase) -> Phrase {
        Phrase(en: "\(label.en): \(phrase.en)", zh: "\(label.zh)：\(phrase.zh)")
    }
}
