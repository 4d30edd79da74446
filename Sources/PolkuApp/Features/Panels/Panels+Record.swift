import Foundation
import PolkuCore
import SQLKit
import Vapor

/// What the team records of a panel: a member joining, a meeting, a proposal and its effect. Each
/// form that comes back with a problem keeps what was typed.
extension Panels {
    static func refused(_ req: Request, _ form: String, _ state: FormState, status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        let model = try await page(req, failed: (form, state))
        if let found = model.search?.found, !found.isEmpty {
            try await req.audit.record(.participantList, participants: found.map(\.id), project: model.project, detail: "panel members")
        }
        return view(model, context: req.pageContext, status: status).response()
    }

    static func back(_ req: Request, _ model: Page, flash: String, fragment: String) -> Response {
        req.flash(flash)
        return req.redirect(SiteURL.projectPanel(.value(model.project), .value(model.panel.id)).relativeURL(fragment: fragment))
    }

    /// Only a participant who consented to be asked and is not a member yet can join.
    @Sendable static func addMember(req: Request) async throws -> Response {
        var state = FormState.read(req, fields: ["participant_id", PersonFinder.searchField])
        if req.formFields["find"] != nil {
            // A search for whom to add: the page again, with whom it found.
            req.formChangedNothing()
            return try await refused(req, "member", state, status: .ok)
        }
        let model = try await page(req)
        let person = state.uuid("participant_id")
        if let person {
            // Only the project's own, who consented and are not members yet.
            let eligible = try await req.db.sql.raw(
                """
                SELECT 1 AS x FROM enrolments WHERE project_id = \(bind: model.project) AND participant_id = \(bind: person) AND \(Consent.askedToDevelop)
                AND NOT EXISTS (SELECT 1 FROM panel_members m WHERE m.panel_id = \(bind: model.panel.id) AND m.participant_id = \(bind: person))
                """
            ).first()
            if eligible == nil { state.errors["participant_id"] = "panel.error.not_eligible" }
        }
        guard let person, state.isValid else { return try await refused(req, "member", state) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO panel_members (panel_id, participant_id, joined_on)
                VALUES (\(bind: model.panel.id), \(bind: person), \(bind: req.today.iso))
                """
            ).run()
            try await req.audit.record(.participantUpdate, participant: person, project: model.project, detail: "joined a client panel", on: db)
        }
        return back(req, model, flash: "panel.member_added", fragment: "panel-members")
    }

    @Sendable static func addMeeting(req: Request) async throws -> Response {
        let model = try await page(req)
        var state = try FormState.read(req, fields: ["date", "topics", "attendees"], requiring: ["date", "topics"])
        let date = state.date("date", required: true)
        let topics = state.text("topics", required: true, max: 2_000)
        let attendees = state.integer("attendees", range: 0...10_000) ?? 0
        if let date, date > req.today.iso { state.errors["date"] = "panel.error.future" }
        guard let date, state.isValid else { return try await refused(req, "meeting", state) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO panel_meetings (id, panel_id, date, topics, attendees)
                VALUES (\(bind: req.application.newID()), \(bind: model.panel.id), \(bind: date), \(bind: topics), \(bind: attendees))
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: model.project, detail: "panel meeting", on: db)
        }
        return back(req, model, flash: "panel.meeting_added", fragment: "panel-meetings")
    }

    @Sendable static func addProposal(req: Request) async throws -> Response {
        let model = try await page(req)
        var state = try FormState.read(req, fields: ["proposal", "proposed_on"], requiring: ["proposal"])
        let text = state.text("proposal", required: true, max: 2_000)
        let day = state.date("proposed_on") ?? req.today.iso
        if day > req.today.iso { state.errors["proposed_on"] = "panel.error.future" }
        guard state.isValid else { return try await refused(req, "proposal", state) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO panel_proposals (id, panel_id, proposal, proposed_on)
                VALUES (\(bind: req.application.newID()), \(bind: model.panel.id), \(bind: text), \(bind: day))
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: model.project, detail: "panel proposal", on: db)
        }
        return back(req, model, flash: "panel.proposal_added", fragment: "panel-proposals")
    }

    /// What the organisation did because of a proposal; written again, it replaces the earlier word.
    @Sendable static func recordEffect(req: Request) async throws -> Response {
        let model = try await page(req)
        guard let id = req.parameters.get("proposal", as: UUID.self), model.proposals.contains(where: { $0.id == id }) else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["effect", "effect_on"], requiring: ["effect"])
        let effect = state.text("effect", required: true, max: 2_000)
        let day = state.date("effect_on") ?? req.today.iso
        if day > req.today.iso { state.errors["effect_on"] = "panel.error.future" }
        guard state.isValid else { return try await refused(req, "effect-\(id)", state) }
        let (_, _, actor) = try req.guardedProject()
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                UPDATE panel_proposals SET effect = \(bind: effect), effect_on = \(bind: day), effect_by = \(bind: actor.userID)
                WHERE id = \(bind: id)
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: model.project, detail: "panel proposal effect", on: db)
        }
        return back(req, model, flash: "panel.effect_added", fragment: "proposal-\(id)")
    }
}
