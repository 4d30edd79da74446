import Fluent
import Foundation
import SQLKit
import Vapor

/// A staff member's personal API tokens: made with a name, scopes and a lifetime, shown once,
/// listed afterwards without the token, and revoked at once.
package enum APITokens {
    struct Row: Decodable, Sendable {
        let id: UUID
        let name: String
        let scopes: String
        let created_at: Date
        let expires_at: Date
        let revoked_at: Date?
    }

    struct Model {
        var state: FormState
        var tokens: [Row] = []
        /// The token just made: shown on this one page and never again.
        var madeToken: String? = nil
        var now: Date
    }

    static let fields = ["name", "days"] + APIScope.allCases.map(field)

    static func field(_ scope: APIScope) -> String { "scope_" + scope.rawValue.replacingOccurrences(of: ":", with: "_") }

    @Sendable static func show(req: Request) async throws -> Response {
        var state = FormState()
        state.values["days"] = "90"
        return try await page(req, state: state)
    }

    static func page(_ req: Request, state: FormState, made: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try req.guardedActor()
        let tokens = try await req.db.sql.raw(
            """
            SELECT id, name, scopes, created_at, expires_at, revoked_at FROM api_tokens
            WHERE user_id = \(bind: actor.userID) ORDER BY created_at DESC, id
            """
        ).all(decoding: Row.self)
        let model = Model(state: state, tokens: tokens, madeToken: made, now: req.now)
        return APITokensView.page(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        var state = try FormState.read(req, fields: fields, requiring: ["name", "days"])
        let name = state.text("name", required: true, max: 100)
        let days = state.integer("days", required: true, range: 1...365)
        if let days, !APIToken.lifetimes.contains(days) { state.errors["days"] = "error.choice" }
        let scopes = APIScope.allCases.filter { state[field($0)] == "on" }
        if scopes.isEmpty { state.errors[field(APIScope.allCases[0])] = "api.tokens.no_scope" }
        guard state.isValid, let days else { return try await page(req, state: state, status: .unprocessableEntity) }
        let token = try await req.db.writeTransaction { db in
            let token = try await insert(
                user: actor.userID, name: name, scopes: scopes, days: days, id: req.application.newID(), now: req.now, on: db)
            try await req.audit.record(.apiTokenCreate, detail: "\(name): \(scopes.map(\.rawValue).joined(separator: " ")), \(days) d", on: db)
            return token
        }
        var fresh = FormState()
        fresh.values["days"] = "90"
        return try await page(req, state: fresh, made: token)
    }

    /// Stores a new token's hash and returns the token, which is not kept anywhere.
    static func insert(user: UUID, name: String, scopes: [APIScope], days: Int, id: UUID, now: Date, on db: any Database) async throws -> String {
        let made = APIToken.make()
        try await db.sql.raw(
            """
            INSERT INTO api_tokens (id, user_id, name, scopes, token_hash, created_at, expires_at)
            VALUES (\(bind: id), \(bind: user), \(bind: name), \(bind: scopes.map(\.rawValue).joined(separator: " ")),
            \(bind: made.hash), \(bind: now), \(bind: now.addingTimeInterval(Double(days) * 86400)))
            """
        ).run()
        return made.token
    }

    /// `polku user token`: a token for a system an operator connects (a BI tool, a case system), or
    /// for the API's fuzzing in CI. Every scope unless `scopes` names some; audited as the user.
    package static func issue(_ app: Application, email: String, name: String, scopes: [String], days: Int) async throws -> String {
        let chosen =
            scopes.isEmpty
            ? APIScope.allCases
            : try scopes.map { s in
                guard let scope = APIScope(rawValue: s) else {
                    throw Abort(.badRequest, reason: "unknown scope \(s); known: \(APIScope.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return scope
            }
        guard (1...365).contains(days) else { throw Abort(.badRequest, reason: "days must be 1–365") }
        guard let user = try await User.query(on: app.db).filter(\.$email == email.lowercased()).filter(\.$isActive == true).first(), user.participantID == nil
        else { throw Abort(.notFound, reason: "no active staff user \(email)") }
        let now = app.clock.now()
        return try await app.db.writeTransaction { db in
            let token = try await insert(user: try user.requireID(), name: name, scopes: chosen, days: days, id: app.newID(), now: now, on: db)
            let event = AuditBatch.Row(
                id: app.newID(), at: now, actorID: user.id, actorEmail: user.email, action: Audit.Action.apiTokenCreate.rawValue, participantID: nil,
                projectID: nil, detail: "\(name): \(chosen.map(\.rawValue).joined(separator: " ")), \(days) d (command line)", clientAddress: "cli")
            try await AuditBatch.insert([event], on: db.sql)
            return token
        }
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let id = try req.id()
        let changed = try await req.db.writeTransaction { db -> Bool in
            guard
                let name = try await db.sql.raw(
                    "SELECT name FROM api_tokens WHERE id = \(bind: id) AND user_id = \(bind: actor.userID) AND revoked_at IS NULL"
                ).first(decodingColumn: "name", as: String.self)
            else { return false }
            try await db.sql.raw("UPDATE api_tokens SET revoked_at = \(bind: req.now) WHERE id = \(bind: id)").run()
            try await req.audit.record(.apiTokenRevoke, detail: name, on: db)
            return true
        }
        // Another user's token, or one revoked already, is as if it were not there.
        guard changed else { throw Abort(.notFound) }
        req.flash("api.tokens.revoked")
        return req.redirect(to: .accountTokens)
    }
}
