package import CRMCore

/// How one entity is laid out in SQL: its table `crm_r<n>` and one key column `k<m>` per field it has ever
/// indexed.
///
/// Table and column names are numbers from the catalog, never the entity's or field's own name, so no
/// identifier is built from caller-supplied text and names of any length fit every database's limits.
/// Columns of fields that a later schema dropped are kept (values written then stay readable, as in the
/// reference engines) but lose their indexes; a write stores them as absent.
package struct EntityLayout: Sendable, Hashable {
    /// The current schema.
    package var schema: EntitySchema
    /// The number in the table's name.
    package var tableNumber: Int
    /// The column number of every field ever indexed.
    package var columns: [String: Int]

    package var table: String { "crm_r\(tableNumber)" }

    /// The key column of `field`, if it has one.
    package func column(of field: String) -> String? {
        columns[field].map { "k\($0)" }
    }

    /// Every field with a column, in column order.
    package var fieldsInColumnOrder: [(field: String, column: String)] {
        columns.sorted { $0.value < $1.value }.map { ($0.key, "k\($0.value)") }
    }

    /// The columns a record row has, in order: the fixed ones, then the key columns.
    package static let fixedColumns = [
        "id", "version", "created_at", "created_by", "updated_at", "updated_by", "payload",
    ]

    /// The select list of a whole record row.
    package var selectList: String {
        (Self.fixedColumns + fieldsInColumnOrder.map(\.column)).joined(separator: ", ")
    }

    /// The field of key column `column` (`k3`), if any.
    package func field(ofColumn column: String) -> String? {
        guard column.first == "k", let number = Int(column.dropFirst()) else { return nil }
        return columns.first { $0.value == number }?.key
    }
}
