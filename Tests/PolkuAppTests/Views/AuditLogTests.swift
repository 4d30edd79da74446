import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The audit log: its query on both databases (filters, the Finnish day, pages of 50 by time and id
/// that neither skip nor repeat an event written in the same instant) and its HTML from a fixed model.
@Suite struct AuditLogTests {
    typealias F = PageFixtures

    static func event(_ n: Int, at: Date, actor: String = "tiina@example.invalid", action: String = "participant.view") -> AuditEvent {
        AuditEvent(
            id: F.id(1_000 + n), at: at, actorID: nil, actorEmail: actor, action: action, participantID: F.participant, projectID: F.project,
            detail: "page <view>", clientAddress: "127.0.0.1")
    }

    @Test func aPageWithOlderEvents() {
        var state = FormState()
        state.values = ["action": "participant.view"]
        let e = Self.event(1, at: F.morning)
        let row = AuditLog.Row(
            id: e.id!, at: e.at, actor_email: e.actorEmail, action: e.action, participant_id: e.participantID, project_id: e.projectID, detail: e.detail,
            client_address: e.clientAddress)
        let html = AuditLog.page(AuditLog.Model(state: state, action: "participant.view", rows: [row], hasMore: true), context: F.context(nil)).render()
        #expect(html.contains("page &lt;view&gt;") && html.contains("10.3.2026"))
        #expect(html.contains("action=participant.view&amp;before=\(row.id.uuidString)"), "the older page keeps the filter")
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryFiltersAndPagesWithoutSkipping(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            // 60 events in one instant (10.3.2026 09:30 Helsinki), 3 of another actor the day before at 23:30 Helsinki.
            for n in 0..<60 { try await Self.event(n, at: F.morning).create(on: app.db) }
            let evening = F.morning.addingTimeInterval(-10 * 3_600)
            for n in 60..<63 { try await Self.event(n, at: evening, actor: "pekka@example.invalid", action: "note.create").create(on: app.db) }
            var state = FormState()
            let first = try await AuditLog.query(state, on: app.db)
            #expect(first.rows.count == 50 && first.hasMore && first.rows.allSatisfy { $0.at == F.morning }, "newest first")
            state.values["before"] = first.rows.last!.id.uuidString
            let second = try await AuditLog.query(state, on: app.db)
            #expect(second.rows.count == 13 && !second.hasMore)
            #expect(Set(first.rows.map(\.id) + second.rows.map(\.id)).count == 63, "every event once")
            state.values = ["actor": " Pekka@Example.invalid ", "to": "9.3.2026"]
            let pekka = try await AuditLog.query(state, on: app.db)
            #expect(pekka.actor == "pekka@example.invalid" && pekka.rows.count == 3, "23:30 on 9 March in Finland is 9 March")
            state.values = ["to": "8.3.2026"]
            #expect(try await AuditLog.query(state, on: app.db).rows.isEmpty)
            state.values = ["from": "32.1.2026"]
            let bad = try await AuditLog.query(state, on: app.db)
            #expect(!bad.state.isValid && bad.rows.isEmpty)
        }
    }
}
