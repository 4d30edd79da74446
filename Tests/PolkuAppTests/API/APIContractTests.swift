import Crypto
import Foundation
@testable import PolkuApp
import PolkuAPIContract
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// The API answers bad calls with a 4xx and a reason in the caller's language, writes nothing on a
/// refused body, pages with a cursor, answers 304 to a current copy, and serves its contract.
@Suite struct APIContractTests {
    typealias T = APITokenTests

    @Test(arguments: TestDatabase.allCases)
    func badCallsGetAProblemInTheCallersLanguageAndChangeNothing(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let me = TestClient(app)
            try await me.login(world.users[.worker]!)
            let token = try await T.token(me, scopes: [.participantsRead, .notesRead, .notesWrite])
            let api = TestClient(app)
            let notes = "/api/v1/participants/\(world.ownParticipant.uuidString)/notes"
            let noToken = try await T.call(api, "", "/api/v1/participants")
            #expect(noToken.status == .unauthorized && (T.json(noToken)["detail"] as? String)?.contains("API-avain") == true)
            let english = try await T.call(api, "", "/api/v1/participants", headers: ["Accept-Language": "en-GB, fi;q=0.5"])
            #expect((T.json(english)["detail"] as? String)?.contains("API token") == true)
            let swedish = try await T.call(api, "", "/api/v1/participants", headers: ["Accept-Language": "sv"])
            #expect((T.json(swedish)["detail"] as? String)?.contains("API-nyckel") == true)

            for (query, field) in [("limit=0", "limit"), ("limit=101", "limit"), ("project=nope", "project"), ("cursor=%00x", "cursor")] {
                let bad = try await T.call(api, token, "/api/v1/participants?\(query)")
                #expect(bad.status == .badRequest, "\(query)")
                #expect(T.json(bad)["field"] as? String == field, "\(query)")
            }
            #expect(try await T.call(api, token, "/api/v1/participants?limit=abc").status == .badRequest)
            let wrongMethod = try await T.call(api, token, .DELETE, "/api/v1/participants")
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers.first(name: .allow)?.contains("GET") == true)

