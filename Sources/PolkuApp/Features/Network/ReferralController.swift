import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Referring a participant to a service: the participant's consent is asked and recorded, only what
/// the referral needs is shared, and the referral moves through its states (PolkuCore's
/// `ReferralState`) with who changed it and when.
enum ReferralController {
    static let shareable = ["phone", "email", "language", "message"]

    // MARK: Referring side

    @Sendable static func new(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        var state = FormState.read(req.query, fields: ["service", "q"])
        state.values["share_phone"] = "on"
        return try await form(req, scope: scope, state: state)
    }

    static func form(_ req: Request, scope: ParticipantScope, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let pid = scope.participantID
        guard let p = try await Participant.find(pid, on: req.db) else { throw Abort(.notFound) }
        // The form shows the person's name and suggestions from their goals and assessments.
        try await req.audit.record(.referralForm, participant: pid)
        let t = req.t
        let lang = t.lang.rawValue
        let service = UUID(uuidString: state["service"]).flatMap { $0 }
        let chosen = service == nil ? nil : try await Service.query(on: req.db).filter(\.$id == service!).with(\.$organisation).first()
        var f = DirectoryQueries.Filter()
        f.words = SearchKey.make(state["q"]).split(separator: " ").map(String.init)
        let found = chosen == nil && !f.words.isEmpty ? try await DirectoryQueries.search(f, after: nil, on: req.db).rows : []
        let suggestions = chosen == nil ? try await Suggestions.forParticipant(pid, scope: scope, on: req.db) : []
        let projects = try await Project.query(on: req.db).filter(\.$id ~~ scope.writableProjects).sort(\.$name).all()
        let fields = Fields(t: t, state: state)
        return req.page(
            t("referral.new.title", "\(p.firstName) \(p.lastName)"),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), ("\(p.firstName) \(p.lastName)", SiteURL.participant(.value(pid)).relativeURL())],
            status: status
        ) {
            if let s = chosen {
                h("p", ["class": "lead"]) { t("referral.to", s.localizedName(lang), s.organisation.name) }
                if !s.active { h("p", ["class": "notice"]) { t("service.inactive") } }
                h("form", ["method": "post", "action": SiteURL.participantReferrals(.value(pid)).relativeURL()]) {
                    csrfField(req)
                    h("input", ["type": "hidden", "name": "service", "value": s.id!.uuidString])
                    fields.summary()
                    fields.select("project", t("referral.project"), options: projects.map { ($0.id!.uuidString, $0.name) }, required: true)
                    h("fieldset", ["class": "checks"]) {
                        h("legend") { t("referral.share") }
                        h("p", ["class": "hint"]) { t("referral.share.hint") }
                        for field in shareable { fields.checkbox("share_\(field)", t("referral.share." + field)) }
                    }
                    fields.textarea("message", t("referral.message"), hint: t("referral.message.hint"), rows: 3)
                    h("fieldset", ["class": "checks"]) {
                        h("legend") { t("referral.consent.legend") }
                        fields.error("consent")
                        fields.checkbox("consent", t("referral.consent", p.firstName, s.organisation.name))
                    }
                    submit(t("referral.send"))
                }
            } else {
                if !suggestions.isEmpty {
                    h("h2") { t("suggestions.title") }
                    h("ul", ["class": "services"]) {
                        for sug in suggestions {
                            h("li", ["class": "card"]) {
                                h("h3") { h("a", ["href": SiteURL.participantReferralNew(.value(pid)).relativeURL([("service", "\(sug.id)")])]) { sug.name } }
                                h("p") { sug.provider + " · " + t("service.threshold." + sug.threshold.rawValue) }
                                h("p", ["class": "hint"]) { t("suggestions.why") + " " + sug.reasons.map { Suggestions.explain($0, t) }.joined(separator: "; ") }
                            }
                        }
                    }
                }
                h("form", ["method": "get", "action": SiteURL.participantReferralNew(.value(pid)).relativeURL(), "role": "search", "class": "inline"]) {
                    fields.text("q", t("referral.find"), type: "search")
                    submit(t("directory.search"))
                }
                if !found.isEmpty {
                    h("ul", ["class": "services"]) {
                        for s in found {
                            h("li") { h("a", ["href": SiteURL.participantReferralNew(.value(pid)).relativeURL([("service", "\(s.id)")])]) { s.name + " – " + s.organisation_name } }
                        }
                    }
                }
            }
        }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        let pid = scope.participantID
        var state = FormState.read(req, fields: ["service", "project", "message", "consent"] + shareable.map { "share_\($0)" })
        guard let serviceID = state.uuid("service"), let service = try await Service.find(serviceID, on: req.db) else { throw Abort(.badRequest, reason: "Choose a service") }
        let project = state.uuid("project")
        if let project, !scope.writableProjects.contains(project) { state.errors["project"] = "error.choice" }
        let message = state.text("message", max: 2000)
        if state["consent"] != "on" { state.errors["consent"] = "referral.error.consent" }
        if !service.active { state.errors["service"] = "referral.error.inactive" }
        guard let project, state.isValid else { return try await form(req, scope: scope, state: state, status: .unprocessableEntity) }
        let shared = ["name"] + shareable.filter { state["share_\($0)"] == "on" }
        let r = Referral()
        r.$participant.id = pid; r.$service.id = serviceID; r.$project.id = project; r.state = .sent
        r.consentOn = req.today.iso; r.shared = shared.joined(separator: ","); r.message = shared.contains("message") ? message : ""
        r.$createdBy.id = scope.actor.userID
        try await req.db.transaction { db in
            try await r.create(on: db)
            let e = ReferralEvent()
            e.$referral.id = r.id!; e.at = req.now; e.fromState = nil; e.toState = .sent; e.$user.id = scope.actor.userID
            try await e.create(on: db)
            let c = Consent()
            c.$participant.id = pid; c.purpose = .dataSharing; c.date = r.consentOn; c.given = true; c.$recordedBy.id = scope.actor.userID
            try await c.create(on: db)
            try await req.audit.record(.referralCreate, participant: pid, project: project, detail: "to service \(serviceID), shares \(r.shared)", on: db)
        }
        return req.redirect(SiteURL.referral(.value(r.id!)).relativeURL())
    }

    // MARK: Both sides

    enum Side { case referring(ParticipantScope), provider }

    /// The referring side sees it through the participant; the provider's staff through the service.
    static func access(_ req: Request, _ r: Referral, actor: Actor) async throws -> Side {
        let organisation = try await Service.find(r.$service.id, on: req.db)?.$organisation.id
        if let organisation, try await req.authz.isProviderStaff(actor, organisation) { return .provider }
        if let scope = try? await req.authz.participant(r.$participant.id), scope.projects[r.$project.id] != nil { return .referring(scope) }
        throw Abort(.notFound)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let (r, side) = req.guarded.referral else { throw Abort(.notFound) }
        return try await page(req, r, side: side, state: FormState())
    }

    static func page(_ req: Request, _ r: Referral, side: Side, state: FormState, status: HTTPResponseStatus = .ok, message: String? = nil) async throws -> Response {
        let t = req.t
        let isProvider: Bool = { if case .provider = side { return true } else { return false } }()
        let withdrawn = r.consentWithdrawnOn != nil
        let p = try await Participant.find(r.$participant.id, on: req.db)
        let shared = Set(r.shared.split(separator: ",").map(String.init))
        let events = try await ReferralEvent.query(on: req.db).filter(\.$referral.$id == r.id!).with(\.$user).sort(\.$at).all()
        try await req.audit.record(
            .referralView, participant: isProvider && withdrawn ? nil : r.$participant.id, project: r.$project.id,
            detail: isProvider ? "provider view" : "referring view")
        let f = Fields(t: t, state: state)
        let who = withdrawn && isProvider ? t("referral.withdrawn.person") : p.map { "\($0.firstName) \($0.lastName)" } ?? "–"
        return req.page(
            t("referral.title", r.service.name),
            breadcrumbs: isProvider
                ? [(t("provider.inbox.link"), SiteURL.organisationReferrals(.value(r.service.$organisation.id)).relativeURL())]
                : [(who, SiteURL.participant(.value(r.$participant.id)).relativeURL())], status: status
        ) {
            if let message { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { message } } }
            h("dl", ["class": "facts"]) {
                h("dt") { t("referral.person") }; h("dd") { who }
                if !(withdrawn && isProvider), let p {
                    if shared.contains("phone") { h("dt") { t("participant.phone") }; h("dd") { p.phone ?? "–" } }
                    if shared.contains("email") { h("dt") { t("participant.email") }; h("dd") { p.email ?? "–" } }
                    if shared.contains("language") { h("dt") { t("participant.language") }; h("dd") { t("language." + p.language) } }
                    if shared.contains("message") && !r.message.isEmpty { h("dt") { t("referral.message") }; h("dd") { r.message } }
                }
                h("dt") { t("referral.service") };
                h("dd") { h("a", ["href": SiteURL.directoryService(.value(r.$service.id)).relativeURL()]) { r.service.name + " – " + r.service.organisation.name } }
                h("dt") { t("referral.state") };
                h("dd") {
                    h("strong") { t("referral.state." + r.state.rawValue) }; if let reason = r.reason { " – " + reason }
                }
                h("dt") { t("referral.consent.on") }; h("dd") { t.date(r.consentOn) + (withdrawn ? " · " + t("referral.consent.withdrawn", t.date(r.consentWithdrawnOn)) : "") }
            }
            h("h2") { t("referral.history") }
            h("ol", ["class": "timeline"]) {
                for e in events {
                    h("li") {
                        t.dateTime(e.at) + " · " + t("referral.state." + e.toState.rawValue)
                        if let reason = e.reason { " – " + reason }
                        if let u = e.user { " · " + u.name }
                    }
                }
            }
            if isProvider && r.state.isOpen && !withdrawn {
                h("h2") { t("referral.update") }
                h("form", ["method": "post", "action": SiteURL.referralState(.value(r.id!)).relativeURL()]) {
                    csrfField(req)
                    f.summary()
                    f.select("to", t("referral.new_state"), options: r.state.next.map { ($0.rawValue, t("referral.state." + $0.rawValue)) }, required: true)
                    f.textarea("reason", t("referral.reason"), hint: t("referral.reason.hint"), rows: 2)
                    submit(t("form.save"))
                }
            }
            if !isProvider && !withdrawn {
                h("form", ["method": "post", "action": SiteURL.referralWithdraw(.value(r.id!)).relativeURL()]) {
                    csrfField(req)
                    h("p", ["class": "hint"]) { t("referral.withdraw.hint") }
                    h("button", ["type": "submit", "class": "secondary"]) { t("referral.withdraw") }
                }
            }
        }
    }

    @Sendable static func move(req: Request) async throws -> Response {
        guard let (r, side) = req.guarded.referral else { throw Abort(.notFound) }
        guard case .provider = side else { throw Abort(.forbidden) }
        // Consent withdrawn: the referral is closed to the provider; a conflict, not a question of access.
        guard r.consentWithdrawnOn == nil else { throw Abort(.conflict) }
        var state = FormState.read(req, fields: ["to", "reason"])
        let reason = state.text("reason", max: 1000)
        guard let target = state.choice("to", ReferralState.self) else {
            return try await page(req, r, side: side, state: state, status: .unprocessableEntity)
        }
        if let problem = r.state.move(to: target, reason: reason) {
            return try await page(req, r, side: side, state: state, status: .unprocessableEntity, message: req.t("referral.error." + problem.rawValue.split(separator: ".").last!))
        }
        let actor = try req.guardedActor()
        let from = r.state
        r.state = target
        if target.needsReason { r.reason = reason }
        try await req.db.transaction { db in
            try await r.save(on: db)
            let e = ReferralEvent()
            e.$referral.id = r.id!; e.at = req.now; e.fromState = from; e.toState = target; e.reason = reason.nilIfEmpty; e.$user.id = actor.userID
            try await e.create(on: db)
            try await req.audit.record(.referralUpdate, participant: r.$participant.id, project: r.$project.id, detail: "\(from.rawValue) → \(target.rawValue)", on: db)
        }
        return req.redirect(SiteURL.referral(.value(r.id!)).relativeURL())
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        guard let (r, side) = req.guarded.referral, case .referring = side else { throw Abort(.forbidden) }
        let scope = try await req.authz.writeParticipant(r.$participant.id, in: r.$project.id)
        r.consentWithdrawnOn = req.today.iso
        try await req.db.transaction { db in
            try await r.save(on: db)
            let c = Consent()
            c.$participant.id = r.$participant.id; c.purpose = .dataSharing; c.date = r.consentWithdrawnOn!; c.given = false; c.$recordedBy.id = scope.actor.userID
            try await c.create(on: db)
            try await req.audit.record(.referralUpdate, participant: r.$participant.id, project: r.$project.id, detail: "consent withdrawn", on: db)
        }
        return req.redirect(SiteURL.referral(.value(r.id!)).relativeURL())
    }

    // MARK: Lists

    struct InboxRow: Decodable {
        let id: UUID; let participant_id: UUID; let state: String; let created_at: Date?; let service: String; let first_name: String; let last_name: String
        let consent_withdrawn_on: String?
    }

    /// The provider's inbox: referrals to its services, with only the person's name (hidden once consent is withdrawn).
    @Sendable static func inbox(req: Request) async throws -> Response {
        let org = try req.guardedOrganisation()
        guard let organisation = try await Organisation.find(org, on: req.db) else { throw Abort(.notFound) }
        let openOnly = (try? req.query.get(String.self, at: "all")) == nil
        var q: SQLQueryString = """
            SELECT r.id, r.participant_id, r.state, r.created_at, s.name AS service, p.first_name, p.last_name, r.consent_withdrawn_on
            FROM referrals r JOIN services s ON s.id = r.service_id JOIN participants p ON p.id = r.participant_id
            WHERE s.organisation_id = \(bind: org)
            """
        if openOnly { q.appendLiteral(" AND r.state IN "); q.appendInterpolation(SQLBind.group(ReferralState.allCases.filter(\.isOpen).map(\.rawValue))) }
        q.appendLiteral(" ORDER BY r.created_at DESC LIMIT 500")
        let rows = try await req.db.sql.raw(q).all(decoding: InboxRow.self)
        let t = req.t
        try await req.audit.record(
            .participantList, participants: rows.filter { $0.consent_withdrawn_on == nil }.map(\.participant_id), project: nil,
            detail: "referral inbox \(org)")
        return req.page(t("provider.inbox.title", organisation.name), breadcrumbs: [(t("provider.services.link"), SiteURL.organisationServices(.value(org)).relativeURL())]) {
            h("p") {
                h("a", ["href": openOnly ? SiteURL.organisationReferrals(.value(org)).relativeURL([("all", "1")]) : SiteURL.organisationReferrals(.value(org)).relativeURL()]) {
                    openOnly ? t("provider.inbox.all") : t("provider.inbox.open")
                }
            }
            if rows.isEmpty { h("p") { t("provider.inbox.none") } } else { table(rows, t: t, hideWithdrawn: true) }
        }
    }

    /// The referring worker's open referrals across their projects.
    @Sendable static func open(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let projects = actor.projectsWritingPeople
        let t = req.t
        var rows: [InboxRow] = []
        if !projects.isEmpty {
            rows = try await req.db.sql.raw(
                """
                SELECT r.id, r.participant_id, r.state, r.created_at, s.name AS service, p.first_name, p.last_name, r.consent_withdrawn_on
                FROM referrals r JOIN services s ON s.id = r.service_id JOIN participants p ON p.id = r.participant_id
                WHERE r.project_id IN \(SQLBind.group(projects)) AND r.state IN \(SQLBind.group(ReferralState.allCases.filter(\.isOpen).map(\.rawValue)))
                ORDER BY r.created_at DESC LIMIT 500
                """
            ).all(decoding: InboxRow.self)
        }
        try await req.audit.record(.participantList, participants: rows.map(\.participant_id), project: nil, detail: "open referrals")
        return req.page(t("referrals.open.title")) {
            if rows.isEmpty { h("p") { t("referrals.open.none") } } else { table(rows, t: t, hideWithdrawn: false) }
        }
    }

    /// One list of referrals; the provider's side no longer sees who a withdrawn referral is about.
    static func table(_ rows: [InboxRow], t: Texts, hideWithdrawn: Bool) -> Node {
        h("table") {
            h("thead") {
                h("tr") {
                    h("th", ["scope": "col"]) { t("referral.person") }
                    h("th", ["scope": "col"]) { t("referral.service") }
                    h("th", ["scope": "col"]) { t("referral.state") }
                    h("th", ["scope": "col"]) { t("referral.sent") }
                }
            }
            h("tbody") {
                for r in rows {
                    h("tr") {
                        h("th", ["scope": "row"]) {
                            h("a", ["href": SiteURL.referral(.value(r.id)).relativeURL()]) {
                                hideWithdrawn && r.consent_withdrawn_on != nil ? t("referral.withdrawn.person") : "\(r.last_name), \(r.first_name)"
                            }
                        }
                        h("td") { r.service }
                        h("td") { t("referral.state." + r.state) }
                        h("td") { t.dateTime(r.created_at) }
                    }
                }
            }
        }
    }
}
