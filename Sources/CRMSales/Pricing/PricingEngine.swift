public import CRMContacts
public import CRMCore
public import Foundation

/// Prices quote and order lines, deterministically and explainably.
///
/// Each line goes through the same steps, in this order:
///
/// 1. **Base price**: a manual unit price if the seller set one; else the customer category's price if
///    there is one; else the newest active price-book entry in the document's currency that is valid on the
///    pricing date.
/// 2. **Volume tier**: of the tiers whose scope includes the product, the one with the highest minimum
///    the quantity reaches.
/// 3. **Discounts**, in the order given, those whose scope and categories include the line.
/// 4. **Promotions** valid on the pricing date, in the order given.
/// 5. The unit price is held at zero if the steps would take it below; the **net** is unit price ×
///    quantity, rounded once, per line, to the currency's minor unit with the context's rounding rule.
/// 6. **Taxes** whose scope includes the product, each on the net and rounded per line.
///
/// Unit prices carry twelve decimal places until step 5, so a 3 % discount on 9.99 loses no cent before
/// the line is rounded. Every step that changed a line is listed in its ``PricedLine/appliedRules``.
public struct PricingEngine: Sendable {
    /// The products, by id.
    public var products: [CRMCore.ID<Product>: Product]
    /// The price book of list prices.
    public var priceBook: PriceBook {
        didSet { listPrices = Self.index(priceBook) }
    }
    /// Customer category prices.
    public var categoryPrices: [CategoryPrice]
    /// Volume tiers.
    public var volumeTiers: [VolumeTier]
    /// Discounts, in the order they apply.
    public var discounts: [Discount]
    /// Promotions, in the order they apply.
    public var promotions: [Promotion]
    /// Taxes.
    public var taxes: [TaxRate]
    /// The active price-book entries by product and currency, newest first.
    private var listPrices: [ListPriceKey: [PriceBook.Entry]]

    private struct ListPriceKey: Hashable {
        var product: CRMCore.ID<Product>
        var currency: Currency
    }

    private static func index(_ book: PriceBook) -> [ListPriceKey: [PriceBook.Entry]] {
        var index: [ListPriceKey: [PriceBook.Entry]] = [:]
        for entry in book.entries.reversed() where entry.isActive {
            index[ListPriceKey(product: entry.productID, currency: entry.unitPrice.currency), default: []].append(entry)
        }
        return index
    }

    /// Creates an engine.
    public init(
        products: [Product], priceBook: PriceBook, categoryPrices: [CategoryPrice] = [], volumeTiers: [VolumeTier] = [],
        discounts: [Discount] = [], promotions: [Promotion] = [], taxes: [TaxRate] = []
    ) {
        self.products = Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.priceBook = priceBook
        self.listPrices = Self.index(priceBook)
        self.categoryPrices = categoryPrices
        self.volumeTiers = volumeTiers
        self.discounts = discounts
        self.promotions = promotions
        self.taxes = taxes
    }

    /// Prices `lines` in `currency` on `date` for a customer of `category`.
    public func price(
        _ lines: [LineRequest], currency: Currency, on date: Date, category: CustomerCategory? = nil,
        rounding: RoundingRule = .halfEven
    ) throws(PricingError) -> PricedDocument {
        let running = promotions.filter { $0.validFrom <= date && date < $0.validUntil }
        let context = Context(
            currency: currency, date: date, category: category, rounding: rounding,
            tiers: volumeTiers.map {
                (tier: $0, minimum: FixedPoint($0.minimumQuantity), change: Change($0.adjustment))
            },
            adjustments: discounts.map { (AppliedRule.Step.discount, $0, Change($0.adjustment)) }
                + running.map { (AppliedRule.Step.promotion, $0.discount, Change($0.discount.adjustment)) },
            taxes: taxes.map { ($0, FixedPoint($0.percent / 100)) })
        var priced: [PricedLine] = []
        priced.reserveCapacity(lines.count)
        var (net, tax) = (Int64(0), Int64(0))
        for (index, line) in lines.enumerated() {
            let result = try price(line, at: index, in: context)
            let (netSum, netOverflow) = net.addingReportingOverflow(result.net.minorUnits)
            let (taxSum, taxOverflow) = tax.addingReportingOverflow(result.tax.minorUnits)
            guard !netOverflow, !taxOverflow else { throw .overflow(line: index) }
            (net, tax) = (netSum, taxSum)
            priced.append(result)
        }
        guard case (let gross, false) = net.addingReportingOverflow(tax) else { throw .overflow(line: lines.count - 1) }
        return PricedDocument(
            lines: priced, net: Money(minorUnits: net, currency: currency),
            tax: Money(minorUnits: tax, currency: currency),
            gross: Money(minorUnits: gross, currency: currency))
    }

    /// What every line of one document shares, converted to fixed point once.
    private struct Context {
        var currency: Currency
        var date: Date
        var category: CustomerCategory?
        var rounding: RoundingRule
        var tiers: [(tier: VolumeTier, minimum: FixedPoint?, change: Change)]
        var adjustments: [(AppliedRule.Step, Discount, Change)]
        var taxes: [(TaxRate, FixedPoint?)]
    }

    /// A ``PriceAdjustment`` in fixed point; a percentage outside 0 to 100 is kept to be reported by line.
    private enum Change {
        case factor(FixedPoint?, percent: Decimal)
        case amountOff(Money)
        case unitPrice(Money)

