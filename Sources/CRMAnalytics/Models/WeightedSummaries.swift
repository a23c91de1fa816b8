/// Customers with equal (frequency, recency, age, value) grouped with a count, so a likelihood is evaluated
/// once per distinct history; with daily data most histories repeat.
struct WeightedSummaries {
    struct Group {
        let frequency: Double
        let recency: Double
        let age: Double
        let monetaryValue: Double
        var count: Double
    }

    let groups: [Group]

    init(_ customers: [CustomerSummary], includeValue: Bool) {
        struct Key: Hashable {
            let frequency: Int
            let recency: Double
            let age: Double
            let value: Double
        }
        var positions: [Key: Int] = [:]
        var groups: [Group] = []
        for customer in customers {
            let key = Key(
                frequency: customer.frequency, recency: customer.recency, age: customer.age,
                value: includeValue ? customer.monetaryValue : 0)
            if let position = positions[key] {
                groups[position].count += 1
            } else {
                positions[key] = groups.count
                groups.append(
                    Group(
                        frequency: Double(customer.frequency), recency: customer.recency, age: customer.age,
                        monetaryValue: key.value, count: 1))
            }
        }
        self.groups = groups
    }
}
