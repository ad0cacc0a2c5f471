/// The wording of every CSV reading diagnostic (decoding, RFC 4180 syntax, header), in one place.
///
/// Diagnostics are English only, like every `FILE:ROW: error:` of the project.
enum CSVMessage {
    static let quoteInUnquotedField = "a quote (\") inside an unquoted field; quote the whole field and double inner quotes"
    static let textAfterClosingQuote = "text after a closing quote"
    static let unclosedQuote = "a quoted field is never closed"

    static let noSuchFile = "no such file"
    static let isDirectory = "is a directory, not a file"
    static let unreadable = "cannot be read"
    static let notText = "the file is neither UTF-8 nor GB18030 text (save it from Excel as CSV or CSV UTF-8)"

    /// `required` and, in brackets, `optional` columns: `from,to,km[,speed_kmh]`.
    static func headerForm(_ required: [String], _ optional: [String]) -> String {
        required.joined(separator: ",") + (optional.isEmpty ? "" : "[," + optional.joined(separator: ",") + "]")
    }

    static func empty(_ required: [String], _ optional: [String]) -> String {
        "the file is empty; the header row is required (\(headerForm(required, optional)))"
    }

    static func duplicateColumn(_ name: String) -> String { "column '\(name)' appears twice in the header" }

    static func sameColumnTwice(_ first: String, _ second: String, _ name: String) -> String {
        "columns '\(first)' and '\(second)' both name '\(name)'; keep one"
    }

    static func missingColumn(_ name: String, _ required: [String], _ optional: [String], aliases: [String] = []) -> String {
        let also = aliases.isEmpty ? "" : " (or " + aliases.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + ")"
        var message = "missing column '\(name)'\(also) (the header must name \(required.joined(separator: ", "))"
        if !optional.isEmpty { message += "; it may also name \(optional.joined(separator: ", "))" }
        return message + ")"
    }

    static func misspeltColumn(_ written: String, _ meant: String) -> String { "is '\(written)' meant to be '\(meant)'?" }
}
