import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
@testable import PolkuTools
import SQLKit
import Testing
import Vapor

/// Retention and erasure (issue 13): names, contact details and free text go; every report gives the
/// same figures before and after; the audit keeps that an erasure happened, not who it was.
@Suite struct RetentionAndErasureTests {
    /// Every report a project manager reads, as the figures leave Polku (CSV) or as the page shows them.
    static func reports(_ client: TestClient, projects: [UUID]) async throws -> [String] {
        var pages: [String] = []
        for p in projects {
            for url in [
                SiteURL.projectReportCSV(.value(p)), SiteURL.projectActivityReportCSV(.value(p)), SiteURL.projectMeasures(.value(p)),
            ] {
                let page = try await client.get(url.relativeURL())
                // Each drawn form has a new one-time key; the rest must be the same.
                pages.append("\(page.status.code) " + page.body.replacing(/name="_once" value="[^"]*"/, with: ""))
            }
        }
        pages.append(try await client.get(SiteURL.network.relativeURL()).body.replacing(/name="_once" value="[^"]*"/, with: ""))
        return pages
    }

    @Test(arguments: TestDatabase.allCases)
    func everyReportIsTheSameAfterEveryoneIsAnonymised(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            _ = try await DemoData.seedIfEmpty(app, participantsPerProject: 12)
            let manager = TestClient(app)
            #expect(try await manager.login("pm@demo.polku.invalid", DemoData.password).status == .seeOther)
            let projects = try await Project.query(on: app.db).all().map { $0.id! }
            let before = try await Self.reports(manager, projects: projects)
            #expect(before.filter { $0.hasPrefix("200 ") }.count >= 15, "the manager's projects' reports")
            let everyone = try await Participant.query(on: app.db).all().map { $0.id! }
            let someone = try #require(try await Participant.query(on: app.db).first())
            #expect(try await Anonymiser.anonymise(everyone, now: Date(), on: app.db) == everyone.count)
            let after = try await Self.reports(manager, projects: projects)
            for (b, a) in zip(before, after) { #expect(a == b) }
            // Nothing that names anyone is left.
            #expect(try await Participant.query(on: app.db).filter(\.$lastName == someone.lastName).count() == 0)
            #expect(try await Note.query(on: app.db).count() == 0)
            #expect(try await Goal.query(on: app.db).count() == 0)
            let withText = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM referrals WHERE message <> ''").first()?.decode(column: "n", as: Int.self)
            #expect(withText == 0)
            let page = try await manager.get(SiteURL.participant(.value(someone.id!)).relativeURL())
            #expect(page.body.contains(Anonymiser.placeholderName) && !page.body.contains(someone.firstName + " "))
            // Anonymising again changes nothing.
            #expect(try await Anonymiser.anonymise(everyone, now: Date(), on: app.db) == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func retentionAnonymisesOnlyThoseWhoseTimeIsUp(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            app.clock = .fixed(Date(timeIntervalSince1970: 1_780_300_800))  // 2026-06-01 08:00 UTC
            let sql = app.db.sql
            try await sql.raw("UPDATE projects SET retention_months = 12, retention_basis = 'exit' WHERE id = \(bind: world.ownProject)").run()
            // Left 13 months ago: due. Still enrolled in the other project: kept.
            try await sql.raw("UPDATE enrolments SET end_date = '2025-04-30' WHERE id = \(bind: world.ownEnrolment)").run()
            try await sql.raw("UPDATE projects SET retention_months = 0, retention_basis = 'exit' WHERE id = \(bind: world.otherProject)").run()
            let outcome = try await RetentionRun.run(app)
            #expect(outcome.anonymised == 1 && outcome.checked == 2)
            let own = try #require(try await Participant.find(world.ownParticipant, on: app.db))
            let other = try #require(try await Participant.find(world.otherParticipant, on: app.db))
            #expect(own.lastName == Anonymiser.placeholderName && own.email == nil)
            #expect(other.lastName != Anonymiser.placeholderName)
            let event = try #require(try await World.auditEvents(app).first { $0.action == Audit.Action.retentionRun.rawValue })
            #expect(event.detail == "checked=2 anonymised=1" && event.participantID == nil)
            // A day earlier it was not yet due.
            #expect(
                Retention.dueOn([RetainedEnrolment(exit: CalendarDate(parsing: "2025-04-30"), projectEnd: nil, rule: RetentionRule(months: 12, basis: .exit))])
                    == CalendarDate(parsing: "2026-05-01"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anAdminErasesOnePersonOnRequest(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let id = world.ownParticipant.uuidString
            let preview = try await admin.get(SiteURL.adminErasure.relativeURL([("participant", id)]))
            #expect(preview.status == .ok && preview.body.contains("muistiinpanot: 2") && !preview.body.contains(World.ownLastName))
            let unconfirmed = try await admin.post(SiteURL.adminErasure.relativeURL(), ["participant": id, "reason": "Pyyntö 3.12.2026"])
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.body.contains("Pyyntö 3.12.2026"))
            #expect(try await Participant.find(world.ownParticipant, on: app.db)?.lastName == World.ownLastName, "nothing erased unconfirmed")
            let done = try await admin.post(SiteURL.adminErasure.relativeURL(), ["participant": id, "reason": "Pyyntö 3.12.2026", "confirm": "on"])
            #expect(done.status == .ok && done.body.contains("on poistettu"))
            #expect(try await Participant.find(world.ownParticipant, on: app.db)?.lastName == Anonymiser.placeholderName)
            let event = try #require(try await World.auditEvents(app).first { $0.action == Audit.Action.participantErase.rawValue })
            #expect(event.participantID == nil && event.detail.contains("reason=Pyyntö 3.12.2026") && !event.detail.contains(id))
            // A second request finds it done; a worker cannot reach the page at all.
            #expect(try await admin.get(SiteURL.adminErasure.relativeURL([("participant", id)])).body.contains("on jo anonymisoitu"))
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.get(SiteURL.adminErasure.relativeURL()).status == .forbidden)
        }
    }

    /// The name search forgets an anonymised name at once, and many people are anonymised quickly
    /// (on SQLite each renamed person used to cost a scan of the whole name index).
    @Test(arguments: TestDatabase.allCases)
    func theNameSearchForgetsAnonymisedNames(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let search = SiteURL.participants.relativeURL([("q", World.ownLastName)])
            #expect(try await worker.get(search).body.contains(SiteURL.participant(.value(world.ownParticipant)).relativeURL()))
            #expect(try await Anonymiser.anonymise([world.ownParticipant], now: Date(), on: app.db) == 1)
            #expect(!(try await worker.get(search).body.contains(SiteURL.participant(.value(world.ownParticipant)).relativeURL())))
            // Renamed back by hand, the person is found by the new name.
            try await app.db.sql.raw("UPDATE participants SET last_name = 'Uusinimi', search_key = 'uusinimi' WHERE id = \(bind: world.ownParticipant)").run()
            let renamed = try await worker.get(SiteURL.participants.relativeURL([("q", "Uusinimi")]))
            #expect(renamed.body.contains(SiteURL.participant(.value(world.ownParticipant)).relativeURL()))
        }
    }
}
