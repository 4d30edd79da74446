import Vapor

/// Every state-changing request carries the session's CSRF token, in the form field `_csrf` or the
/// `X-CSRF-Token` header. The token lives in the database-backed session, so any Polku process can check it.
///
/// The body is collected whole (up to the route's own limit) before the token is read: a browser
/// sends a long form in several pieces, and reading only the first piece refused long notes and
/// full attendance lists (issue 10). Collecting also means a refused request has read its body, so
/// its connection stays usable. A refusal never loses what was typed: the person gets the form's
/// fields back with a fresh token (`FormReplay`), or the login page carrying them when the
/// session has ended.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let field = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A safe method changes nothing.
        guard ![HTTPMethod.GET, .HEAD, .OPTIONS].contains(req.method) else { return try await next.respond(to: req) }
        // A file upload checks its token itself once its form is read (`GuardedRoutes.upload`).
        if req.route?.isStreamedUpload == true { return try await next.respond(to: req) }
        if req.body.data == nil {
            let limit = req.route?.maxBody ?? req.application.routes.defaultMaxBodySize.value
            _ = try await req.body.collect(max: limit).get()
        }
        // A path with no route answers 404 or 405 and changes nothing either (its body is read all the same).
        guard req.route != nil else { return try await next.respond(to: req) }
        let expected = req.hasSession ? req.session.data[Self.sessionKey] : nil
        let sent = req.headers.first(name: "X-CSRF-Token") ?? FormReplay.field(Self.field, in: req)
        if let expected, let sent, ConstantTime.equal(expected, sent) {
            return try await next.respond(to: req)
        }
        return try await FormReplay.refusal(req)
    }
}

extension Request {
    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = [UInt8].random(count: 24).base64
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
