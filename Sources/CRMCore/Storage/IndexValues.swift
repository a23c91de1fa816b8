/// The values of a record's indexed fields: a small map from field name to ``IndexValue``.
///
/// A field whose value is ``IndexValue/absent`` is not stored: setting `.absent` removes the field, so
/// `["email": .absent]` equals `[:]` and every engine returns the same values whether or not the writer
/// spelled out an absent value (an SQL column cannot tell the two apart).
///
/// Written like a dictionary (`["email": .string(key), "score": .integer(90)]`) but stored as one
/// sorted array, which is several times smaller than a `Dictionary` and needs no hashing; records rarely
/// have more than a dozen indexed fields. Equality does not depend on the order the fields were given in.
public struct IndexValues: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence, CustomStringConvertible {
    /// One field and its value.
    public struct Element: Sendable, Hashable {
        /// The field's name.
        public let field: String
        /// The field's value.
        public let value: IndexValue

        package init(field: String, value: IndexValue) {
            self.field = field
            self.value = value
        }
    }

    /// Sorted by field name, each field at most once.
    private var elements: [Element] = []

    /// No values.
    public init() {}

    /// The values of a dictionary.
    public init(_ values: [String: IndexValue]) {
        for (field, value) in values { self[field] = value }
    }

    /// The values of a literal; a field given twice is a programming error.
    public init(dictionaryLiteral values: (String, IndexValue)...) {
        for (field, value) in values {
            precondition(self[field] == nil, "the field \(field) is given twice")
            self[field] = value
        }
    }

    /// Appends values known to arrive in field order (as stored by the file engine), checking the order.
    package init(sortedFields: [Element]) {
        guard zip(sortedFields, sortedFields.dropFirst()).allSatisfy({ $0.field < $1.field }),
            !sortedFields.contains(where: { $0.value == .absent })
        else {
            for element in sortedFields { self[element.field] = element.value }
            return
        }
        elements = sortedFields
    }

    /// The value of `field`, or `nil` when it has none; setting `nil` or ``IndexValue/absent`` removes the field.
    public subscript(field: String) -> IndexValue? {
        get {
            let position = position(of: field)
            return position < elements.count && elements[position].field == field ? elements[position].value : nil
        }
        set {
            let position = position(of: field)
            let present = position < elements.count && elements[position].field == field
            switch (present, newValue == .absent ? nil : newValue) {
            case (true, let value?): elements[position] = Element(field: field, value: value)
            case (true, nil): elements.remove(at: position)
            case (false, let value?): elements.insert(Element(field: field, value: value), at: position)
            case (false, nil): break
            }
        }
    }

    /// How many fields have values.
    public var count: Int { elements.count }

    /// Whether no field has a value.
    public var isEmpty: Bool { elements.isEmpty }

    /// The values with `transform` applied to each; fields it maps to ``IndexValue/absent`` are dropped.
    public func mapValues(_ transform: (IndexValue) throws -> IndexValue) rethrows -> IndexValues {
        var result = self
        result.elements = try elements.compactMap { element in
            let value = try transform(element.value)
            return value == .absent ? nil : Element(field: element.field, value: value)
        }
        return result
    }

    /// The fields and values in field order.
    public func makeIterator() -> IndexingIterator<[Element]> {
        elements.makeIterator()
    }

    /// `[email: "ada@example.com", score: 90]`.
    public var description: String {
        "[" + elements.map { "\($0.field): \($0.value)" }.joined(separator: ", ") + "]"
    }

    /// The first position whose field is not below `field`.
    private func position(of field: String) -> Int {
        elements.partitionPoint { $0.field >= field }
    }
}
