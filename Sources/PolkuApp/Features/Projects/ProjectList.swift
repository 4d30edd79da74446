import Fluent
import Foundation
import SQLKit

/// The projects, newest first: their public facts for everyone signed in, and the number of people
/// enrolled for those who see the project's figures.
enum ProjectList {
    struct Row: Decodable, Equatable {
        let id: UUID
        let code: String
        let name: String
        let start_date: String
        let end_date: String
        let status: String
    }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        var rows: [Row] = []
        /// People enrolled, for the projects whose figures the actor sees; the others show "–".
        var participants: [UUID: Int] = [:]
        var canCreate = false
    }

    static func query(actor: Actor, on db: any Database) async throws -> Model {
        let rows = try await db.sql.select().columns("id", "code", "name", "start_date", "end_date", "status").from(Project.schema)
            .orderBy("start_date", .descending).orderBy("code").all(decoding: Row.self)
        let counts = try await ProjectQueries.participantCounts(on: db)
        let visible = rows.filter { actor.isAdmin || actor.access(to: $0.id).seesAggregates }
        return Model(
            rows: rows, participants: Dictionary(uniqueKeysWithValues: visible.map { ($0.id, counts[$0.id] ?? 0) }), canCreate: actor.createsProjects)
    }

    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("projects.title")) {
            if m.canCreate { h("p") { h("a", ["class": "button", "href": SiteURL.projectNew.relativeURL()]) { t("projects.new") } } }
            dataTable {
                h("caption", ["class": "visually-hidden"]) { t("projects.title") }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("project.code") }
                        h("th", ["scope": "col"]) { t("project.name") }
                        h("th", ["scope": "col"]) { t("project.period") }
                        h("th", ["scope": "col"]) { t("project.status") }
                        h("th", ["scope": "col", "class": "num"]) { t("project.participants") }
                    }
                }
                h("tbody") {
                    for p in m.rows {
                        h("tr") {
                            h("td") { p.code }
                            h("td") { h("a", ["href": SiteURL.project(.value(p.id)).relativeURL()]) { p.name } }
                            h("td") { "\(t.date(p.start_date))–\(t.date(p.end_date))" }
                            h("td") { t("project.status." + p.status) }
                            h("td", ["class": "num"]) { m.participants[p.id].map(String.init) ?? "–" }
                        }
                    }
                }
            }
        }
    }
}
