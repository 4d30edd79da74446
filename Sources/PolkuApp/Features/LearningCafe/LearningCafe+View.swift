import PolkuCore
import Vapor

extension LearningCafe {
    static func listPage(project: UUID, name: String, cafes: [Cafe], state: FormState, context: PageContext, status: HTTPResponseStatus) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(
            context, title: t("cafe.list.title", name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (name, SiteURL.project(.value(project)).relativeURL())], status: status
        ) {
            h("p", ["class": "lead"]) { t("cafe.list.intro") }
            if cafes.isEmpty { h("p") { t("cafe.list.none") } }
            h("ul") {
                for c in cafes {
                    h("li") {
                        h("a", ["href": SiteURL.projectCafe(.value(project), .value(c.id)).relativeURL()]) { c.title }
                        " – " + t("cafe.summary", t.date(c.date), c.head_count, c.ideas)
                    }
                }
            }
            h("section", ["aria-labelledby": "cafe-new"]) {
                h("h2", ["id": "cafe-new"]) { t("cafe.new") }
                h("form", ["method": "post", "action": SiteURL.projectCafes(.value(project)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.text("title", t("cafe.field.title"), required: true)
                    f.date("date", t("cafe.field.date"), required: true)
                    f.text("head_count", t("cafe.field.head_count"), type: "number")
                    f.select("rounds", t("cafe.field.rounds"), options: (1...maxRounds).map { (String($0), String($0)) })
                    f.textarea("themes", t("cafe.field.themes"), required: true, hint: t("cafe.field.themes_hint"), rows: 4)
                    submit(t("cafe.create"))
                }
            }
        }
    }

    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(
            context, title: m.cafe.title,
            breadcrumbs: [(m.projectName, SiteURL.project(.value(m.project)).relativeURL()), (t("cafe.list.link"), SiteURL.projectCafes(.value(m.project)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("cafe.summary", t.date(m.cafe.date), m.cafe.head_count, m.ideas.count) }
            for theme in m.themes {
                h("section", ["aria-labelledby": "theme-\(theme.id)"]) {
                    h("h2", ["id": "theme-\(theme.id)"]) { theme.theme }
                    let ideas = m.ideas.filter { $0.theme_id == theme.id }
                    if ideas.isEmpty { h("p") { t("cafe.ideas.none") } }
                    for round in 1...m.cafe.rounds where ideas.contains(where: { $0.round == round }) {
                        h("h3") { t("cafe.round", round) }
                        h("ul") { for i in ideas where i.round == round { h("li") { i.idea } } }
                    }
                }
            }
            attendeesSection(m, context: context)
            h("section", ["aria-labelledby": "cafe-idea"]) {
                h("h2", ["id": "cafe-idea"]) { t("cafe.add_idea") }
                h("form", ["method": "post", "action": SiteURL.projectCafeIdeas(.value(m.project), .value(m.cafe.id)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.select("theme", t("cafe.field.theme"), options: m.themes.map { ($0.id.text, $0.theme) }, required: true)
                    f.select("round", t("cafe.field.round"), options: (1...m.cafe.rounds).map { (String($0), t("cafe.round", $0)) }, required: true)
                    f.textarea("idea", t("cafe.field.idea"), required: true, rows: 2)
                    submit(t("cafe.save_idea"))
                }
            }
        }
    }

    /// Who took part by name, beside the head count; for a café open to anyone the count is enough.
    static func attendeesSection(_ m: Model, context: PageContext) -> Node {
        let t = context.t
        let f = Fields(t: t, state: m.attendeeState, prefix: "attendee-")
        return h("section", ["aria-labelledby": "cafe-attendees"]) {
            h("h2", ["id": "cafe-attendees"]) { t("cafe.attendees", m.attendees.count) }
            h("p", ["class": "hint"]) { t("cafe.attendees.hint") }
            if !m.attendees.isEmpty {
                h("ul") {
                    for p in m.attendees {
                        h("li") { h("a", ["href": SiteURL.participant(.value(p.id)).relativeURL()]) { p.last_name + ", " + p.first_name } }
                    }
                }
            }
            h(
                "form",
                ["method": "post", "action": SiteURL.projectCafeAttendees(.value(m.project), .value(m.cafe.id)).relativeURL(fragment: "cafe-attendees")]
            ) {
                csrfField(context)
                f.summary()
                PersonFinder(prefix: "attendee-", legend: t("cafe.field.attendee"), search: m.search, state: m.attendeeState).fieldset(t)
                submit(t("cafe.add_attendee"))
            }
        }
    }
}