        init(_ adjustment: PriceAdjustment) {
            switch adjustment {
            case .percentOff(let percent):
                self = .factor(
                    percent >= 0 && percent <= 100 ? FixedPoint((100 - percent) / 100) : nil, percent: percent)
            case .amountOff(let amount): self = .amountOff(amount)
            case .unitPrice(let amount): self = .unitPrice(amount)
            }
        }
    }

    private func price(_ line: LineRequest, at index: Int, in context: Context) throws(PricingError) -> PricedLine {
        let currency = context.currency
        guard line.quantity > 0 else {
            throw .invalidQuantity(line: index, product: line.productID, quantity: line.quantity)
        }
        guard let product = products[line.productID] else {
            throw .unknownProduct(line: index, product: line.productID)
        }
        guard product.isActive else { throw .inactiveProduct(line: index, product: product.id) }
        guard let quantity = FixedPoint(line.quantity) else { throw .overflow(line: index) }
        var applied: [AppliedRule] = []
        func money(_ amount: Money, rule: String) throws(PricingError) -> FixedPoint {
            guard amount.currency == currency else {
                throw .currencyMismatch(line: index, rule: rule, expected: currency, found: amount.currency)
            }
            return FixedPoint(amount)
        }
        func adjust(_ price: FixedPoint, _ change: Change, rule: String) throws(PricingError) -> FixedPoint {
            switch change {
            case .factor(let factor, let percent):
                guard let factor else { throw .invalidPercentage(line: index, rule: rule, percent: percent) }
                guard let result = price.multiplied(by: factor) else { throw .overflow(line: index) }
                return result
            case .amountOff(let amount): return price - (try money(amount, rule: rule))
            case .unitPrice(let amount): return try money(amount, rule: rule)
            }
        }

        // 1. Base price.
        var unit: FixedPoint
        if let manual = line.manualUnitPrice {
            unit = try money(manual, rule: "the manual unit price")
            applied.append(AppliedRule(step: .manualPrice, name: "Manual price", result: unit.decimal))
        } else if let category = context.category,
            let special = categoryPrices.last(where: { $0.category == category && $0.productID == product.id })
        {
            unit = try money(special.unitPrice, rule: "the \(category) price")
            applied.append(AppliedRule(step: .categoryPrice, name: "\(category) price", result: unit.decimal))
        } else {
            let entries = listPrices[ListPriceKey(product: product.id, currency: currency)] ?? []
            guard !entries.isEmpty else { throw .noPrice(line: index, product: product.id, currency: currency) }
            guard let entry = entries.first(where: { $0.isValid(on: context.date) }) else {
                throw .expiredPrice(line: index, product: product.id, on: context.date)
            }
            unit = FixedPoint(entry.unitPrice)
            applied.append(AppliedRule(step: .listPrice, name: priceBook.name, result: unit.decimal))
        }
        // 2. Volume tier.
        var best: (tier: VolumeTier, minimum: FixedPoint?, change: Change)?
        for candidate in context.tiers where candidate.tier.scope.includes(product) {
            guard let minimum = candidate.minimum, quantity >= minimum else { continue }
            if best.map({ minimum > $0.minimum! }) ?? true { best = candidate }
        }
        if let best {
            let name = "From \(best.tier.minimumQuantity) \(product.unit)"
            unit = try adjust(unit, best.change, rule: name)
            applied.append(AppliedRule(step: .volumeTier, name: name, result: unit.decimal))
        }
        // 3. Discounts; 4. promotions valid on the date.
        for (step, discount, change) in context.adjustments
        where discount.scope.includes(product)
            && (discount.categories.isEmpty || context.category.map(discount.categories.contains) == true)
        {
            unit = try adjust(unit, change, rule: discount.name)
            applied.append(AppliedRule(step: step, name: discount.name, result: unit.decimal))
        }
        // 5. Floor and net.
        if unit < FixedPoint(raw: 0) {
            unit = FixedPoint(raw: 0)
            applied.append(AppliedRule(step: .floor, name: "Not below zero", result: 0))
        }
        guard let exactNet = unit.multiplied(by: quantity),
            let netMinor = exactNet.minorUnits(of: currency, rounding: context.rounding)
        else { throw .overflow(line: index) }
        let net = Money(minorUnits: netMinor, currency: currency)
        // 6. Taxes.
        var taxMinor: Int64 = 0
        for (rate, factor) in context.taxes where rate.scope.includes(product) {
            guard let factor, rate.percent >= 0, rate.percent <= 100 else {
                throw .invalidPercentage(line: index, rule: rate.name, percent: rate.percent)
            }
            guard let exact = FixedPoint(net).multiplied(by: factor),
                let amount = exact.minorUnits(of: currency, rounding: context.rounding),
                case (let sum, false) = taxMinor.addingReportingOverflow(amount)
            else { throw .overflow(line: index) }
            taxMinor = sum
            let result = FixedPoint(Money(minorUnits: amount, currency: currency)).decimal
            applied.append(AppliedRule(step: .tax, name: rate.name, result: result))
        }
        guard case (let grossMinor, false) = netMinor.addingReportingOverflow(taxMinor) else {
            throw .overflow(line: index)
        }
        return PricedLine(
            request: line, unitPrice: unit.decimal, net: net, tax: Money(minorUnits: taxMinor, currency: currency),
            gross: Money(minorUnits: grossMinor, currency: currency), appliedRules: applied)
    }
}
