import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct AdminTests {
    @Test(arguments: TestDatabase.allCases)
    func adminCreatesUserGivesRolesAndTheUserSeesTheProject(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            // Bad input: short password, a project role without a project, a taken e-mail.
            let bad = try await admin.post(SiteURL.adminUsers.relativeURL(), ["name": "Uusi Ohjaaja", "email": world.users[.worker]!, "password": "lyhyt", "role": "worker"])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.contains("Tällä sähköpostilla on jo käyttäjä") && bad.body.contains("vähintään 10 merkkiä") && bad.body.contains("Valitse joko hanke tai organisaatio"))
            #expect(bad.body.contains("value=\"Uusi Ohjaaja\""))
            let created = try await admin.post(
                SiteURL.adminUsers.relativeURL(),
                [
                    "name": "Uusi Ohjaaja", "email": "Uusi@Own.Test", "password": "pitkä salasana tässä",
                    "role": "worker", "project_id": world.ownProject.uuidString,
                ])
            #expect(created.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "uusi@own.test").first())
            #expect(user.passwordHash.hasPrefix("$2"), "bcrypt")
            let newcomer = TestClient(app)
            try await newcomer.login("uusi@own.test", "pitkä salasana tässä")
            #expect(try await newcomer.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).status == .ok)
            // A health role in the project, then revoke the worker role.
            #expect(
                try await admin.post(SiteURL.adminUserMemberships(.value(user.id!)).relativeURL(), ["role": "health_professional", "project_id": world.ownProject.uuidString])
                    .status == .seeOther)
            #expect(try await newcomer.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).body.contains("HEALTHMARK"))
            let worker = try #require(try await Membership.query(on: app.db).filter(\.$user.$id == user.id!).filter(\.$role == .worker).first())
            #expect(try await admin.post(SiteURL.adminUserMembershipDelete(.value(user.id!), .value(worker.id!)).relativeURL()).status == .seeOther)
            #expect(try await Membership.query(on: app.db).filter(\.$user.$id == user.id!).count() == 1)
            // Admin alone is global: giving it with a project is refused.
            #expect(
                try await admin.post(SiteURL.adminUserMemberships(.value(user.id!)).relativeURL(), ["role": "admin", "project_id": world.ownProject.uuidString]).status
                    == .unprocessableEntity)
            let actions = try await World.auditEvents(app).map(\.action)
            #expect(actions.contains("user.create") && actions.contains("membership.grant") && actions.contains("membership.revoke"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func roleInAnOrganisationReachesTheProjectsItRuns(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let runner = Organisation(name: "Sovatek-säätiö", kind: .foundation)
            try await runner.create(on: app.db)
            let partner = Organisation(name: "Kumppani ry", kind: .association)
            try await partner.create(on: app.db)
            try await ProjectOrganisation(projectID: world.ownProject, organisationID: runner.id!, role: .coImplementer).create(on: app.db)
            try await ProjectOrganisation(projectID: world.otherProject, organisationID: partner.id!, role: .partner).create(on: app.db)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            for (email, org) in [("org@own.test", runner.id!), ("partner@own.test", partner.id!)] {
                let created = try await admin.post(
                    SiteURL.adminUsers.relativeURL(),
                    [
                        "name": "Org worker", "email": email, "password": "pitkä salasana tässä",
                        "role": "worker", "organisation_id": org.uuidString,
                    ])
                #expect(created.status == .seeOther)
            }
            // Both a project and an organisation is ambiguous, and refused.
            let both = try await admin.post(
                SiteURL.adminUsers.relativeURL(),
                [
                    "name": "X", "email": "both@own.test", "password": "pitkä salasana tässä", "role": "worker",
                    "organisation_id": runner.id!.uuidString, "project_id": world.ownProject.uuidString,
                ])
            #expect(both.status == .unprocessableEntity)
            let worker = TestClient(app)
            try await worker.login("org@own.test", "pitkä salasana tässä")
            #expect(try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).status == .ok)
            #expect(try await worker.get(SiteURL.participant(.value(world.otherParticipant)).relativeURL()).status == .notFound)
            // A partner organisation's worker sees no one: partners do not run the project.
            let partnerWorker = TestClient(app)
            try await partnerWorker.login("partner@own.test", "pitkä salasana tässä")
            #expect(try await partnerWorker.get(SiteURL.participant(.value(world.otherParticipant)).relativeURL()).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases, [Role.projectManager, .worker, .healthProfessional, .peer, .viewer])
    func onlyAdminsReachAdministration(db: TestDatabase, role: Role) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[role]!)
            #expect(try await client.get(SiteURL.adminUsers.relativeURL()).status == .forbidden)
            #expect(try await client.get(SiteURL.adminAudit.relativeURL()).status == .forbidden)
            #expect(try await client.post(SiteURL.adminUsers.relativeURL(), ["name": "x", "email": "x@x.test", "password": "0123456789", "role": "admin"]).status == .forbidden)
            #expect(try await User.query(on: app.db).filter(\.$email == "x@x.test").count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func adminFiltersTheAuditLog(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            worker.forwardedFor = "198.51.100.7"
            try await worker.login(world.users[.worker]!)
            try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            try await worker.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(), ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "uusi"])
            let health = TestClient(app)
            try await health.login(world.users[.healthProfessional]!)
            try await health.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())

            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let all = try await admin.get(SiteURL.adminAudit.relativeURL([("participant", "\(world.ownParticipant)")]))
            #expect(all.status == .ok)
            #expect(all.body.contains(world.users[.worker]!) && all.body.contains(world.users[.healthProfessional]!))
            let mine = try await admin.get(SiteURL.adminAudit.relativeURL([("actor", "\(world.users[.worker]!)"), ("action", "note.create")]))
            #expect(mine.body.contains("note.create") && !mine.body.contains(world.users[.healthProfessional]!))
            #expect(mine.body.components(separatedBy: ">note.create</td>").count == 2, "exactly one row")
            let bad = try await admin.get(SiteURL.adminAudit.relativeURL([("from", "32.1.2024")]))
            #expect(bad.status == .badRequest && bad.body.contains("Päivämäärä ei kelpaa") && bad.body.contains("value=\"32.1.2024\""))
            // The address and time are recorded.
            let view = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "participant.view").filter(\.$actorEmail == world.users[.worker]!).first())
            #expect(view.participantID == world.ownParticipant)
            #expect(abs(view.at.timeIntervalSinceNow) < 60)
            #expect(view.clientAddress != "")
        }
    }
}
