public import Foundation

extension Money {
    /// The amount for display in `locale`: symbol, grouping and decimal separator of that locale, always
    /// with the currency's own number of fraction digits (`$1,234.50`, `1.234,50 €`, `￥1,235`).
    ///
    /// For storage and exchange use ``minorUnits`` or ``description``; display strings vary by platform
    /// and locale data.
    public func formatted(locale: Locale) -> String {
        let digits = currency.minorUnitDigits
        let style = Decimal.FormatStyle.Currency(code: currency.code, locale: locale)
            .precision(.fractionLength(digits...digits))
        return amount.formatted(style)
    }
}
