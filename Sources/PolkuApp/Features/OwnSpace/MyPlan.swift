import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// "Oma suunnitelmani" (issue 15): the goals the participant and the team agreed, with their dates
/// and state. The participant marks a goal done, says something about one ("this is not my goal"),
/// or adds a goal of their own; each of these is a `goal_comments` row the coach reads on the
/// person's page and in "Tänään".
enum MyPlan {
    static let maxLength = 1_000

    enum Kind: String { case comment, done, ownGoal = "own_goal" }

    struct GoalRow: Decodable, Equatable {
        let id: UUID
        let project_id: UUID
        let project_name: String
        let text: String
        let status: String
        let target_date: String?
        let by_self: Bool
    }

    struct Comment: Decodable, Equatable {
        let goal_id: UUID
        let kind: String
        let text: String
        let created_at: Date
        let by_self: Bool
        let author: String?
    }

    struct Model {
        var goals: [GoalRow] = []
        var comments: [UUID: [Comment]] = [:]
        var projects: [(id: UUID, name: String)] = []
        /// A form that failed: the new goal's (goal nil) or one goal's comment, with what was typed.
        var failed: (goal: UUID?, state: FormState)? = nil
    }

    static func query(participant: UUID, on db: any Database) async throws -> Model {
        let sql = db.sql
        let goals = try await sql.raw(
            """
            SELECT g.id, g.project_id, p.name AS project_name, g.text, g.status, g.target_date,
                   COALESCE(u.participant_id = g.participant_id, FALSE) AS by_self
            FROM goals g JOIN projects p ON p.id = g.project_id LEFT JOIN users u ON u.id = g.created_by
            WHERE g.participant_id = \(bind: participant)
            ORDER BY CASE WHEN g.status = 'open' THEN 0 ELSE 1 END, g.target_date, g.created_at
            """
        ).all(decoding: GoalRow.self)
        let comments = try await comments(participant: participant, on: sql)
        let projects = try await OwnSpacePages.projects(of: participant, on: sql)
        return Model(goals: goals, comments: Dictionary(grouping: comments, by: \.goal_id), projects: projects)
    }

    /// The participant's words about their goals, oldest first, in `projects` when given (staff).
    static func comments(participant: UUID, projects: [UUID]? = nil, on sql: any SQLDatabase) async throws -> [Comment] {
        guard let query = commentsQuery(participant: participant, projects: projects) else { return [] }
        return try await sql.raw(query).all(decoding: Comment.self)
    }

    /// The query of `comments`; nil when no project is given, so nothing can be read.
    static func commentsQuery(participant: UUID, projects: [UUID]?) -> SQLQueryString? {
        var query: SQLQueryString = """
            SELECT c.goal_id, c.kind, c.text, c.created_at, COALESCE(u.participant_id = c.participant_id, FALSE) AS by_self, u.name AS author
            FROM goal_comments c LEFT JOIN users u ON u.id = c.author_id WHERE c.participant_id = \(bind: participant)
            """
        if let projects {
            guard !projects.isEmpty else { return nil }
            query.appendInterpolation(" AND c.project_id \(oneOf: projects)" as SQLQueryString)
        }
        query.appendLiteral(" ORDER BY c.created_at")
        return query
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let model = try await query(participant: pid, on: req.db)
        try await req.audit.record(.participantView, participant: pid, detail: "own plan")
        return page(model, context: req.pageContext).response()
    }

    /// One of the participant's own goals, by the path's `goal`.
    static func goal(_ req: Request, participant: UUID) async throws -> Goal {
        guard let id = req.parameters.get("goal", as: UUID.self),
            let goal = try await Goal.query(on: req.db).filter(\.$id == id).filter(\.$participant.$id == participant).first()
        else { throw Abort(.notFound) }
        return goal
    }

    static func again(_ req: Request, participant: UUID, goal: UUID?, state: FormState) async throws -> Response {
        var model = try await query(participant: participant, on: req.db)
        model.failed = (goal, state)
        return page(model, context: req.pageContext, status: .unprocessableEntity).response()
    }

    static func record(_ kind: Kind, goal: Goal, text: String, user: UUID, now: Date, on db: any Database, req: Request) async throws {
        try await db.sql.raw(
            """
            INSERT INTO goal_comments (id, goal_id, participant_id, project_id, author_id, kind, text, created_at)
            VALUES (\(bind: req.application.ids.make(now)), \(bind: goal.id!), \(bind: goal.$participant.id), \(bind: goal.$project.id),
                    \(bind: user), \(bind: kind.rawValue), \(bind: text), \(bind: now))
            """
        ).run()
        try await req.audit.record(
            kind == .ownGoal ? .goalCreate : .goalUpdate, participant: goal.$participant.id, project: goal.$project.id,
            detail: "by the participant: \(kind.rawValue)", on: db)
    }

    @Sendable static func addGoal(req: Request) async throws -> Response {
        let (pid, user) = try req.guardedSelf()
        var state = try FormState.read(req, fields: ["project_id", "text", "target_date"], requiring: ["text"])
        let projects = try await query(participant: pid, on: req.db).projects.map(\.id)
        // One project: the goal is in it; several: the form asks which.
        let project = projects.count == 1 ? projects.first : state.uuid("project_id")
        if let project, !projects.contains(project) { state.errors["project_id"] = "error.choice" }
        let text = state.text("text", required: true, max: maxLength)
        let target = state.date("target_date")
        guard state.isValid, let project else { return try await again(req, participant: pid, goal: nil, state: state) }
        let goal = Goal()
        goal.$participant.id = pid; goal.$project.id = project; goal.text = text; goal.status = .open; goal.targetDate = target
        goal.$createdBy.id = user
        let now = req.now
        try await req.db.writeTransaction { db in
            try await goal.create(on: db)
            try await record(.ownGoal, goal: goal, text: text, user: user, now: now, on: db, req: req)
        }
        req.flash("flash.plan.goal_added")
        return req.redirect(to: .myPlan)
    }

    @Sendable static func markDone(req: Request) async throws -> Response {
        let (pid, user) = try req.guardedSelf()
        let goal = try await goal(req, participant: pid)
        guard goal.status == .open else {
            req.flash("flash.plan.unchanged")
            return req.redirect(to: .myPlan)
        }
        let now = req.now
        try await req.db.writeTransaction { db in
            goal.status = .achieved
            try await goal.update(on: db)
            try await record(.done, goal: goal, text: goal.text, user: user, now: now, on: db, req: req)
        }
        req.flash("flash.plan.done")
        return req.redirect(to: .myPlan)
    }

    @Sendable static func comment(req: Request) async throws -> Response {
        let (pid, user) = try req.guardedSelf()
        let goal = try await goal(req, participant: pid)
        var state = try FormState.read(req, fields: ["comment"], requiring: ["comment"])
        let text = state.text("comment", required: true, max: maxLength)
        guard state.isValid else { return try await again(req, participant: pid, goal: goal.id, state: state) }
        let now = req.now
        try await req.db.writeTransaction { db in try await record(.comment, goal: goal, text: text, user: user, now: now, on: db, req: req) }
        req.flash("flash.plan.comment_sent")
        return req.redirect(to: .myPlan)
    }
}
