extension SeenBy {
    /// The events as a table (a list of "when, who, role, what" on a phone), newest first, paged.
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("seen.title"), breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL())]) {
            h("p", ["class": "lead"]) { t("seen.intro", months) }
            if !m.questions.isEmpty { DataQuestions.ownSection(m.questions, t: t) }
            if m.events.isEmpty {
                h("p") { t(m.before == nil ? "seen.none" : "seen.none_older") }
            } else {
                dataTable {
                    h("caption", ["class": "visually-hidden"]) { t("seen.title") }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("seen.when") }
                            h("th", ["scope": "col"]) { t("seen.who") }
                            h("th", ["scope": "col"]) { t("seen.role") }
                            h("th", ["scope": "col"]) { t("seen.what") }
                            h("th", ["scope": "col"]) { t("seen.ask.head") }
                        }
                    }
                    h("tbody") {
                        for e in m.events {
                            h("tr") {
                                h("td") { t.dateTime(e.at) }
                                h("td") { e.actor_id == nil ? t("seen.system") : (e.actor_name ?? t("seen.removed_user")) }
                                h("td") { e.actor_id.map { roles(m.roles[$0] ?? [], t: t) } ?? "" }
                                h("td") { t(what(e.action)) }
                                h("td") {
                                    h("a", ["href": SiteURL.mySeenQuestion(.value(e.id)).relativeURL()]) {
                                        t("seen.ask")
                                        h("span", ["class": "visually-hidden"]) { " (" + t.dateTime(e.at) + ")" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Pager(
                label: t("seen.paging"),
                first: m.before == nil ? nil : (t("seen.newest"), SiteURL.mySeen.relativeURL()),
                next: m.hasMore ? m.events.last.map { (t("seen.older"), SiteURL.mySeen.relativeURL([("before", $0.id.text)])) } : nil
            ).node
        }
    }

    /// "Ohjaaja, Lähde mukaan! (Porin kaupunki)"; several roles one after another.
    static func roles(_ roles: [Role], t: Texts) -> String {
        guard !roles.isEmpty else { return t("seen.role.none") }
        return roles.map { r in
            // A membership of an organisation alone is a service provider's (or an admin's).
            var text = r.project_name == nil && r.organisation_name != nil && r.role != "admin" ? t("seen.role.provider") : t("role." + r.role)
            if let project = r.project_name { text += ", " + project }
            if let organisation = r.organisation_name { text += " (" + organisation + ")" }
            return text
        }.joined(separator: "; ")
    }
}
