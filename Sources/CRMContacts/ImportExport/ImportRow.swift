import CRMCore

/// One CSV row read into typed values, with its problems recorded by field.
struct ImportRow {
    let values: [ImportField: String]
    let line: Int
    let options: ContactImportOptions
    var email: EmailAddress?
    var phone: PhoneNumber?
    var externalID: ExternalID?
    var birthday: CalendarDay?
    var address: PostalAddress?

    init(values: [ImportField: String], line: Int, options: ContactImportOptions, issues: inout [ImportIssue]) {
        self.values = values
        self.line = line
        self.options = options
        func read<T>(_ field: ImportField, _ make: (String) throws(ValidationError) -> T) -> T? {
            guard let text = values[field] else { return nil }
            do {
                return try make(text)
            } catch {
                issues.append(
                    ImportIssue(
                        line: line, field: field.description, reason: error.issues.map(\.reason).joined(separator: "; ")
                    ))
                return nil
            }
        }
        email = read(.email) { text throws(ValidationError) in try EmailAddress(text) }
        phone = read(.phone) { text throws(ValidationError) in
            try PhoneNumber(text, defaultRegion: options.defaultRegion)
        }
        externalID = read(.externalID) { text throws(ValidationError) in
            try ExternalID(system: options.externalSystem, value: text)
        }
        birthday = read(.birthday) { text throws(ValidationError) in try CalendarDay(text, format: options.dateFormat) }
        let addressFields: [ImportField] = [.street, .locality, .region, .postalCode, .country]
        if addressFields.contains(where: { values[$0] != nil }) {
            do {
                address = try PostalAddress(
                    streetLines: [values[.street] ?? ""], locality: values[.locality] ?? "",
                    region: values[.region] ?? "",
                    postalCode: values[.postalCode] ?? "", countryCode: values[.country] ?? "")
            } catch {
                let names = [
                    "streetLines": "street", "locality": "locality", "postalCode": "postalCode",
                    "countryCode": "country", "region": "region",
                ]
                for issue in error.issues {
                    issues.append(
                        ImportIssue(line: line, field: names[issue.field] ?? issue.field, reason: issue.reason))
                }
            }
        }
    }

    /// The row's natural key as text, if the row has one.
    var naturalKey: String? {
        switch options.naturalKey {
        case .email: email?.matchingKey
        case .phone: phone?.e164
        case .externalID: externalID?.description
        }
    }

    /// `existing` (or a new contact with `id`) with the row's values applied, or `nil` with issues.
    func apply(to existing: Contact?, id: ID<Contact>, issues: inout [ImportIssue]) -> Contact? {
        let name = existing?.name
        let given = values[.givenName] ?? name?.givenName ?? ""
        let family = values[.familyName] ?? name?.familyName ?? ""
        let middle = values[.middleName] ?? name?.middleName ?? ""
        do {
            let personName = try PersonName(
                prefix: name?.prefix ?? "", givenName: given, middleName: middle, familyName: family,
                suffix: name?.suffix ?? "", nickname: name?.nickname ?? "")
            var contact = try existing ?? Contact(id: id, name: personName, source: "import")
            contact.name = personName
            if let email, !contact.emails.contains(where: { $0.value.matchingKey == email.matchingKey }) {
                contact.emails.append(LabeledValue(email))
            }
            if let phone, !contact.phones.contains(where: { $0.value == phone }) {
                contact.phones.append(LabeledValue(phone))
            }
            if let address, !contact.addresses.contains(address) { contact.addresses.insert(address, at: 0) }
            if let birthday { contact.birthday = birthday }
            if let title = values[.jobTitle] { contact.jobTitle = title }
            if let externalID { contact.externalIDs.insert(externalID) }
            if let tags = values[.tags] {
                for text in tags.split(separator: options.tagSeparator) where !text.trimmingWhitespace().isEmpty {
                    contact.tags.insert(try CRMCore.Tag(text.trimmingWhitespace()))
                }
            }
            for case (.custom(let field), let value) in values { contact.customFields[field] = .text(value) }
            return try contact.validated()
        } catch let error as ValidationError {
            for issue in error.issues {
                issues.append(ImportIssue(line: line, field: Self.importName(issue.field), reason: issue.reason))
            }
            return nil
        } catch {
            issues.append(ImportIssue(line: line, field: "row", reason: "\(error)"))
            return nil
        }
    }

    /// The import field that a model's validation field comes from.
    private static func importName(_ field: String) -> String {
        ["emails": "email", "phones": "phone", "customFields": "custom", "name": "tags"][field] ?? field
    }
}
