import Foundation

/// The audit table's monthly partitions on PostgreSQL (issue 19): which months must exist ahead of
/// the clock, what each is called and spans, and which are old enough to drop whole. Months are UTC
/// calendar months (the partition bounds are timestamps). Pure, so the calendar edges are tested.
public struct AuditMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        // Normalised, so month 13 is January of the next year and month 0 December of the last.
        let index = year * 12 + (month - 1)
        self.year = Int((Double(index) / 12).rounded(.down))
        self.month = index - self.year * 12 + 1
    }

    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month], from: date)
        self.init(year: c.year!, month: c.month!)
    }

    public func adding(months: Int) -> AuditMonth { AuditMonth(year: year, month: month + months) }

    /// `audit_events_y2026m12`.
    public var tableName: String { "audit_events_y\(year)m" + (month < 10 ? "0\(month)" : "\(month)") }

    /// The first instant of the month and of the next, as PostgreSQL timestamps in UTC.
    public var from: String { Self.start(year, month) }
    public var to: String { let next = adding(months: 1); return Self.start(next.year, next.month) }

    private static func start(_ y: Int, _ m: Int) -> String {
        let yy = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
        return "\(yy)-\(m < 10 ? "0" : "")\(m)-01 00:00:00+00"
    }

    /// `audit_events_y2026m12` back to its month; nil for any other name.
    public static func parse(_ table: String) -> AuditMonth? {
        guard table.hasPrefix("audit_events_y"), table.count == "audit_events_y2026m12".count else { return nil }
        let digits = table.dropFirst("audit_events_y".count)
        guard let y = Int(digits.prefix(4)), digits.dropFirst(4).first == "m", let m = Int(digits.suffix(2)), (1...12).contains(m) else { return nil }
        return AuditMonth(year: y, month: m)
    }

    public var description: String { tableName }

    public static func < (a: AuditMonth, b: AuditMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// The months that must exist at `now`: this one and the next `ahead`, so that an insert never
    /// waits for a partition (the daily job keeps two months ahead).
    public static func needed(at now: Date, ahead: Int = 2) -> [AuditMonth] {
        let this = AuditMonth(now)
        return (0...ahead).map { this.adding(months: $0) }
    }

    /// Of `existing`, the months wholly older than `keep` months before `now`'s month: with keep 12 in
    /// December 2026, November 2025 and earlier go, December 2025 stays. Nil `keep` keeps everything.
    public static func expired(_ existing: [AuditMonth], at now: Date, keep: Int?) -> [AuditMonth] {
        guard let keep, keep >= 1 else { return [] }
        let oldestKept = AuditMonth(now).adding(months: -keep)
        return existing.filter { $0 < oldestKept }.sorted()
    }
}
