import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Filling in an instrument with a participant (or typing in scores from an external service), the
/// result at once with its interpretation, and each instrument's history as charts and tables.
enum AssessmentController {
    struct Context {
        let participant: UUID
        /// Who fills it in: a worker, or the participant themself (`own`).
        let author: UUID
        let own: Bool
        let project: UUID
        let instrument: Instrument
        let definition: InstrumentDefinition
        let person: (first: String, last: String)
        let goals: [(id: UUID, text: String)]
    }

    /// The project and instrument chosen, checked: the project must use the instrument, and a health
    /// instrument needs the health role in that project.
    static func context(_ req: Request, projectText: String, key: String) async throws -> Context {
        let pid = try req.id()
        guard let project = UUID(text: projectText) else { throw Abort(.badRequest, reason: "Choose a project") }
        let scope = try await req.authz.writeParticipant(pid, in: project)
        guard try await MeasureQueries.projectKeys(project, on: req.db).contains(key) else { throw Abort(.notFound) }
        let ctx = try await load(participant: pid, author: scope.actor.userID, own: false, project: project, key: key, on: req.db)
        guard scope.writes(ctx.definition.health ? .health : .normal, in: project) else { throw Abort(.forbidden) }
        return ctx
    }

    /// The participant's own: an instrument their project offers for self-report, in a project they
    /// are in (issue 15). Health instruments too: the answers are theirs.
    static func ownContext(_ req: Request, projectText: String, key: String) async throws -> Context {
        let (pid, user) = try req.guardedSelf()
        guard let project = UUID(text: projectText),
            try await OwnSpacePages.projects(of: pid, on: req.db.sql).contains(where: { $0.id == project }),
            try await MeasureQueries.selfReportKeys(project, on: req.db).contains(key)
        else { throw Abort(.notFound) }
        let ctx = try await load(participant: pid, author: user, own: true, project: project, key: key, on: req.db)
        guard ctx.definition.selfReportable else { throw Abort(.notFound) }
        return ctx
    }

    private static func load(participant pid: UUID, author: UUID, own: Bool, project: UUID, key: String, on db: any Database) async throws -> Context {
        guard let instrument = try await Instrument.query(on: db).filter(\.$key == key).sort(\.$version, .descending).first(),
            let definition = instrument.definition, let p = try await Participant.find(pid, on: db)
        else { throw Abort(.notFound) }
        let goals =
            definition.scoring.method == .goals
            ? try await Goal.query(on: db).filter(\.$participant.$id == pid).filter(\.$project.$id == project).sort(\.$createdAt).all().map { ($0.id!, $0.text) }
            : []
        return Context(
            participant: pid, author: author, own: own, project: project, instrument: instrument, definition: definition, person: (p.firstName, p.lastName),
            goals: goals)
    }

