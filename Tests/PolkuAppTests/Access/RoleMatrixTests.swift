import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

/// Every role against every participant-data route, for the own project's participant and for another
/// project's: allowed answers 200 or a redirect after a write; denied answers 403 or 404 with no
/// personal data in the body.
@Suite struct RoleMatrixTests {
    struct Route: Sendable {
        let name: String
        let method: HTTPMethod
        let path: @Sendable (World) -> String
        let form: @Sendable (World) -> [String: String]
        /// Roles allowed on the own project's participant.
        let allowed: Set<Role>
    }

    static let staff: Set<Role> = [.projectManager, .worker, .healthProfessional]

    static func routes(for participant: @escaping @Sendable (World) -> UUID, enrolmentOwn: Bool) -> [Route] {
        [
            Route(name: "participant page", method: .GET, path: { SiteURL.participant(.value(participant($0))).relativeURL() }, form: { _ in [:] }, allowed: staff),
            Route(name: "edit form", method: .GET, path: { SiteURL.participantEdit(.value(participant($0))).relativeURL() }, form: { _ in [:] }, allowed: staff),
            Route(
                name: "update", method: .POST, path: { SiteURL.participant(.value(participant($0))).relativeURL() },
                form: { _ in
                    ["first_name": "Uusi", "last_name": "Nimi", "birth_date": "1.2.1990", "gender": "female", "municipality": "Pori", "language": "fi"]
                }, allowed: staff),
            Route(
                name: "normal note", method: .POST, path: { SiteURL.participantNotes(.value(participant($0))).relativeURL() },
                form: {
                    ["project_id": (enrolmentOwn ? $0.ownProject : $0.otherProject).uuidString, "sensitivity": "normal", "body": "uusi"]
                }, allowed: staff),
            Route(
                name: "health note", method: .POST, path: { SiteURL.participantNotes(.value(participant($0))).relativeURL() },
                form: {
                    ["project_id": (enrolmentOwn ? $0.ownProject : $0.otherProject).uuidString, "sensitivity": "health", "body": "uusi"]
                }, allowed: [.healthProfessional]),
            Route(
                name: "goal", method: .POST, path: { SiteURL.participantGoals(.value(participant($0))).relativeURL() },
                form: {
                    ["project_id": (enrolmentOwn ? $0.ownProject : $0.otherProject).uuidString, "goal_text": "Tavoite"]
                }, allowed: staff),
            Route(
                name: "ESF data form", method: .GET, path: { SiteURL.enrolmentESF(.value(participant($0)), .value($0.ownEnrolment)).relativeURL() },
                form: { _ in [:] }, allowed: enrolmentOwn ? staff : []),
            Route(
                name: "ESF data save", method: .POST, path: { SiteURL.enrolmentESF(.value(participant($0)), .value($0.ownEnrolment)).relativeURL() },
                form: { _ in
                    var full = Dictionary(uniqueKeysWithValues: ParticipationDataController.fields.map { ($0, "") })
                    full["labour_status"] = "unemployed"; full["unemployed_months"] = "14"
                    return full
                }, allowed: enrolmentOwn ? staff : []),
            Route(
                name: "health assessment (WHO-5)", method: .POST, path: { SiteURL.participantAssessments(.value(participant($0))).relativeURL() },
                form: {
                    [
                        "project": (enrolmentOwn ? $0.ownProject : $0.otherProject).uuidString, "instrument": "who5", "date": "1.3.2024",
                        "a_1": "3", "a_2": "3", "a_3": "3", "a_4": "3", "a_5": "3",
                    ]
                }, allowed: [.healthProfessional]),
            Route(
                name: "health history (WHO-5)", method: .GET, path: { SiteURL.participantMeasure(.value(participant($0)), .value("who5")).relativeURL() }, form: { _ in [:] },
                allowed: [.healthProfessional]),
            Route(
                name: "assessment form (life map)", method: .GET,
                path: {
                    SiteURL.participantAssessmentNew(.value(participant($0))).relativeURL([
                        ("project", "\(enrolmentOwn ? $0.ownProject : $0.otherProject)"), ("instrument", "polku-life"),
                    ])
                },
                form: { _ in [:] }, allowed: staff),
            Route(
                name: "assessment (life map)", method: .POST, path: { SiteURL.participantAssessments(.value(participant($0))).relativeURL() },
                form: {
                    ["project": (enrolmentOwn ? $0.ownProject : $0.otherProject).uuidString, "instrument": "polku-life", "date": "1.3.2024", "a_home": "5"]
                }, allowed: staff),
            Route(
                name: "consent", method: .POST, path: { SiteURL.participantConsents(.value(participant($0))).relativeURL() },
                form: { _ in
                    ["purpose": "service", "given": "yes", "consent_date": "2024-02-01"]
                }, allowed: staff),
        ]
    }

