import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A project's feedback surveys (issue 16): its managers write a few rating questions and one open
/// question, share the public link or its QR code, and read the result once five have answered.
/// Answers are anonymous by construction (`SurveyForm`).
enum Surveys {
    struct Row: Decodable, Equatable {
        let id: UUID
        let project_id: UUID
        let title: String
        let intro: String
        let questions: String
        let slug: String
        let is_open: Bool
        let created_at: Date
        /// The activity whose members find the survey in their own space, if any.
        let activity_id: UUID?

        var parsed: [SurveyQuestion] { (try? JSONDecoder().decode([SurveyQuestion].self, from: Data(questions.utf8))) ?? [] }
    }

    struct Listed: Decodable, Equatable { let id: UUID; let title: String; let is_open: Bool; let created_at: Date; let answers: Int }

    static let fields = ["title", "intro", "ratings", "open", "activity_id"]
    static let columns: SQLQueryString = "id, project_id, title, intro, questions, slug, is_open, created_at, activity_id"

    struct Activity: Decodable, Equatable { let id: UUID; let name: String }

    static func activities(project: UUID, on sql: any SQLDatabase) async throws -> [Activity] {
        try await sql.raw("SELECT id, name FROM activities WHERE project_id = \(bind: project) ORDER BY name").all(decoding: Activity.self)
    }

    /// Open surveys for the activities the participant is a member of now, for their own space.
    static func forMember(_ participant: UUID, on sql: any SQLDatabase) async throws -> [(title: String, slug: String)] {
        struct Open: Decodable { let title: String; let slug: String }
        return try await sql.raw(
            """
            SELECT s.title, s.slug FROM surveys s
            JOIN activity_members m ON m.activity_id = s.activity_id AND m.participant_id = \(bind: participant) AND m.left_on IS NULL
            WHERE s.is_open = \(bind: true) ORDER BY s.created_at DESC
            """
        ).all(decoding: Open.self).map { ($0.title, $0.slug) }
    }

    static func project(_ id: UUID, on sql: any SQLDatabase) async throws -> String {
        struct Name: Decodable { let name: String }
        guard let name = try await sql.raw("SELECT name FROM projects WHERE id = \(bind: id)").first(decoding: Name.self)?.name else { throw Abort(.notFound) }
        return name
    }

    static func survey(_ id: UUID, project: UUID, on sql: any SQLDatabase) async throws -> Row {
        guard
            let row = try await sql.raw(
                """
                SELECT \(columns) FROM surveys WHERE id = \(bind: id) AND project_id = \(bind: project)
                """
            ).first(decoding: Row.self)
        else { throw Abort(.notFound) }
        return row
    }

    /// Every answer's ratings and words, for the sums; only those answered within `period` when given.
    static func answers(
        _ survey: UUID, period: (from: String?, to: String?) = (nil, nil), on sql: any SQLDatabase
    ) async throws -> [(
        ratings: [String: Int], text: String?
    )] {
        struct Stored: Decodable { let ratings: [String: Int]; let text: String? }
        var query: SQLQueryString = "SELECT answers FROM survey_answers WHERE survey_id = \(bind: survey)"
        if let from = period.from { query.appendLiteral(" AND answered_on >= "); query.appendInterpolation(bind: from) }
        if let to = period.to { query.appendLiteral(" AND answered_on <= "); query.appendInterpolation(bind: to) }
        return try await sql.raw(query).all().compactMap { row in
            guard let json = try? row.decode(column: "answers", as: String.self),
                let stored = try? JSONDecoder().decode(Stored.self, from: Data(json.utf8))
            else { return nil }
            return (stored.ratings, stored.text)
        }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (id, _, _) = try req.guardedProject()
        return try await indexPage(req, project: id, state: FormState())
    }

