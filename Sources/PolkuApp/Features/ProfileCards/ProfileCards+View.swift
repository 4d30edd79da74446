import PolkuCore
import Vapor

extension ProfileCards {
    static func listPage(project: UUID, name: String, cards: [Card], state: FormState, context: PageContext, status: HTTPResponseStatus) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(
            context, title: t("cards.title", name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (name, SiteURL.project(.value(project)).relativeURL())], status: status
        ) {
            h("p", ["class": "lead"]) { t("cards.intro") }
            if cards.isEmpty { h("p") { t("cards.none") } }
            if !cards.isEmpty { h("p") { h("a", ["class": "button", "href": SiteURL.projectCardsPrint(.value(project)).relativeURL()]) { t("cards.print") } } }
            for c in cards {
                h("article", ["class": "card", "aria-labelledby": "card-\(c.id)"]) {
                    h("h2", ["id": "card-\(c.id)"]) { c.title }
                    if c.image_id != nil { h("img", ["src": SiteURL.projectCardImage(.value(project), .value(c.id)).relativeURL(), "alt": c.title, "class": "portfolio-image"]) }
                    h("p") { c.text }
                    h("form", ["method": "post", "action": SiteURL.projectCardDelete(.value(project), .value(c.id)).relativeURL()]) {
                        csrfField(context)
                        h("input", ["type": "hidden", "name": "confirm", "value": "yes"])
                        h("button", ["type": "submit", "class": "secondary"]) { t("cards.remove", c.title) }
                    }
                }
            }
            h("section", ["aria-labelledby": "card-new"]) {
                h("h2", ["id": "card-new"]) { t("cards.new") }
                h("form", ["method": "post", "action": SiteURL.projectCards(.value(project)).relativeURL(), "enctype": "multipart/form-data"]) {
                    csrfField(context)
                    f.summary()
                    f.text("title", t("cards.field.title"), required: true)
                    f.textarea("text", t("cards.field.text"), required: true, hint: t("cards.field.text_hint"), rows: 4)
                    f.file("image", t("cards.field.image"), accept: ".png,.jpg,.jpeg,.gif,.webp", hint: t("cards.field.image_hint"))
                    submit(t("cards.add"))
                }
            }
        }
    }

    /// A page that prints one card per A6 sheet; on screen the cards follow one another.
    static func printPage(project: UUID, name: String, cards: [Card], context: PageContext) -> Page {
        let t = context.t
        var page = Page(
            context, title: t("cards.title", name),
            breadcrumbs: [(name, SiteURL.project(.value(project)).relativeURL()), (t("cards.link"), SiteURL.projectCards(.value(project)).relativeURL())]
        ) {
            h("p", ["class": "hint no-print"]) { t("cards.print_hint") }
            for c in cards {
                h("article", ["class": "profile-card", "aria-labelledby": "print-\(c.id)"]) {
                    h("h2", ["id": "print-\(c.id)"]) { c.title }
                    if c.image_id != nil { h("img", ["src": SiteURL.projectCardImage(.value(project), .value(c.id)).relativeURL(), "alt": c.title]) }
                    h("p") { c.text }
                }
            }
        }
        page.stylesheets = [.cardStyles]
        return page
    }
}
