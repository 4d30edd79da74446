/// A count as it may leave the organisation: counts from 1 to 4 could point at a person,
/// so they are shown as "<5". Zero stays zero: it identifies no one.
public enum SmallCount: Equatable, Sendable, CustomStringConvertible {
    case exact(Int)
    case suppressed

    public static let threshold = 5

    public init(_ count: Int) {
        self = (1..<Self.threshold).contains(count) ? .suppressed : .exact(count)
    }

    public var description: String {
        switch self {
        case .exact(let n): String(n)
        case .suppressed: "<\(Self.threshold)"
        }
    }
}
