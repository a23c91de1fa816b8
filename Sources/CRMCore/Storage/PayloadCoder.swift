import Foundation

/// Encodes domain values as record payloads: JSON with sorted keys inside a versioned envelope
/// `{"v":1,"value":{…}}`, so that the encoding can evolve and old records stay readable.
public struct PayloadCoder<Value: Codable>: Sendable {
    /// The entity the payloads belong to, for error messages.
    public let entity: String
    /// The envelope version this coder writes and the newest it reads.
    public let version: Int

    private struct Envelope: Codable {
        var v: Int
        var value: Value
    }

    /// Creates a coder for `entity`'s payloads.
    public init(entity: String, version: Int = 1) {
        self.entity = entity
        self.version = version
    }

    /// The payload of `value`.
    public func encode(_ value: Value) throws(StorageError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        do {
            return Array(try encoder.encode(Envelope(v: version, value: value)))
        } catch {
            throw StorageError(
                .invalidIndexValue, entity: entity, field: "payload", message: "cannot be encoded: \(error)")
        }
    }

    /// The value of a payload; throws ``StorageError/Code/corrupted`` naming the record when it cannot be read.
    public func decode(_ record: StoredRecord) throws(StorageError) -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let envelope: Envelope
        do {
            envelope = try decoder.decode(Envelope.self, from: Data(record.payload))
        } catch {
            throw StorageError(.corrupted, key: record.key, field: "payload", message: "cannot be decoded: \(error)")
        }
        guard envelope.v <= version else {
            throw StorageError(
                .unsupportedFormat, key: record.key, field: "payload",
                message: "was written in version \(envelope.v); this build reads up to \(version)")
        }
        return envelope.value
    }
}
