import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The follow-ups due in a project, as a page.
enum FollowUpPage {
    struct Row: Decodable, Equatable { let enrolment_id: UUID; let participant_id: UUID; let first_name: String; let last_name: String; let end_date: String }

    struct Model {
        var project: (id: UUID, name: String)
        var rows: [Row] = []
    }

    /// The people of `project` who left at least six months before `today` and have no follow-up yet,
    /// longest ago first; nil if the project is gone.
    static func query(project: UUID, today: CalendarDate, on db: any Database) async throws -> Model? {
        struct Name: Decodable { let name: String }
        guard let name = try await db.sql.select().column("name").from(Project.schema).where("id", .equal, project).first(decoding: Name.self)?.name
        else { return nil }
        return Model(project: (project, name), rows: try await due(project: project, today: today, on: db))
    }

    static func due(project: UUID, today: CalendarDate, on db: any Database) async throws -> [Row] {
        // Six months = 183 days, the calendar half-year the SPEC's longer-term results use.
        let cutoff = today.adding(days: -183).iso
        return try await db.sql.raw(
            """
            SELECT e.id AS enrolment_id, e.participant_id, p.first_name, p.last_name, e.end_date
            FROM enrolments e JOIN participants p ON p.id = e.participant_id
            WHERE e.project_id = \(bind: project) AND e.end_date IS NOT NULL AND e.end_date <= \(bind: cutoff)
              AND e.followup_date IS NULL
            ORDER BY e.end_date, p.search_key
            """
        ).all(decoding: Row.self)
    }

    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        return Page(
            context, title: t("followup.title", m.project.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.project.name, SiteURL.project(.value(m.project.id)).relativeURL())]
        ) {
            h("p") { t("followup.intro") }
            if m.rows.isEmpty {
                h("p", ["role": "status"]) { t("followup.none") }
            } else {
                dataTable {
                    h("caption", ["class": "visually-hidden"]) { t("followup.title", m.project.name) }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("participant.name") }
                            h("th", ["scope": "col"]) { t("esf.field.exit_date") }
                            h("th", ["scope": "col"]) { t("form.actions") }
                        }
                    }
                    h("tbody") {
                        for r in m.rows {
                            h("tr") {
                                h("td") { "\(r.last_name), \(r.first_name)" }
                                h("td") { t.date(r.end_date) }
                                h("td") {
                                    h(
                                        "a",
                                        [
                                            "href": SiteURL.enrolmentESF(.value(r.participant_id), .value(r.enrolment_id)).relativeURL(fragment: "f-followup_date"),
                                            "aria-label": "\(t("followup.record")): \(r.last_name), \(r.first_name)",
                                        ]
                                    ) { t("followup.record") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
