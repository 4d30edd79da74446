import Fluent
import SQLKit
import Vapor

/// The people behind one figure of a report, for the project's own staff: a list of names, each a
/// link to the person.
enum ReportPeople {
    /// The list, sorted by name; `label` says which figure it is.
    static func page(_ label: String, project: (id: UUID, name: String), people: [(id: UUID, name: String)], context: PageContext) -> Page {
        let t = context.t
        let sorted = people.sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }
        return Page(
            context, title: t("report.people", label),
            breadcrumbs: [
                (t("projects.title"), SiteURL.projects.relativeURL()), (project.name, SiteURL.project(.value(project.id)).relativeURL()),
                (t("report.link"), SiteURL.projectReport(.value(project.id)).relativeURL()),
            ]
        ) {
            if sorted.isEmpty {
                h("p") { t("report.people.none") }
            } else {
                h("ul") { for p in sorted { h("li") { h("a", ["href": SiteURL.participant(.value(p.id)).relativeURL()]) { p.name } } } }
            }
        }
    }

    /// "Last, First" for the given participants, in one query.
    static func names(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { let id: UUID; let first_name: String; let last_name: String }
        var result: [UUID: String] = [:]
        let unique = Array(Set(ids))
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let rows = try await db.sql.select().columns("id", "first_name", "last_name").from("participants")
                .where("id", .in, SQLBind.group(chunk)).all(decoding: Row.self)
            for r in rows { result[r.id] = "\(r.last_name), \(r.first_name)" }
        }
        return result
    }
}
