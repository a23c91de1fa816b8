import Foundation
import Synchronization

@testable import CRMCore

/// A ``FileIO`` that passes calls to the real file system until the armed call, which fails.
final class FaultInjectingFileIO: FileIO {
    enum Fault: CaseIterable, CustomStringConvertible {
        /// Any call fails with EIO.
        case ioError
        /// A write stores only its first half, then fails with EIO.
        case shortWrite
        /// A write fails with ENOSPC before storing anything.
        case diskFull
        /// An fsync of a file or directory fails with EIO.
        case failedSync

        var description: String {
            switch self {
            case .ioError: "I/O error"
            case .shortWrite: "short write"
            case .diskFull: "disk full"
            case .failedSync: "failed fsync"
            }
        }
    }

    private struct Plan {
        var fault: Fault
        var remaining: Int
        var triggered = false
    }

    private let real = PosixFileIO()
    private let plan = Mutex<Plan?>(nil)

    /// Makes the `call`-th call that `fault` applies to (counting from 1) fail.
    func arm(_ fault: Fault, atCall call: Int) {
        plan.withLock { $0 = Plan(fault: fault, remaining: call) }
    }

    /// Stops injecting; returns whether the armed fault happened.
    @discardableResult
    func disarm() -> Bool {
        plan.withLock { plan in
            defer { plan = nil }
            return plan?.triggered ?? false
        }
    }

    private enum Call { case write, sync, other }

    /// Whether this call is the one to fail.
    private func strikes(_ call: Call) -> Fault? {
        plan.withLock { plan -> Fault? in
            guard var current = plan, !current.triggered else { return nil }
            let applies =
                switch current.fault {
                case .ioError: true
                case .shortWrite, .diskFull: call == .write
                case .failedSync: call == .sync
                }
            guard applies else { return nil }
            current.remaining -= 1
            if current.remaining == 0 { current.triggered = true }
            plan = current
            return current.triggered ? current.fault : nil
        }
    }

    private func fail(_ operation: String, _ path: String, _ code: Int32 = EIO) -> IOFailure {
        IOFailure(operation: "injected \(operation)", path: path, code: code)
    }

    func makeDirectory(_ path: String) throws(IOFailure) {
        if strikes(.other) != nil { throw fail("mkdir", path) }
        try real.makeDirectory(path)
    }

    func openFile(_ path: String) throws(IOFailure) -> Int32 {
        if strikes(.other) != nil { throw fail("open", path) }
        return try real.openFile(path)
    }

    func close(_ descriptor: Int32) {
        real.close(descriptor)
    }

    func lockExclusively(_ descriptor: Int32, path: String) throws(IOFailure) -> Bool {
        if strikes(.other) != nil { throw fail("flock", path) }
        return try real.lockExclusively(descriptor, path: path)
    }

    func size(_ descriptor: Int32, path: String) throws(IOFailure) -> Int {
        if strikes(.other) != nil { throw fail("fstat", path) }
        return try real.size(descriptor, path: path)
    }

    func read(_ descriptor: Int32, count: Int, at offset: Int, path: String) throws(IOFailure) -> [UInt8] {
        if strikes(.other) != nil { throw fail("pread", path) }
        return try real.read(descriptor, count: count, at: offset, path: path)
    }

    func write(_ bytes: [UInt8], to descriptor: Int32, at offset: Int, path: String) throws(IOFailure) {
        switch strikes(.write) {
        case .shortWrite:
            try real.write(Array(bytes.prefix(bytes.count / 2)), to: descriptor, at: offset, path: path)
            throw fail("short pwrite", path)
        case .diskFull:
            throw fail("pwrite", path, ENOSPC)
        case .ioError, .failedSync:
            throw fail("pwrite", path)
        case nil:
            try real.write(bytes, to: descriptor, at: offset, path: path)
        }
    }

    func sync(_ descriptor: Int32, path: String) throws(IOFailure) {
        if strikes(.sync) != nil { throw fail("fdatasync", path) }
        try real.sync(descriptor, path: path)
    }

    func truncate(_ descriptor: Int32, to size: Int, path: String) throws(IOFailure) {
        if strikes(.other) != nil { throw fail("ftruncate", path) }
        try real.truncate(descriptor, to: size, path: path)
    }

    func rename(_ source: String, to destination: String) throws(IOFailure) {
        if strikes(.other) != nil { throw fail("rename", source) }
        try real.rename(source, to: destination)
    }

    func remove(_ path: String) throws(IOFailure) {
        if strikes(.other) != nil { throw fail("unlink", path) }
        try real.remove(path)
    }

    func syncDirectory(_ path: String) throws(IOFailure) {
        if strikes(.sync) != nil { throw fail("fsync directory", path) }
        try real.syncDirectory(path)
    }

    func list(_ directory: String) throws(IOFailure) -> [String] {
        if strikes(.other) != nil { throw fail("opendir", directory) }
        return try real.list(directory)
    }
}
