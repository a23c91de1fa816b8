/// The principals a table's records name, each stored once and referred to by number.
///
/// A store has few distinct principals and many records, so a record keeps two 4-byte numbers instead of
/// two strings.
struct PrincipalTable {
    private(set) var principals: [Principal] = []
    private var numbers: [Principal: UInt32] = [:]

    /// The number of `principal`, adding it when new.
    mutating func number(of principal: Principal) -> UInt32 {
        if let last = principals.last, last == principal { return UInt32(principals.count - 1) }
        if let number = numbers[principal] { return number }
        principals.append(principal)
        numbers[principal] = UInt32(principals.count - 1)
        return UInt32(principals.count - 1)
    }

    subscript(number: UInt32) -> Principal { principals[Int(number)] }
}
