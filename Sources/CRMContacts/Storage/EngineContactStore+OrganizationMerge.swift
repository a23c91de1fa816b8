public import CRMCore

extension EngineContactStore {
    /// Merges organizations in one transaction; see ``ContactStore/mergeOrganizations(_:into:by:)``.
    public func mergeOrganizations(
        _ ids: [ID<Organization>], into survivorID: ID<Organization>, by principal: Principal
    )
        async throws -> Stored<OrganizationMergeRecord>
    {
        guard ids.count >= 2, Set(ids).count == ids.count, ids.contains(survivorID) else {
            throw ValidationError(
                subject: "OrganizationMerge", field: "ids",
                reason: "needs two or more different organizations, the survivor among them")
        }
        var organizations: [Stored<Organization>] = []
        for id in ids {
            guard let organization = try await organization(id) else {
                throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such organization")
            }
            organizations.append(organization)
        }
        let survivor = organizations.first { $0.value.id == survivorID }!
        let result = try ContactMerger.merged(organizations, survivor: survivorID).validated()
        let merged = organizations.filter { $0.value.id != survivorID }
        let mergedIDs = Set(merged.map(\.value.id))
        var operations = try organizationWrites(from: survivor.value, to: result, expectedVersion: survivor.version)
        for organization in merged {
            operations += try organizationWrites(
                from: organization.value, to: nil, expectedVersion: organization.version)
        }
        var movedContacts: [ID<Contact>: ID<Organization>] = [:]
        var movedChildren: [ID<Organization>: ID<Organization>] = [:]
        for id in mergedIDs.sorted() {
            for contact in try await contacts(in: id) {
                var moved = contact.value
                moved.organizationID = survivorID
                movedContacts[moved.id] = id
                operations += try contactWrites(from: contact.value, to: moved, expectedVersion: contact.version)
            }
            for child in try await suborganizations(of: id)
            where !mergedIDs.contains(child.value.id) && child.value.id != survivorID {
                var moved = child.value
                moved.parentID = survivorID
                movedChildren[moved.id] = id
                operations += try organizationWrites(from: child.value, to: moved, expectedVersion: child.version)
            }
        }
        // The survivor's new parent must not sit below it once the merged organizations' children move.
        var next = result.parentID
        var depth = 0
        while let parent = next, depth < ContactRules.maximumHierarchyDepth {
            guard parent != survivorID else {
                throw ValidationError(
                    subject: "OrganizationMerge", field: "parentID",
                    reason: "the merged organization would be its own ancestor; change a parent first")
            }
            next = movedChildren[parent] != nil ? survivorID : try await organization(parent)?.value.parentID
            depth += 1
        }
        let record = OrganizationMergeRecord(
            id: ID(self.ids.next()), survivorID: survivorID, survivorBefore: survivor.value,
            survivorVersionAfter: survivor.version + 1, merged: merged.map(\.value), movedContacts: movedContacts,
            movedChildren: movedChildren, isUndone: false)
        operations.append(
            .insert(
                ContactEntities.key(record.id), payload: try ContactEntities.organizationMergeCoder.encode(record),
                indexValues: ["survivor": .string(survivorID.description)]))
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        let stored = try await engine.read(ContactEntities.organizationMerge, id: record.id.rawValue)!
        return Stored(try ContactEntities.organizationMergeCoder.decode(stored), record: stored)
    }

    /// Undoes an organization merge in one transaction; see ``ContactStore/undoOrganizationMerge(_:by:)``.
    public func undoOrganizationMerge(_ id: ID<OrganizationMergeRecord>, by principal: Principal) async throws {
        guard let stored = try await engine.read(ContactEntities.organizationMerge, id: id.rawValue) else {
            throw StorageError(.notFound, key: ContactEntities.key(id), message: "no such organization merge")
        }
        var record = try ContactEntities.organizationMergeCoder.decode(stored)
        guard !record.isUndone else {
            throw ValidationError(
                subject: "OrganizationMergeRecord", field: "isUndone", reason: "the merge was already undone")
        }
        guard let survivor = try await organization(record.survivorID), survivor.version == record.survivorVersionAfter
        else {
            throw StorageError(
                .conflict, key: ContactEntities.key(record.survivorID),
                message: "the surviving organization changed after the merge; undo that change first or merge again")
        }
        var operations = try organizationWrites(
            from: survivor.value, to: record.survivorBefore, expectedVersion: survivor.version)
        for organization in record.merged {
            operations += try organizationWrites(from: nil, to: organization, expectedVersion: nil)
        }
        for (contactID, former) in record.movedContacts.sorted(by: { $0.key < $1.key }) {
            guard let contact = try await contact(contactID), contact.value.organizationID == record.survivorID else {
                continue
            }
            var restored = contact.value
            restored.organizationID = former
            operations += try contactWrites(from: contact.value, to: restored, expectedVersion: contact.version)
        }
        for (childID, former) in record.movedChildren.sorted(by: { $0.key < $1.key }) {
            guard let child = try await organization(childID), child.value.parentID == record.survivorID else {
                continue
            }
            var restored = child.value
            restored.parentID = former
            operations += try organizationWrites(from: child.value, to: restored, expectedVersion: child.version)
        }
        record.isUndone = true
        operations.append(
            .update(
                stored.key, payload: try ContactEntities.organizationMergeCoder.encode(record),
                indexValues: ["survivor": .string(record.survivorID.description)], expectedVersion: stored.version))
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
    }
}
