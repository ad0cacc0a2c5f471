/// A small RFC 4180 reader that keeps each record's row number.
///
/// SwiftCSV (in the package) parses quoted fields well but does not say which row a record came
/// from, and row numbers are what `FILE:ROW: error:` needs; this reader counts rows as a
/// spreadsheet shows them: the header is row 1, and a quoted cell holding line breaks stays in
/// its one row. Accepts `\n`, `\r\n` and `\r` line ends, `""` for a quote inside a quoted field.
public enum CSVParser {
    /// One record and its row number (header = 1).
    public struct Row: Sendable, Hashable {
        /// The row as a spreadsheet numbers it (header = 1).
        public var number: Int
        /// The fields, unquoted, untrimmed.
        public var fields: [String]

        public init(number: Int, fields: [String]) {
            self.number = number
            self.fields = fields
        }
    }

    /// Why a text is not CSV.
    public struct ParseError: Error, Sendable, Hashable {
        /// Row where the problem starts.
        public var row: Int
        /// What is wrong, for `FILE:ROW: error: …`, in English and Chinese.
        public var phrase: Phrase
        /// What is wrong, in English.
        public var message: String { phrase.en }

        public init(row: Int, message: Phrase) {
            self.row = row
            self.phrase = message
        }
    }

    /// The records of `text`, blank rows included (callers decide what a blank row means).
    /// A final line break does not start an empty record; an empty text is one record of one empty field.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String) -> Result<[Row], ParseError> {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quotedFieldStartRow = 0
        var fieldWasQuoted = false
        var afterQuote = false
        var rowNumber = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.last != "\n" && scalars.last != "\r" { scalars.append("\n") }
        var i = 0
        func endRecord() {
            fields.append(field)
            rows.append(Row(number: rowNumber, fields: fields))
            fields = []
            field = ""
            fieldWasQuoted = false
            afterQuote = false
            rowNumber += 1
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    field.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"":
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quotedFieldStartRow = rowNumber
                } else {
                    return .failure(ParseError(row: rowNumber,
                                               message: CSVMessage.quoteInUnquotedField))
                }
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
                afterQuote = false
            case "\r", "\n":
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRecord()
            default:
                if afterQuote {
                    return .failure(ParseError(row: rowNumber, message: CSVMessage.textAfterClosingQuote))
                }
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes {
            return .failure(ParseError(row: quotedFieldStartRow, message: CSVMessage.unclosedQuote))
        }
        return .success(rows)
    }
}
