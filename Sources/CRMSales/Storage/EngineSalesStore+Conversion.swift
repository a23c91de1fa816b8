import CRMContacts
public import CRMCore
public import Foundation

extension EngineSalesStore {
    /// Converts a lead in one transaction.
    ///
    /// The lead's person becomes a contact, unless the duplicate rules find a stored contact that is the same
    /// person: then that contact is kept and only its empty fields are filled from the lead (an email or phone
    /// it lacks, a job title, the organization). The company becomes an organization, unless one of the same
    /// name (ignoring case and diacritics) is stored. With a plan, an opportunity opens at the pipeline's first
    /// stage with the contact as its primary contact. The lead is marked converted and links to all three.
    /// A lead already converted is refused with a `ValidationError` on `status`.
    public func convert(_ id: ID<Lead>, _ conversion: LeadConversion, by principal: Principal, at now: Date)
        async throws
        -> Lead.Conversion
    {
        guard let stored = try await lead(id) else {
            throw StorageError(.notFound, key: RecordKey(entity: Self.lead, id: id.rawValue), message: "no such lead")
        }
        var lead = stored.value
        guard lead.status != .converted else {
            throw ValidationError(subject: "Lead", field: "status", reason: "the lead was already converted")
        }
        var operations: [WriteOperation] = []

        // The organization: a stored one of the same name, or a new one.
        var organizationID: ID<Organization>?
        let company = lead.company.trimmingWhitespace()
        if !company.isEmpty {
            if let existing = try await contacts.organizations(
                where: .equals("nameKey", .string(SearchKey.fold(company)))
            ).first {
                organizationID = existing.value.id
            } else {
                let created = try Organization(id: ID(ids.next()), name: company, category: lead.category)
                organizationID = created.id
                operations += try contacts.organizationWrites(from: nil, to: created, expectedVersion: nil)
            }
        }

        // The contact: the stored person the lead duplicates, filled in, or a new one.
        let candidate = try Contact(
            id: ID(ids.next()), name: lead.name, emails: lead.email.map { [LabeledValue($0)] } ?? [],
            phones: lead.phone.map { [LabeledValue($0)] } ?? [], organizationID: organizationID, owner: lead.owner,
            lifecycleStage: .salesQualified, source: lead.source, category: lead.category)
        let contact: Contact
        if let match = try await contacts.possibleDuplicates(of: candidate, rules: conversion.matching).first,
            let existing = try await contacts.contact(match.second)
        {
            var filled = existing.value
            if filled.emails.isEmpty, let email = lead.email { filled.emails = [LabeledValue(email)] }
            if filled.phones.isEmpty, let phone = lead.phone { filled.phones = [LabeledValue(phone)] }
            if filled.organizationID == nil { filled.organizationID = organizationID }
            if filled.owner == nil { filled.owner = lead.owner }
            if filled.category == nil { filled.category = lead.category }
            if filled.source.isEmpty { filled.source = lead.source }
            contact = try filled.validated()
            if contact != existing.value {
                operations += try contacts.contactWrites(
                    from: existing.value, to: contact, expectedVersion: existing.version)
            }
        } else {
            contact = candidate
            operations += try contacts.contactWrites(from: nil, to: candidate, expectedVersion: nil)
        }

        // The opportunity.
        var opportunityID: ID<Opportunity>?
        if let plan = conversion.opportunity {
            let opportunity = try Opportunity(
                id: ID(ids.next()), name: plan.name, pipeline: plan.pipeline,
                accountID: organizationID ?? contact.organizationID,
                contacts: [Opportunity.ContactRole(contactID: contact.id, role: "primary")],
                owner: lead.owner ?? principal,
                amount: plan.amount, expectedClose: plan.expectedClose, at: now)
            var attributed = opportunity
            attributed.sourceCampaign = lead.campaignID
            opportunityID = attributed.id
            operations.append(try Self.opportunityWrite(attributed, expectedVersion: nil))
        }

        let result = Lead.Conversion(
            contactID: contact.id, organizationID: organizationID ?? contact.organizationID,
            opportunityID: opportunityID)
        lead.status = .converted
        lead.conversion = result
        operations.append(try Self.leadWrite(lead, expectedVersion: stored.version))
        _ = try await contacts.engine.commit(Transaction(principal: principal, operations: operations))
        return result
    }
}
