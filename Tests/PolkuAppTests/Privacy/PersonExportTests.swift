import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor
import ZIPFoundation

/// A person's data on request (issue 13): everything the staff member's projects hold about them, as
/// a readable page and JSON in one ZIP; health notes only from a health professional; audited.
@Suite struct PersonExportTests {
    static func unzip(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return files
    }

    @Test(arguments: TestDatabase.allCases)
    func staffHandOverEverythingTheirProjectsHold(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let page = try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(page.body.contains(SiteURL.participantExport(.value(world.ownParticipant)).relativeURL()))
            let download = try await worker.get(SiteURL.participantExport(.value(world.ownParticipant)).relativeURL())
            #expect(download.status == .ok && download.headers.contentType?.subType == "zip")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            let files = try Self.unzip(download.bytes)
            #expect(Set(files.keys) == ["tiedot.html", "tiedot.json"])
            let html = try #require(files["tiedot.html"]), json = try #require(files["tiedot.json"])
            #expect(html.contains(World.ownLastName) && html.contains(World.normalNote) && !html.contains(World.healthNote))
            #expect(html.contains("Kuka on katsonut tietoja") && html.contains(world.users[.worker]!), "who has viewed the data")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect((object["person"] as? [String: Any])?["last_name"] as? String == World.ownLastName)
            #expect(object["includes_health_notes"] as? Bool == false)
            #expect((object["notes"] as? [[String: Any]])?.contains { $0["body"] as? String == World.healthNote } == false)
            #expect(try await World.auditEvents(app).contains { $0.action == "export" && $0.participantID == world.ownParticipant })
            // A health professional's export holds the health note too.
            let nurse = TestClient(app)
            try await nurse.login(world.users[.healthProfessional]!)
            let theirs = try Self.unzip(try await nurse.get(SiteURL.participantExport(.value(world.ownParticipant)).relativeURL()).bytes)
            #expect(theirs["tiedot.html"]?.contains(World.healthNote) == true)
            // Someone who may only read, or does not see the person, gets no file.
            for role in [Role.viewer, .peer] {
                let other = TestClient(app)
                try await other.login(world.users[role]!)
                let refused = try await other.get(SiteURL.participantExport(.value(world.ownParticipant)).relativeURL())
                #expect(refused.status == .forbidden || refused.status == .notFound)
            }
            let outsider = TestClient(app)
            try await outsider.login(world.otherWorker)
            #expect(try await outsider.get(SiteURL.participantExport(.value(world.ownParticipant)).relativeURL()).status == .notFound)
        }
    }
}
