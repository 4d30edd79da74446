import Vapor

/// Every state-changing request carries the session's CSRF token, in the form field `_csrf` or the
/// `X-CSRF-Token` header. The token lives in the database-backed session, so any Polku process can check it.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let field = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if ![HTTPMethod.GET, .HEAD, .OPTIONS].contains(req.method) {
            let expected = req.hasSession ? req.session.data[Self.sessionKey] : nil
            let sent = req.headers.first(name: "X-CSRF-Token") ?? (try? req.content.get(String.self, at: Self.field))
            guard let expected, let sent, constantTimeEqual(expected, sent) else {
                throw Abort(.forbidden, reason: "csrf")
            }
        }
        return try await next.respond(to: req)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
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
