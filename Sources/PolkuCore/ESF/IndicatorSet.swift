/// The indicators a participation counts in, as one bit per indicator (by `ordinal`). The rules run
/// once per participation in every report; as a `Set` each insertion hashed the case and grew the
/// table, which was a third of a 100,000-row report's own work (perf, issue 11). Iterates in the
/// indicators' order.
public struct IndicatorSet<Indicator: IndicatorCode>: SetAlgebra, Sequence, Hashable, Sendable, CustomStringConvertible {
    public typealias Element = Indicator
    public typealias ArrayLiteralElement = Indicator

    private(set) var bits: UInt64

    public init() { bits = 0 }
    init(bits: UInt64) { self.bits = bits }
    public init(arrayLiteral elements: Indicator...) {
        bits = 0
        for e in elements { insert(e) }
    }

    private static func bit(_ i: Indicator) -> UInt64 { 1 << UInt64(i.ordinal) }

    public var isEmpty: Bool { bits == 0 }
    public var count: Int { bits.nonzeroBitCount }
    public func contains(_ member: Indicator) -> Bool { bits & Self.bit(member) != 0 }

    public func union(_ other: Self) -> Self { Self(bits: bits | other.bits) }
    public func intersection(_ other: Self) -> Self { Self(bits: bits & other.bits) }
    public func symmetricDifference(_ other: Self) -> Self { Self(bits: bits ^ other.bits) }
    public mutating func formUnion(_ other: Self) { bits |= other.bits }
    public mutating func formIntersection(_ other: Self) { bits &= other.bits }
    public mutating func formSymmetricDifference(_ other: Self) { bits ^= other.bits }

    @discardableResult
    public mutating func insert(_ member: Indicator) -> (inserted: Bool, memberAfterInsert: Indicator) {
        let had = contains(member)
        bits |= Self.bit(member)
        return (!had, member)
    }

    @discardableResult
    public mutating func remove(_ member: Indicator) -> Indicator? {
        guard contains(member) else { return nil }
        bits &= ~Self.bit(member)
        return member
    }

    @discardableResult
    public mutating func update(with member: Indicator) -> Indicator? {
        let had = contains(member)
        bits |= Self.bit(member)
        return had ? member : nil
    }

    /// The members for which `isIncluded` holds, still as a set.
    public func filter(_ isIncluded: (Indicator) throws -> Bool) rethrows -> Self {
        var out = Self()
        for member in self where try isIncluded(member) { out.insert(member) }
        return out
    }

    /// The result indicators among the members.
    public var results: Self { Self(bits: bits & ~((1 << UInt64(Indicator.firstResultOrdinal)) - 1)) }

    /// The ordinals of the members, lowest first: what a tally needs, without the cases.
    var ordinals: Ordinals { Ordinals(bits: bits) }

    struct Ordinals: Sequence, IteratorProtocol {
        var bits: UInt64
        mutating func next() -> Int? {
            guard bits != 0 else { return nil }
            let ordinal = bits.trailingZeroBitCount
            bits &= bits - 1
            return ordinal
        }
    }

    public func makeIterator() -> IndexingIterator<[Indicator]> {
        Indicator.allCases.filter(contains).sorted().makeIterator()
    }

    public var description: String { "[" + map(\.code).joined(separator: ", ") + "]" }
}
