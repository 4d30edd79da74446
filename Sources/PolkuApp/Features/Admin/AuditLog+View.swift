extension AuditLog {
    /// The log: a filter form (GET), the events as a table, and a link to the older ones.
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(context, title: t("audit.title"), status: m.state.isValid ? .ok : .badRequest) {
            h("form", ["method": "get", "action": SiteURL.adminAudit.relativeURL(), "class": "inline"]) {
                f.text("actor", t("audit.actor"), type: "email")
                f.text("participant", t("audit.participant"), hint: t("audit.participant.hint"))
                f.select("action", t("audit.action"), options: Audit.Action.allCases.map { ($0.rawValue, $0.rawValue) }, blank: t("audit.action.all"))
                f.date("from", t("audit.from"))
                f.date("to", t("audit.to"))
                submit(t("audit.filter"))
            }
            dataTable {
                h("caption", ["class": "visually-hidden"]) { t("audit.title") }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("audit.at") }
                        h("th", ["scope": "col"]) { t("audit.actor") }
                        h("th", ["scope": "col"]) { t("audit.action") }
                        h("th", ["scope": "col"]) { t("audit.participant") }
                        h("th", ["scope": "col"]) { t("audit.detail") }
                        h("th", ["scope": "col"]) { t("audit.address") }
                    }
                }
                h("tbody") {
                    for r in m.rows {
                        h("tr") {
                            h("td") { t.dateTime(r.at) }
                            h("td") { r.actor_email }
                            h("td") { r.action }
                            h("td") {
                                if let pid = r.participant_id {
                                    h("a", ["href": SiteURL.adminAudit.relativeURL([("participant", pid.text)])]) { String(pid.text.prefix(8)) }
                                }
                            }
                            h("td") { r.detail }
                            h("td") { r.client_address }
                        }
                    }
                }
            }
            if m.hasMore, let last = m.rows.last {
                Pager(
                    label: t("participants.paging"),
                    next: (t("participants.next_page"), SiteURL.adminAudit.relativeURL(m.filterQuery + [("before", last.id.text)]))
                ).node
            }
        }
    }
}
