import PolkuCore
import Vapor

extension Portfolio {
    /// The entries in the participant's order, each with its own buttons, then the form for a new one.
    static func page(_ entries: [Entry], state: FormState, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(context, title: t("portfolio.title"), breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL())], status: status) {
            h("p", ["class": "lead"]) { t("portfolio.intro") }
            if entries.isEmpty { h("p") { t("portfolio.none") } }
            if !entries.isEmpty {
                h("p") { h("a", ["href": SiteURL.myPortfolioExport.relativeURL(), "download": ""]) { t("portfolio.export") } }
                h("ol", ["class": "portfolio"]) {
                    for (n, e) in entries.enumerated() { h("li") { entry(e, first: n == 0, last: n == entries.count - 1, context: context) } }
                }
            }
            form(state, context: context)
        }
    }

    /// One entry as its owner sees it: what it holds, whether the team sees it, and its buttons.
    static func entry(_ e: Entry, first: Bool, last: Bool, context: PageContext) -> Node {
        let t = context.t
        return h("article", ["class": "card", "id": "entry-\(e.id)", "aria-labelledby": "entry-h-\(e.id)"]) {
            h("h2", ["id": "entry-h-\(e.id)"]) { e.title }
            content(e, t: t, fileURL: SiteURL.myPortfolioFile(.value(e.id)).relativeURL())
            h("p", ["class": "meta"]) { e.shared ? t("portfolio.shared") : t("portfolio.private") }
            h("div", ["class": "actions"]) {
                if !first { button(SiteURL.myPortfolioMove(.value(e.id)), ("direction", "up"), t("portfolio.up", e.title), context) }
                if !last { button(SiteURL.myPortfolioMove(.value(e.id)), ("direction", "down"), t("portfolio.down", e.title), context) }
                button(
                    SiteURL.myPortfolioShare(.value(e.id)), ("shared", e.shared ? "false" : "true"),
                    t(e.shared ? "portfolio.unshare" : "portfolio.share", e.title), context)
                h("a", ["class": "button secondary", "href": SiteURL.myPortfolioDelete(.value(e.id)).relativeURL()]) { t("portfolio.remove", e.title) }
            }
        }
    }

    /// What an entry holds; the staff page shows the same with its own file address.
    static func content(_ e: Entry, t: Texts, fileURL: String) -> Node {
        group {
            if !e.body.isEmpty { for paragraph in e.body.components(separatedBy: "\n") where !paragraph.isEmpty { h("p") { paragraph } } }
            if let url = e.url { h("p") { h("a", ["href": url, "rel": "noopener noreferrer nofollow ugc"]) { url } } }
            if let name = e.file_name {
                if e.isImage { h("img", ["src": fileURL, "alt": e.title, "class": "portfolio-image", "loading": "lazy"]) }
                h("p") {
                    h("a", ["href": fileURL, "download": ""]) { t("portfolio.file", name) }
                    h("span", ["class": "hint"]) { " (" + t.bytes(Int(e.byte_count ?? 0)) + ")" }
                }
            }
        }
    }

    private static func button(_ url: SiteURL, _ field: (String, String), _ label: String, _ context: PageContext) -> Node {
        h("form", ["method": "post", "action": url.relativeURL(), "class": "inline"]) {
            csrfField(context)
            h("input", ["type": "hidden", "name": field.0, "value": field.1])
            h("button", ["type": "submit", "class": "secondary"]) { label }
        }
    }

    static func form(_ state: FormState, context: PageContext) -> Node {
        let t = context.t
        let f = Fields(t: t, state: state)
        return h("section", ["aria-labelledby": "portfolio-new"]) {
            h("h2", ["id": "portfolio-new"]) { t("portfolio.new") }
            h("form", ["method": "post", "action": SiteURL.myPortfolio.relativeURL(), "enctype": "multipart/form-data"]) {
                csrfField(context)
                f.summary()
                f.text("title", t("portfolio.field.title"), required: true, hint: t("portfolio.field.title_hint"))
                f.textarea("body", t("portfolio.field.body"), rows: 4)
                f.text("url", t("portfolio.field.url"), type: "url", hint: t("portfolio.field.url_hint"))
                f.file(
                    "file", t("portfolio.field.file"), accept: PortfolioFile.endings.map { "." + $0 }.joined(separator: ","),
                    hint: t("portfolio.field.file_hint", PortfolioFile.maxBytes / 1_048_576))
                f.checkbox("shared", t("portfolio.field.shared"))
                submit(t("portfolio.add"))
            }
        }
    }

    static func deletePage(_ e: Entry, context: PageContext) -> Page {
        let t = context.t
        return Page(
            context, title: t("portfolio.remove_title", e.title),
            breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL()), (t("portfolio.title"), SiteURL.myPortfolio.relativeURL())]
        ) {
            h("p") { e.file_name == nil ? t("portfolio.remove_text") : t("portfolio.remove_text_file") }
            h("form", ["method": "post", "action": SiteURL.myPortfolioDelete(.value(e.id)).relativeURL()]) {
                csrfField(context)
                h("input", ["type": "hidden", "name": "confirm", "value": "yes"])
                submit(t("portfolio.remove_confirm"))
            }
            h("p") { h("a", ["href": SiteURL.myPortfolio.relativeURL(fragment: "entry-\(e.id)")]) { t("portfolio.keep") } }
        }
    }
}
