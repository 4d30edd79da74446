import PolkuApp
import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// `polku bench --only measures`: one project with 100,000 stored WHO-5 and WHODAS assessments (two to
/// four per participant) re-scored for the project report, and one participant's history page with 50
/// assessments, through the whole middleware stack.
public enum MeasureBench {
    public static func run(_ app: Application, assessments: Int, repetitions: Int) async throws -> String {
        guard try await Project.query(on: app.db).filter(\.$code == "MBENCH").count() == 0 else {
            return "The database already has the measures benchmark's data: run it on an empty database."
        }
        let started = Date()
        let world = try await generate(app, assessments: assessments)
        var lines = ["Generated \(world.count) assessments in one project in \(String(format: "%.1f", Date().timeIntervalSince(started))) s (\(ParticipantBench.kind(app)))."]
        func measure(_ label: String, _ n: Int, _ body: () async throws -> Void) async throws {
            lines.append(try await BenchTiming.line(label, n, body))
        }
        var scored = 0
        try await measure("re-score all for the report (compute)", max(3, repetitions / 10)) {
            scored = try await MeasuresReport.compute(project: world.project, filter: .init(), on: app.db).scored
        }
        try await measure("measures report page", max(3, repetitions / 10)) {
            let res = try await ParticipantBench.get(app, SiteURL.projectMeasures(.value(world.project)).relativeURL(), cookie: world.cookie)
            guard res.status == .ok else { throw Abort(.internalServerError, reason: "report answered \(res.status)") }
        }
        try await measure("history page, 50 WHO-5 assessments", repetitions) {
            let res = try await ParticipantBench.get(app, SiteURL.participantMeasure(.value(world.heavy), .value("who5")).relativeURL(), cookie: world.cookie)
            guard res.status == .ok else { throw Abort(.internalServerError, reason: "history answered \(res.status)") }
        }
        lines.append("(the report scored \(scored) stored answer sets, each by its own version)")
        return lines.joined(separator: "\n")
    }

    struct World { let cookie: String; let project: UUID; let heavy: UUID; let count: Int }

    static func generate(_ app: Application, assessments: Int) async throws -> World {
        let sql = app.db.sql
        var rng = DemoRandom(seed: 5)
        let user = User(email: "measure-bench@polku.invalid", name: "Bench", passwordHash: "x")
        try await user.create(on: app.db)
        let p = Project()
        p.code = "MBENCH"; p.name = "Measures bench"; p.summary = ""; p.funder = ""; p.priorityAxis = ""
        p.specificObjective = ""; p.status = .running; p.startDate = "2023-01-01"; p.endDate = "2026-12-31"; p.region = ""
        p.budgetBand = ""; p.targetGroups = ""; p.phases = PhasePlan.defaultPhases.joined(separator: "\n")
        try await p.create(on: app.db)
        let project = p.id!
        try await Membership(userID: user.id!, projectID: project, role: .healthProfessional).create(on: app.db)
        try await MeasureQueries.setProjectKeys(project, ["who5", "whodas-12"], on: app.db)
        let instruments = try await InstrumentLibrary.latest(on: app.db)
        let who5 = instruments.first { $0.key == "who5" }!, whodas = instruments.first { $0.key == "whodas-12" }!
        let d5 = who5.definition!, dw = whodas.definition!
        let encoder = JSONEncoder()
        var people: [[any SQLExpression]] = [], enrolments: [[any SQLExpression]] = [], rows: [[any SQLExpression]] = []
        let now = app.clock.now()
        var heavy: UUID? = nil
        var made = 0
        let start = CalendarDate(parsing: "2023-02-01")!
        while made < assessments {
            let person = app.newID()
            let first = rng.pick(DemoData.firstNames), last = rng.pick(DemoData.lastNames)
            people.append([
                SQLBind(person), SQLBind(now), SQLBind(now), SQLBind(first), SQLBind(last), SQLBind(SearchKey.make(last, first)),
                SQLBind("1985-03-1\(rng.int(0...9))"), SQLBind("female"), SQLBind("Pori"), SQLBind("fi"),
            ])
            enrolments.append([SQLBind(app.newID()), SQLBind(now), SQLBind(person), SQLBind(project), SQLBind("coaching"), SQLBind(start.iso)])
            // The first person has 50 WHO-5 times, for the history page; the rest 2–4 of each instrument.
            let times = heavy == nil ? 50 : 1 + rng.int(1...2)
            if heavy == nil { heavy = person }
            for (instrument, d) in [(who5, d5), (whodas, dw)] where heavy == person ? instrument.key == "who5" : true {
                for t in 0..<times where made < assessments {
                    var values: [String: Double] = [:]
                    for item in d.items { values[item.id] = Double(instrument.key == "who5" ? min(5, rng.int(1...3) + t % 3) : max(1, rng.int(2...4) - t % 2)) }
                    guard case .success(let r) = InstrumentScoring.score(d, Answers(values: values)) else { continue }
                    rows.append([
                        SQLBind(app.newID()), SQLBind(now), SQLBind(person), SQLBind(project), SQLBind(instrument.id!),
                        SQLBind(start.adding(days: 10 + t * 30).iso), SQLBind(AnswerCoding.encode(values)), SQLBind(r.total), SQLBind(r.scaled),
                        SQLBind(String(decoding: try encoder.encode(r), as: UTF8.self)), SQLBind(user.id!),
                    ])
                    made += 1
                }
            }
        }
        try await ActivityBench.insert(
            app.db, "participants", ["id", "created_at", "updated_at", "first_name", "last_name", "search_key", "birth_date", "gender", "municipality", "language"], people)
        try await ActivityBench.insert(app.db, "enrolments", ["id", "created_at", "participant_id", "project_id", "phase", "start_date"], enrolments)
        try await ActivityBench.insert(
            app.db, "assessments", ["id", "created_at", "participant_id", "project_id", "instrument_id", "date", "answers", "total", "scaled", "scores", "assessed_by"], rows)
        try await sql.raw(SQLQueryString(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE")).run()
        let cookie = try await BenchSession.make(app, user: user.id!)
        return World(cookie: cookie, project: project, heavy: heavy!, count: made)
    }
}
