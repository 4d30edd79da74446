import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// "Arvioi itse" (issue 15): the instruments the participant's projects offer for self-report, the
/// form (the staff's form, posted to the participant's own address), and the participant's word on
/// a result ("I disagree, because…"), which the coach reads beside the result.
enum MyAssessments {
    static let commentMax = 2_000

    struct Offer: Equatable {
        let project: UUID
        let projectName: String
        let key: String
        let name: String
        /// When the participant last answered it, if ever.
        let last: String?
    }

    /// What the participant may fill in: each project they are in, its self-report instruments that a
    /// person can answer (`InstrumentDefinition.selfReportable`), newest version, named in `lang`.
    static func offered(_ participant: UUID, lang: String, on db: any Database) async throws -> [Offer] {
        struct Row: Decodable { let project_id: UUID; let project: String; let key: String; let definition: String; let last: String? }
        let rows = try await db.sql.raw(
            """
            SELECT pi.project_id, p.name AS project, i.key, i.definition,
                   (SELECT MAX(a.date) FROM assessments a JOIN instruments ai ON ai.id = a.instrument_id
                    WHERE a.participant_id = \(bind: participant) AND a.project_id = pi.project_id AND ai.key = i.key) AS last
            FROM project_instruments pi JOIN projects p ON p.id = pi.project_id
            JOIN instruments i ON i.key = pi.instrument_key AND i.version = (SELECT MAX(j.version) FROM instruments j WHERE j.key = i.key)
            WHERE pi.self_report = \(bind: true)
              AND pi.project_id IN (SELECT e.project_id FROM enrolments e WHERE e.participant_id = \(bind: participant))
            ORDER BY p.name, i.key
            """
        ).all(decoding: Row.self)
        return rows.compactMap { r in
            guard let d = Instrument.decoded(r.definition), d.selfReportable else { return nil }
            return Offer(project: r.project_id, projectName: r.project, key: r.key, name: d.name.text(lang), last: r.last)
        }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let offers = try await offered(pid, lang: req.lang.rawValue, on: req.db)
        try await req.audit.record(.participantView, participant: pid, detail: "own self-assessments")
        return page(offers, context: req.pageContext).response()
    }

    /// The form; `?project=` chooses the project when more than one offers the instrument.
    @Sendable static func form(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let key = req.parameters.get("key") ?? ""
        let projects = try await offered(pid, lang: req.lang.rawValue, on: req.db).filter { $0.key == key }.map(\.project)
        let asked = (try? req.query.get(UUID.self, at: "project")) ?? (projects.count == 1 ? projects.first : nil)
        let ctx = try await AssessmentController.ownContext(req, projectText: asked?.text ?? "", key: key)
        var state = FormState()
        state.values["date"] = req.today.iso
        try await req.audit.record(.participantView, participant: pid, project: ctx.project, detail: "own assessment form \(key)")
        return AssessmentController.form(req, ctx, state: state)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let project = (try? req.content.get(String.self, at: "project")) ?? ""
        let key = (try? req.content.get(String.self, at: "instrument")) ?? ""
        return try await AssessmentController.save(req, AssessmentController.ownContext(req, projectText: project, key: key))
    }

    /// The participant's word on one of their results; an empty text takes the word back.
    @Sendable static func comment(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        guard let id = req.parameters.get("assessment", as: UUID.self) else { throw Abort(.notFound) }
        struct Found: Decodable { let key: String; let project_id: UUID }
        guard
            let found = try await req.db.sql.raw(
                """
                SELECT i.key, a.project_id FROM assessments a JOIN instruments i ON i.id = a.instrument_id
                WHERE a.id = \(bind: id) AND a.participant_id = \(bind: pid)
                """
            ).first(decoding: Found.self)
        else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["comment"], requiring: ["comment"])
        let text = state.text("comment", max: commentMax)
        guard state.isValid else { return try await MeasureHistory.ownPage(req, participant: pid, key: found.key, comment: (id, state)) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                UPDATE assessments SET own_comment = \(bind: text.isEmpty ? nil : text), own_comment_at = \(bind: text.isEmpty ? nil : req.now)
                WHERE id = \(bind: id)
                """
            ).run()
            try await req.audit.record(.participantUpdate, participant: pid, project: found.project_id, detail: "own comment on assessment", on: db)
        }
        req.flash(text.isEmpty ? "me.assessments.comment_removed" : "me.assessments.comment_saved")
        return req.redirect(SiteURL.myMeasure(.value(found.key)).relativeURL(fragment: "own-comment"))
    }

    static func page(_ offers: [Offer], context: PageContext) -> Page {
        let t = context.t
        let several = Set(offers.map(\.project)).count > 1
        return Page(context, title: t("me.assessments.title"), breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL())]) {
            h("p", ["class": "lead"]) { t("me.assessments.intro") }
            if offers.isEmpty { h("p") { t("me.assessments.none") } }
            h("ul", ["class": "actions-list"]) {
                for o in offers {
                    h("li") {
                        h("a", ["href": SiteURL.myAssessment(.value(o.key)).relativeURL([("project", o.project.text)])]) {
                            o.name + (several ? " – " + o.projectName : "")
                        }
                        if let last = o.last {
                            h("span", ["class": "hint"]) { " " + t("me.assessments.last", t.date(last)) + " " }
                            h("a", ["href": SiteURL.myMeasure(.value(o.key)).relativeURL()]) { t("me.assessments.see") }
                        }
                    }
                }
            }
        }
    }
}
