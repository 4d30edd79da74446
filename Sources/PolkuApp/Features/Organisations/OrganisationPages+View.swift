import Vapor

extension OrganisationPages {
    /// The list as a table; an edit link on the rows the actor may edit.
    static func listPage(_ m: List, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("organisations.title")) {
            if m.canCreate { h("p") { h("a", ["class": "button", "href": SiteURL.organisationNew.relativeURL()]) { t("organisations.new") } } }
            dataTable {
                h("caption", ["class": "visually-hidden"]) { t("organisations.title") }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("organisation.name") }
                        h("th", ["scope": "col"]) { t("organisation.business_id") }
                        h("th", ["scope": "col"]) { t("organisation.kind") }
                        h("th", ["scope": "col"]) { t("organisation.municipality") }
                        if !m.editable.isEmpty { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for o in m.rows {
                        h("tr") {
                            h("td") { o.name }
                            h("td") { o.business_id ?? "–" }
                            h("td") { t("organisation.kind." + o.kind) }
                            h("td") { o.municipality ?? "" }
                            if !m.editable.isEmpty {
                                h("td") {
                                    if m.editable.contains(o.id) {
                                        h("a", ["href": SiteURL.organisationEdit(.value(o.id)).relativeURL(), "aria-label": "\(t("form.edit")): \(o.name)"]) { t("form.edit") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The form; a refused post shows it again with what was typed and why (`status` 422).
    static func formPage(_ m: Form, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(
            context, title: m.organisation.map { t("organisation.edit", $0.name) } ?? t("organisations.new"),
            breadcrumbs: [(t("organisations.title"), SiteURL.organisations.relativeURL())], status: status
        ) {
            h("form", ["method": "post", "action": m.organisation.map { SiteURL.organisation(.value($0.id)).relativeURL() } ?? SiteURL.organisations.relativeURL()]) {
                csrfField(context)
                f.summary()
                f.text("name", t("organisation.name"), required: true)
                f.text("business_id", t("organisation.business_id"), hint: t("organisation.business_id.hint"))
                f.select("kind", t("organisation.kind"), options: Organisation.Kind.allCases.map { ($0.rawValue, t("organisation.kind." + $0.rawValue)) }, required: true)
                f.text("municipality", t("organisation.municipality"))
                f.text("website", t("organisation.website"), type: "url")
                submit(t("form.save"))
            }
        }
    }
}
