import Fluent
import Foundation
import Vapor

/// The participant closes their own account (issue 15). They cannot sign in again and every session
/// of theirs ends; their data stay with the project under its retention rule. The address is freed
/// (the account's e-mail becomes a placeholder), so a worker can invite them again later.
enum CloseAccount {
    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.guardedSelf()
        return page(state: FormState(), context: req.pageContext).response()
    }

    /// The password is asked again: a phone left open on a table does not close the account.
    @Sendable static func close(req: Request) async throws -> Response {
        let (pid, userID) = try req.guardedSelf()
        var state = try FormState.read(req, fields: ["password"], requiring: ["password"])
        guard let user = try await User.find(userID, on: req.db) else { throw Abort(.unauthorized) }
        if !(try await req.password.async.verify(state["password"], created: user.passwordHash)) { state.errors["password"] = "error.password_wrong" }
        guard state.isValid else {
            return page(state: FormState(values: [:], errors: state.errors), context: req.pageContext, status: .unprocessableEntity).response()
        }
        try await req.db.writeTransaction { db in
            user.isActive = false
            user.email = "closed-\(userID.text.lowercased())@polku.invalid"
            user.sessionEpoch = (user.sessionEpoch ?? 0) + 1
            try await user.update(on: db)
            try await req.audit.record(.userDeactivate, participant: pid, detail: "closed by the participant", on: db)
        }
        req.session.destroy()
        var signedOut = req.pageContext
        signedOut.actor = nil
        return page(state: FormState(), context: signedOut, closed: true).response()
    }

    static func page(state: FormState, context: PageContext, status: HTTPResponseStatus = .ok, closed: Bool = false) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(context, title: t("close.title"), status: status) {
            if closed {
                h("p", ["role": "status"]) { t("close.done") }
                h("p") { h("a", ["href": SiteURL.login.relativeURL()]) { t("close.login") } }
            } else {
                h("p") { t("close.what") }
                h("ul") {
                    h("li") { t("close.what.login") }
                    h("li") { t("close.what.data") }
                    h("li") { t("close.what.again") }
                }
                h("form", ["method": "post", "action": SiteURL.myAccountClose.relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.text("password", t("close.password"), type: "password", required: true, autocomplete: "current-password")
                    submit(t("close.confirm"))
                }
                h("p") { h("a", ["href": SiteURL.me.relativeURL()]) { t("myconsent.cancel") } }
            }
        }
    }
}
