#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call: which operation, on which path, and the `errno` it returned.
struct IOFailure: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32

    var description: String { "\(operation) \(path) failed: \(String(cString: strerror(code))) (errno \(code))" }

    var storageError: StorageError {
        StorageError(.io, message: description)
    }
}

/// The one seam through which the file engine touches the file system, so tests can inject faults.
///
/// File descriptors are plain `Int32`s; the engine owns and closes them.
protocol FileIO: Sendable {
    func makeDirectory(_ path: String) throws(IOFailure)
    func openFile(_ path: String) throws(IOFailure) -> Int32
    func close(_ descriptor: Int32)
    func lockExclusively(_ descriptor: Int32, path: String) throws(IOFailure) -> Bool
    func size(_ descriptor: Int32, path: String) throws(IOFailure) -> Int
    func read(_ descriptor: Int32, count: Int, at offset: Int, path: String) throws(IOFailure) -> [UInt8]
    func write(_ bytes: [UInt8], to descriptor: Int32, at offset: Int, path: String) throws(IOFailure)
    func sync(_ descriptor: Int32, path: String) throws(IOFailure)
    func truncate(_ descriptor: Int32, to size: Int, path: String) throws(IOFailure)
    func rename(_ source: String, to destination: String) throws(IOFailure)
    func remove(_ path: String) throws(IOFailure)
    func syncDirectory(_ path: String) throws(IOFailure)
    func list(_ directory: String) throws(IOFailure) -> [String]
}