    static func indexPage(_ req: Request, project id: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let sql = req.db.sql
        let surveys = try await sql.raw(
            """
            SELECT s.id, s.title, s.is_open, s.created_at, (SELECT COUNT(*) FROM survey_answers a WHERE a.survey_id = s.id) AS answers
            FROM surveys s WHERE s.project_id = \(bind: id) ORDER BY s.created_at DESC
            """
        ).all(decoding: Listed.self)
        return listPage(
            project: id, name: try await project(id, on: sql), surveys: surveys, activities: try await activities(project: id, on: sql), state: state,
            context: req.pageContext, status: status
        ).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (id, _, actor) = try req.guardedProject()
        var state = try FormState.read(req, fields: fields, requiring: ["title", "ratings"])
        let title = state.text("title", required: true, max: 200)
        let intro = state.text("intro", max: 1_000)
        _ = state.text("ratings", max: 4_000)
        _ = state.text("open", max: 300)
        let questions = SurveyQuestion.from(ratings: state["ratings"], open: state["open"])
        if state.errors["ratings"] == nil && !questions.contains(where: { $0.kind == .scale }) { state.errors["ratings"] = "survey.error.no_questions" }
        let activity = state["activity_id"].isEmpty ? nil : state.uuid("activity_id")
        if let activity, try await !activities(project: id, on: req.db.sql).contains(where: { $0.id == activity }) { state.errors["activity_id"] = "error.choice" }
        guard state.isValid else { return try await indexPage(req, project: id, state: state, status: .unprocessableEntity) }
        let survey = req.application.newID()
        let slug = FormOnce.base64URL([UInt8].random(count: 12))
        let json = String(decoding: try JSONEncoder().encode(questions), as: UTF8.self)
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO surveys (id, project_id, title, intro, questions, slug, is_open, created_by, created_at, activity_id)
                VALUES (\(bind: survey), \(bind: id), \(bind: title), \(bind: intro), \(bind: json), \(bind: slug), \(bind: true),
                  \(bind: actor.userID), \(bind: req.now), \(bind: activity))
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: id, detail: "survey created", on: db)
        }
        req.flash("survey.created")
        return req.redirect(to: .projectSurvey(.value(id), .value(survey)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (id, _, _) = try req.guardedProject()
        guard let surveyID = req.parameters.get("survey", as: UUID.self) else { throw Abort(.notFound) }
        let sql = req.db.sql
        let row = try await survey(surveyID, project: id, on: sql)
        var period = FormState()
        let range = Self.period(req, &period)
        let result = SurveyResult.of(row.parsed, answers: try await answers(surveyID, period: range, on: sql))
        try await req.audit.record(.reportView, project: id, detail: "survey results")
        let link = OwnSpaceController.publicBase(req) + SiteURL.survey(.value(row.slug)).relativeURL()
        return surveyPage(row, projectName: try await project(id, on: sql), link: link, result: result, period: period, context: req.pageContext)
            .response()
    }

    /// The days the result covers, from the query (`from`, `to`); a bad day is said and left out.
    static func period(_ req: Request, _ state: inout FormState) -> (from: String?, to: String?) {
        state = FormState.read(req.query, fields: ["from", "to"])
        return (state.date("from"), state.date("to"))
    }

    /// Opens or closes the survey; the post names the state wanted, so a second click changes nothing.
    @Sendable static func setState(req: Request) async throws -> Response {
        let (id, _, _) = try req.guardedProject()
        guard let surveyID = req.parameters.get("survey", as: UUID.self) else { throw Abort(.notFound) }
        guard let open = try? req.content.get(String.self, at: "open"), ["true", "false"].contains(open) else {
            throw Abort(.badRequest, reason: "missing fields: open")
        }
        _ = try await survey(surveyID, project: id, on: req.db.sql)
        try await req.db.writeTransaction { db in
            try await db.sql.raw("UPDATE surveys SET is_open = \(bind: open == "true") WHERE id = \(bind: surveyID)").run()
            try await req.audit.record(.projectUpdate, project: id, detail: open == "true" ? "survey opened" : "survey closed", on: db)
        }
        req.flash(open == "true" ? "survey.opened" : "survey.closed")
        return req.redirect(to: .projectSurvey(.value(id), .value(surveyID)))
    }

    /// The result as a workbook: the same sums as the page, and nothing while fewer than five answered.
    @Sendable static func xlsx(req: Request) async throws -> Response {
        let (id, _, _) = try req.guardedProject()
        guard let surveyID = req.parameters.get("survey", as: UUID.self) else { throw Abort(.notFound) }
        let sql = req.db.sql
        let row = try await survey(surveyID, project: id, on: sql)
        var period = FormState()
        let result = SurveyResult.of(row.parsed, answers: try await answers(surveyID, period: Self.period(req, &period), on: sql))
        let t = req.t
        var sums: [[XLSXWorkbook.Cell]] = [[.text(t("survey.question")), .text(t("feedback.report.answers")), .text(t("feedback.report.mean")), .text(t("feedback.report.good"))]]
        for (q, s) in result.ratings {
            let count: XLSXWorkbook.Cell = if case .exact(let n) = s.answers { .number(n) } else { .text(s.answers.description) }
            sums.append([.text(q.text), count, s.mean.map { .text(Chart.number($0)) } ?? .empty, s.goodShare.map { .number($0) } ?? .empty])
        }
        var book = XLSXWorkbook()
        book.sheets = [.init(name: t("survey.sheet.sums"), rows: sums), .init(name: t("survey.sheet.words"), rows: result.texts.map { [.text($0)] })]
        try await req.audit.record(.export, project: id, detail: "survey results xlsx")
        let res = Response(status: .ok, body: .init(data: try book.data()))
        res.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        res.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment("kysely-\(req.today.iso).xlsx"))
        return res
    }
}
