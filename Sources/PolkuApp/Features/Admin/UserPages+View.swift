import PolkuCore
import Vapor

extension UserPages {
    static func listPage(_ rows: [Row], context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("users.title")) {
            h("p") { h("a", ["class": "button", "href": SiteURL.adminUserNew.relativeURL()]) { t("users.new") } }
            dataTable {
                h("caption", ["class": "visually-hidden"]) { t("users.title") }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("user.name") }
                        h("th", ["scope": "col"]) { t("user.email") }
                        h("th", ["scope": "col"]) { t("user.state") }
                    }
                }
                h("tbody") {
                    for u in rows {
                        h("tr") {
                            h("td") { h("a", ["href": SiteURL.adminUser(.value(u.id)).relativeURL()]) { u.name } }
                            h("td") { u.email }
                            h("td") { t(u.is_active ? "user.active" : "user.inactive") }
                        }
                    }
                }
            }
        }
    }

    /// The new-user form; the password is never sent back, even after a refusal.
    static func newPage(_ m: New, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(context, title: t("users.new"), breadcrumbs: [(t("users.title"), SiteURL.adminUsers.relativeURL())], status: status) {
            h("form", ["method": "post", "action": SiteURL.adminUsers.relativeURL()]) {
                csrfField(context)
                f.summary()
                f.text("name", t("user.name"), required: true, autocomplete: "off")
                f.text("email", t("user.email"), type: "email", required: true, autocomplete: "off")
                f.text("password", t("user.password"), type: "password", required: true, hint: t("password.rules"), autocomplete: "new-password", value: "")
                roleFields(f, t, places: m.places)
                submit(t("form.save"))
            }
        }
    }

    /// A user's page: their state with the button that changes it, their roles with remove buttons, and
    /// the form that grants another role.
    static func showPage(_ m: Show, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        let user = m.user
        return Page(context, title: user.name, breadcrumbs: [(t("users.title"), SiteURL.adminUsers.relativeURL())], status: status) {
            h("dl", ["class": "facts"]) {
                ProjectShow.fact(t("user.email"), user.email)
                ProjectShow.fact(t("user.state"), t(user.is_active ? "user.active" : "user.inactive"))
            }
            h("form", ["method": "post", "action": SiteURL.adminUserActive(.value(user.id)).relativeURL()]) {
                csrfField(context)
                h("input", ["type": "hidden", "name": "active", "value": user.is_active ? "no" : "yes"])
                submit(t(user.is_active ? "user.deactivate" : "user.activate"))
            }
            h("h2") { t("user.memberships") }
            dataTable {
                h("caption", ["class": "visually-hidden"]) { t("user.memberships") }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("membership.role") }
                        h("th", ["scope": "col"]) { t("membership.project") }
                        h("th", ["scope": "col"]) { t("form.actions") }
                    }
                }
                h("tbody") {
                    for held in m.held {
                        h("tr") {
                            h("td") { t("role." + held.role) }
                            h("td") { held.project_name ?? held.organisation_name.map { t("membership.in_organisation", $0) } ?? t("membership.project.none") }
                            h("td") {
                                removeButton(
                                    context, SiteURL.adminUserMembershipDelete(.value(user.id), .value(held.id)).relativeURL(), t("form.remove"), t("role." + held.role))
                            }
                        }
                    }
                }
            }
            h("form", ["method": "post", "action": SiteURL.adminUserMemberships(.value(user.id)).relativeURL(), "class": "inline"]) {
                csrfField(context)
                f.summary()
                roleFields(f, t, places: m.places)
                submit(t("membership.grant"))
            }
        }
    }

    static func roleFields(_ f: Fields, _ t: Texts, places: Places) -> Node {
        group {
            f.select("role", t("membership.role"), options: Role.allCases.map { ($0.rawValue, t("role." + $0.rawValue)) }, required: true, blank: "")
            f.select("project_id", t("membership.project"), options: places.projects.map { ($0.id.text, $0.name) }, blank: t("membership.project.none"))
            f.select(
                "organisation_id", t("membership.organisation"), options: places.organisations.map { ($0.id.text, $0.name) },
                blank: t("membership.organisation.none"))
        }
    }
}
