import Foundation
import PolkuCore
import SQLKit
import Vapor

/// What came before a participant's path (issue 17): the worker records dated earlier services,
/// periods and steps (`/participants/:id/before`); they show on the timeline before the enrolment,
/// and the project's report (`/projects/:id/before`) counts them against each person's entry.
enum LookBackRecords {
    struct Row: Decodable, Sendable, Equatable {
        let id: UUID; let project_id: UUID; let kind: String; let what: String; let from_date: String; let to_date: String?
    }

    static func rows(of participant: UUID, projects: [UUID], on sql: any SQLDatabase) async throws -> [Row] {
        guard let query = rowsQuery(of: participant, projects: projects) else { return [] }
        return try await sql.raw(query).all(decoding: Row.self)
    }

    /// The query of `rows`; nil without projects.
    static func rowsQuery(of participant: UUID, projects: [UUID]) -> SQLQueryString? {
        guard !projects.isEmpty else { return nil }
        return """
            SELECT id, project_id, kind, what, from_date, to_date FROM lookback_records
            WHERE participant_id = \(bind: participant) AND project_id \(oneOf: projects) ORDER BY from_date DESC, id
            """
    }

    struct Model {
        var participant: UUID
        var name: String
        var projects: [(id: UUID, name: String)]
        var rows: [Row]
        var state = FormState()
    }

    static func model(_ req: Request, scope: ParticipantScope, state: FormState = FormState()) async throws -> Model {
        struct Person: Decodable { let first_name: String; let last_name: String }
        guard
            let p = try await req.db.sql.raw("SELECT first_name, last_name FROM participants WHERE id = \(bind: scope.participantID)")
                .first(decoding: Person.self)
        else { throw Abort(.notFound) }
        return Model(
            participant: scope.participantID, name: "\(p.first_name) \(p.last_name)", projects: scope.actor.named(scope.writableProjects),
            rows: try await rows(of: scope.participantID, projects: scope.projectIDs, on: req.db.sql), state: state)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        let m = try await model(req, scope: scope)
        try await req.audit.record(.participantView, participant: scope.participantID, detail: "what came before")
        return view(m, context: req.pageContext).response()
    }

    static let fields = ["project_id", "kind", "what", "from_date", "to_date"]

