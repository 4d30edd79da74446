/// A Finnish business ID (Y-tunnus), e.g. 0138780-9: seven digits, a hyphen and a check digit.
public struct BusinessID: Sendable, Equatable, CustomStringConvertible {
    public let value: String

    /// Accepts the canonical form; an older six-digit ID is padded with a leading zero.
    public init?(_ text: String) {
        var t = text.filter { !$0.isWhitespace }
        if t.count == 8, t.dropLast(2).allSatisfy(\.isNumber) { t = "0" + t }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 7, parts[1].count == 1,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let check = Int(parts[1])
        else { return nil }
        let weights = [7, 9, 10, 5, 8, 4, 2]
        let digits = parts[0].compactMap { $0.wholeNumberValue }
        let remainder = zip(digits, weights).map(*).reduce(0, +) % 11
        if remainder == 1 { return nil }
        let expected = remainder == 0 ? 0 : 11 - remainder
        guard expected == check else { return nil }
        value = t
    }

    public var description: String { value }
}
