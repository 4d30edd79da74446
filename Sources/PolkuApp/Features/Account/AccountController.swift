import Fluent
import Vapor

/// A user changes their own password; the current one is asked again.
enum AccountController {
    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return page(req, state: FormState())
    }

    static func page(_ req: Request, state: FormState, status: HTTPResponseStatus = .ok, done: Bool = false) -> Response {
        AccountPage.page(.init(state: state, done: done), context: req.pageContext, status: status).response()
    }

    @Sendable static func change(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        var state = FormState.read(req, fields: ["current", "new", "repeat"])
        guard let user = try await User.find(actor.userID, on: req.db) else { throw Abort(.unauthorized) }
        if !(try await req.password.async.verify(state["current"], created: user.passwordHash)) { state.errors["current"] = "error.password_wrong" }
        if let problem = PasswordRules.problem(state["new"], email: actor.email, name: actor.name) { state.errors["new"] = problem }
        if state["new"] != state["repeat"] { state.errors["repeat"] = "error.password_mismatch" }
        guard state.isValid else { return page(req, state: FormState(values: [:], errors: state.errors), status: .unprocessableEntity) }
        user.passwordHash = try await req.password.async.hash(state["new"])
        // Every other session of this user ends; this one is renewed so that it stays.
        user.sessionEpoch = (user.sessionEpoch ?? 0) + 1
        req.session.data[CurrentUserMiddleware.epochKey] = String(user.sessionEpoch!)
        try await req.db.writeTransaction { db in
            try await user.update(on: db)
            try await req.audit.record(.passwordChange, on: db)
        }
        return page(req, state: FormState(), done: true)
    }
}
