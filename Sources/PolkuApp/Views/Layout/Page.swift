import Vapor

/// The document shell every page shares: language, skip link, navigation, language switch, main.
struct Page {
    let context: PageContext
    let title: String
    var breadcrumbs: [(label: String, href: String)] = []
    var status: HTTPResponseStatus = .ok
    /// Scripts the page is better with (never needs): loaded deferred from the head.
    var scripts: [SiteURL] = []
    /// Style sheets after the common one (the A6 paper of the profile cards).
    var stylesheets: [SiteURL] = []
    let content: [Node]

    init(
        _ context: PageContext, title: String, breadcrumbs: [(label: String, href: String)] = [],
        status: HTTPResponseStatus = .ok, @NodeBuilder content: () -> [Node]
    ) {
        self.context = context; self.title = title; self.breadcrumbs = breadcrumbs; self.status = status
        self.content = content()
    }

    /// The page's bytes, written straight into the buffer that the response sends.
    func renderBuffer() -> ByteBuffer {
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
                if let note = context.dataNote { h("p", ["class": "hint data-source"]) { note } }
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
                for sheet in stylesheets { h("link", ["rel": "stylesheet", "href": sheet.relativeURL()]) }
                for script in scripts { h("script", ["src": script.relativeURL(), "defer": ""]) {} }
            }
            h("body") { body }
        }
        var out = ByteBufferAllocator().buffer(capacity: 16_384)
        out.writeStaticString("<!DOCTYPE html>")
        document.write(to: &out)
        return out
    }

    /// The page as text (tests and snapshots read it so).
    func render() -> String { String(buffer: renderBuffer()) }

    /// The header: the brand, a search for staff, and the menu. On a phone the menu folds into a
    /// `<details>` button that opens without JavaScript.
    private func header() -> Node {
        let t = context.t
        let menu = menu()  // built once, written twice
        return h("header", ["class": "site"]) {
            h("a", ["class": "brand", "href": SiteURL.home.relativeURL()]) { "Polku" }
            if let actor = context.actor, actor.participantID == nil, !actor.projectsSeeingPeople.isEmpty {
                h("form", ["method": "get", "action": SiteURL.participants.relativeURL(), "role": "search", "class": "site-search"]) {
                    h("label", ["for": "site-q", "class": "visually-hidden"]) { t("layout.search") }
                    h("input", ["type": "search", "id": "site-q", "name": "q", "placeholder": t("layout.search.placeholder")])
                    h("button", ["type": "submit"]) { t("participants.search.submit") }
                }
            }
            // The same menu twice, one shown at a time: in the header's row on a wide screen, behind a
            // button on a phone. (Content of a closed `<details>` shown by CSS is not reliably in the
            // accessibility tree, so the wide one is not the folded one unfolded.)
            h("div", ["class": "menu-wide"]) { menu }
            h("details", ["class": "menu"]) {
                h("summary") { t("layout.menu") }
                menu
            }
        }
    }

    private func menu() -> Node {
        let t = context.t
        return group {
            h("nav", ["aria-label": t("layout.nav")]) {
                h("ul") { for (href, label) in menuLinks() { h("li") { h("a", ["href": href]) { label } } } }
            }
            if let actor = context.actor {
                h("form", ["method": "post", "action": SiteURL.logout.relativeURL(), "class": "logout"]) {
                    csrfField(context)
                    h("button", ["type": "submit"]) { t("nav.logout", actor.name) }
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

    /// The main menu's links for whoever is signed in: a participant their own space, staff what their
    /// roles reach, a visitor the directory and the login.
    private func menuLinks() -> [(String, String)] {
        let t = context.t
        guard let actor = context.actor else {
            return [(SiteURL.directory.relativeURL(), t("directory.title")), (SiteURL.login.relativeURL(), t("nav.login"))]
        }
        if actor.participantID != nil {
            return [
                (SiteURL.me.relativeURL(), t("me.title")), (SiteURL.directory.relativeURL(), t("directory.title")),
                (SiteURL.accountPassword.relativeURL(), t("nav.account")),
            ]
        }
        var links: [(String, String)] = []
        if !actor.rolesByProject.isEmpty { links.append((SiteURL.today.relativeURL(), t("nav.today"))) }
        links.append((SiteURL.projects.relativeURL(), t("nav.projects")))
        if !actor.projectsSeeingPeople.isEmpty { links.append((SiteURL.participants.relativeURL(), t("nav.participants"))) }
        if !actor.rolesByProject.isEmpty || actor.isAdmin { links.append((SiteURL.calendar.relativeURL(), t("nav.calendar"))) }
        links.append((SiteURL.directory.relativeURL(), t("directory.title")))
        if !actor.projectsWritingPeople.isEmpty { links.append((SiteURL.referrals.relativeURL(), t("nav.referrals"))) }
        links.append((SiteURL.organisations.relativeURL(), t("nav.organisations")))
        if actor.isAdmin {
            links += [
                (SiteURL.adminUsers.relativeURL(), t("nav.users")), (SiteURL.adminAudit.relativeURL(), t("nav.audit")),
                (SiteURL.adminInstruments.relativeURL(), t("nav.instruments")), (SiteURL.adminJobs.relativeURL(), t("nav.jobs")),
                (SiteURL.adminErasure.relativeURL(), t("nav.erasure")),
            ]
        }
        links.append((SiteURL.accountPassword.relativeURL(), t("nav.account")))
        return links
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
        let res = Response(status: status, body: .init(buffer: renderBuffer()))
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
