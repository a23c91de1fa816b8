/// A table for the terminal: columns aligned, numbers to the right, at most 80 characters wide.
///
/// When the rows are too wide, the widest text column is shortened with an ellipsis.
struct TextTable {
    /// One column: its heading and whether its values line up on the right, as numbers do.
    struct Column {
        let heading: String
        let alignsRight: Bool

        /// A column of text.
        static func text(_ heading: String) -> Column { Column(heading: heading, alignsRight: false) }
        /// A column of numbers.
        static func number(_ heading: String) -> Column { Column(heading: heading, alignsRight: true) }
    }

    let columns: [Column]
    private(set) var rows: [[String]] = []
    /// The widest a line may be.
    var width = 80

    /// A table with `columns`.
    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; it has one value per column.
    mutating func add(_ row: [String]) {
        precondition(row.count == columns.count, "a row needs one value per column")
        rows.append(row)
    }

    /// The table as lines, the headings first.
    var lines: [String] {
        var widths = columns.indices.map { column in
            ([columns[column].heading] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        let gaps = 2 * (columns.count - 1)
        while widths.reduce(gaps, +) > width {
            let textColumns = columns.indices.filter { !columns[$0].alignsRight && widths[$0] > 8 }
            guard let widest = textColumns.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= widths.reduce(gaps, +) - width
            widths[widest] = max(widths[widest], 8)
        }
        func line(_ values: [String]) -> String {
            columns.indices.map { column in
                let fitted = Self.fit(values[column], to: widths[column])
                let padding = String(repeating: " ", count: widths[column] - fitted.count)
                return columns[column].alignsRight ? padding + fitted : fitted + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [line(columns.map(\.heading))] + rows.map(line)
    }

    /// Prints the table.
    func print() {
        for line in lines { Swift.print(line) }
    }

    private static func fit(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
