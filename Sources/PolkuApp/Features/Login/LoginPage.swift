import Vapor

/// The login form. `replay` carries a form that was refused because the session had ended: its fields
/// ride along hidden, and after login they are offered to send again. The password is never sent back.
enum LoginPage {
    struct Model {
        /// The e-mail, where to go next, and a replay carried over from an earlier refusal.
        var state: FormState
        /// Why the last try was refused (wrong password, wait), said once above the form.
        var message: String?
        var replay: (action: String, fields: [(String, String)])?
    }

    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus) -> Page {
        let t = context.t
        let fields = Fields(t: t, state: m.state)
        return Page(context, title: t("login.title"), status: status) {
            h("p") { t("login.intro") }
            if let message = m.message { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { message } } }
            h("form", ["method": "post", "action": SiteURL.login.relativeURL(), "class": "narrow"]) {
                csrfField(context)
                h("input", ["type": "hidden", "name": "next", "value": m.state["next"]])
                if let replay = m.replay {
                    h("input", ["type": "hidden", "name": "_replay_to", "value": replay.action])
                    h("input", ["type": "hidden", "name": "_replay", "value": FormReplay.encode(replay.fields)])
                } else if !m.state["_replay_to"].isEmpty {
                    h("input", ["type": "hidden", "name": "_replay_to", "value": m.state["_replay_to"]])
                    h("input", ["type": "hidden", "name": "_replay", "value": m.state["_replay"]])
                }
                fields.text("email", t("login.email"), type: "email", required: true, autocomplete: "username")
                fields.text("password", t("login.password"), type: "password", required: true, autocomplete: "current-password", value: "")
                submit(t("login.submit"))
            }
        }
    }
}
