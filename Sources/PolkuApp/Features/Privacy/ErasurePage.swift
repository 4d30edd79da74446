import Fluent
import Foundation
import SQLKit
import Vapor

/// Erasure on request (GDPR Art. 17), by an admin: the person is named by their participant id (an
/// admin sees no names), the page shows what will be removed and what legal retention keeps (as
/// counts), and the erasure needs a reason and a confirmation. The audit keeps that it happened
/// and why, not who it was.
enum ErasurePage {
    static let fields = ["participant", "reason", "confirm"]

    /// What Polku holds of one person, as counts.
    struct Holdings: Equatable {
        var removed: [(key: String, count: Int)] = []
        var kept: [(key: String, count: Int)] = []
        var anonymised = false
        static func == (a: Self, b: Self) -> Bool {
            a.anonymised == b.anonymised && a.removed.map(\.count) == b.removed.map(\.count) && a.kept.map(\.count) == b.kept.map(\.count)
        }
    }

    struct Model {
        var state: FormState
        var holdings: Holdings?
        var done = false
    }

    static func holdings(of id: UUID, on sql: any SQLDatabase) async throws -> Holdings? {
        guard let row = try await sql.raw("SELECT anonymised_at FROM participants WHERE id = \(bind: id)").first() else { return nil }
        func count(_ query: SQLQueryString) async throws -> Int {
            try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        var h = Holdings(anonymised: try row.decode(column: "anonymised_at", as: Date?.self) != nil)
        for (key, table) in [
            ("erasure.notes", "notes"), ("erasure.goals", "goals"), ("erasure.consents", "consents"), ("erasure.questions", "data_questions"),
            ("erasure.goal_comments", "goal_comments"), ("erasure.portfolio", "portfolio_entries"),
        ] {
            h.removed.append((key, try await count("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE participant_id = \(bind: id)")))
        }
        for (key, table) in [
            ("erasure.enrolments", "enrolments"), ("erasure.attendances", "attendances"), ("erasure.assessments", "assessments"),
            ("erasure.referrals", "referrals"),
        ] {
            h.kept.append((key, try await count("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE participant_id = \(bind: id)")))
        }
        return h
    }

    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        var state = FormState.read(req.query, fields: fields)
        var model = Model(state: state)
        if !state["participant"].isEmpty, let id = state.uuid("participant") {
            model.holdings = try await holdings(of: id, on: req.db.sql)
            if model.holdings == nil { state.errors["participant"] = "erasure.unknown" }
        }
        model.state = state
        return page(model, context: req.pageContext).response()
    }

    @Sendable static func erase(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        var state = try FormState.read(req, fields: fields, requiring: ["participant", "reason"])
        let id = state.uuid("participant")
        let reason = state.text("reason", required: true, max: 500)
        if state["confirm"] != "on" { state.errors["confirm"] = "erasure.confirm_needed" }
        var holdings: Holdings? = nil
        if let id { holdings = try await Self.holdings(of: id, on: req.db.sql) }
        if id != nil, holdings == nil { state.errors["participant"] = "erasure.unknown" }
        if holdings?.anonymised == true { state.errors["participant"] = "erasure.already" }
        guard state.isValid, let id, let holdings else {
            return page(Model(state: state, holdings: holdings), context: req.pageContext).response()
        }
        let kept = holdings.kept.map { "\($0.key.dropFirst("erasure.".count))=\($0.count)" }.joined(separator: ",")
        try await req.db.writeTransaction { tx in
            _ = try await Anonymiser.anonymise([id], now: req.now, on: tx)
            try await req.audit.record(.participantErase, detail: "reason=\(reason); kept anonymous: \(kept); by=\(actor.email)", on: tx)
        }
        return page(Model(state: FormState(), holdings: nil, done: true), context: req.pageContext).response()
    }

    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(context, title: t("erasure.title"), status: m.state.isValid ? .ok : .unprocessableEntity) {
            if m.done { h("div", ["class": "notice", "role": "status"]) { h("p") { t("erasure.done") } } }
            h("p") { t("erasure.intro") }
            h("form", ["method": "get", "action": SiteURL.adminErasure.relativeURL(), "class": "inline"]) {
                f.text("participant", t("erasure.participant"), required: true, hint: t("erasure.participant.hint"))
                submit(t("erasure.look"))
            }
            if let holdings = m.holdings {
                if holdings.anonymised {
                    h("p", ["class": "notice"]) { t("erasure.already") }
                } else {
                    h("h2") { t("erasure.removed") }
                    h("ul") {
                        h("li") { t("erasure.identity") }
                        for (key, n) in holdings.removed { h("li") { t(key) + ": " + String(n) } }
                    }
                    h("h2") { t("erasure.kept") }
                    h("p") { t("erasure.kept.why") }
                    h("ul") { for (key, n) in holdings.kept { h("li") { t(key) + ": " + String(n) } } }
                    h("form", ["method": "post", "action": SiteURL.adminErasure.relativeURL()]) {
                        csrfField(context)
                        f.summary()
                        h("input", ["type": "hidden", "name": "participant", "value": m.state["participant"]])
                        f.textarea("reason", t("erasure.reason"), required: true, hint: t("erasure.reason.hint"))
                        f.checkbox("confirm", t("erasure.confirm"))
                        h("button", ["type": "submit", "class": "danger"]) { t("erasure.submit") }
                    }
                }
            }
        }
    }
}
