import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Client panels and developer groups (asiakasraati, kehittäjäasiakasryhmä; issue 16). The team
/// recruits members from the project's participants who consented to be asked (`development`),
/// records meetings and the panel's proposals, and for each proposal what the organisation did
/// about it and when: "what changed because of it". Members read the proposals and their effects
/// in their own space; the project's feedback page shows them without names.
enum Panels {
    enum Kind: String, CaseIterable { case clientPanel = "client_panel", developerGroup = "developer_group" }

    struct Panel: Decodable, Equatable {
        let id: UUID, name: String, kind: String
        let members: Int, proposals: Int, effects: Int
        /// Meetings held and the heads counted at them, summed.
        let meetings: Int, attendance: Int
    }
    struct Member: Decodable, Equatable { let id: UUID; let first_name: String; let last_name: String; let joined_on: String }
    struct Meeting: Decodable, Equatable { let id: UUID; let date: String; let topics: String; let attendees: Int }
    struct Proposal: Decodable, Equatable { let id: UUID; let proposal: String; let proposed_on: String; let effect: String?; let effect_on: String? }

    struct Page {
        var project: UUID
        var projectName: String
        var panel: Panel
        var members: [Member] = []
        /// Whom a search for a new member found: participants of the project who consented to be
        /// asked and are not members yet.
        var search: AttendancePage.Search?
        var meetings: [Meeting] = []
        var proposals: [Proposal] = []
        var failed: (form: String, state: FormState)? = nil
    }

    static func panels(project: UUID, on sql: any SQLDatabase) async throws -> [Panel] {
        try await sql.raw(
            """
            SELECT p.id, p.name, p.kind,
              (SELECT COUNT(*) FROM panel_members m WHERE m.panel_id = p.id) AS members,
              (SELECT COUNT(*) FROM panel_proposals r WHERE r.panel_id = p.id) AS proposals,
              (SELECT COUNT(*) FROM panel_proposals r WHERE r.panel_id = p.id AND r.effect IS NOT NULL) AS effects,
              (SELECT COUNT(*) FROM panel_meetings g WHERE g.panel_id = p.id) AS meetings,
              (SELECT CAST(COALESCE(SUM(g.attendees), 0) AS BIGINT) FROM panel_meetings g WHERE g.panel_id = p.id) AS attendance
            FROM panels p WHERE p.project_id = \(bind: project) ORDER BY p.created_at
            """
        ).all(decoding: Panel.self)
    }

    static func proposals(panel: UUID, on sql: any SQLDatabase) async throws -> [Proposal] {
        try await sql.raw(
            "SELECT id, proposal, proposed_on, effect, effect_on FROM panel_proposals WHERE panel_id = \(bind: panel) ORDER BY proposed_on DESC, id"
        ).all(decoding: Proposal.self)
    }

    /// The panel's page; a member form sent back is searched again for whom its search names.
    static func page(_ req: Request, failed: (String, FormState)? = nil) async throws -> Page {
        let (project, _, _) = try req.guardedProject()
        guard let id = req.parameters.get("panel", as: UUID.self),
            let panel = try await panels(project: project, on: req.db.sql).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let sql = req.db.sql
        let members = try await sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name, m.joined_on FROM panel_members m JOIN participants p ON p.id = m.participant_id
            WHERE m.panel_id = \(bind: id) ORDER BY p.last_name, p.first_name
            """
        ).all(decoding: Member.self)
        var search: AttendancePage.Search?
        if let failed, failed.0 == "member", let text = PersonFinder.search(in: failed.1) {
            search = try await AttendancePage.find(
                text, project: project, currentOn: nil, excluding: Set(members.map(\.id)), condition: Consent.askedToDevelop, on: req.db)
        }
        let meetings = try await sql.raw(
            "SELECT id, date, topics, attendees FROM panel_meetings WHERE panel_id = \(bind: id) ORDER BY date DESC"
        ).all(decoding: Meeting.self)
        return Page(
            project: project, projectName: try await Surveys.project(project, on: sql), panel: panel, members: members, search: search,
            meetings: meetings, proposals: try await proposals(panel: id, on: sql), failed: failed)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        return try await indexPage(req, project: project, state: FormState())
    }

    static func indexPage(_ req: Request, project: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let sql = req.db.sql
        return listPage(
            project: project, name: try await Surveys.project(project, on: sql), panels: try await panels(project: project, on: sql), state: state,
            context: req.pageContext, status: status
        ).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        var state = try FormState.read(req, fields: ["name", "kind"], requiring: ["name", "kind"])
        let name = state.text("name", required: true, max: 200)
        let kind = state.choice("kind", Kind.self)
        guard let kind, state.isValid else { return try await indexPage(req, project: project, state: state, status: .unprocessableEntity) }
        let id = req.application.newID()
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                "INSERT INTO panels (id, project_id, name, kind, created_at) VALUES (\(bind: id), \(bind: project), \(bind: name), \(bind: kind.rawValue), \(bind: req.now))"
            ).run()
            try await req.audit.record(.projectUpdate, project: project, detail: "panel created", on: db)
        }
        req.flash("panel.created")
        return req.redirect(to: .projectPanel(.value(project), .value(id)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let model = try await page(req)
        try await req.audit.record(.participantList, participants: model.members.map(\.id), project: model.project, detail: "panel members")
        return view(model, context: req.pageContext).response()
    }

    /// The panels a participant is in, each with its proposals and what came of them (their own space).
    static func ofMember(_ participant: UUID, on sql: any SQLDatabase) async throws -> [(name: String, proposals: [Proposal])] {
        struct Named: Decodable { let id: UUID; let name: String }
        var out: [(name: String, proposals: [Proposal])] = []
        for p in try await sql.raw(
            """
            SELECT p.id, p.name FROM panels p JOIN panel_members m ON m.panel_id = p.id
            WHERE m.participant_id = \(bind: participant) ORDER BY p.created_at
            """
        ).all(decoding: Named.self) {
            out.append((p.name, try await proposals(panel: p.id, on: sql)))
        }
        return out
    }

    /// The /me section: the proposals, and what the organisation did, without anyone's name.
    static func section(_ panels: [(name: String, proposals: [Proposal])], t: Texts) -> Node {
        group {
            for panel in panels {
                h("section", ["aria-label": t("panel.me.title", panel.name)]) {
                    h("h2") { t("panel.me.title", panel.name) }
                    if panel.proposals.isEmpty { h("p") { t("panel.me.none") } }
                    h("ul") {
                        for p in panel.proposals {
                            h("li") {
                                h("strong") { p.proposal }
                                h("br")
                                p.effect.map { t("panel.effect", t.date(p.effect_on)) + " " + $0 } ?? t("panel.me.waiting")
                            }
                        }
                    }
                }
            }
        }
    }
}
