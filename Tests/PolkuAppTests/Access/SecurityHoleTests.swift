import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

/// The holes found when Polku was probed from outside (issue 10), each as a user or an attacker
/// would meet it. Every test here failed before its fix.
@Suite struct SecurityHoleTests {
    @Test(arguments: TestDatabase.allCases)
    func adminSeesNoPersonInAProvidersInbox(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let admin = TestClient(app)
            try await admin.login(world.base.users[.admin]!)
            let inbox = try await admin.get(SiteURL.organisationReferrals(.value(world.ownOrganisation)).relativeURL([("all", "1")]))
            #expect(inbox.status == .forbidden && !inbox.body.contains(World.ownLastName))
            // The provider's own staff still see it.
            let provider = TestClient(app)
            try await provider.login(world.providerEmail)
            #expect(try await provider.get(SiteURL.organisationReferrals(.value(world.ownOrganisation)).relativeURL([("all", "1")])).body.contains(World.ownLastName))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aListAnchorFromAnotherProjectRevealsNothing(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            for (first, last) in [("Anna", "Aalto"), ("Ville", "Virtanen")] {
                #expect(
                    try await worker.post(
                        SiteURL.participants.relativeURL(),
                        [
                            "first_name": first, "last_name": last, "birth_date": "1.1.1990", "gender": "female",
                            "municipality": "Pori", "language": "fi", "project_id": world.ownProject.uuidString,
                            "start_date": "1.2.2024",
                        ]
                    ).status == .seeOther)
            }
            let first = try await worker.get(SiteURL.participants.relativeURL())
            #expect(first.body.contains("Aalto, Anna") && first.body.contains("Virtanen, Ville"))
            // The other project's participant sorts between them; as an anchor it is as unknown.
            let crafted = try await worker.get(SiteURL.participants.relativeURL([("after", "\(world.otherParticipant)")]))
            #expect(crafted.body.contains("Aalto, Anna") && crafted.body.contains("Virtanen, Ville"), "a hidden anchor starts from the first page")
            let unknown = try await worker.get(SiteURL.participants.relativeURL([("after", "\(UUID())")]))
            #expect(unknown.body.contains("Aalto, Anna"))
        }
    }

    static func invite(_ app: Application, _ world: World) async throws -> String {
        let worker = TestClient(app)
        try await worker.login(world.users[.worker]!)
        let page = try await worker.post(SiteURL.participantInvite(.value(world.ownParticipant)).relativeURL())
        return try #require(page.body.firstMatch(of: /\/invite\/([0-9a-f]{48})/).map { String($0.1) })
    }

    @Test(arguments: TestDatabase.allCases)
    func acceptingAnInvitationStartsANewSession(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let token = try await Self.invite(app, world)
            let victim = TestClient(app)
            try await victim.get(SiteURL.invite(.value(token)).relativeURL())
            let planted = try #require(victim.cookies["polku_session"])
            let made = try await victim.post(
                SiteURL.invite(.value(token)).relativeURL(), ["email": "aake@example.invalid", "password": "vihreä hevonen 42", "again": "vihreä hevonen 42"])
            #expect(made.status == .seeOther && made.location == SiteURL.me.relativeURL())
            #expect(victim.cookies["polku_session"] != planted, "the session id changed with the identity")
            let attacker = TestClient(app)
            attacker.cookies["polku_session"] = planted
            let me = try await attacker.get(SiteURL.me.relativeURL())
            #expect(me.status == .seeOther && me.location?.hasPrefix(SiteURL.login.relativeURL()) == true, "the planted cookie is not signed in")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func makingTheAccountEndsEveryOtherInvitation(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            // Two invitations alive at once (made before a new one replaced the old: rows from an
            // earlier version, or two workers at the same moment).
            let first = try await Self.invite(app, world)
            let second = String(repeating: "c", count: 48)
            let spare = Invitation()
            spare.$participant.id = world.ownParticipant; spare.tokenHash = OwnSpaceController.hash(second)
            spare.expiresAt = Date().addingTimeInterval(86_400)
            try await spare.create(on: app.db)
            let person = TestClient(app)
            try await person.get(SiteURL.invite(.value(first)).relativeURL())
            #expect(
                try await person.post(
                    SiteURL.invite(.value(first)).relativeURL(), ["email": "aake@example.invalid", "password": "vihreä hevonen 42", "again": "vihreä hevonen 42"]
                ).status == .seeOther)
            let other = TestClient(app)
            let page = try await other.get(SiteURL.invite(.value(second)).relativeURL())
            #expect(page.status == .notFound && !page.body.contains("Åke"))
            let post = try await other.post(
                SiteURL.invite(.value(second)).relativeURL(), ["email": "toinen@example.invalid", "password": "vihreä hevonen 43", "again": "vihreä hevonen 43"])
            #expect(post.status == .notFound)
            #expect(try await User.query(on: app.db).filter(\.$participantID == world.ownParticipant).count() == 1)
        }
    }

    @Test func redirectsStayOnThisSite() {
        for bad in [
            "/\t/evil.invalid", "/%09/evil.invalid", "//evil.invalid", "/\\evil.invalid", "\\\\evil.invalid", "https://evil.invalid",
            "/\n/evil.invalid", "javascript:alert(1)", "/%2F/evil.invalid", "/%5Cevil.invalid", "",
        ] {
            #expect(LoginController.safeNext(bad) == SiteURL.home.relativeURL(), "\(bad.debugDescription) must not leave the site")
        }
        let search = SiteURL.participants.relativeURL([("q", "a b")])
        #expect(LoginController.safeNext(search) == search, "a path of this site with an encoded query is kept")
    }

    @Test(arguments: TestDatabase.allCases)
    func languageAndLoginRedirectsStayOnThisSite(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            #expect(try await client.get("/lang/en?back=/%09/evil.invalid").location == SiteURL.home.relativeURL())
            try await client.get(SiteURL.login.relativeURL())
            let login = try await client.post(SiteURL.login.relativeURL(), ["email": world.users[.worker]!, "password": World.password, "next": "/\t/evil.invalid"])
            #expect(login.location == SiteURL.home.relativeURL())
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func everyCSVExportNeutralisesFormulas(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, email) = try await DirectoryTests.provider(app)
            let provider = TestClient(app)
            try await provider.login(email)
            var service = DirectoryTests.service
            service["name"] = "=HYPERLINK(\"http://evil.invalid\",\"Klikkaa\")"
            #expect(try await provider.post(SiteURL.organisationServices(.value(org)).relativeURL(), service).status == .seeOther)
            let directory = try await TestClient(app).get(SiteURL.directoryCSV.relativeURL())
            #expect(directory.body.contains("\"'=HYPERLINK(") && !directory.body.contains(";\"=HYPERLINK"))
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(
                try await worker.post(
                    SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
                    [
                        "kind": "event", "category": "peer_group", "name": "@SUM(1+1)", "from": "5.6.2024", "start": "9", "end": "11",
                    ]
                ).status == .seeOther)
            let activities = try await worker.get(SiteURL.projectActivityReportCSV(.value(world.ownProject)).relativeURL([("by", "activity")]))
            #expect(activities.body.contains("'@SUM(1+1)") && !activities.body.contains(";@SUM"))
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            #expect(
                try await manager.post(SiteURL.projectPart(.value(world.ownProject), .outcomes).relativeURL(), ["outcome_name": "+Jatko", "outcome_maps_to": "other_service"])
                    .status == .seeOther)
            let esf = try await manager.get(SiteURL.projectReportCSV(.value(world.ownProject)).relativeURL())
            #expect(esf.status == .ok && !esf.body.contains(";+Jatko") && !esf.body.contains("\n+Jatko"))
            #expect(try await manager.get(SiteURL.projectReportXLSX(.value(world.ownProject)).relativeURL()).status == .ok)
            #expect(try await manager.get(SiteURL.projectActivityReportXLSX(.value(world.ownProject)).relativeURL()).status == .ok)
            // Each export is in the audit log.
            let exports = try await World.auditEvents(app).filter { $0.action == "export" }.map(\.detail)
            for kind in ["activity report csv", "esf csv", "esf xlsx", "activity report xlsx"] { #expect(exports.contains(kind), "\(kind)") }
            #expect(exports.contains { $0.hasPrefix("directory csv") })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aPostWithoutTheFormsFieldsChangesNothing(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let path = SiteURL.enrolmentESF(.value(world.ownParticipant), .value(world.ownEnrolment)).relativeURL()
            #expect(try await worker.submit(page: path, action: path, ["labour_status": "unemployed", "unemployed_months": "14"]).status == .seeOther)
            let empty = try await worker.post(path)
            #expect(empty.status == .badRequest)
            let e = try #require(try await Enrolment.find(world.ownEnrolment, on: app.db))
            #expect(e.labourStatus == .unemployed && e.unemployedMonths == 14, "the stray post blanked nothing")
            // Clearing a value takes the field, present and empty.
            #expect(try await worker.submit(page: path, action: path, ["unemployed_months": ""]).status == .seeOther)
            #expect(try await Enrolment.find(world.ownEnrolment, on: app.db)?.unemployedMonths == nil)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func commonAndPersonalPasswordsAreRefused(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            func create(_ password: String) async throws -> TestClient.Page {
                try await admin.post(
                    SiteURL.adminUsers.relativeURL(),
                    [
                        "name": "Maija Mallikas", "email": "maija.mallikas@example.invalid", "password": password,
                        "role": "worker", "project_id": world.ownProject.uuidString,
                    ])
            }
            let repeated = try await create("aaaaaaaaaa")
            #expect(repeated.status == .unprocessableEntity && repeated.body.contains("liian yleinen"))
            #expect(try await create("qwertyuiop").body.contains("liian yleinen"))
            #expect(try await create("maija.mallikas@example.invalid").body.contains("sähköpostisi tai nimesi"))
            #expect(try await create("MaijaMallikas1").body.contains("sähköpostisi tai nimesi"))
            #expect(try await create("lyhyt").body.contains("vähintään 10"))
            #expect(try await create("vihreä hevonen juoksee").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func everyAnswerCarriesTheSecurityHeaders(db: TestDatabase) async throws {
        try await withPolku(db, adjust: { $0.secureCookies = true }) { app in
            let client = TestClient(app)
            for path in [SiteURL.login.relativeURL(), "/no/such/page", SiteURL.styles.relativeURL(), SiteURL.directory.relativeURL()] {
                let page = try await client.get(path)
                let csp = page.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "\(path)")
                #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(page.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(page.headers.first(name: "Permissions-Policy")?.contains("camera=()") == true)
                #expect(page.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
            }
        }
        try await withPolku(db) { app in
            let plain = try await TestClient(app).get(SiteURL.login.relativeURL())
            #expect(plain.headers.first(name: "Strict-Transport-Security") == nil, "no HSTS without TLS")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theReferralFormAndTheSearchAreAuditedWithoutTheSearchText(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.get(SiteURL.participantReferralNew(.value(world.ownParticipant)).relativeURL()).status == .ok)
            #expect(try await worker.get(SiteURL.participants.relativeURL([("q", "Merkkinen")])).body.contains(World.ownLastName))
            let events = try await World.auditEvents(app)
            #expect(events.contains { $0.action == "referral.form" && $0.participantID == world.ownParticipant })
            let search = try #require(events.last { $0.action == "participant.list" })
            #expect(!search.detail.lowercased().contains("merkkinen") && search.detail.contains("9"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func projectManagersKeepOnlyOrganisationsWithoutStaffOfTheirOwn(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (providerOrg, _) = try await DirectoryTests.provider(app)
            let partner = Organisation(name: "Kumppani ry", kind: .association, municipality: "Pori")
            try await partner.create(on: app.db)
            try await ProjectOrganisation(projectID: world.ownProject, organisationID: partner.id!, role: .partner).create(on: app.db)
            let pm = TestClient(app)
            try await pm.login(world.users[.projectManager]!)
            #expect(try await pm.get(SiteURL.organisationEdit(.value(partner.id!)).relativeURL()).status == .ok)
            #expect(try await pm.get(SiteURL.organisationEdit(.value(providerOrg)).relativeURL()).status == .forbidden)
            let list = try await pm.get(SiteURL.organisations.relativeURL())
            #expect(
                list.body.contains(SiteURL.organisationEdit(.value(partner.id!)).relativeURL()) && !list.body.contains(SiteURL.organisationEdit(.value(providerOrg)).relativeURL()))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theInstrumentFormIsShownOnlyToThoseWhoMaySubmitIt(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let path = SiteURL.projectInstruments(.value(world.ownProject)).relativeURL()
            for role in [Role.worker, .peer, .viewer, .admin, .projectManager] {
                let client = TestClient(app)
                try await client.login(world.users[role]!)
                let page = try await client.get(path)
                #expect(page.status == .ok)
                #expect(page.body.contains("action=\"\(path)\"") == (role == .projectManager), "\(role)")
            }
        }
    }
}
