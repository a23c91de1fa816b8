public import CRMCore
public import Foundation

extension EngineContactStore {
    /// Imports contacts from CSV text with a header row, in one transaction.
    ///
    /// Each row is matched to a stored contact by the options' natural key and updates it (imported
    /// non-empty values replace single values; emails, phones, tags and ids are added), or creates one.
    /// Every bad row is reported with its line and field. Unless ``ContactImportOptions/skipInvalidRows`` is
    /// set, one bad row refuses the whole import with ``ImportRefused`` and nothing is written. A dry run
    /// reports the same without writing. `now` stamps imported notes.
    public func importContacts(csv text: String, options: ContactImportOptions, at now: Date, by principal: Principal)
        async throws -> ImportReport
    {
        let rows: [CSV.Row]
        do {
            rows = try CSV.parse(text)
        } catch {
            throw ImportRefused(issues: [ImportIssue(line: error.line, field: "file", reason: error.reason)])
        }
        guard let header = rows.first else { return ImportReport(isDryRun: options.dryRun) }
        let columns = try Self.columns(header, options: options)

        var issues: [ImportIssue] = []
        var report = ImportReport(isDryRun: options.dryRun)
        var operations: [WriteOperation] = []
        var organizationIDs: [String: ID<Organization>] = [:]
        var seenKeys: [String: Int] = [:]
        for row in rows.dropFirst() {
            let values = Dictionary(
                columns.compactMap { position, field in
                    let value = position < row.fields.count ? row.fields[position].trimmingWhitespace() : ""
                    return value.isEmpty ? nil : (field, value)
                }, uniquingKeysWith: { first, _ in first })
            var rowIssues: [ImportIssue] = []
            let patch = ImportRow(values: values, line: row.line, options: options, issues: &rowIssues)
            var existing: Stored<Contact>?
            if rowIssues.isEmpty {
                if let key = patch.naturalKey {
                    if let earlier = seenKeys.updateValue(row.line, forKey: key) {
                        rowIssues.append(
                            ImportIssue(
                                line: row.line, field: "\(options.naturalKey)", reason: "repeats line \(earlier)"))
                    }
                    let matches = try await contacts(matching: patch, key: options.naturalKey)
                    if matches.count > 1 {
                        rowIssues.append(
                            ImportIssue(
                                line: row.line, field: "\(options.naturalKey)",
                                reason: "matches \(matches.count) contacts"))
                    }
                    existing = matches.first
                } else {
                    rowIssues.append(
                        ImportIssue(
                            line: row.line, field: "\(options.naturalKey)", reason: "the natural key is missing"))
                }
            }
            // Applied even to a row with problems, so every bad field of it is reported at once.
            let contact = patch.apply(to: existing?.value, id: ID(ids.next()), issues: &rowIssues)
            guard rowIssues.isEmpty, var contact = contact else {
                issues += rowIssues
                continue
            }
            if let name = values[.organization] {
                let key = SearchKey.fold(name)
                if organizationIDs[key] == nil {
                    if let found = try await organizations(where: .equals("nameKey", .string(key))).first {
                        organizationIDs[key] = found.value.id
                    } else {
                        let created = try Organization(id: ID(ids.next()), name: name)
                        organizationIDs[key] = created.id
                        report.createdOrganizations.append(created.name)
                        operations.append(
                            .insert(
                                ContactEntities.key(created.id),
                                payload: try ContactEntities.organizationCoder.encode(created),
                                indexValues: ContactEntities.indexValues(of: created)))
                    }
                }
                contact.organizationID = organizationIDs[key]
            }
            if contact == existing?.value {
                report.unchanged.append(row.line)
            } else {
                operations += try contactWrites(from: existing?.value, to: contact, expectedVersion: existing?.version)
                if existing == nil { report.inserted.append(row.line) } else { report.updated.append(row.line) }
            }
            if let notes = values[.notes] {
                let note = try Interaction(
                    id: ID(ids.next()), channel: .custom("note"), direction: .internal, subject: "Imported note",
                    notes: notes, occurredAt: now, participants: [contact.id])
                operations += try interactionWrites(from: nil, to: note, expectedVersion: nil)
            }
        }
        if !issues.isEmpty && !options.skipInvalidRows { throw ImportRefused(issues: issues) }
        report.skipped = issues
        if !options.dryRun && !operations.isEmpty {
            _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        }
        return report
    }

    /// The stored contacts a row's natural key finds.
    private func contacts(matching row: ImportRow, key: ContactImportOptions.NaturalKey) async throws -> [Stored<
        Contact
    >] {
        switch key {
        case .email: if let email = row.email { return try await contacts(withEmail: email) }
        case .phone: if let phone = row.phone { return try await contacts(withPhone: phone) }
        case .externalID: if let id = row.externalID { return try await contacts(withExternalID: id) }
        }
        return []
    }

    /// The import field of each mapped column, by position; throws for unknown headers or field names.
    private static func columns(_ header: CSV.Row, options: ContactImportOptions) throws -> [(Int, ImportField)] {
        var issues: [ImportIssue] = []
        var columns: [(Int, ImportField)] = []
        for (column, name) in options.mapping.sorted(by: { $0.key < $1.key }) {
            guard let position = header.fields.firstIndex(of: column) else {
                issues.append(ImportIssue(line: header.line, field: column, reason: "no such column in the header"))
                continue
            }
            do {
                columns.append((position, try ImportField(name: name)))
            } catch {
                issues.append(
                    ImportIssue(line: header.line, field: column, reason: "\(name) is not an importable field"))
            }
        }
        if !issues.isEmpty { throw ImportRefused(issues: issues) }
        return columns
    }
}