            let project = world.ownProject.uuidString
            let refusedBodies: [(String, String, HTTPStatus)] = [
                ("{", "application/json", .badRequest),
                (#"{"project_id":"\#(project)","body":"x","colour":"red"}"#, "application/json", .badRequest),
                (#"{"project_id":"\#(project)","body":42}"#, "application/json", .badRequest),
                (#"{"project_id":"\#(project)"}"#, "application/json", .badRequest),
                (#"{"project_id":"\#(project)","body":"   "}"#, "application/json", .unprocessableEntity),
                (#"{"project_id":"\#(project)","body":"a\u0007b"}"#, "application/json", .unprocessableEntity),
                (#"{"project_id":"\#(world.otherProject.uuidString)","body":"toisessa"}"#, "application/json", .notFound),
                (#"{"project_id":"nope","body":"x"}"#, "application/json", .badRequest),
                (#"{"project_id":"\#(project)","body":"\#(String(repeating: "x", count: 20_001))"}"#, "application/json", .unprocessableEntity),
                (#"{"project_id":"\#(project)","body":"\#(String(repeating: "x", count: 140_000))"}"#, "application/json", .payloadTooLarge),
                ("project_id=\(project)&body=hei", "application/x-www-form-urlencoded", .unsupportedMediaType),
            ]
            for (body, type, status) in refusedBodies {
                let page = try await api.send(.POST, notes, body: body, contentType: type, headers: ["Authorization": "Bearer \(token)"])
                #expect(page.status == status, "\(body.prefix(60)) → \(page.status)")
                #expect(page.headers.contentType?.description.hasPrefix("application/problem+json") == true, "\(body.prefix(60))")
            }
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM notes").first(decodingColumn: "n", as: Int.self) == 4, "nothing was written")

            let long = String(repeating: "Pitkä muistiinpano, jossa on ääkkösiä ja emoji 🌱. ", count: 100).prefix(5_000)
            let made = try await api.send(
                .POST, notes, body: String(data: try JSONSerialization.data(withJSONObject: ["project_id": project, "body": String(long)]), encoding: .utf8),
                headers: ["Authorization": "Bearer \(token)"])
            #expect(made.status == .created)
            #expect(T.json(made)["body"] as? String == String(long).trimmingCharacters(in: .whitespaces))
            #expect(try await me.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).body.contains("emoji 🌱"), "the note is on the person's page")
            let events = try await World.auditEvents(app)
            #expect(events.contains { $0.action == "note.create" && $0.detail == "normal (api)" && $0.actorEmail == world.users[.worker]! })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func listsPageWithACursorAndReadsAnswer304WhenCurrent(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            for i in 0..<6 {
                let p = Participant()
                p.firstName = "Sivu\(i)"; p.lastName = "Joukko"; p.searchKey = SearchKey.make("Joukko", "Sivu\(i)")
                p.birthDate = "1991-01-0\(i + 1)"; p.gender = .female; p.municipality = "Pori"; p.language = "fi"
                try await p.create(on: app.db)
                let e = Enrolment()
                e.$participant.id = p.id!; e.$project.id = world.ownProject; e.phase = "intake"; e.startDate = "2024-03-01"
                try await e.create(on: app.db)
            }
            let me = TestClient(app)
            try await me.login(world.users[.worker]!)
            let token = try await T.token(me, scopes: [.participantsRead])
            let api = TestClient(app)
            var names: [String] = []
            var cursor: String? = nil
            var pages = 0
            repeat {
                let page = T.json(try await T.call(api, token, "/api/v1/participants?limit=3" + (cursor.map { "&cursor=" + $0 } ?? "")))
                names += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["first_name"] as? String }
                cursor = page["next"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3 && names.count == 7 && Set(names).count == 7, "7 people in pages of 3: \(names)")

            let first = try await T.call(api, token, "/api/v1/participants/\(world.ownParticipant.uuidString)")
            let tag = try #require(first.headers.first(name: .eTag))
            // The tag is the hash of the body as sent: a read is encoded once, for its answer (issue 11).
            let bodyHash = SHA256.hash(data: Data(first.body.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
            #expect(tag == "\"\(bodyHash)\"")
            let same = try await T.call(api, token, "/api/v1/participants/\(world.ownParticipant.uuidString)", headers: ["If-None-Match": tag])
            #expect(same.status == .notModified && same.body.isEmpty)
            try await app.db.sql.raw("UPDATE participants SET municipality = 'Ulvila' WHERE id = \(bind: world.ownParticipant)").run()
            let changed = try await T.call(api, token, "/api/v1/participants/\(world.ownParticipant.uuidString)", headers: ["If-None-Match": tag])
            #expect(changed.status == .ok && changed.body.contains("Ulvila"))
        }
    }

    @Test func theContractIsServedAndEveryOperationSaysWhoMayCallIt() async throws {
        try await withPolku(.sqlite) { app in
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/PolkuAPIContract/openapi.yaml")
            let source = try String(contentsOf: file, encoding: .utf8)
            let client = TestClient(app)
            let served = try await client.get(SiteURL.apiContract.relativeURL())
            #expect(served.status == .ok && served.body == source)
            let operations = APIDocs.operations(in: source)
            #expect(operations.count == 23)
            #expect(Set(operations.map { "\($0.method) \($0.path)" }) == Set(APIRoutes.rules.keys))
            let docs = try await client.get(SiteURL.apiDocs.relativeURL())
            #expect(docs.status == .ok)
            for op in operations { #expect(docs.body.contains("\(op.method) /api/v1\(op.path)")) }
            let routes = app.routes.all.filter {
                $0.path.first?.description == "api" && $0.path.count > 2 && $0.path[2].description != "openapi.yaml" && $0.path[2].description != "docs"
            }
            #expect(routes.count == 23 && routes.allSatisfy { $0.audience != nil }, "every API route is guarded")
        }
    }
}
