import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A project's activities, newest first, and the form that adds one.
enum ActivityList {
    struct Row: Decodable, Equatable { let id: UUID; let name: String; let kind: String; let from_date: String; let to_date: String }
    struct Choice: Decodable, Equatable { let id: UUID; let name: String }

    /// Everything the page shows; `page(_:context:status:)` needs nothing else.
    struct Model {
        var project: Choice
        var activities: [Row] = []
        var canCreate = false
        /// The new-activity form: what was typed and its errors.
        var state = FormState()
        var sites: [Choice] = []
        /// The project's staff, offered as organisers.
        var staff: [ActivityQueries.Staff] = []
    }

    /// Reads the list, and what the form offers when `canCreate`; nil if the project is gone.
    static func query(project: UUID, canCreate: Bool, state: FormState, on db: any Database) async throws -> Model? {
        let sql = db.sql
        guard let p = try await sql.select().columns("id", "name").from(Project.schema).where("id", .equal, project).first(decoding: Choice.self) else { return nil }
        var m = Model(project: p, canCreate: canCreate, state: state)
        m.activities = try await sql.select().columns("id", "name", "kind", "from_date", "to_date").from(Activity.schema).where("project_id", .equal, project)
            .orderBy("from_date", .descending).orderBy("name").all(decoding: Row.self)
        if canCreate {
            m.sites = try await sql.select().columns("id", "name").from(Site.schema).where("project_id", .equal, project).orderBy("name").all(decoding: Choice.self)
            m.staff = try await ActivityQueries.staff(project: project, on: db)
        }
        return m
    }

    /// The list with links to each activity, and for those who may add one, the form (with what was
    /// typed and why it was refused).
    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        let projectID = m.project.id
        let (activities, sites, staff, canCreate) = (m.activities, m.sites, m.staff, m.canCreate)
        return Page(
            context, title: t("activities.title", m.project.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.project.name, SiteURL.project(.value(projectID)).relativeURL())],
            status: status
        ) {
            h("ul", ["class": "actions"]) {
                h("li") { h("a", ["href": SiteURL.projectActivityReport(.value(projectID)).relativeURL()]) { t("activity_report.link") } }
                h("li") { h("a", ["href": SiteURL.calendar.relativeURL([("project", "\(projectID)")])]) { t("calendar.link") } }
            }
            if activities.isEmpty {
                h("p") { t("activities.none") }
            } else {
                dataTable {
                    h("caption", ["class": "visually-hidden"]) { t("activities.title", m.project.name) }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("activity.name") }
                            h("th", ["scope": "col"]) { t("activity.kind") }
                            h("th", ["scope": "col"]) { t("project.period") }
                        }
                    }
                    h("tbody") {
                        for a in activities {
                            h("tr") {
                                h("td") { h("a", ["href": SiteURL.activity(.value(a.id)).relativeURL()]) { a.name } }
                                h("td") { t("activity.kind." + a.kind) }
                                h("td") { a.from_date == a.to_date ? t.date(a.from_date) : "\(t.date(a.from_date))–\(t.date(a.to_date))" }
                            }
                        }
                    }
                }
            }
            if canCreate {
                h("h2") { t("activities.new") }
                h("form", ["method": "post", "action": SiteURL.projectActivities(.value(projectID)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.select("kind", t("activity.kind"), options: Activity.Kind.allCases.map { ($0.rawValue, t("activity.kind." + $0.rawValue)) }, required: true)
                    f.select(
                        "category", t("activity.category"), options: Activity.Category.allCases.map { ($0.rawValue, t("activity.category." + $0.rawValue)) },
                        blank: t("activity.category.none"))
                    f.text("name", t("activity.name"), required: true)
                    f.textarea("description", t("activity.description"), rows: 3)
                    f.text("target_group", t("activity.target_group"), hint: t("activity.target_group.hint"))
                    if !staff.isEmpty {
                        h("fieldset", ["class": "checks"]) {
                            h("legend") { t("activity.organisers") }
                            h("p", ["class": "hint"]) { t("activity.organisers.hint") }
                            for u in staff { f.checkbox("org_\(u.id)", u.name) }
                        }
                    }
                    f.text("co_organisers", t("activity.co_organisers"), hint: t("activity.co_organisers.hint"))
                    f.select("site_id", t("enrolment.site"), options: sites.map { ($0.id.text, $0.name) }, blank: t("enrolment.site.none"))
                    f.date("from", t("activity.from"), required: true)
                    f.date("to", t("activity.to"))
                    f.text("start", t("activity.start"), required: true, hint: t("activity.time.hint"))
                    f.text("end", t("activity.end"), required: true, hint: t("activity.time.hint"))
                    h("fieldset", ["class": "checks"]) {
                        h("legend") { t("activity.weekdays") }
                        h("p", ["class": "hint"]) { t("activity.weekdays.hint") }
                        for d in 1...7 { f.checkbox("wd_\(d)", t("weekday.\(d)")) }
                    }
                    f.text("interval", t("activity.interval"), hint: t("activity.interval.hint"))
                    submit(t("form.save"))
                }
            }
        }
    }
}
