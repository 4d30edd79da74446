import Fluent
import Vapor

enum LoginController {
    @Sendable static func show(req: Request) async throws -> Response {
        if let actor = req.actor { return req.redirect(actor.participantID != nil ? "/me" : "/projects") }
        return form(req, state: FormState(), status: .ok)
    }

    static func form(_ req: Request, state: FormState, status: HTTPResponseStatus, message: String? = nil) -> Response {
        let t = req.t
        let fields = Fields(t: t, state: state)
        return req.page(t("login.title"), status: status) {
            h("p") { t("login.intro") }
            if let message { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { message } } }
            h("form", ["method": "post", "action": "/login", "class": "narrow"]) {
                csrfField(req)
                h("input", ["type": "hidden", "name": "next", "value": state["next"]])
                fields.text("email", t("login.email"), type: "email", required: true, autocomplete: "username")
                fields.text("password", t("login.password"), type: "password", required: true,
                            autocomplete: "current-password", value: "")
                submit(t("login.submit"))
            }
        }
    }

    @Sendable static func login(req: Request) async throws -> Response {
        var state = FormState.read(req, fields: ["email", "password", "next"])
        let email = state.text("email", required: true).lowercased()
        let password = state["password"]
        if password.isEmpty { state.errors["password"] = "error.required" }
        guard state.isValid else { return form(req, state: state, status: .badRequest) }

        let throttling = LoginThrottling(db: req.db, settings: req.application.settings)
        let keys = LoginThrottling.keys(email: email, address: req.clientAddress)
        switch try await throttling.verdict(for: keys) {
        case .locked:
            try await req.audit.record(.loginFailed, detail: "locked", actorEmail: email)
            return form(req, state: state, status: .tooManyRequests, message: req.t("login.locked"))
        case .allowed(let delay):
            if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
        }

        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        let hash = user?.passwordHash ?? Self.dummyHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, matches, user.isActive else {
            try await throttling.recordFailure(for: keys)
            try await req.audit.record(.loginFailed, detail: user?.isActive == false ? "inactive" : "", actorEmail: email)
            return form(req, state: state, status: .unauthorized, message: req.t("login.failed"))
        }
        try await throttling.recordSuccess(email: email)
        // A new session id on login, so a session fixed before login is worthless.
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        let csrf = req.session.data[CSRFMiddleware.sessionKey]
        req.session.data = SessionData()
        req.session.data[CSRFMiddleware.sessionKey] = csrf
        req.session.data[CurrentUserMiddleware.sessionKey] = try user.requireID().uuidString
        req.session.data[CurrentUserMiddleware.epochKey] = String(user.sessionEpoch ?? 0)
        req.actor = try await CurrentUserMiddleware.load(user.requireID(), on: req.db)
        try await req.audit.record(.loginSucceeded)
        if state["next"].isEmpty && user.participantID != nil { return req.redirect("/me") }
        return req.redirect(safeNext(state["next"]))
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        if req.actor != nil { try await req.audit.record(.logout) }
        req.session.destroy()
        return req.redirect("/login")
    }

    @Sendable static func language(req: Request) async throws -> Response {
        let code = req.parameters.get("lang") ?? ""
        guard let lang = Lang(rawValue: code) else { throw Abort(.notFound) }
        let res = req.redirect(safeNext((try? req.query.get(String.self, at: "back")) ?? "/"))
        res.cookies[LanguageMiddleware.cookie] = HTTPCookies.Value(
            string: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/",
            isSecure: req.application.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return res
    }

    /// Only a local path: never an open redirect to another site.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/projects" }
        return next
    }

    /// Verifying against a real hash when the account is unknown keeps the answer time the same.
    static let dummyHash = (try? Bcrypt.hash("polku-unknown-account", cost: 12)) ?? ""
}
