import Fluent
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// `polku backup` while Polku writes, and `polku restore` into an empty database: the restored
/// service holds what the backup says it holds, and its people can sign in and be found (issue 13).
@Suite struct BackupTests {
    @Test(arguments: TestDatabase.allCases)
    func aBackupUnderWritesRestoresWhole(db: TestDatabase) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(db == .sqlite ? "backup.sqlite" : "backup.dump").path
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let notes = SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL()
            let before = try await Note.query(on: app.db).count()
            // Notes are saved the whole time the backup runs.
            let writing = Task {
                var saved = 0
                while !Task.isCancelled {
                    let answer = try await worker.post(notes, ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Varmuuskopion aikana \(saved)"])
                    if answer.status == .seeOther { saved += 1 }
                }
                return saved
            }
            try await Task.sleep(for: .milliseconds(200))
            let summary = try await Backup.write(app, to: file)
            try await Task.sleep(for: .milliseconds(100))
            writing.cancel()
            let saved = try await writing.value
            let after = try await Note.query(on: app.db).count()
            let inBackup = try #require(summary.rows("notes"))
            #expect(saved > 0 && inBackup >= before && inBackup <= after, "a snapshot taken while notes were saved")
            #expect(summary.rows("participants") == 2 && summary.bytes > 0)
            #expect(!FileManager.default.fileExists(atPath: file + ".partial"))
            // A second backup never overwrites the first.
            await #expect(throws: BackupError.self) { try await Backup.write(app, to: file) }
            try await withPolku(db) { target in
                // Restoring over the running source is refused: it holds data.
                await #expect(throws: BackupError.self) {
                    try await Backup.restore(from: file, into: app.settings, replacing: false, logger: app.logger)
                }
                let restored = try await Backup.restore(from: file, into: target.settings, replacing: false, logger: target.logger)
                #expect(restored.counts.map(\.rows) == summary.counts.map(\.rows), "the restore holds what the backup said")
                let again = TestClient(target)
                #expect(try await again.login(world.users[.worker]!).status == .seeOther)
                let page = try await again.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
                #expect(page.status == .ok && page.body.contains(World.ownLastName))
            }
        }
    }

    @Test func aDamagedOrForeignFileIsRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("other.sqlite").path
        try SQLiteFile(path: foreign, readOnly: false).exec("CREATE TABLE t (x INTEGER)")
        let text = folder.appendingPathComponent("notes.txt").path
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        let target = Settings(database: .sqlite(path: folder.appendingPathComponent("target.sqlite").path))
        for bad in [foreign, text, folder.appendingPathComponent("missing.sqlite").path] {
            await #expect(throws: BackupError.self) { try await Backup.restore(from: bad, into: target, replacing: false, logger: Logger(label: "test")) }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anInitialisedDeploymentRefusesAnEmptyDatabase(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            var settings = app.settings
            settings.initialised = true
            settings.autoMigrate = false
            let other = try await Application.make(.testing)
            await #expect(throws: DeploymentError.self) { try await configure(other, settings: settings) }
            try await other.asyncShutdown()
            _ = try await World.make(app)
            // With users in it, the same settings start.
            let second = try await Application.make(.testing)
            do { try await configure(second, settings: settings) } catch {
                Issue.record("an initialised database with users must start: \(error)")
            }
            try await second.asyncShutdown()
        }
        var missing = testSettings(.sqlite(path: "/tmp/polku-no-such-\(UUID().uuidString).sqlite"))
        missing.initialised = true
        let app = try await Application.make(.testing)
        await #expect(throws: DeploymentError.self) { try await configure(app, settings: missing) }
        try await app.asyncShutdown()
    }
}
