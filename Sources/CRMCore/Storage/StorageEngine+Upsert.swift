extension StorageEngine {
    /// The write that stores `payload` at `key`: an insert when no record is there, else an update at the
    /// version just read, so a change made in between fails with ``StorageError/Code/conflict`` instead of
    /// being overwritten unseen.
    public func upsert(_ key: RecordKey, payload: [UInt8], indexValues: IndexValues = [:]) async throws(StorageError)
        -> WriteOperation
    {
        guard let stored = try await read(key.entity, id: key.id) else {
            return .insert(key, payload: payload, indexValues: indexValues)
        }
        return .update(key, payload: payload, indexValues: indexValues, expectedVersion: stored.version)
    }
}
