import Fluent
import Foundation
import SQLKit
import Vapor

/// The forms that add a participant (with their first enrolment) and edit one's details. A refused
/// form comes back with what was typed and why.
enum ParticipantFormPages {
    struct Choice: Decodable, Equatable { let id: UUID; let name: String }
    struct SiteChoice: Decodable, Equatable { let id: UUID; let name: String; let project_id: UUID }

    /// The new-participant form and the projects and sites the actor may enrol people in.
    struct New {
        var form: ParticipantForm
        var projects: [Choice] = []
        var sites: [SiteChoice] = []
    }

    struct Edit {
        var form: ParticipantForm
        var participant: UUID
        /// The name as stored, for the title and the way back (not as typed in a refused form).
        var name: String
    }

    /// The projects and sites the actor writes people in, by name, id and name only.
    static func new(_ form: ParticipantForm, actor: Actor, on db: any Database) async throws -> New {
        let writing = actor.projectsWritingPeople
        guard !writing.isEmpty else { return New(form: form) }
        let sql = db.sql
        return New(
            form: form,
            projects: try await sql.select().columns("id", "name").from(Project.schema).where("id", .in, SQLBind.group(writing)).orderBy("name")
                .all(decoding: Choice.self),
            sites: try await sql.select().columns("id", "name", "project_id").from(Site.schema).where("project_id", .in, SQLBind.group(writing))
                .orderBy("name").all(decoding: SiteChoice.self))
    }

    static func newPage(_ m: New, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.form.state)
        let names = Dictionary(m.projects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Page(context, title: t("participants.new"), breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL())], status: status) {
            h("form", ["method": "post", "action": SiteURL.participants.relativeURL()]) {
                csrfField(context)
                f.summary()
                m.form.fieldsNodes(t)
                h("fieldset") {
                    h("legend") { t("participant.section.enrolment") }
                    f.select("project_id", t("enrolment.project"), options: m.projects.map { ($0.id.text, $0.name) }, required: true, blank: "")
                    f.select(
                        "site_id", t("enrolment.site"), options: m.sites.map { ($0.id.text, "\(names[$0.project_id] ?? ""): \($0.name)") },
                        blank: t("enrolment.site.none"))
                    f.date("start_date", t("enrolment.start"), required: true)
                    f.checkbox("consent_service", t("consent.service.checkbox"))
                }
                submit(t("form.save"))
            }
        }
    }

    static func editPage(_ m: Edit, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(
            context, title: t("participant.edit"),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), (m.name, SiteURL.participant(.value(m.participant)).relativeURL())],
            status: status
        ) {
            h("form", ["method": "post", "action": SiteURL.participant(.value(m.participant)).relativeURL()]) {
                csrfField(context)
                Fields(t: t, state: m.form.state).summary()
                m.form.fieldsNodes(t)
                submit(t("form.save"))
            }
        }
    }
}
