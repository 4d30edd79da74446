import Fluent
import PolkuCore
import Vapor

/// Writes along a participant's path: consent, enrolment, phase, goals and notes. Each write and its
/// audit event commit in one transaction; a failed form shows the participant page again with what was typed.
enum PathController {
    @Sendable static func recordConsent(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        var state = FormState.read(req, fields: ["purpose", "given", "consent_date"])
        let purpose = state.choice("purpose", Consent.Purpose.self)
        let given = state["given"]
        if given != "yes" && given != "no" { state.errors["given"] = "error.choice" }
        let date = state.date("consent_date", required: true)
        if let date, let d = CalendarDate(parsing: date), d > req.today { state.errors["consent_date"] = "error.future" }
        guard state.isValid, let purpose, let date else { return try await again(req, scope, state) }
        let consent = Consent()
        consent.$participant.id = scope.participantID
        consent.purpose = purpose; consent.date = date; consent.given = given == "yes"
        consent.$recordedBy.id = scope.actor.userID
        try await req.db.writeTransaction { db in
            try await consent.create(on: db)
            try await req.audit.record(.consentRecord, participant: scope.participantID, detail: "\(purpose.rawValue)=\(given)", on: db)
        }
        req.flash("flash.consent_saved")
        return req.redirect(SiteURL.participant(.value(scope.participantID)).relativeURL(fragment: "consent-h"))
    }

