import Fluent
import PolkuCore
import SQLKit
import Vapor

enum ParticipantsController {
    /// The list (`ParticipantList`): a project the actor does not see is 404, a bad page anchor 400.
    @Sendable static func index(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let input: ParticipantList.Input
        // The list's first page has no query; decoding an absent one is not free (once per key).
        let queried = req.url.query != nil
        func value(_ key: String) -> String? { queried ? req.query[key] : nil }
        switch ParticipantList.input(q: value("q"), project: value("project"), after: value("after"), actor: actor) {
        case .success(let read): input = read
        case .failure(.unknownProject): throw Abort(.notFound)
        case .failure(.badAnchor): throw Abort(.badRequest)
        }
        let model = try await req.reading { db in try await ParticipantList.query(input, actor: actor, on: db) }
        // What was searched for is itself personal data (a name): the event says only that a search was made.
        return try await req.audit.recording(
            .participantList, participants: model.rows.map(\.id), project: input.project,
            detail: input.search.isEmpty ? "list" : "search, \(input.search.count) characters"
        ) { ParticipantList.page(model, context: req.pageContext).response() }
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        var form = ParticipantForm(state: FormState())
        form.state.values["project_id"] = (try? req.query.get(String.self, at: "project")) ?? ""
        form.state.values["start_date"] = req.today.iso
        form.state.values["language"] = "fi"
        return try await newPage(req, form: form, actor: actor)
    }

    static func newPage(_ req: Request, form: ParticipantForm, actor: Actor, status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = try await ParticipantFormPages.new(form, actor: actor, on: req.db)
        return ParticipantFormPages.newPage(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        var form = ParticipantForm(state: FormState.read(req, fields: ParticipantForm.fields + ParticipantForm.enrolFields))
        let participant = Participant()
        let today = req.today
        _ = form.apply(to: participant, today: today)
        let projectID = form.state.uuid("project_id")
        if let projectID, !actor.projectsWritingPeople.contains(projectID) { form.state.errors["project_id"] = "error.choice" }
        let siteID = form.state.uuid("site_id", required: false)
        if let siteID, let projectID {
            let site = try await Site.find(siteID, on: req.db)
            if site?.$project.id != projectID { form.state.errors["site_id"] = "error.site_project" }
        }
        let start = form.state.date("start_date", required: true)
        guard form.state.isValid, let projectID, let start else {
            return try await newPage(req, form: form, actor: actor, status: .unprocessableEntity)
        }
        guard let project = try await Project.find(projectID, on: req.db) else { throw Abort(.notFound) }
        let consent = form.state["consent_service"] == "on"
        try await req.db.writeTransaction { db in
            try await participant.create(on: db)
            let pid = try participant.requireID()
            try await Enrolment.start(participant: pid, project: project, site: siteID, date: start, by: actor.userID, on: db)
            if consent {
                let c = Consent()
                c.$participant.id = pid; c.purpose = .service; c.date = today.iso; c.given = true; c.$recordedBy.id = actor.userID
                try await c.create(on: db)
            }
            try await req.audit.record(.participantCreate, participant: pid, project: projectID, on: db)
        }
        req.flash("flash.participant_created")
        return req.redirect(SiteURL.participant(.value(participant.id!)).relativeURL())
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        return try await req.audit.recording(.participantView, participants: [scope.participantID]) { try await render(req, scope: scope) }
    }

    /// The participant page, also shown again (with the failed form) when a form on it fails.
    static func render(
        _ req: Request, scope: ParticipantScope, form: FormState = FormState(),
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let context = req.pageContext
        let (lang, today) = (context.lang, context.today)
        // On PostgreSQL one connection for the page's eighteen reads (`Database.reading`).
        let reading = req.method == .GET
        // Most views have no query at all; decoding it is not free (URLEncodedFormDecoder per key).
        let queried = reading && req.url.query != nil
        let notesBefore = queried ? try? req.query.get(UUID.self, at: "notes_before") : nil
        guard
            var model = try await req.reading({ db in
                try await ParticipantShow.query(scope: scope, lang: lang, today: today, notesBefore: notesBefore, on: db)
            })
        else { throw Abort(.notFound) }
        model.timelineAll = queried && (try? req.query.get(String.self, at: "all")) == "1"
        return ParticipantShow.page(model, context: context, form: form, status: status).response()
    }

    struct IDName: Decodable { let id: UUID; let name: String }

    @Sendable static func edit(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        guard let p = try await Participant.find(scope.participantID, on: req.db) else { throw Abort(.notFound) }
        try await req.audit.record(.participantView, participant: scope.participantID, detail: "edit form")
        return editPage(req, form: .from(p), participant: p)
    }

    static func editPage(_ req: Request, form: ParticipantForm, participant p: Participant, status: HTTPResponseStatus = .ok) -> Response {
        guard let id = p.id else { return Response(status: .notFound) }
        let model = ParticipantFormPages.Edit(form: form, participant: id, name: "\(p.firstName) \(p.lastName)")
        return ParticipantFormPages.editPage(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        guard let p = try await Participant.find(scope.participantID, on: req.db) else { throw Abort(.notFound) }
        var form = ParticipantForm(state: FormState.read(req, fields: ParticipantForm.fields))
        guard form.apply(to: p, today: req.today) else {
            return editPage(req, form: form, participant: p, status: .unprocessableEntity)
        }
        try await req.db.writeTransaction { db in
            try await p.update(on: db)
            try await req.audit.record(.participantUpdate, participant: scope.participantID, on: db)
        }
        return req.redirect(SiteURL.participant(.value(scope.participantID)).relativeURL())
    }
}
