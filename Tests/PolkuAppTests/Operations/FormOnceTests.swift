import Fluent
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// A form sent twice saves once (issue 13): a double click, two tabs, or a resend after a slow answer.
@Suite struct FormOnceTests {
    static func noteForm(_ client: TestClient, _ world: World, body: String) async throws -> [String: String] {
        let page = try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
        var form = TestClient.formValues(page.body, action: SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL())
        form["body"] = body
        form["project_id"] = world.ownProject.uuidString
        return form
    }

    static func notes(_ app: Application, _ body: String) async throws -> Int {
        try await Note.query(on: app.db).filter(\.$body == body).count()
    }

    @Test(arguments: TestDatabase.allCases)
    func theSameFormSentTwiceSavesOnce(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let notes = SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL()
            let form = try await Self.noteForm(worker, world, body: "Kahdesti lähetetty")
            #expect(form[FormOnceMiddleware.field]?.count ?? 0 >= 16, "the form carries a one-time key")
            let first = try await worker.post(notes, form)
            let again = try await worker.post(notes, form)
            #expect(first.status == .seeOther && again.status == .seeOther)
            #expect(again.location == first.location, "the second send is taken to what the first saved")
            #expect(try await Self.notes(app, "Kahdesti lähetetty") == 1)
            // Sent at once, as a double click does: still one.
            let twice = try await Self.noteForm(worker, world, body: "Kaksoisklikkaus")
            async let a = worker.post(notes, twice)
            async let b = worker.post(notes, twice)
            let answers = try await [a, b]
            #expect(answers.allSatisfy { $0.status == .seeOther }, "answers: \(answers.map { "\($0.status.code) \($0.body.prefix(300))" })")
            #expect(try await Self.notes(app, "Kaksoisklikkaus") == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aRefusedFormCanBeCorrectedAndSentAgain(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let notes = SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL()
            var form = try await Self.noteForm(worker, world, body: "")
            let refused = try await worker.post(notes, form)
            #expect(refused.status.code == 422, "an empty note is refused and saves nothing")
            form["body"] = "Korjattu ja lähetetty uudelleen"
            #expect(try await worker.post(notes, form).status == .seeOther, "the same key works again after a refusal")
            #expect(try await Self.notes(app, "Korjattu ja lähetetty uudelleen") == 1)
            // Back to the old page and edited: another body under the same key is a new note, not a repeat.
            form["body"] = "Takaisin-napin jälkeen muokattu"
            #expect(try await worker.post(notes, form).status == .seeOther)
            #expect(try await Self.notes(app, "Takaisin-napin jälkeen muokattu") == 1)
            #expect(try await Self.notes(app, "Korjattu ja lähetetty uudelleen") == 1)
        }
    }

    @Test func keysAreUnguessableAndChecked() {
        let keys = Set((0..<100).map { _ in FormOnce.newKey() })
        #expect(keys.count == 100 && keys.allSatisfy(FormOnce.isWellFormed) && keys.allSatisfy { $0.count == 22 })
        // The hand-written base64url matches RFC 4648's test vectors (padding left off).
        for (text, encoded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
            #expect(FormOnce.base64URL(Array(text.utf8)) == encoded)
        }
        #expect(FormOnce.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_", "URL-safe letters for 62 and 63")
        #expect(!FormOnce.isWellFormed("short"))
        #expect(!FormOnce.isWellFormed("abc'; DROP TABLE x; --------"))
    }
}
