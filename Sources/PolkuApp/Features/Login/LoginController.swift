import Fluent
import Vapor

enum LoginController {
    @Sendable static func show(req: Request) async throws -> Response {
        if let actor = req.actor { return req.redirect(to: Landing.page(for: actor)) }
        var state = FormState()
        state.values["next"] = (try? req.query.get(String.self, at: "next")) ?? ""
        return form(req, state: state, status: .ok)
    }

    /// The login form (`LoginPage`).
    static func form(
        _ req: Request, state: FormState, status: HTTPResponseStatus, message: String? = nil,
        replay: (action: String, fields: [(String, String)])? = nil
    ) -> Response {
        LoginPage.page(.init(state: state, message: message, replay: replay), context: req.pageContext, status: status).response()
    }

    @Sendable static func login(req: Request) async throws -> Response {
        var state = FormState.read(req, fields: ["email", "password", "next", "_replay_to", "_replay"])
        let email = state.text("email", required: true).lowercased()
        let password = state["password"]
        if password.isEmpty { state.errors["password"] = "error.required" }
        guard state.isValid else { return form(req, state: state, status: .badRequest) }

        let throttling = LoginThrottling(db: req.db, settings: req.application.settings)
        let keys = LoginThrottling.keys(email: email, address: req.clientAddress)
        switch try await throttling.verdict(for: keys, now: req.now) {
        case .wait(let seconds):
            try await req.audit.record(.loginFailed, detail: "throttled", actorEmail: email)
            let res = form(req, state: state, status: .tooManyRequests, message: req.t("login.wait", String(seconds)))
            res.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return res
        case .allowed(let delay):
            if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
        }

        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        let hash = user?.passwordHash ?? Self.dummyHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, matches, user.isActive else {
            try await throttling.recordFailure(for: keys, now: req.now)
            try await req.audit.record(.loginFailed, detail: user?.isActive == false ? "inactive" : "", actorEmail: email)
            return form(req, state: state, status: .unauthorized, message: req.t("login.failed"))
        }
        try await throttling.recordSuccess(email: email, address: req.clientAddress)
        try await signIn(req, user)
        try await req.audit.record(.loginSucceeded)
        if !state["_replay_to"].isEmpty {
            return FormReplay.page(
                action: state["_replay_to"], fields: FormReplay.decode(state["_replay"]), message: req.t("replay.after_login"),
                context: req.pageContext, status: .ok
            ).response()
        }
        // The home path decides by the roles the next request loads (a coach's "Tänään").
        if state["next"].isEmpty { return req.redirect(to: user.participantID != nil ? .me : .home) }
        return req.redirect(safeNext(state["next"]))
    }

    /// Starts a signed-in session for `user` under a new session id and a new CSRF token: a session
    /// id or token planted before this change of identity is worthless after it.
    static func signIn(_ req: Request, _ user: User) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        _ = req.csrfToken
        req.session.data[CurrentUserMiddleware.sessionKey] = try user.requireID().text
        req.session.data[CurrentUserMiddleware.epochKey] = String(user.sessionEpoch ?? 0)
        req.actor = try await CurrentUserMiddleware.load(user.requireID(), on: req.db)
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        if req.actor != nil { try await req.audit.record(.logout) }
        req.session.destroy()
        return req.redirect(to: .login)
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

    /// Only a path on this site: never an open redirect. Refused: anything not starting with one
    /// `/`, a second `/` or `\\` right after it, any backslash, and control characters (a browser
    /// drops tab and newline, so `/\t/evil.invalid` would become `//evil.invalid`).
    static func safeNext(_ next: String) -> String {
        let fallback = SiteURL.home.relativeURL()
        guard next.hasPrefix("/"), next.count < 2000 else { return fallback }
        if next.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0 == "\\" }) { return fallback }
        let second = next.dropFirst().first
        if second == "/" || second == "\\" { return fallback }
        // Encoded the same way: a slash or backslash right after the first one, or any control character.
        let lower = next.lowercased()
        if lower.hasPrefix("/%2f") || lower.hasPrefix("/%5c") || lower.contains("%5c") || lower.contains("%7f")
            || lower.contains(/%[01][0-9a-f]/)
        {
            return fallback
        }
        return next
    }

    /// Verifying against a real hash when the account is unknown keeps the answer time the same.
    static let dummyHash = (try? Bcrypt.hash("polku-unknown-account", cost: 12)) ?? ""
}
