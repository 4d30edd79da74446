import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Feedback after a session or a service (issue 15): given once, anonymously unless the participant
/// gives their name, and seen by the team only in sums of five answers or more.
@Suite struct FeedbackTests {
    @Test(arguments: TestDatabase.allCases)
    func feedbackIsGivenOnceAndSeenOnlyInSumsOfFive(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let sql = app.db.sql
            // The participant came to a session two days ago; their referral has started.
            let held = CalendarDate.inFinland(Date()).adding(days: -2).iso
            try await sql.raw("UPDATE activity_sessions SET date = \(bind: held) WHERE id = \(bind: world.ownSession)").run()
            try await sql.raw("INSERT INTO attendances (id, session_id, participant_id) VALUES (\(bind: UUID()), \(bind: world.ownSession), \(bind: base.ownParticipant))").run()
            try await sql.raw("UPDATE referrals SET state = 'started' WHERE id = \(bind: world.ownReferral)").run()

            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let home = try await me.get(SiteURL.me.relativeURL())
            let form = SiteURL.myFeedback(.value(world.ownSession)).relativeURL()
            #expect(home.body.contains("Kerro mielipiteesi") && home.body.contains("href=\"\(form)\""))
            #expect(try await me.get(form).body.contains("name=\"anonymous\" value=\"on\" checked"))
            // Without a rating: refused, the words kept, nothing stored.
            let refused = try await me.post(form, ["text": "Mukava <ryhmä>", "anonymous": "on"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Mukava &lt;ryhmä&gt;"))
            #expect(try await me.post(form, ["rating": "6", "anonymous": "on"]).status == .unprocessableEntity)
            #expect(try await me.post(form, ["rating": "4", "text": "Mukava <ryhmä>", "anonymous": "on"]).status == .seeOther)
            struct Row: Decodable { let participant_id: UUID?; let rating: Int; let created_at: Date }
            let rows = try await sql.raw("SELECT participant_id, rating, created_at FROM feedback").all(decoding: Row.self)
            #expect(rows.count == 1 && rows[0].participant_id == nil && rows[0].rating == 4)
            #expect(Int(rows[0].created_at.timeIntervalSince1970) % 86_400 == 0, "an anonymous answer keeps only its day")
            // Nor does its id keep the moment: the app's ids are time-ordered (version 7), this one is random (version 4).
            let anonymousID = try #require(try await sql.raw("SELECT id FROM feedback").first()?.decode(column: "id", as: UUID.self))
            #expect(Array(anonymousID.uuidString)[14] == "4")
            // Once only.
            #expect(try await me.post(form, ["rating": "1", "anonymous": "on"]).status == .notFound)
            let after = try await me.get(SiteURL.me.relativeURL())
            #expect(!after.body.contains("href=\"\(form)\""))
            // The service, by name.
            #expect(try await me.post(SiteURL.myFeedback(.value(world.ownReferral)).relativeURL(), ["rating": "5", "text": "Hyvä palvelu"]).status == .seeOther)
            let giver = try await sql.raw("SELECT participant_id FROM feedback WHERE subject_kind = 'referral'").first()?.decode(column: "participant_id", as: UUID?.self)
            #expect(giver == base.ownParticipant)
            let namedID = try #require(try await sql.raw("SELECT id FROM feedback WHERE subject_kind = 'referral'").first()?.decode(column: "id", as: UUID.self))
            #expect(Array(namedID.uuidString)[14] == "7")
            // Another person's session or a made-up id: nothing to answer.
            #expect(try await me.post(SiteURL.myFeedback(.value(world.otherSession)).relativeURL(), ["rating": "3"]).status == .notFound)

            // The team: one answer is "<5", with no mean and no words.
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let report = SiteURL.projectFeedback(.value(base.ownProject)).relativeURL()
            var page = try await manager.get(report)
            #expect(page.status == .ok && page.body.contains("&lt;5") && !page.body.contains("Mukava"))
            // Four more answers about the same group make five: the mean, the share and the words show.
            for rating in [5, 3, 4, 2] {
                try await sql.raw(
                    """
                    INSERT INTO feedback (id, project_id, subject_kind, subject_id, rating, text, created_at)
                    VALUES (\(bind: UUID()), \(bind: base.ownProject), 'session', \(bind: world.ownSession), \(bind: rating), '', \(bind: Date()))
                    """
                ).run()
            }
            page = try await manager.get(report)
            #expect(page.body.contains(">3,6<") && page.body.contains(">60 %<") && page.body.contains("Mukava &lt;ryhmä&gt;"))
            #expect(!page.body.contains("Hyvä palvelu"), "the service has one answer")
            let outsider = TestClient(app)
            try await outsider.login(base.otherWorker)
            let refusedReport = try await outsider.get(report)
            #expect(refusedReport.status == .forbidden || refusedReport.status == .notFound)
        }
    }
}
