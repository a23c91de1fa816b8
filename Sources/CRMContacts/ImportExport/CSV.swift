/// Comma-separated values as RFC 4180 defines them: fields separated by commas, records by CRLF (LF alone
/// is accepted), fields that hold a comma, a quote or a line break enclosed in double quotes with inner
/// quotes doubled. A UTF-8 byte order mark at the start is skipped.
public enum CSV {
    /// One record and the line of the file it starts on (1-based).
    public struct Row: Sendable, Hashable {
        /// The line the record starts on.
        public let line: Int
        /// The fields.
        public let fields: [String]
    }

    /// A malformed file: an unterminated quote or text after a closing quote.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The line of the problem.
        public let line: Int
        /// What is wrong.
        public let reason: String

        /// `line 4: a quoted field is not closed`.
        public var description: String { "line \(line): \(reason)" }
    }

    /// The records of `text`, with the lines they start on. Blank lines are skipped.
    public static func parse(_ text: String) throws(SyntaxError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var quoted = false
        var afterQuote = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields.removeAll()
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"): continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                endRow()
                line += 1
                rowLine = line
            case UInt8(ascii: "\"") where field.isEmpty && !afterQuote: quoted = true
            default:
                if afterQuote { throw SyntaxError(line: line, reason: "text follows a closing quote") }
                field.append(byte)
            }
        }
        if quoted { throw SyntaxError(line: rowLine, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRow() }
        return rows
    }

    /// `rows` as CSV text with CRLF line ends, quoting fields where needed. Fields that a spreadsheet would
    /// run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading `'`,
    /// so an exported file cannot carry formula injection (CWE-1236).
    public static func write(_ rows: [[String]]) -> String {
        rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
