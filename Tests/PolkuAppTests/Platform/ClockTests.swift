import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// Time and ids come from the application (`Application.clock`, `Application.ids`), so a test can
/// say which day it is and see what a worker would see on that day.
@Suite struct ClockTests {
    /// 00:30 in Helsinki on 10 March 2025 (22:30 UTC the day before).
    static let justAfterMidnight = Date(timeIntervalSince1970: 1_741_559_400)

    @Test func theDayIsTheFinnishOne() {
        #expect(Clock.fixed(Self.justAfterMidnight).today.iso == "2025-03-10")
        #expect(Clock.fixed(Self.justAfterMidnight.addingTimeInterval(-3_600)).today.iso == "2025-03-09")
    }

    @Test func countedIdsAreTheSameOnEveryRun() {
        let ids = IDGenerator.counting()
        #expect(ids.make(.now).uuidString == "00000000-0000-4000-8000-000000000001")
        #expect(ids.make(.distantPast).uuidString == "00000000-0000-4000-8000-000000000002")
    }

    @Test(arguments: TestDatabase.allCases)
    func formsAuditAndRulesFollowTheApplicationsClock(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            app.clock = .fixed(Self.justAfterMidnight)
            app.ids = .counting()
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)

            let form = try await worker.get(SiteURL.participantNew.relativeURL())
            #expect(form.body.contains(#"value="2025-03-10""#), "a new enrolment starts today, the Finnish day")

            let page = try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(page.status == .ok)
            let read = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$participantID == world.ownParticipant)
                    .filter(\.$action == Audit.Action.participantView.rawValue).first())
            #expect(read.at == Self.justAfterMidnight)
            #expect(read.id?.uuidString.hasPrefix("00000000-0000-4000-8000-") == true)

            let consents = SiteURL.participantConsents(.value(world.ownParticipant)).relativeURL()
            let tomorrow = try await worker.post(consents, ["purpose": "research", "given": "yes", "consent_date": "2025-03-11"])
            #expect(tomorrow.status == .unprocessableEntity, "a consent cannot be dated after today")
            let today = try await worker.post(consents, ["purpose": "research", "given": "yes", "consent_date": "2025-03-10"])
            #expect(today.status == .seeOther)
        }
    }
}
