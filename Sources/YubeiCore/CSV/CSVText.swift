/// The wording of every CSV reading diagnostic (decoding, RFC 4180 syntax, header), in one place.
///
/// Every message comes in English and Chinese (``Phrase``).
enum CSVMessage {
    static let quoteInUnquotedField = Phrase(
        en: "a quote (\") inside an unquoted field; quote the whole field and double inner quotes",
        zh: "未加引号的字段中出现了引号（\"）；请给整个字段加引号，并把字段内的引号写两遍")
    static let textAfterClosingQuote = Phrase(en: "text after a closing quote", zh: "结束引号之后还有文字")
    static let unclosedQuote = Phrase(en: "a quoted field is never closed", zh: "带引号的字段没有结束引号")

    static func controlCharacter(column: String?, field: Int, _ codePoint: String) -> Phrase {
        Phrase(en: (column.map { "column '\($0)'" } ?? "field \(field)") + ": contains the control character \(codePoint); remove it",
               zh: (column.map { "列 '\($0)'" } ?? "第 \(field) 个字段") + "：含有控制字符 \(codePoint)；请删除")
    }
    static let notText = Phrase(en: "the file is neither UTF-8 nor GB18030 text (save it from Excel as CSV or CSV UTF-8)",
                                zh: "文件既不是 UTF-8 也不是 GB18030 文本（请在 Excel 中另存为 CSV 或 CSV UTF-8）")

    /// `required` and, in brackets, `optional` columns: `from,to,km[,speed_kmh]`.
    static func headerForm(_ required: [String], _ optional: [String]) -> String {
        required.joined(separator: ",") + (optional.isEmpty ? "" : "[," + optional.joined(separator: ",") + "]")
    }

    static func empty(_ required: [String], _ optional: [String]) -> Phrase {
        Phrase(en: "the file is empty; the header row is required (\(headerForm(required, optional)))",
               zh: "文件为空；必须有表头行（\(headerForm(required, optional))）")
    }

    static func duplicateColumn(_ name: String) -> Phrase {
        Phrase(en: "column '\(name)' appears twice in the header", zh: "表头中列 '\(name)' 出现了两次")
    }

    static func sameColumnTwice(_ first: String, _ second: String, _ name: String) -> Phrase {
        Phrase(en: "columns '\(first)' and '\(second)' both name '\(name)'; keep one",
               zh: "列 '\(first)' 和 '\(second)' 都表示 '\(name)'；请只保留一列")
    }

    static func missingColumn(_ name: String, _ required: [String], _ optional: [String], aliases: [String] = [],
                              guess: String? = nil) -> Phrase {
        let names = aliases.prefix(3).map { "'\($0)'" }
        var en = "missing column '\(name)'" + (names.isEmpty ? "" : " (or " + names.joined(separator: ", ") + ")")
        en += " (the header must name \(required.joined(separator: ", "))"
        if !optional.isEmpty { en += "; it may also name \(optional.joined(separator: ", "))" }
        en += ")"
        var zh = "缺少列 '\(name)'" + (names.isEmpty ? "" : "（或 " + names.joined(separator: "、") + "）")
        zh += "（表头必须包含 \(required.joined(separator: "、"))"
        if !optional.isEmpty { zh += "；还可包含 \(optional.joined(separator: "、"))" }
        zh += "）"
        if let guess {
            en += "; is '\(guess)' meant to be '\(name)'?"
            zh += "；'\(guess)' 是否应为 '\(name)'？"
        }
        return Phrase(en: en, zh: zh)
    }
}