    static let personalMarkers = [World.ownLastName, "Toisenhankkeinen", "NORMALMARK", "HEALTHMARK", "marker@example.invalid", "Nguyễn"]

    func expectDenied(_ page: TestClient.Page, _ label: String) {
        #expect([403, 404].contains(page.status.code), "\(label): expected denial, got \(page.status.code)")
        for marker in Self.personalMarkers {
            #expect(!page.body.contains(marker), "\(label): body leaks \(marker)")
        }
    }

    @Test(arguments: TestDatabase.allCases, Role.allCases)
    func ownProjectParticipant(db: TestDatabase, role: Role) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[role]!)
            for route in Self.routes(for: { $0.ownParticipant }, enrolmentOwn: true) {
                let path = route.path(world)
                let page = route.method == .GET ? try await client.get(path) : try await client.post(path, route.form(world))
                let label = "\(db) \(role.rawValue) \(route.name)"
                if route.allowed.contains(role) {
                    #expect([200, 303].contains(page.status.code), "\(label): expected allow, got \(page.status.code)")
                } else {
                    #expect([403, 404].contains(page.status.code), "\(label): expected denial, got \(page.status.code)")
                    if !Self.staff.contains(role) {
                        for marker in Self.personalMarkers { #expect(!page.body.contains(marker), "\(label): body leaks \(marker)") }
                    }
                }
            }
            // The list, and the note sensitivity on the page.
            let list = try await client.get(SiteURL.participants.relativeURL([("project", "\(world.ownProject)")]))
            let page = try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            if Self.staff.contains(role) {
                #expect(list.status == .ok && list.body.contains("Nimi, Uusi"), "the list shows the renamed participant")
                #expect(!list.body.contains("Toisenhankkeinen"))
                #expect(page.body.contains("NORMALMARK"))
                #expect(page.body.contains("HEALTHMARK") == (role == .healthProfessional), "\(role) health note visibility")
            } else {
                expectDenied(list, "\(db) \(role.rawValue) list")
                expectDenied(page, "\(db) \(role.rawValue) page")
                expectDenied(try await client.get(SiteURL.participants.relativeURL()), "\(db) \(role.rawValue) all list")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases, Role.allCases)
    func otherProjectParticipantIsInvisible(db: TestDatabase, role: Role) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[role]!)
            for route in Self.routes(for: { $0.otherParticipant }, enrolmentOwn: false) {
                let path = route.path(world)
                let page = route.method == .GET ? try await client.get(path) : try await client.post(path, route.form(world))
                expectDenied(page, "\(db) \(role.rawValue) other \(route.name)")
            }
            expectDenied(try await client.get(SiteURL.participants.relativeURL([("project", "\(world.otherProject)")])), "\(db) \(role.rawValue) other list")
            // Nothing was written to the other project's participant.
            let notes = try await Note.query(on: app.db).filter(\.$participant.$id == world.otherParticipant).count()
            #expect(notes == 2)
        }
    }

    /// A service provider's staff handle referrals sent to their organisation and nothing else: every
    /// participant route is denied, with no personal data in the answer.
    @Test(arguments: TestDatabase.allCases)
    func providerStaffSeeNoParticipantRecords(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (_, email) = try await DirectoryTests.provider(app)
            let client = TestClient(app)
            try await client.login(email)
            for route in Self.routes(for: { $0.ownParticipant }, enrolmentOwn: true) {
                let path = route.path(world)
                let page = route.method == .GET ? try await client.get(path) : try await client.post(path, route.form(world))
                expectDenied(page, "\(db) provider \(route.name)")
            }
            expectDenied(try await client.get(SiteURL.participants.relativeURL([("project", "\(world.ownProject)")])), "\(db) provider list")
            expectDenied(try await client.get(SiteURL.participantReferralNew(.value(world.ownParticipant)).relativeURL()), "\(db) provider referral form")
            // The open-referrals list is the referring workers'; a provider's staff have their inbox.
            expectDenied(try await client.get(SiteURL.referrals.relativeURL()), "\(db) provider open referrals")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func workerOfTheOtherProjectSeesOnlyTheirOwn(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.otherWorker)
            let list = try await client.get(SiteURL.participants.relativeURL())
            #expect(list.body.contains("Toisenhankkeinen"))
            #expect(!list.body.contains(World.ownLastName))
            expectDenied(try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()), "other worker")
            let theirs = try await client.get(SiteURL.participant(.value(world.otherParticipant)).relativeURL())
            #expect(theirs.status == .ok && theirs.body.contains("NORMALMARK") && !theirs.body.contains("HEALTHMARK"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func signedOutVisitorIsSentToLogin(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            let page = try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix(SiteURL.login.relativeURL([("next", "")])) == true)
            let post = try await client.post(SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(), ["body": "x"])
            #expect(post.status == .unauthorized)
            #expect(!post.body.contains(World.ownLastName))
        }
    }
}