    @Sendable static func new(req: Request) async throws -> Response {
        // From the participant page's one select ("project:key"), or two parameters.
        let pick = ((try? req.query.get(String.self, at: "pick")) ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        let ctx = try await context(
            req, projectText: pick.count == 2 ? pick[0] : (try? req.query.get(String.self, at: "project")) ?? "",
            key: pick.count == 2 ? pick[1] : (try? req.query.get(String.self, at: "instrument")) ?? "")
        var state = FormState()
        state.values["date"] = req.today.iso
        try await req.audit.record(.participantView, participant: ctx.participant, project: ctx.project, detail: "assessment form \(ctx.definition.key)")
        return form(req, ctx, state: state)
    }

    static func form(_ req: Request, _ ctx: Context, state: FormState, status: HTTPResponseStatus = .ok) -> Response {
        let model = AssessmentForm(
            participantID: ctx.participant, own: ctx.own, project: ctx.project, personName: "\(ctx.person.first) \(ctx.person.last)",
            definition: ctx.definition, goals: ctx.goals.map { .init(id: $0.id, text: $0.text) }, state: state)
        return model.page(context: req.pageContext, status: status).response()
    }

    static func fields(_ ctx: Context) -> [String] {
        var out =
            ["date", "project", "instrument"] + AssessmentForm.rows(ctx.definition, goals: ctx.goals.map { .init(id: $0.id, text: $0.text) }, t: Texts(lang: .fi)).map(\.field)
        if ctx.definition.scoring.method == .profile {
            for item in ctx.definition.items { out += ["important_\(item.id)", "goal_\(item.id)"] }
        }
        return out
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let projectText = (try? req.content.get(String.self, at: "project")) ?? ""
        let key = (try? req.content.get(String.self, at: "instrument")) ?? ""
        return try await save(req, context(req, projectText: projectText, key: key))
    }

    /// Reads the form, scores it by the instrument's rule and stores it; a form with a problem comes
    /// back with what was typed and each problem at its field.
    static func save(_ req: Request, _ ctx: Context) async throws -> Response {
        let d = ctx.definition
        var state = FormState.read(req, fields: fields(ctx))
        let date = state.date("date", required: true)
        if let date, date > req.today.iso { state.errors["date"] = "measure.error.future" }
        var values: [String: Double] = [:]
        var fieldOf: [String: String] = [:]
        for row in AssessmentForm.rows(ctx.definition, goals: ctx.goals.map { .init(id: $0.id, text: $0.text) }, t: req.t) {
            let raw = state[row.field].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            let id = String(row.field.dropFirst(2))
            fieldOf[id] = row.field
            guard !raw.isEmpty else { continue }
            guard let v = Double(raw), v.isFinite else { state.errors[row.field] = "error.number"; continue }
            values[id] = v
        }
        var answers = Answers(values: values)
        if d.scoring.method == .profile {
            answers.important = d.items.map(\.id).filter { state["important_\($0)"] == "on" }
            var goals: [String: String] = [:]
            for item in d.items {
                let g = state.text("goal_\(item.id)", max: 300)
                if !g.isEmpty { goals[item.id] = g }
            }
            answers.areaGoals = goals
        }
        var result: ScoreResult? = nil
        if state.isValid {
            switch InstrumentScoring.score(d, answers) {
            case .success(let r): result = r
            case .failure(let problem):
                switch problem {
                case .outOfRange(let item, let min, let max): state.errors[fieldOf[item] ?? "date"] = "measure.error.range:\(Chart.number(min))–\(Chart.number(max))"
                case .offStep(let item, let step): state.errors[fieldOf[item] ?? "date"] = "measure.error.step:\(Chart.number(step))"
                case .unknownItem: throw Abort(.badRequest)
                case .tooManyMissing(let missing, let allowed):
                    for item in d.items where values[item.id] == nil { if let f = fieldOf[item.id] { state.errors[f] = "measure.error.missing" } }
                    if state.errors.isEmpty { state.errors["date"] = "measure.error.too_many_missing:\(missing - allowed)" }
                case .nothingAnswered: state.errors["date"] = "measure.error.nothing"
                }
            }
        }
        guard let result, let date, state.isValid else { return form(req, ctx, state: state, status: .unprocessableEntity) }
        let a = Assessment()
        a.$participant.id = ctx.participant; a.$project.id = ctx.project; a.$instrument.id = ctx.instrument.id!
        a.date = date; a.answers = AnswerCoding.encode(values); a.total = result.total; a.scaled = result.scaled
        a.scores = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        if d.scoring.method == .profile {
            a.extras = String(decoding: try JSONEncoder().encode(Answers(values: [:], important: answers.important, areaGoals: answers.areaGoals)), as: UTF8.self)
        }
        a.$assessedBy.id = ctx.author
        try await req.db.writeTransaction { db in
            try await a.create(on: db)
            try await req.audit.record(
                .participantUpdate, participant: ctx.participant, project: ctx.project, detail: "\(ctx.own ? "self-" : "")assessment \(d.key) v\(d.version)", on: db)
        }
        req.flash(ctx.own ? "me.assessments.saved" : "flash.assessment_saved")
        let history = ctx.own ? SiteURL.myMeasure(.value(d.key)) : SiteURL.participantMeasure(.value(ctx.participant), .value(d.key))
        return req.redirect(history.relativeURL([("saved", a.id!.text)], fragment: ctx.own ? "latest-h" : "a-\(a.id!)"))
    }
}
