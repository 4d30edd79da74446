import Foundation
import SQLKit
import Vapor

/// Vapor's Fluent session driver writes the session row at the end of every request that has a
/// session, even when nothing in it changed — a stylesheet cost a database write (issue 11). This
/// driver writes only when the data changed since it was read: logging in or out, a new CSRF token,
/// and "last seen", which `CurrentUserMiddleware` moves at most every five minutes.
struct QuietSessions: SessionDriver {
    let base: any SessionDriver

    private struct ReadKey: StorageKey { typealias Value = [String: String] }
    /// One decoder for every request (it holds no state between calls).
    private static let json = JSONDecoder()

    /// A new session is stamped "seen" when it is made, so that the cleanup job can tell when an
    /// unused one (a login form's token) has idled past the limit.
    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        var data = data
        if data[CurrentUserMiddleware.seenKey] == nil {
            data[CurrentUserMiddleware.seenKey] = String(Int(request.now.timeIntervalSince1970))
        }
        return base.createSession(data, for: request)
    }

    /// Read with one query instead of the driver's Fluent model and a second one for the user (every
    /// page pays for this): the data column is the JSON of a `[String: String]` on both databases
    /// (text on SQLite, jsonb on PostgreSQL), read as text and decoded here; the user it names and their
    /// memberships are joined to it and left for `CurrentUserMiddleware`, which checks them as before.
    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let promise = request.eventLoop.makePromise(of: SessionData?.self)
        promise.completeWithTask {
            let sql = request.readDatabase.sql
            let user: SQLQueryString =
                sql.dialect.name == "postgresql"
                ? "CASE WHEN s.data->>'user_id' ~ '^[0-9A-Fa-f-]{36}$' THEN (s.data->>'user_id')::uuid END"
                : "json_extract(s.data, '$.user_id')"
            let rows = try await sql.raw(
                """
                SELECT CAST(s.data AS TEXT) AS data, \(CurrentUserMiddleware.IdentityRow.columns) FROM _fluent_sessions s
                LEFT JOIN users u ON u.id = \(user) \(CurrentUserMiddleware.IdentityRow.joins) WHERE s.key = \(bind: sessionID.string)
                """
            ).all()
            guard let first = rows.first else { return nil }
            let text = try first.decode(column: "data", as: String.self)
            let data = try Self.json.decode([String: String].self, from: Data(text.utf8))
            request.storage[ReadKey.self] = data
            if let id = data[CurrentUserMiddleware.sessionKey] {
                request.storage[CurrentUserMiddleware.PrefetchedIdentity.self] =
                    (id, try rows.map(CurrentUserMiddleware.IdentityRow.init(row:)))
            }
            return SessionData(initialData: data)
        }
        return promise.futureResult
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[ReadKey.self] == data.snapshot { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}

/// The part of the middleware stack that pages need and static answers do not: the session, the
/// language, the signed-in person and the CSRF check. The stylesheet and the health check skip it,
/// so they read and write nothing in the database whatever cookies they carry.
struct PageStack: AsyncMiddleware {
    static let staticPaths: Set<String> = [SiteURL.styles.relativeURL(), SiteURL.health.relativeURL(), SiteURL.metrics.relativeURL()]
    /// Under `/api/v1/` but read by people in the browser: the page stack.
    static let apiPages: Set<String> = [SiteURL.apiDocs.relativeURL(), SiteURL.apiContract.relativeURL()]
    let middlewares: [any Middleware]
    /// The JSON API's stack: a bearer token instead of the session, CSRF and flash messages.
    let api: [any Middleware] = [APITokenAuthentication()]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Once: Vapor's `URI.path` percent-decodes the path at every use (`replacingOccurrences`).
        let path = req.url.path
        if Self.staticPaths.contains(path) { return try await next.respond(to: req) }
        if path.hasPrefix(APIRoutes.base + "/"), !Self.apiPages.contains(path) { return try await api.makeResponder(chainingTo: next).respond(to: req).get() }
        return try await middlewares.makeResponder(chainingTo: next).respond(to: req).get()
    }
}
