import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Personal API tokens as a user makes and uses them: shown once, stored as a hash, limited by their
/// scopes and by the user's roles, ended by revoking, expiry or deactivation; a session cookie is
/// never an API credential.
@Suite struct APITokenTests {
    /// Makes a token on the account page as its user would, and returns it.
    static func token(_ client: TestClient, name: String = "BI", scopes: [APIScope], days: Int = 90) async throws -> String {
        var form = ["name": name, "days": String(days)]
        for scope in scopes { form[APITokens.field(scope)] = "on" }
        let page = try await client.post(SiteURL.accountTokens.relativeURL(), form)
        #expect(page.status == .ok, "the token page: \(page.status)")
        guard let range = page.body.range(of: #"polku_[A-Za-z0-9_-]{43}"#, options: .regularExpression) else {
            Issue.record("no token on the page")
            return ""
        }
        return String(page.body[range])
    }

    static func call(_ client: TestClient, _ token: String, _ path: String, headers: [String: String] = [:]) async throws -> TestClient.Page {
        try await call(client, token, .GET, path, headers: headers)
    }

    static func call(
        _ client: TestClient, _ token: String, _ method: HTTPMethod, _ path: String, body: String? = nil, headers: [String: String] = [:]
    ) async throws -> TestClient.Page {
        var all = headers
        if !token.isEmpty { all["Authorization"] = "Bearer \(token)" }
        return try await client.send(method, path, body: body, headers: all)
    }

    static func json(_ page: TestClient.Page) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: page.bytes)) as? [String: Any] ?? [:]
    }

    @Test(arguments: TestDatabase.allCases)
    func aWorkerMakesATokenThatSeesWhatTheySee(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let me = TestClient(app)
            try await me.login(world.users[.worker]!)
            let token = try await Self.token(me, scopes: [.participantsRead])
            #expect(token.count == 49)
            let stored = try await app.db.sql.raw("SELECT token_hash FROM api_tokens").all().map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored == [APIToken.hash(token)], "only the hash is kept")
            let again = try await me.get(SiteURL.accountTokens.relativeURL())
            #expect(!again.body.contains(token), "the token is shown once")
            #expect(again.body.contains("BI") && again.body.contains("Voimassa"))

            let api = TestClient(app)
            let who = Self.json(try await Self.call(api, token, "/api/v1/me"))
            #expect(who["email"] as? String == world.users[.worker]! && who["token_name"] as? String == "BI")
            let list = try await Self.call(api, token, "/api/v1/participants")
            #expect(list.status == .ok && list.headers.contentType?.subType == "json")
            #expect(list.body.contains("Merkkinen") && !list.body.contains("Toisenhankkeinen"), "only the worker's project's people")
            #expect(api.cookies.isEmpty, "an API call starts no session")
            let person = try await Self.call(api, token, "/api/v1/participants/\(world.ownParticipant.uuidString)")
            #expect(person.status == .ok && (Self.json(person)["enrolments"] as? [Any])?.count == 1)
            #expect(try await Self.call(api, token, "/api/v1/participants/\(world.otherParticipant.uuidString)").status == .notFound)

            let events = try await World.auditEvents(app)
            #expect(events.contains { $0.action == "participant.list" && $0.participantID == world.ownParticipant && $0.actorEmail == world.users[.worker]! })
            #expect(events.contains { $0.action == "participant.view" && $0.participantID == world.ownParticipant && $0.detail == "api" })
            #expect(events.filter { $0.action == "api.call" }.count == 4, "every call is audited as the token's user")
            #expect(events.contains { $0.action == "api.call" && $0.detail.hasPrefix("GET /participants/{id} 404") })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func revokedExpiredAndDeactivatedTokensStopAtOnce(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let me = TestClient(app)
            try await me.login(world.users[.worker]!)
            let first = try await Self.token(me, name: "first", scopes: [.projectsRead])
            let second = try await Self.token(me, name: "second", scopes: [.projectsRead])
            let api = TestClient(app)
            #expect(try await Self.call(api, first, "/api/v1/projects").status == .ok)
            let id = try await app.db.sql.raw("SELECT id FROM api_tokens WHERE name = 'first'").first(decodingColumn: "id", as: UUID.self)!
            // Someone else cannot revoke it.
            let other = TestClient(app)
            try await other.login(world.users[.projectManager]!)
            #expect(try await other.post(SiteURL.accountTokenRevoke(.value(id)).relativeURL()).status == .notFound)
            #expect(try await Self.call(api, first, "/api/v1/projects").status == .ok)
            #expect(try await me.post(SiteURL.accountTokenRevoke(.value(id)).relativeURL()).status == .seeOther)
            let refused = try await Self.call(api, first, "/api/v1/projects")
            #expect(refused.status == .unauthorized && refused.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)

            try await app.db.sql.raw("UPDATE api_tokens SET expires_at = \(bind: Date(timeIntervalSince1970: 1_000_000)) WHERE name = 'second'").run()
            #expect(try await Self.call(api, second, "/api/v1/projects").status == .unauthorized, "expired")
            try await app.db.sql.raw("UPDATE api_tokens SET expires_at = \(bind: Date(timeIntervalSince1970: 4_000_000_000)) WHERE name = 'second'").run()
            #expect(try await Self.call(api, second, "/api/v1/projects").status == .ok)
            try await app.db.sql.raw("UPDATE users SET is_active = \(bind: false) WHERE email = \(bind: world.users[.worker]!)").run()
            #expect(try await Self.call(api, second, "/api/v1/projects").status == .unauthorized, "a deactivated user's tokens stop")
            let events = try await World.auditEvents(app)
            #expect(events.contains { $0.action == "api_token.create" } && events.contains { $0.action == "api_token.revoke" && $0.detail == "first" })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aSessionCookieIsNotAnAPICredentialAndScopesLimitTheRoles(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let browser = TestClient(app)
            try await browser.login(world.users[.worker]!)
            let cookieOnly = try await browser.send(.GET, "/api/v1/participants")
            #expect(cookieOnly.status == .unauthorized, "a page open in the browser cannot call the API")
            let reportsOnly = try await Self.token(browser, scopes: [.reportsRead])
            let api = TestClient(app)
            let refused = try await Self.call(api, reportsOnly, "/api/v1/participants")
            #expect(refused.status == .forbidden)
            #expect((Self.json(refused)["detail"] as? String)?.contains("alue") == true)
            #expect(try await Self.call(api, reportsOnly, "/api/v1/projects/\(world.ownProject.uuidString)/reports/esf").status == .ok)
            #expect(try await Self.call(api, reportsOnly, "/api/v1/projects/\(world.otherProject.uuidString)/reports/esf").status == .notFound)

            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            let viewerToken = try await Self.token(viewer, scopes: [.participantsRead, .reportsRead])
            #expect(try await Self.call(api, viewerToken, "/api/v1/participants").status == .forbidden, "a viewer sees no person, by token either")

            let worker = try await Self.token(browser, scopes: [.notesRead])
            let workerNotes = try await Self.call(api, worker, "/api/v1/participants/\(world.ownParticipant.uuidString)/notes")
            #expect(workerNotes.body.contains("NORMALMARK") && !workerNotes.body.contains("HEALTHMARK"), "health notes only for health roles")
            let nurse = TestClient(app)
            try await nurse.login(world.users[.healthProfessional]!)
            let nurseToken = try await Self.token(nurse, scopes: [.notesRead])
            #expect(try await Self.call(api, nurseToken, "/api/v1/participants/\(world.ownParticipant.uuidString)/notes").body.contains("HEALTHMARK"))
        }
    }
}
