/// The on-disk layout of a file store, version 1.
///
/// A store is a directory holding:
/// - `LOCK`: empty; held with an exclusive `flock` by the one process that has the store open;
/// - `snapshot`: optional; every record and change up to some sequence, replaced only by
///   write-temp, fsync, rename, fsync-directory;
/// - `log-<generation>`: the commits after the snapshot, appended one frame per transaction.
///
/// Both files start with a 24-byte header: the magic `CRMS`, the format version, the file kind, the
/// generation (a snapshot of generation G is followed by `log-G`), and a CRC-32C of those 20 bytes.
/// Then come frames: the marker `FRM1`, the body length, a CRC-32C of length and body, and the body.
enum FileFormat {
    static let version: UInt32 = 1
    static let magic: [UInt8] = Array("CRMS".utf8)
    static let frameMarker: [UInt8] = Array("FRM1".utf8)
    static let headerSize = 24
    static let frameHeaderSize = 12
    static let lockName = "LOCK"
    static let snapshotName = "snapshot"
    static let snapshotTemporaryName = "snapshot.tmp"

    static func logName(_ generation: UInt64) -> String { "log-\(generation)" }

    enum Kind: UInt32 {
        case log = 1
        case snapshot = 2
    }

    static func header(kind: Kind, generation: UInt64) -> [UInt8] {
        var writer = ByteWriter(capacity: headerSize)
        for byte in magic { writer.writeByte(byte) }
        writer.writeUInt32(version)
        writer.writeUInt32(kind.rawValue)
        writer.writeUInt64(generation)
        let checksum = CRC32C.checksum(writer.bytes[...])
        writer.writeUInt32(checksum)
        return writer.bytes
    }

    /// Reads and checks a header; returns the generation.
    static func readHeader(_ bytes: [UInt8], kind: Kind, path: String) throws(StorageError) -> UInt64 {
        guard bytes.count >= headerSize, Array(bytes[0..<4]) == magic else {
            throw StorageError(.corrupted, message: "\(path) does not start with a store header (offset 0)")
        }
        var reader = ByteReader(bytes, from: 4, to: headerSize)
        do {
            let version = try reader.readUInt32()
            let fileKind = try reader.readUInt32()
            let generation = try reader.readUInt64()
            let checksum = try reader.readUInt32()
            guard checksum == CRC32C.checksum(bytes[0..<20]) else {
                throw StorageError(.corrupted, message: "\(path) has a damaged header (offset 0)")
            }
            guard version == FileFormat.version else {
                throw StorageError(
                    .unsupportedFormat,
                    message:
                        "\(path) has format version \(version); this version of the SDK reads version \(FileFormat.version)"
                )
            }
            guard fileKind == kind.rawValue else {
                throw StorageError(.corrupted, message: "\(path) is not a \(kind) file (offset 8)")
            }
            return generation
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.corrupted, message: "\(path) has a truncated header")
        }
    }

    /// A frame around the body that `fill` writes, built in place (the body is not copied).
    static func frame(capacity: Int, _ fill: (inout ByteWriter) -> Void) -> [UInt8] {
        var writer = ByteWriter(capacity: frameHeaderSize + capacity)
        writer.writeRaw(frameMarker)
        writer.writeUInt32(0)
        writer.writeUInt32(0)
        fill(&writer)
        let length = UInt32(writer.bytes.count - frameHeaderSize)
        writer.overwriteUInt32(length, at: 4)
        writer.overwriteUInt32(frameChecksum(length: length, body: writer.bytes[frameHeaderSize...]), at: 8)
        return writer.bytes
    }

    /// A frame around `body`.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        frame(capacity: body.count) { $0.writeRaw(body) }
    }

    /// CRC-32C over the four little-endian length bytes followed by the body, so a damaged length is caught.
    static func frameChecksum(length: UInt32, body: ArraySlice<UInt8>) -> UInt32 {
        let lengthChecksum = withUnsafeBytes(of: length.littleEndian) { CRC32C.checksum($0) }
        return CRC32C.extend(lengthChecksum, body)
    }
}
