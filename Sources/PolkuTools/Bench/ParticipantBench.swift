import PolkuApp
import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// `polku bench`: generates participants enrolled across projects and times, inside the process and
/// through the whole middleware stack (session, access, audit, render), the pages the issue budgets.
public enum ParticipantBench {
    public static func run(_ app: Application, participants: Int, projects: Int, repetitions: Int) async throws -> String {
        guard try await Project.query(on: app.db).filter(\.$code ~~ (0..<projects).map { "BENCH\($0)" }).count() == 0 else {
            return "The database is not empty: run the benchmark on an empty database (it writes \(participants) participants)."
        }
        let started = Date()
        let (cookie, sample) = try await generate(app, participants: participants, projects: projects)
        let generated = Date().timeIntervalSince(started)
        var lines = ["Generated \(participants) participants in \(projects) projects in \(String(format: "%.1f", generated)) s (\(kind(app)))."]
        let cases: [(String, String)] = [
            ("participant list, first page", SiteURL.participants.relativeURL()),
            ("participant list, name search", SiteURL.participants.relativeURL([("q", "\(sample.searchTerm)")])),
            ("list, common-substring search", SiteURL.participants.relativeURL([("q", "nen")])),
            ("list, one person's name", SiteURL.participants.relativeURL([("q", sample.personSearch)])),
            ("participant page", SiteURL.participant(.value(sample.participant)).relativeURL()),
        ]
        for (label, path) in cases {
            var times: [Double] = []
            for _ in 0..<(repetitions + 3) {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let res = try await get(app, path, cookie: cookie)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000
                guard res.status == .ok else { throw Abort(.internalServerError, reason: "\(path) answered \(res.status)") }
                times.append(ms)
            }
            let measured = times.dropFirst(3).sorted()
            let median = measured[measured.count / 2]
            let p95 = measured[Int(Double(measured.count - 1) * 0.95)]
            lines.append(
                "\(label.padding(toLength: 32, withPad: " ", startingAt: 0)) median \(String(format: "%6.2f", median)) ms   p95 \(String(format: "%6.2f", p95)) ms   (n=\(measured.count))"
            )
        }
        return lines.joined(separator: "\n")
    }

    static func kind(_ app: Application) -> String {
        if case .postgres = app.settings.database { return "PostgreSQL" }
        return "SQLite"
    }

    static func get(_ app: Application, _ path: String, cookie: String) async throws -> Response {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "polku_session=\(cookie)")
        let req = Request(application: app, method: .GET, url: URI(string: path), headers: headers, on: app.eventLoopGroup.next())
        return try await app.responder.respond(to: req).get()
    }

    /// `searchTerm` is shared by about one in a hundred; `personSearch` is one person's whole name (a few
    /// matches at most), what a coach types to find someone.
    struct Sample { let participant: UUID; let searchTerm: String; let personSearch: String }

    static func generate(_ app: Application, participants: Int, projects: Int) async throws -> (String, Sample) {
        let sql = app.db.sql
        var rng = DemoRandom(seed: 7)
        var projectIDs: [UUID] = []
        let user = User(email: "bench@polku.invalid", name: "Bench", passwordHash: "x")
        try await user.create(on: app.db)
        for i in 0..<projects {
            let p = Project()
            p.code = "BENCH\(i)"; p.name = "Bench project \(i)"; p.summary = ""; p.funder = ""; p.priorityAxis = ""
            p.specificObjective = ""; p.status = .running; p.startDate = "2024-01-01"; p.endDate = "2026-12-31"; p.region = ""
            p.budgetBand = ""; p.targetGroups = ""; p.phases = PhasePlan.defaultPhases.joined(separator: "\n")
            try await p.create(on: app.db)
            projectIDs.append(p.id!)
            try await Membership(userID: user.id!, projectID: p.id!, role: .healthProfessional).create(on: app.db)
        }
        var sample: UUID? = nil
        let batch = 500
        var made = 0
        while made < participants {
            let n = min(batch, participants - made)
            var people: [[any SQLExpression]] = [], enrolments: [[any SQLExpression]] = [], notes: [[any SQLExpression]] = []
            for _ in 0..<n {
                let id = app.newID()
                if sample == nil { sample = id }
                let first = rng.pick(DemoData.firstNames), last = rng.pick(DemoData.lastNames) + String(rng.int(1...999))
                let now = app.clock.now()
                people.append([
                    SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(first), SQLBind(last), SQLBind(SearchKey.make(last, first)),
                    SQLBind("19\(rng.int(60...99))-0\(rng.int(1...9))-1\(rng.int(0...9))"), SQLBind("female"),
                    SQLBind("Pori"), SQLBind("fi"),
                ])
                let project = projectIDs[rng.int(0...(projectIDs.count - 1))]
                enrolments.append([SQLBind(app.newID()), SQLBind(now), SQLBind(id), SQLBind(project), SQLBind("coaching"), SQLBind("2024-02-01")])
                for k in 0..<3 {
                    notes.append([
                        SQLBind(app.newID()), SQLBind(now.addingTimeInterval(Double(k))), SQLBind(id), SQLBind(project),
                        SQLBind(k == 2 ? "health" : "normal"), SQLBind("Tapaaminen \(k + 1): keskusteltiin tavoitteista."), SQLBind(user.id!),
                    ])
                }
            }
            let (peopleRows, enrolmentRows, noteRows) = (people, enrolments, notes)
            try await app.db.transaction { db in
                let tx = db.sql
                try await tx.insert(into: "participants")
                    .columns("id", "created_at", "updated_at", "first_name", "last_name", "search_key", "birth_date", "gender", "municipality", "language")
                    .values(peopleRows.first!).rows(peopleRows.dropFirst().map { $0 }).run()
                try await tx.insert(into: "enrolments").columns("id", "created_at", "participant_id", "project_id", "phase", "start_date")
                    .values(enrolmentRows.first!).rows(enrolmentRows.dropFirst().map { $0 }).run()
                try await tx.insert(into: "notes").columns("id", "created_at", "participant_id", "project_id", "sensitivity", "body", "author_id")
                    .values(noteRows.first!).rows(noteRows.dropFirst().map { $0 }).run()
            }
            made += n
        }
        // As the hourly job and autovacuum would have done by the time anyone searches: the name
        // pieces counted, statistics, and on PostgreSQL the visibility map set for index-only walks.
        try await NameGramCounts.recount(app.db)
        try await sql.raw(SQLQueryString(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE")).run()
        let cookie = try await BenchSession.make(app, user: user.id!)
        let person =
            try await sql.raw("SELECT search_key FROM participants WHERE id = \(bind: sample!)").first()?
            .decode(column: "search_key", as: String.self) ?? ""
        return (cookie, Sample(participant: sample!, searchTerm: "kuvitelma1", personSearch: person))
    }
}

extension SQLInsertBuilder {
    /// Adds further rows after the first `values(...)`.
    func rows(_ rows: [[any SQLExpression]]) -> Self {
        for row in rows { _ = self.values(row) }
        return self
    }
}