    @Sendable static func add(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        var state = try FormState.read(req, fields: fields, requiring: fields)
        let project = state.uuid("project_id")
        let kind = state.choice("kind", LookBack.Kind.self)
        let what = state.text("what", required: true, max: 500)
        let from = state.date("from_date", required: true)
        let to = state.date("to_date")
        if let project, !scope.writableProjects.contains(project) { state.errors["project_id"] = "error.choice" }
        if let from, from > req.today.iso { state.errors["from_date"] = "team.error.future" }
        if let from, let to, to < from { state.errors["to_date"] = "before.error.order" }
        guard state.isValid, let project, let kind, let from else {
            return view(try await model(req, scope: scope, state: state), context: req.pageContext, status: .unprocessableEntity).response()
        }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO lookback_records (id, participant_id, project_id, kind, what, from_date, to_date, created_by, created_at)
                VALUES (\(bind: req.application.newID()), \(bind: scope.participantID), \(bind: project), \(bind: kind.rawValue), \(bind: what),
                  \(bind: from), \(bind: to), \(bind: scope.actor.userID), \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.participantUpdate, participant: scope.participantID, project: project, detail: "what came before", on: db)
        }
        req.flash("before.saved")
        return req.redirect(to: .participantBefore(.value(scope.participantID)))
    }

    // MARK: - The project's report

    struct Report {
        var project: UUID
        var name: String
        var people = 0
        /// Kind → people with such a record begun before their entry.
        var before: [LookBack.Kind: Int] = [:]
        var bands: [LookBack.Band: Int] = [:]
        var medianDays: Int? = nil
        /// Staff who write the project's people may import earlier steps.
        var canImport = false
        var importProblems: [DelimitedTable.Problem] = []
    }

    static func report(project: UUID, name: String, on sql: any SQLDatabase) async throws -> Report {
        struct Entry: Decodable { let participant_id: UUID; let start_date: String }
        struct Rec: Decodable { let participant_id: UUID; let kind: String; let from_date: String; let to_date: String? }
        let entries = try await sql.raw(
            "SELECT participant_id, start_date FROM enrolments WHERE project_id = \(bind: project)"
        ).all(decoding: Entry.self)
        var records: [UUID: [LookBack.Record]] = [:]
        for r in try await sql.raw(
            "SELECT participant_id, kind, from_date, to_date FROM lookback_records WHERE project_id = \(bind: project)"
        ).all(decoding: Rec.self) {
            guard let kind = LookBack.Kind(rawValue: r.kind), let from = CalendarDate(parsing: r.from_date) else { continue }
            records[r.participant_id, default: []].append(LookBack.Record(kind: kind, from: from, to: r.to_date.flatMap(CalendarDate.init(parsing:))))
        }
        var out = Report(project: project, name: name)
        var days: [Int] = []
        for e in entries {
            guard let entry = CalendarDate(parsing: e.start_date) else { continue }
            out.people += 1
            let mine = records[e.participant_id] ?? []
            for kind in LookBack.before(mine, entry: entry) { out.before[kind, default: 0] += 1 }
            if let d = LookBack.unemployedDays(mine, entry: entry) {
                days.append(d)
                out.bands[LookBack.Band(days: d), default: 0] += 1
            }
        }
        days.sort()
        // The median only from five people up: it is one of them.
        if days.count >= SmallCount.threshold { out.medianDays = days[days.count / 2] }
        return out
    }

    @Sendable static func projectReport(req: Request) async throws -> Response {
        let (project, access, _) = try req.guardedProject()
        var r = try await report(project: project, name: try await Surveys.project(project, on: req.db.sql), on: req.db.sql)
        r.canImport = access.writesParticipantData
        return reportView(r, context: req.pageContext).response()
    }

    /// Earlier steps from a spreadsheet, each person by the project's participant number. All or
    /// nothing: a bad line or a number that is no participant of the project refuses the whole file
    /// with every problem listed.
    @Sendable static func importFile(req: Request, upload: StreamedUpload) async throws -> Response {
        let (project, _, actor) = try req.guardedProject()
        let text = upload.file.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? upload.file.flatMap { try? String(contentsOf: $0, encoding: .isoLatin1) } ?? ""
        var (lines, problems) = LookBackCSV.read(text)
        struct Known: Decodable { let import_key: String; let participant_id: UUID }
        let keys = Array(Set(lines.map(\.key)))
        var people: [String: UUID] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
            for k in try await req.db.sql.raw(
                "SELECT import_key, participant_id FROM enrolments WHERE project_id = \(bind: project) AND import_key \(oneOf: chunk)"
            ).all(decoding: Known.self) {
                people[k.import_key] = k.participant_id
            }
        }
        problems += lines.filter { people[$0.key] == nil }.map { DelimitedTable.Problem(line: $0.line, column: "participant_id", code: "unknown") }
        guard problems.isEmpty else {
            var r = try await report(project: project, name: try await Surveys.project(project, on: req.db.sql), on: req.db.sql)
            r.canImport = true
            r.importProblems = problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            return reportView(r, context: req.pageContext, status: .unprocessableEntity).response()
        }
        let now = req.now, found = people, parsed = lines
        try await req.db.writeTransaction { db in
            for l in parsed {
                try await db.sql.raw(
                    """
                    INSERT INTO lookback_records (id, participant_id, project_id, kind, what, from_date, to_date, created_by, created_at)
                    VALUES (\(bind: req.application.newID()), \(bind: found[l.key]!), \(bind: project), \(bind: l.kind.rawValue), \(bind: l.what),
                      \(bind: l.from.iso), \(bind: l.to?.iso), \(bind: actor.userID), \(bind: now))
                    """
                ).run()
            }
            try await req.audit.record(
                .participantUpdate, participants: Array(Set(parsed.compactMap { found[$0.key] })), project: project, detail: "what came before imported", on: db)
        }
        req.flash("before.imported", String(lines.count))
        return req.redirect(to: .projectBefore(.value(project)))
    }
}
