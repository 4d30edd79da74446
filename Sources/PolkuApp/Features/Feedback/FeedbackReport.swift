import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The project's feedback from its participants (issue 15): per group and per service, how many
/// answered, the mean rating and the share of good ones, and what was written — each only from five
/// answers up (`FeedbackSummary`).
enum FeedbackReport {
    struct Group: Equatable {
        let kind: String
        let name: String
        let summary: FeedbackSummary
        /// What was written, in alphabetical order (not the order of answering); empty while suppressed.
        let texts: [String]
    }

    struct Model {
        let project: UUID
        let projectName: String
        let groups: [Group]
        /// The project's panels' proposals and what came of them, without names (issue 16).
        var panels: [(name: String, proposals: [Panels.Proposal])] = []
    }

    static func query(project: UUID, on sql: any SQLDatabase) async throws -> Model? {
        struct Name: Decodable { let name: String }
        guard let name = try await sql.raw("SELECT name FROM projects WHERE id = \(bind: project)").first(decoding: Name.self)?.name else { return nil }
        struct Row: Decodable { let subject_kind: String; let group_id: UUID?; let name: String?; let rating: Int; let text: String }
        let rows = try await sql.raw(
            """
            SELECT f.subject_kind, COALESCE(a.id, sv.id) AS group_id, COALESCE(a.name, sv.name) AS name, f.rating, f.text
            FROM feedback f
            LEFT JOIN activity_sessions s ON f.subject_kind = 'session' AND s.id = f.subject_id
            LEFT JOIN activities a ON a.id = s.activity_id
            LEFT JOIN referrals r ON f.subject_kind = 'referral' AND r.id = f.subject_id
            LEFT JOIN services sv ON sv.id = r.service_id
            WHERE f.project_id = \(bind: project)
            """
        ).all(decoding: Row.self)
        let grouped = Dictionary(grouping: rows.filter { $0.group_id != nil }) { "\($0.subject_kind) \($0.group_id!)" }
        let groups = grouped.values.map { rows in
            let summary = FeedbackSummary.of(rows.map(\.rating))
            return Group(
                kind: rows[0].subject_kind, name: rows[0].name ?? "", summary: summary,
                texts: summary.isShown ? rows.map(\.text).filter { !$0.isEmpty }.sorted() : [])
        }
        var panels: [(name: String, proposals: [Panels.Proposal])] = []
        for panel in try await Panels.panels(project: project, on: sql) { panels.append((panel.name, try await Panels.proposals(panel: panel.id, on: sql))) }
        return Model(project: project, projectName: name, groups: groups.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }, panels: panels)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (id, _, _) = try req.guardedProject()
        guard let model = try await query(project: id, on: req.db.sql) else { throw Abort(.notFound) }
        try await req.audit.record(.reportView, project: id, detail: "participant feedback")
        return page(model, context: req.pageContext).response()
    }

    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        return Page(
            context, title: t("feedback.report.title", m.projectName),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.projectName, SiteURL.project(.value(m.project)).relativeURL())]
        ) {
            h("p", ["class": "lead"]) { t("feedback.report.intro") }
            if !m.panels.isEmpty {
                h("section", ["aria-labelledby": "panel-report"]) {
                    h("h2", ["id": "panel-report"]) { t("panel.report") }
                    Panels.section(m.panels, t: t)
                }
            }
            if m.groups.isEmpty { h("p") { t("feedback.report.none") } }
            if !m.groups.isEmpty {
                dataTable {
                    h("caption") { t("feedback.report.caption") }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("feedback.report.subject") }
                            h("th", ["scope": "col", "class": "num"]) { t("feedback.report.answers") }
                            h("th", ["scope": "col", "class": "num"]) { t("feedback.report.mean") }
                            h("th", ["scope": "col", "class": "num"]) { t("feedback.report.good") }
                        }
                    }
                    h("tbody") {
                        for g in m.groups {
                            h("tr") {
                                h("th", ["scope": "row"]) { g.name + " (" + t("feedback.kind." + g.kind) + ")" }
                                h("td", ["class": "num"]) { g.summary.answers.description }
                                h("td", ["class": "num"]) { g.summary.mean.map(Chart.number) ?? "–" }
                                h("td", ["class": "num"]) { g.summary.goodShare.map { "\($0) %" } ?? "–" }
                            }
                        }
                    }
                }
                h("p", ["class": "hint"]) { t("feedback.report.small") }
                for g in m.groups where !g.texts.isEmpty {
                    h("section", ["aria-label": t("feedback.report.words", g.name)]) {
                        h("h2") { t("feedback.report.words", g.name) }
                        h("ul") { for text in g.texts { h("li") { text } } }
                    }
                }
            }
        }
    }
}
