import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A project's experiments (issue 17; Yhdistämö's kokeilut): what was tried, at which site, when,
/// with which of the project's groups and events and which measures, and what the developmental
/// evaluation noted and found. Sites are compared on them: how many each tried, and the figures of
/// the groups the experiments used.
enum Experiments {
    struct Row: Decodable, Sendable, Equatable {
        let id: UUID; let site_id: UUID?; let title: String; let what: String; let started_on: String; let ended_on: String?
        let activity_ids: String; let measure_keys: String; let evaluation: String; let results: String
        var activities: [UUID] { activity_ids.split(separator: ",").compactMap { UUID(text: String($0)) } }
        var measures: [String] { measure_keys.split(separator: ",").map(String.init) }
    }
    struct Choice: Decodable, Sendable, Equatable { let id: UUID; let name: String }

    struct Model {
        var project: UUID
        var name: String
        var experiments: [Row] = []
        var sites: [Choice] = []
        var activities: [Choice] = []
        var measures: [String] = []
        /// Sessions held and attendances of each activity (for the comparison).
        var attendance: [UUID: (sessions: Int, attendances: Int)] = [:]
        var failed: (form: String, state: FormState)? = nil
    }

    static func model(_ req: Request, project: UUID) async throws -> Model {
        let sql = req.db.sql
        var m = Model(project: project, name: try await Surveys.project(project, on: sql))
        m.experiments = try await sql.raw(
            """
            SELECT id, site_id, title, what, started_on, ended_on, activity_ids, measure_keys, evaluation, results FROM experiments
            WHERE project_id = \(bind: project) ORDER BY started_on DESC, id
            """
        ).all(decoding: Row.self)
        m.sites = try await sql.raw("SELECT id, name FROM sites WHERE project_id = \(bind: project) ORDER BY name").all(decoding: Choice.self)
        m.activities = try await sql.raw("SELECT id, name FROM activities WHERE project_id = \(bind: project) ORDER BY name").all(decoding: Choice.self)
        m.measures = try await MeasureQueries.projectKeys(project, on: req.db)
        struct Count: Decodable { let activity_id: UUID; let sessions: Int; let attendances: Int }
        let used = Set(m.experiments.flatMap(\.activities))
        if !used.isEmpty {
            for c in try await sql.raw(
                """
                SELECT s.activity_id, COUNT(DISTINCT s.id) AS sessions, COUNT(a.participant_id) AS attendances
                FROM activity_sessions s LEFT JOIN attendances a ON a.session_id = s.id
                WHERE s.activity_id \(oneOf: Array(used)) AND s.cancelled = \(bind: false) AND s.date <= \(bind: req.today.iso)
                GROUP BY s.activity_id
                """
            ).all(decoding: Count.self) {
                m.attendance[c.activity_id] = (c.sessions, c.attendances)
            }
        }
        return m
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        return view(try await model(req, project: project), context: req.pageContext).response()
    }

    static let fields = ["title", "what", "site_id", "started_on", "ended_on"]

    @Sendable static func create(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        var m = try await model(req, project: project)
        var state = try FormState.read(req, fields: fields + m.activities.map { "a_\($0.id)" } + m.measures.map { "m_" + $0 }, requiring: fields)
        let title = state.text("title", required: true, max: 200)
        let what = state.text("what", required: true, max: 5_000)
        let site = state["site_id"].isEmpty ? nil : state.uuid("site_id")
        if let site, !m.sites.contains(where: { $0.id == site }) { state.errors["site_id"] = "error.choice" }
        let started = state.date("started_on", required: true)
        let ended = state.date("ended_on")
        if let started, let ended, ended < started { state.errors["ended_on"] = "before.error.order" }
        guard state.isValid, let started else {
            m.failed = ("new", state)
            return view(m, context: req.pageContext, status: .unprocessableEntity).response()
        }
        let activities = m.activities.filter { state["a_\($0.id)"] == "on" }.map(\.id.text).joined(separator: ",")
        let measures = m.measures.filter { state["m_" + $0] == "on" }.joined(separator: ",")
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO experiments (id, project_id, site_id, title, what, started_on, ended_on, activity_ids, measure_keys, evaluation, results, created_at)
                VALUES (\(bind: req.application.newID()), \(bind: project), \(bind: site), \(bind: title), \(bind: what), \(bind: started), \(bind: ended),
                  \(bind: activities), \(bind: measures), '', '', \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: project, detail: "experiment", on: db)
        }
        req.flash("experiment.created")
        return req.redirect(to: .projectExperiments(.value(project)))
    }

    /// The developmental evaluation's notes and the results, written as the experiment goes on.
    @Sendable static func evaluate(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        guard let id = req.parameters.get("experiment", as: UUID.self) else { throw Abort(.notFound) }
        var m = try await model(req, project: project)
        guard m.experiments.contains(where: { $0.id == id }) else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["evaluation", "results"], requiring: ["evaluation", "results"])
        let evaluation = state.text("evaluation", max: 10_000), results = state.text("results", max: 10_000)
        guard state.isValid else {
            m.failed = ("evaluate-\(id)", state)
            return view(m, context: req.pageContext, status: .unprocessableEntity).response()
        }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                "UPDATE experiments SET evaluation = \(bind: evaluation), results = \(bind: results) WHERE id = \(bind: id) AND project_id = \(bind: project)"
            ).run()
            try await req.audit.record(.projectUpdate, project: project, detail: "experiment evaluated", on: db)
        }
        req.flash("experiment.evaluated")
        return req.redirect(to: .projectExperiments(.value(project)))
    }
}
