import Foundation

/// Progress of a long operation on standard error, shown only when standard error is a terminal, so
/// pipes and logs get clean output.
struct Progress {
    private let title: String
    private let total: Int
    private let isShown = isatty(STDERR_FILENO) != 0

    /// Progress of `total` steps of `title`.
    init(_ title: String, total: Int) {
        self.title = title
        self.total = max(total, 1)
    }

    /// Shows that `done` steps are done.
    func update(_ done: Int) {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\(title): \(min(100, done * 100 / total)) %".utf8))
    }

    /// Clears the line.
    func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