    @Sendable static func enrol(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        var state = FormState.read(req, fields: ["project_id", "site_id", "start_date"])
        let projectID = state.uuid("project_id")
        if let projectID, !scope.actor.projectsWritingPeople.contains(projectID) { throw Abort(.forbidden) }
        if let projectID, scope.projects[projectID] != nil { state.errors["project_id"] = "error.already_enrolled" }
        let siteID = state.uuid("site_id", required: false)
        if let siteID, let projectID, try await Site.find(siteID, on: req.db)?.$project.id != projectID {
            state.errors["site_id"] = "error.site_project"
        }
        let start = state.date("start_date", required: true)
        guard state.isValid, let projectID, let start,
            let project = try await Project.find(projectID, on: req.db)
        else { return try await again(req, scope, state) }
        do {
            try await req.db.transactionRetryingBusy { db in
                try await Enrolment.start(
                    participant: scope.participantID, project: project, site: siteID, date: start,
                    by: scope.actor.userID, on: db)
                try await req.audit.record(.enrolmentCreate, participant: scope.participantID, project: projectID, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two workers enrolled the same person at once: the unique index kept one.
            state.errors["project_id"] = "error.already_enrolled"
            return try await again(req, scope, state)
        }
        req.flash("flash.enrolled")
        return req.redirect(SiteURL.participant(.value(scope.participantID)).relativeURL(fragment: "enrol-h"))
    }

    @Sendable static func changePhase(req: Request) async throws -> Response {
        let participantID = try req.id()
        let enrolmentID = try req.id("enrolment")
        guard
            let enrolment = try await Enrolment.query(on: req.db).filter(\.$id == enrolmentID)
                .filter(\.$participant.$id == participantID).with(\.$project).first()
        else { throw Abort(.notFound) }
        let scope = try await req.authz.writeParticipant(participantID, in: enrolment.$project.id)
        var state = FormState.read(req, fields: ["to_phase", "phase_date"])
        let plan = enrolment.project.phasePlan
        let to = state["to_phase"]
        if let refusal = plan.refusal(from: enrolment.phase, to: to) { state.errors["to_phase"] = "error." + refusal.rawValue }
        let date = state.date("phase_date", required: true)
        if let date, date < enrolment.startDate { state.errors["phase_date"] = "error.before_start" }
        guard state.isValid, let date else { return try await again(req, scope, state) }
        let from = enrolment.phase
        try await req.db.writeTransaction { db in
            enrolment.phase = to
            if to == plan.exit { enrolment.endDate = date }
            try await enrolment.update(on: db)
            let c = PhaseChange()
            c.$enrolment.id = enrolmentID; c.fromPhase = from; c.toPhase = to; c.date = date; c.$changedBy.id = scope.actor.userID
            try await c.create(on: db)
            try await req.audit.record(.phaseChange, participant: participantID, project: enrolment.$project.id, detail: "\(from)→\(to)", on: db)
        }
        req.flash("flash.phase_changed", to)
        return req.redirect(SiteURL.participant(.value(participantID)).relativeURL(fragment: "enrol-h"))
    }

    @Sendable static func addGoal(req: Request) async throws -> Response {
        let participantID = try req.id()
        var state = FormState.read(req, fields: ["project_id", "goal_text", "target_date"])
        let projectID = state.uuid("project_id")
        let scope = try await scopeFor(req, participantID, projectID)
        let text = state.text("goal_text", required: true, max: 1000)
        let target = state.date("target_date")
        guard state.isValid, let projectID else { return try await again(req, scope, state) }
        let goal = Goal()
        goal.$participant.id = participantID; goal.$project.id = projectID; goal.text = text
        goal.status = .open; goal.targetDate = target; goal.$createdBy.id = scope.actor.userID
        try await req.db.writeTransaction { db in
            try await goal.create(on: db)
            try await req.audit.record(.goalCreate, participant: participantID, project: projectID, on: db)
        }
        return req.redirect(SiteURL.participant(.value(participantID)).relativeURL(fragment: "goals-h"))
    }

    @Sendable static func updateGoal(req: Request) async throws -> Response {
        let participantID = try req.id()
        guard
            let goal = try await Goal.query(on: req.db).filter(\.$id == (try req.id("goal")))
                .filter(\.$participant.$id == participantID).first()
        else { throw Abort(.notFound) }
        let scope = try await req.authz.writeParticipant(participantID, in: goal.$project.id)
        var state = FormState.read(req, fields: ["status"])
        guard let status = state.choice("status", Goal.Status.self) else { return try await again(req, scope, state) }
        try await req.db.writeTransaction { db in
            goal.status = status
            try await goal.update(on: db)
            try await req.audit.record(.goalUpdate, participant: participantID, project: goal.$project.id, detail: status.rawValue, on: db)
        }
        return req.redirect(SiteURL.participant(.value(participantID)).relativeURL(fragment: "goals-h"))
    }

    @Sendable static func addNote(req: Request) async throws -> Response {
        let participantID = try req.id()
        var state = FormState.read(req, fields: ["project_id", "sensitivity", "body"])
        let projectID = state.uuid("project_id")
        let scope = try await scopeFor(req, participantID, projectID)
        let sensitivity = state.choice("sensitivity", Sensitivity.self)
        let body = state.text("body", required: true, max: 20_000)
        if let sensitivity, let projectID, !scope.writes(sensitivity, in: projectID) { throw Abort(.forbidden) }
        guard state.isValid, let projectID, let sensitivity else { return try await again(req, scope, state) }
        let note = Note()
        note.$participant.id = participantID; note.$project.id = projectID; note.sensitivity = sensitivity
        note.body = body; note.$author.id = scope.actor.userID
        try await req.db.writeTransaction { db in
            try await note.create(on: db)
            try await req.audit.record(.noteCreate, participant: participantID, project: projectID, detail: sensitivity.rawValue, on: db)
        }
        req.flash("flash.note_saved")
        return req.redirect(SiteURL.participant(.value(participantID)).relativeURL(fragment: "notes-h"))
    }

    /// Write access in the chosen project; without a valid choice, read access, so the form can be shown again.
    private static func scopeFor(_ req: Request, _ participant: UUID, _ project: UUID?) async throws -> ParticipantScope {
        if let project { return try await req.authz.writeParticipant(participant, in: project) }
        return try await req.authz.participant(participant)
    }

    private static func again(_ req: Request, _ scope: ParticipantScope, _ state: FormState) async throws -> Response {
        var state = state
        state.values["_form"] = (try? req.content.get(String.self, at: "_form")) ?? ""
        return try await ParticipantsController.render(req, scope: scope, form: state, status: .unprocessableEntity)
    }
}
