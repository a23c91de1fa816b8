import CRMCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations the engine needs, each durable when it returns.
///
/// Writing a file in place is never safe: a crash halfway leaves half a file. Instead the new content goes
/// to a temporary file beside it, is flushed to the disk (`fsync`), and is renamed over the old file, which
/// the operating system does atomically. Then the directory is flushed, so that the rename itself survives
/// a power loss; a commit that writes many files in one directory flushes it once. Files are created readable by their owner only (0600), directories 0700.
enum DurableFiles {
    /// The suffix of the temporary files; a crash can leave one behind, and opening a store removes them.
    static let temporarySuffix = ".tmp"

    /// Replaces the file at `url` with `data`: the file then holds the old or the new content, never a mix.
    /// The new content is durable once ``syncDirectory(_:)`` has flushed the file's directory.
    static func replace(_ url: URL, with data: Data) throws(StorageError) {
        let temporary = url.path + temporarySuffix
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create", temporary) }
        let bytes = [UInt8](data)
        let writeError: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno != EINTR { return errno }
                offset += max(count, 0)
            }
            return nil
        }
        if let writeError {
            close(descriptor)
            throw failure("cannot write", temporary, code: writeError)
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            close(descriptor)
            throw failure("cannot flush", temporary, code: code)
        }
        close(descriptor)
        guard rename(temporary, url.path) == 0 else { throw failure("cannot rename", temporary) }
    }

    /// Deletes the file at `url` if it exists; the deletion is made durable by ``syncDirectory(_:)``.
    static func remove(_ url: URL) throws(StorageError) {
        guard unlink(url.path) == 0 || errno == ENOENT else { throw failure("cannot delete", url.path) }
    }

    /// Creates the directory at `url` if it does not exist (and, with `withParents`, the directories
    /// above it), and makes its entry in the parent durable.
    static func makeDirectory(_ url: URL, withParents: Bool = false) throws(StorageError) {
        let parent = url.deletingLastPathComponent()
        if withParents, !FileManager.default.fileExists(atPath: parent.path) {
            try makeDirectory(parent, withParents: true)
        }
        if mkdir(url.path, 0o700) == 0 {
            try syncDirectory(url.deletingLastPathComponent())
        } else if errno != EEXIST {
            throw failure("cannot create the directory", url.path)
        }
    }

    /// Flushes a directory, so that files created, renamed or deleted in it stay so after a power loss.
    static func syncDirectory(_ url: URL) throws(StorageError) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("cannot open the directory", url.path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush the directory", url.path) }
    }

    /// The contents of the file at `url`.
    static func read(_ url: URL) throws(StorageError) -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StorageError(.io, message: "cannot read \(url.path)")
        }
        return data
    }

    /// The names of the entries of the directory at `url`, sorted; temporary files left by a crash are
    /// deleted instead of listed.
    static func entries(of url: URL) throws(StorageError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw StorageError(.io, message: "cannot list \(url.path): \(error.localizedDescription)")
        }
        var kept: [String] = []
        for name in names.sorted() {
            if name.hasSuffix(temporarySuffix) {
                try remove(url.appending(path: name))
            } else {
                kept.append(name)
            }
        }
        return kept
    }

    private static func failure(_ action: String, _ path: String, code: Int32 = errno) -> StorageError {
        StorageError(.io, message: "\(action) \(path): \(String(cString: strerror(code)))")
    }
}
