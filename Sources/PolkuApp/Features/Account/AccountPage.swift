import Vapor

/// The password form of one's own account. Nothing typed is sent back: a refused form comes back empty,
/// with the reasons.
enum AccountPage {
    struct Model {
        var state: FormState
        /// The password was just changed.
        var done = false
    }

    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(context, title: t("account.password.title"), status: status) {
            if m.done { h("p", ["role": "status", "class": "ok"]) { t("account.password.changed") } }
            h("form", ["method": "post", "action": SiteURL.accountPassword.relativeURL(), "class": "narrow"]) {
                csrfField(context)
                f.summary()
                f.text("current", t("account.password.current"), type: "password", required: true, autocomplete: "current-password", value: "")
                f.text("new", t("account.password.new"), type: "password", required: true, hint: t("password.rules"), autocomplete: "new-password", value: "")
                f.text("repeat", t("account.password.repeat"), type: "password", required: true, autocomplete: "new-password", value: "")
                submit(t("account.password.submit"))
            }
            if let actor = context.actor, actor.participantID == nil {
                h("h2") { t("api.tokens.title") }
                h("p") { h("a", ["href": SiteURL.accountTokens.relativeURL()]) { t("account.tokens.link") } }
            }
        }
    }
}
