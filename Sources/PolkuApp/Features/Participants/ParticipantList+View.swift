extension ParticipantList {
    /// The list: a search form (GET), the people as a table with links to their pages, and paging.
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("participants.title")) {
            if m.canAdd {
                h("p") {
                    h("a", ["class": "button", "href": SiteURL.participantNew.relativeURL(m.input.project.map { [("project", $0.text)] } ?? [])]) {
                        t("participants.new")
                    }
                }
            }
            h("form", ["method": "get", "action": SiteURL.participants.relativeURL(), "role": "search", "class": "inline"]) {
                h("div", ["class": "field"]) {
                    h("label", ["for": "q"]) { t("participants.search") }
                    h("input", ["type": "search", "id": "q", "name": "q", "value": m.input.search])
                }
                h("div", ["class": "field"]) {
                    h("label", ["for": "project"]) { t("participants.project") }
                    h("select", ["id": "project", "name": "project"]) {
                        h("option", ["value": ""]) { t("participants.all_projects") }
                        for p in m.projects { h("option", ["value": p.id.text, "selected": p.id == m.input.project ? "" : nil]) { p.name } }
                    }
                }
                submit(t("participants.search.submit"))
            }
            if m.rows.isEmpty {
                h("p", ["role": "status"]) { t("participants.none") }
            } else {
                dataTable {
                    h("caption", ["class": "visually-hidden"]) { t("participants.title") }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("participant.name") }
                            h("th", ["scope": "col"]) { t("participant.birth_date") }
                            h("th", ["scope": "col"]) { t("participant.municipality") }
                        }
                    }
                    h("tbody") {
                        for row in m.rows {
                            h("tr") {
                                h("td") { h("a", ["href": SiteURL.participant(.value(row.id)).relativeURL()]) { "\(row.last_name), \(row.first_name)" } }
                                h("td") { t.date(row.birth_date) }
                                h("td") { row.municipality }
                            }
                        }
                    }
                }
            }
            Pager(
                label: t("participants.paging"),
                first: m.input.after == nil ? nil : (t("participants.first_page"), SiteURL.participants.relativeURL(m.filterQuery)),
                next: m.hasMore ? m.rows.last.map { (t("participants.next_page"), SiteURL.participants.relativeURL(m.filterQuery + [("after", $0.id.text)])) } : nil
            ).node
        }
    }
}
