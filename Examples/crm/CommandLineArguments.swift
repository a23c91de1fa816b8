/// The words after a command's name: positional words, `--flag`s and `--option value` pairs.
///
/// A command takes what it understands, then calls ``finish()``, which refuses anything left over, so a
/// misspelled option is a usage error instead of being ignored.
struct CommandLineArguments {
    /// The options that take no value.
    static let flags: Set<String> = ["json", "help", "skip-invalid", "dry-run"]

    private var positional: [String] = []
    private var options: [(name: String, value: String?)] = []

    /// Splits `words`; `--name=value` and `--name value` are the same, and `--` ends the options.
    init(_ words: [String]) throws(UsageError) {
        var remaining = words[...]
        while let word = remaining.popFirst() {
            if word == "--" {
                positional += remaining
                break
            }
            guard word.hasPrefix("--"), word.count > 2 else {
                positional.append(word)
                continue
            }
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                options.append((String(body[..<equals]), String(body[body.index(after: equals)...])))
            } else if Self.flags.contains(String(body)) {
                options.append((String(body), nil))
            } else {
                guard let value = remaining.popFirst() else { throw UsageError("--\(body) needs a value") }
                options.append((String(body), value))
            }
        }
    }

    /// Takes the next positional word, if there is one.
    mutating func next() -> String? {
        positional.isEmpty ? nil : positional.removeFirst()
    }

    /// Takes the next positional word, which must be there; `name` says what it is in the error.
    mutating func required(_ name: String) throws(UsageError) -> String {
        guard let word = next() else { throw UsageError("missing \(name)") }
        return word
    }

    /// Whether `--name` was given, and takes it.
    mutating func flag(_ name: String) -> Bool {
        let given = options.contains { $0.name == name }
        options.removeAll { $0.name == name }
        return given
    }

    /// The value of `--name`, if given (the last one wins), and takes it.
    mutating func option(_ name: String) -> String? {
        values(name).last
    }

    /// The value of `--name`, which must be given.
    mutating func required(option name: String) throws(UsageError) -> String {
        guard let value = option(name) else { throw UsageError("missing --\(name)") }
        return value
    }

    /// Every value of a repeatable `--name`, in order, and takes them.
    mutating func values(_ name: String) -> [String] {
        let found = options.filter { $0.name == name }.compactMap(\.value)
        options.removeAll { $0.name == name }
        return found
    }

    /// Refuses whatever the command did not take.
    func finish() throws(UsageError) {
        if let option = options.first { throw UsageError("unknown option --\(option.name)") }
        if let word = positional.first { throw UsageError("unexpected argument \"\(word)\"") }
    }
}
