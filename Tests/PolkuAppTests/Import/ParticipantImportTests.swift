import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct ParticipantImportTests {
    static let actor = ParticipantImport.Actor(id: nil, email: "test import", address: "test")
    /// Noon in Helsinki on the last day of 2024: the examples' dates are all on or before it.
    static let lastDayOf2024 = Date(timeIntervalSince1970: 1_735_639_200)

    static func project(_ app: Application, _ world: World) async throws -> Project {
        let project = try #require(try await Project.find(world.ownProject, on: app.db))
        try await Site(projectID: world.ownProject, name: "Sampola", municipality: "Pori", kind: .neighbourhood).create(on: app.db)
        return project
    }

    @Test(arguments: TestDatabase.allCases)
    func theDocumentedExampleImportsAndAgainChangesNothing(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let project = try await Self.project(app, world)
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/examples/participants.csv").standardized
            let file = try Data(contentsOf: url)
            let bom = Data([0xEF, 0xBB, 0xBF]) + file
            guard
                case .imported(let first) = try await ParticipantImport.run(
                    bom, project: project, actor: Self.actor, on: app.db,
                    clock: .fixed(Self.lastDayOf2024))
            else {
                Issue.record("refused"); return
            }
            #expect(first == .init(created: 3, updated: 0, unchanged: 0))
            guard
                case .imported(let again) = try await ParticipantImport.run(
                    file, project: project, actor: Self.actor, on: app.db,
                    clock: .fixed(Self.lastDayOf2024))
            else {
                Issue.record("refused"); return
            }
            #expect(again == .init(created: 0, updated: 0, unchanged: 3))
            let ake = try #require(try await Participant.query(on: app.db).filter(\.$lastName == "Nguyễn-Øster").first())
            #expect(ake.firstName == "Åke" && ake.birthDate == "1998-07-01" && ake.gender == .male && ake.language == "sv")
            let aino = try #require(try await Participant.query(on: app.db).filter(\.$lastName == "Esimerkki").first())
            let e = try #require(try await Enrolment.query(on: app.db).filter(\.$participant.$id == aino.id!).first())
            #expect(e.startDate == "2016-03-01" && e.endDate == "2016-11-30" && e.phase == "exit" && e.minority == .declined)
            #expect(e.serviceOutcome == .paySubsidisedWork && e.followUpEmployed == true && e.unemployedMonths == 14)
            let report = try await ESFReport.compute(project: project.id!, filter: .init(), on: app.db)
            #expect(report.leavers == 2 && report.solutionCount == 2)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "participant.import").count() == 3)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBadFileChangesNothingAndEveryBadRowIsListed(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let project = try await Self.project(app, world)
            let before = try await Participant.query(on: app.db).count()
            let csv = #"""
                participant_id,first_name,last_name,birth_date,start_date,labour_status,isced,site,exit_date,service_outcome
                A1,Aino,Hyvä,1990-01-01,2024-01-01,unemployed,3,Pihlava,,
                A2,,Nimetön,1990-01-01,2024-01-01,unemployed,3,,,
                A3,Bea,Väärä,31.2.1990,2024-01-01,astronaut,11,Marsi,,
                A4,Cecilia,Lähtijä,1990-01-01,2024-01-01,unemployed,3,,,education_or_training
                A5,"Dora ""D""",Liikaa,1990-01-01,2024-01-01,unemployed,3,,,,extra
                """#
            guard case .refused(let problems) = try await ParticipantImport.run(Data(csv.utf8), project: project, actor: Self.actor, on: app.db) else {
                Issue.record("a bad file was imported"); return
            }
            let byLine = Dictionary(grouping: problems, by: \.line)
            #expect(byLine[2] == nil, "line 2 is fine")
            #expect(byLine[3]?.map(\.column) == ["first_name"])
            #expect(Set(byLine[4]?.compactMap(\.column) ?? []) == ["birth_date", "labour_status", "isced", "site"])
            #expect(byLine[5]?.first?.message == "error.exit_date_needed")
            #expect(byLine[6]?.first?.message.hasPrefix("import.column_count") == true)
            #expect(try await Participant.query(on: app.db).count() == before)
            // Encodings and structure that are not data at all.
            guard case .refused(let latin1) = try await ParticipantImport.run(Data([0x41, 0xE4, 0x0A]), project: project, actor: Self.actor, on: app.db) else { return }
            #expect(latin1.first?.message == "import.not_utf8")
            guard case .refused(let header) = try await ParticipantImport.run(Data("name,age\nA,1\n".utf8), project: project, actor: Self.actor, on: app.db) else { return }
            #expect(header.first?.message == "import.missing_columns")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func twoRowsForOnePersonAreOneParticipationWithFirstEntryAndLastExit(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let project = try await Self.project(app, world)
            let csv = """
                participant_id,first_name,last_name,birth_date,start_date,labour_status,unemployed_months,isced,exit_date,service_outcome
                B1,Eero,Palaaja,2000-01-01,2024-06-01,unemployed,20,5,2024-09-01,open_labour_market
                B1,Eero,Palaaja,2000-01-01,2024-01-15,unemployed,7,3,2024-03-01,active_job_seeker
                """
            guard case .imported(let s) = try await ParticipantImport.run(Data(csv.utf8), project: project, actor: Self.actor, on: app.db) else {
                Issue.record("refused"); return
            }
            #expect(s.created == 1)
            let e = try #require(try await Enrolment.query(on: app.db).filter(\.$importKey == "B1").first())
            #expect(e.startDate == "2024-01-15" && e.unemployedMonths == 7 && e.isced == 3, "first entry's data")
            #expect(e.endDate == "2024-09-01" && e.serviceOutcome == .openLabourMarket, "last exit")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func managerUploadsInTheBrowser(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            _ = try await Self.project(app, world)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            #expect(try await client.get(SiteURL.projectImport(.value(world.ownProject)).relativeURL()).body.contains("participant_id;first_name"))
            let good = try await Self.upload(client, world, "participant_id;first_name;last_name;birth_date;start_date\nC1;Selma;Selain;1.1.1980;1.2.2024\n")
            #expect(good.status == .ok && good.body.contains("Tuotu: 1 uutta, 0 päivitetty, 0 ennallaan."))
            let bad = try await Self.upload(client, world, "participant_id;first_name;last_name;birth_date;start_date\nC2;<script>x</script>;Selain;1.13.1980;1.2.2024\n")
            #expect(bad.status == .ok && bad.body.contains("Tiedostoa ei tuotu: 1 virhettä") && bad.body.contains("birth_date"))
            #expect(!bad.body.contains("<script>x"))
            let none = try await client.upload(SiteURL.projectImport(.value(world.ownProject)).relativeURL(), field: "file", filename: "p.csv", content: "")
            #expect(none.status == .unprocessableEntity && none.body.contains("Valitse tiedosto."))
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.get(SiteURL.projectImport(.value(world.ownProject)).relativeURL()).status == .forbidden)
        }
    }

    /// An upload is read a piece at a time (issue 13), so its token is checked once its form is
    /// read: a wrong token imports nothing and says the file must be chosen again; a body past the
    /// limit is refused; a file sent in many small pieces imports whole, with rows crossing pieces.
    @Test(arguments: TestDatabase.allCases)
    func anUploadIsCheckedAsItStreams(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            _ = try await Self.project(app, world)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            let path = SiteURL.projectImport(.value(world.ownProject)).relativeURL()
            let csv = "participant_id;first_name;last_name;birth_date;start_date\nS1;Virta;Vaara;1.1.1980;1.2.2024\n"
            let token = client.csrf
            client.csrf = "forged-token"
            let forged = try await client.upload(path, field: "file", filename: "p.csv", content: csv)
            #expect(forged.status == .forbidden && forged.body.contains("tiedosto on valittava uudelleen"))
            #expect(try await Participant.query(on: app.db).filter(\.$lastName == "Vaara").count() == 0)
            client.csrf = token
            // 5,000 rows, sent by the test client in one body that Vapor hands over in pieces.
            var rows = "participant_id;first_name;last_name;birth_date;start_date\n"
            for i in 0..<5_000 { rows += "S\(i);Virta\(i);Vaara;\(1 + i % 28).\(1 + i % 12).1980;1.2.2024\n" }
            let whole = try await Self.upload(client, world, rows)
            #expect(whole.status == .ok && whole.body.contains("Tuotu: 5000 uutta"))
            #expect(try await Participant.query(on: app.db).filter(\.$lastName == "Vaara").count() == 5_000)
        }
    }

    /// The file is kept in the database until a job, in any process, has read it (issue 13): the
    /// upload answers at once; only the uploader sees the outcome, written in the audit as theirs;
    /// the file is gone once the import has decided.
    @Test(arguments: TestDatabase.allCases)
    func anImportIsAJobOnlyItsUploaderSees(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            _ = try await Self.project(app, world)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            let csv = "participant_id;first_name;last_name;birth_date;start_date\nJ1;Jonna;Jonottaja;1.1.1980;1.2.2024\n"
            let sent = try await client.upload(SiteURL.projectImport(.value(world.ownProject)).relativeURL(), field: "file", filename: "jono.csv", content: csv)
            let location = try #require(sent.location)
            #expect(sent.status == .seeOther && location.hasPrefix(SiteURL.projectImport(.value(world.ownProject)).relativeURL() + "/"))
            let sql = app.db.sql
            func count(_ table: String) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
            }
            // Its bytes: on PostgreSQL in the database (any process on any machine reads them), on
            // SQLite in a file beside the database.
            func bytesKept() async throws -> Int {
                guard let directory = StoredFiles.directory(app) else { return try await count("stored_file_parts") }
                return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).count
            }
            let (files, parts) = (try await count("stored_files"), try await bytesKept())
            #expect(files == 1 && parts == 1)
            #expect(try await Participant.query(on: app.db).filter(\.$lastName == "Jonottaja").count() == 0, "nothing before the job")
            #expect(try await Jobs.runDue(app) == 1)
            let (filesAfter, partsAfter) = (try await count("stored_files"), try await bytesKept())
            #expect(filesAfter == 0 && partsAfter == 0)
            let page = try await client.get(location)
            #expect(page.status == .ok && page.body.contains("Tuotu: 1 uutta"))
            let pm = try #require(try await User.query(on: app.db).filter(\.$email == world.users[.projectManager]!).first())
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == Audit.Action.participantImport.rawValue).all()
            #expect(events.count == 1 && events.allSatisfy { $0.actorID == pm.id })
            // Another manager of the same project may import, but does not see this person's import.
            let other = User(email: "pm2@own.test", name: "Toinen päällikkö", passwordHash: try await app.password.async.hash(World.password))
            try await other.create(on: app.db)
            try await Membership(userID: other.id!, projectID: world.ownProject, role: .projectManager).create(on: app.db)
            let colleague = TestClient(app)
            try await colleague.login("pm2@own.test")
            #expect(try await colleague.get(SiteURL.projectImport(.value(world.ownProject)).relativeURL()).status == .ok)
            #expect(try await colleague.get(location).status == .notFound, "another person does not see it")
            let wrongProject = location.replacingOccurrences(of: world.ownProject.uuidString, with: world.otherProject.uuidString)
            #expect(try await client.get(wrongProject).status != .ok)
        }
    }

    /// A server that stops during an import cancels its job runner: the import stops between pieces
    /// and the job is queued again, not counted as an attempt; the next run imports the file whole.
    @Test(arguments: TestDatabase.allCases)
    func aStoppingServerGivesTheImportBack(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            _ = try await Self.project(app, world)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            var rows = "participant_id;first_name;last_name;birth_date;start_date\n"
            for i in 0..<1_200 { rows += "K\(i);Keskeytys\(i);Katkonen;\(1 + i % 28).\(1 + i % 12).1980;1.2.2024\n" }
            let sent = try await client.upload(SiteURL.projectImport(.value(world.ownProject)).relativeURL(), field: "file", filename: "k.csv", content: rows)
            let location = try #require(sent.location)
            let stopping = Task {
                while !Task.isCancelled { await Task.yield() }
                return try await Jobs.runDue(app)
            }
            stopping.cancel()
            await #expect(throws: CancellationError.self) { try await stopping.value }
            let job = try #require(try await app.db.sql.raw("SELECT state, attempts FROM jobs WHERE kind = 'participant-import'").first())
            #expect(try job.decode(column: "state", as: String.self) == "queued" && job.decode(column: "attempts", as: Int.self) == 0)
            #expect(try await Jobs.runDue(app) == 1)
            #expect(try await client.get(location).body.contains("Tuotu: 1200 uutta"))
            #expect(try await Participant.query(on: app.db).filter(\.$lastName == "Katkonen").count() == 1_200)
        }
    }

    /// Uploads as the browser does: the answer sends it to the import's own page, where the outcome
    /// appears once a job has read the file (here run by the test: a server runs its own).
    static func upload(_ client: TestClient, _ world: World, _ csv: String) async throws -> TestClient.Page {
        let sent = try await client.upload(SiteURL.projectImport(.value(world.ownProject)).relativeURL(), field: "file", filename: "p.csv", content: csv)
        #expect(sent.status == .seeOther)
        guard let location = sent.location else { return sent }
        try await Jobs.runDue(client.app)
        return try await client.get(location)
    }

    @Test func theCSVReaderReadsAcrossPieces() async throws {
        let text = "a;b\r\n\"x;\"\"y\"\"\nz\";2\r\nÄäkkönen;3\n"
        let whole = try CSVTable.parse(Data(text.utf8))
        #expect(whole.rows.map { $0.fields["a"] ?? "" } == ["x;\"y\"\nz", "Ääkkönen"])
        #expect(whole.rows.map(\.line) == [2, 4])
        // The same bytes one at a time (a multi-byte letter split across pieces) read the same.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("polku-csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var rows: [CSVTable.Row] = []
        let header = try await CSVTable.read(.file(file), pieces: 1) { if case .success(let r) = $0 { rows.append(r) } }
        #expect(header == ["a", "b"] && rows.map { $0.fields["a"] ?? "" } == whole.rows.map { $0.fields["a"] ?? "" })
    }
}
