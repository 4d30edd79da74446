import Vapor

/// The document shell every page shares: language, skip link, navigation, language switch, main.
struct Page {
    let context: PageContext
    let title: String
    var breadcrumbs: [(label: String, href: String)] = []
    var status: HTTPResponseStatus = .ok
    let content: [Node]

    init(
        _ context: PageContext, title: String, breadcrumbs: [(label: String, href: String)] = [],
        status: HTTPResponseStatus = .ok, @NodeBuilder content: () -> [Node]
    ) {
        self.context = context; self.title = title; self.breadcrumbs = breadcrumbs; self.status = status
        self.content = content()
    }

    func render() -> String {
        let t = context.t
        let body = group {
            h("a", ["class": "skip", "href": "#main"]) { t("layout.skip") }
            header()
            h("main", ["id": "main", "tabindex": "-1"]) {
                if !breadcrumbs.isEmpty {
                    h("nav", ["aria-label": t("layout.breadcrumbs"), "class": "crumbs"]) {
                        h("ol") {
                            for crumb in breadcrumbs { h("li") { h("a", ["href": crumb.href]) { crumb.label } } }
                            h("li", ["aria-current": "page"]) { title }
                        }
                    }
                }
                h("h1") { title }
                if let flash = context.flash { flash.node(t) }
                content
            }
            h("footer") { h("p") { t("layout.footer") } }
        }
        let document = h("html", ["lang": context.lang.rawValue]) {
            h("head") {
                h("meta", ["charset": "utf-8"])
                h("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                h("title") { "\(title) – Polku" }
                h("link", ["rel": "stylesheet", "href": SiteURL.styles.relativeURL()])
            }
            h("body") { body }
        }
        var out = "<!DOCTYPE html>"
        out.reserveCapacity(16_384)
        document.write(to: &out)
        return out
    }

    private func header() -> Node {
        let t = context.t
        return h("header", ["class": "site"]) {
            h("a", ["class": "brand", "href": SiteURL.home.relativeURL()]) { "Polku" }
            if let actor = context.actor, actor.participantID != nil {
                // A participant's own account: their own space, the directory, their password.
                h("nav", ["aria-label": t("layout.nav")]) {
                    h("ul") {
                        h("li") { h("a", ["href": SiteURL.me.relativeURL()]) { t("me.title") } }
                        h("li") { h("a", ["href": SiteURL.directory.relativeURL()]) { t("directory.title") } }
                        h("li") { h("a", ["href": SiteURL.accountPassword.relativeURL()]) { t("nav.account") } }
                    }
                }
                h("form", ["method": "post", "action": SiteURL.logout.relativeURL(), "class": "logout"]) {
                    csrfField(context)
                    h("button", ["type": "submit"]) { t("nav.logout", actor.name) }
                }
            } else if let actor = context.actor {
                h("nav", ["aria-label": t("layout.nav")]) {
                    h("ul") {
                        if !actor.projectsWritingPeople.isEmpty { h("li") { h("a", ["href": SiteURL.today.relativeURL()]) { t("nav.today") } } }
                        h("li") { h("a", ["href": SiteURL.projects.relativeURL()]) { t("nav.projects") } }
                        if !actor.projectsSeeingPeople.isEmpty {
                            h("li") { h("a", ["href": SiteURL.participants.relativeURL()]) { t("nav.participants") } }
                        }
                        if !actor.rolesByProject.isEmpty || actor.isAdmin {
                            h("li") { h("a", ["href": SiteURL.calendar.relativeURL()]) { t("nav.calendar") } }
                        }
                        h("li") { h("a", ["href": SiteURL.directory.relativeURL()]) { t("directory.title") } }
                        if !actor.projectsWritingPeople.isEmpty { h("li") { h("a", ["href": SiteURL.referrals.relativeURL()]) { t("nav.referrals") } } }
                        h("li") { h("a", ["href": SiteURL.organisations.relativeURL()]) { t("nav.organisations") } }
                        if actor.isAdmin {
                            h("li") { h("a", ["href": SiteURL.adminUsers.relativeURL()]) { t("nav.users") } }
                            h("li") { h("a", ["href": SiteURL.adminAudit.relativeURL()]) { t("nav.audit") } }
                            h("li") { h("a", ["href": SiteURL.adminInstruments.relativeURL()]) { t("nav.instruments") } }
                            h("li") { h("a", ["href": SiteURL.adminJobs.relativeURL()]) { t("nav.jobs") } }
                            h("li") { h("a", ["href": SiteURL.adminErasure.relativeURL()]) { t("nav.erasure") } }
                        }
                        h("li") { h("a", ["href": SiteURL.accountPassword.relativeURL()]) { t("nav.account") } }
                    }
                }
                h("form", ["method": "post", "action": SiteURL.logout.relativeURL(), "class": "logout"]) {
                    csrfField(context)
                    h("button", ["type": "submit"]) { t("nav.logout", actor.name) }
                }
            } else {
                h("nav", ["aria-label": t("layout.nav")]) {
                    h("ul") {
                        h("li") { h("a", ["href": SiteURL.directory.relativeURL()]) { t("directory.title") } }
                        h("li") { h("a", ["href": SiteURL.login.relativeURL()]) { t("nav.login") } }
                    }
                }
            }
            h("nav", ["aria-label": t("layout.language"), "class": "langs"]) {
                h("ul") {
                    for lang in Lang.allCases {
                        h("li") {
                            h(
                                "a",
                                [
                                    "href": SiteURL.language(.value(lang.rawValue)).relativeURL([("back", context.back)]), "lang": lang.rawValue,
                                    "hreflang": lang.rawValue, "aria-current": lang == context.lang ? "true" : nil,
                                ]
                            ) { lang.nativeName }
                        }
                    }
                }
            }
        }
    }

    /// The current path and query, for the language switch to come back to. A page answering a form
    /// (POST) comes back to the page the form was on, known from the Referer.
    static func back(_ req: Request) -> String {
        var path = req.url.path
        if let q = req.url.query { path += "?" + q }
        if req.method != .GET {
            path = req.headers.first(name: .referer).flatMap { URI(string: $0).path.isEmpty ? nil : URI(string: $0).path } ?? SiteURL.home.relativeURL()
        }
        return path
    }

    func response() -> Response {
        let res = Response(status: status, body: .init(string: render()))
        res.headers.contentType = .html
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}

/// The session's token and the form's one-time key: every form that posts carries both.
func csrfField(_ context: PageContext) -> Node {
    formFields(token: context.csrfToken, context: context)
}

func formFields(token: String, context: PageContext) -> Node {
    .group([
        h("input", ["type": "hidden", "name": CSRFMiddleware.field, "value": token]),
        h("input", ["type": "hidden", "name": FormOnceMiddleware.field, "value": context.newFormKey()]),
    ])
}

extension Request {
    func redirect(_ to: String) -> Response { redirect(to: to, redirectType: .normal) }
}
