/// A command line the program cannot understand: exit code 2, with a pointer to the help.
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong with the command line.
    let description: String

    /// Creates the error.
    init(_ description: String) {
        self.description = description
    }
}

/// A request the program understood but could not carry out: exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    /// What failed, naming the file, line, field or record.
    let description: String

    /// Creates the error.
    init(_ description: String) {
        self.description = description
    }
}
