import Fluent
import PolkuCore
import SQLKit
import Vapor

/// Participants whose six-month follow-up is due: left at least six months ago, follow-up not recorded.
enum FollowUpController {
    struct Row: Decodable { let enrolment_id: UUID; let participant_id: UUID; let first_name: String; let last_name: String; let end_date: String }

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

    @Sendable static func index(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let rows = try await due(project: id, today: req.today, on: req.db)
        try await req.audit.record(.participantList, participants: rows.map(\.participant_id), project: id, detail: "follow-up due")
        let t = req.t
        return req.page(
            t("followup.title", project.name), breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (project.name, SiteURL.project(.value(id)).relativeURL())]
        ) {
            h("p") { t("followup.intro") }
            if rows.isEmpty {
                h("p", ["role": "status"]) { t("followup.none") }
            } else {
                h("table") {
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("participant.name") }
                            h("th", ["scope": "col"]) { t("esf.field.exit_date") }
                            h("th", ["scope": "col"]) { t("form.actions") }
                        }
                    }
                    h("tbody") {
                        for r in rows {
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
