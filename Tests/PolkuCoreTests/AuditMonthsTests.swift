import Foundation
import PolkuCore
import Testing

@Suite struct AuditMonthsTests {
    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func aMonthIsNamedAndBoundedInUTC() {
        let december = AuditMonth(date("2026-12-31T23:30:00Z"))
        #expect(december.tableName == "audit_events_y2026m12")
        #expect(december.from == "2026-12-01 00:00:00+00" && december.to == "2027-01-01 00:00:00+00", "December runs into January")
        // Half past one in Helsinki on 1 January is still December in UTC.
        #expect(AuditMonth(date("2027-01-01T01:30:00+02:00")) == december)
        #expect(AuditMonth.parse("audit_events_y2026m12") == december)
        #expect(AuditMonth.parse("audit_events_default") == nil && AuditMonth.parse("audit_events_y2026m13") == nil)
    }

    @Test func twoMonthsAheadAlwaysExist() {
        #expect(AuditMonth.needed(at: date("2026-11-15T12:00:00Z")).map(\.tableName) == ["audit_events_y2026m11", "audit_events_y2026m12", "audit_events_y2027m01"])
    }

    @Test func retentionDropsOnlyWholeMonthsOlderThanKept() {
        let existing = (1...24).map { AuditMonth(year: 2025, month: $0) }  // January 2025 … December 2026
        let gone = AuditMonth.expired(existing, at: date("2026-12-02T08:00:00Z"), keep: 12)
        #expect(gone.first == AuditMonth(year: 2025, month: 1) && gone.last == AuditMonth(year: 2025, month: 11))
        #expect(!gone.contains(AuditMonth(year: 2025, month: 12)), "December 2025 is within the twelve months kept")
        #expect(AuditMonth.expired(existing, at: date("2026-12-02T08:00:00Z"), keep: nil).isEmpty, "without a retention nothing goes")
    }
}
