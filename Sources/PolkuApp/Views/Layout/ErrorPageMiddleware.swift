import OpenAPIRuntime
import Vapor

/// Turns errors into answers a person understands, in their language: a signed-out visitor is sent to
/// the login page, an API client gets JSON with a reason, and anything unexpected is logged and
/// answered 500 without details (a 500 is always a bug).
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return answer(error, for: req)
        }
    }

    func answer(_ error: any Error, for req: Request) -> Response {
        if DatabaseOutage.isOutage(error) { return unavailable(error, for: req) }
        var status: HTTPResponseStatus
        var reason: String? = nil
        if let server = error as? ServerError {
            // The generated API server's own refusals (a parameter of the wrong type, a body that is
            // not the contract's JSON, an Accept without JSON) and the handlers' errors inside it.
            if let abort = server.underlyingError as? any AbortError {
                status = abort.status
                reason = abort.reason
            } else if server.underlyingError is DecodingError {
                status = .badRequest
            } else {
                status = HTTPResponseStatus(statusCode: server.httpStatus.code)
                if status == .internalServerError { req.logger.report(error: server.underlyingError) }
            }
        } else if let abort = error as? any AbortError {
            status = abort.status
            reason = abort.reason
        } else if error is DecodingError {
            status = .badRequest
        } else {
            req.logger.report(error: error)
            status = .internalServerError
        }
        if status == .internalServerError { req.logger.error("500 on \(req.method) \(req.url.path)") }
        // A path that exists with another method: 405 and the methods it answers (RFC 9110 15.5.6).
        var allow: [HTTPMethod] = []
        if status == .notFound, req.route == nil, let index = req.application.methodIndex {
            allow = index.methods(for: req.url.path)
            if !allow.isEmpty { status = .methodNotAllowed }
        }
        let field = ((error as? ServerError)?.underlyingError as? APIRefusal ?? error as? APIRefusal)?.field
        let res = respond(status, reason: reason, field: field, for: req)
        if !allow.isEmpty { res.headers.replaceOrAdd(name: .allow, value: allow.map(\.rawValue).joined(separator: ", ")) }
        return res
    }

    /// The database cannot be reached: 503 with `Retry-After`; a form's fields come back with a button
    /// to send them again (with the token they were sent with: the session is still there).
    private func unavailable(_ error: any Error, for req: Request) -> Response {
        req.logger.warning("503 on \(req.method) \(req.url.path): the database is unreachable (\(String(reflecting: error)))")
        let fields = req.method == .POST ? FormReplay.fields(of: req) : []
        let res: Response
        if fields.isEmpty {
            res = respond(.serviceUnavailable, reason: req.t("errorpage.503.body"), for: req)
        } else {
            let target = req.url.path + (req.url.query.map { "?" + $0 } ?? "")
            res = FormReplay.page(
                action: target, fields: fields, message: req.t("replay.unavailable"), context: req.pageContext,
                status: .serviceUnavailable, token: FormReplay.field(CSRFMiddleware.field, in: req)
            ).response()
        }
        res.headers.replaceOrAdd(name: .retryAfter, value: String(DatabaseOutage.retryAfterSeconds))
        return res
    }

    private func respond(_ status: HTTPResponseStatus, reason: String?, field: String? = nil, for req: Request) -> Response {
        if req.url.path.hasPrefix(APIRoutes.base + "/"), !PageStack.apiPages.contains(req.url.path) { return APIProblem.response(status, reason: reason, field: field, for: req) }
        let wantsJSON = req.url.path.hasPrefix("/api/") || req.headers.first(name: .accept)?.hasPrefix("application/json") == true
        if wantsJSON {
            let body = ["error": status.reasonPhrase, "reason": reason ?? status.reasonPhrase]
            let res = Response(status: status)
            try? res.content.encode(body)
            return res
        }
        if status == .unauthorized && req.method == .GET {
            return req.redirect(to: .login, query: [("next", req.url.path + (req.url.query.map { "?" + $0 } ?? ""))])
        }
        if status == .unauthorized {
            // The session ended while a form was open: the login page keeps what was typed.
            let target = req.url.path + (req.url.query.map { "?" + $0 } ?? "")
            return LoginController.form(
                req, state: FormState(), status: .unauthorized, message: req.t("replay.session"),
                replay: (target, FormReplay.fields(of: req)))
        }
        return Self.page(status, reason: reason, context: req.pageContext).response()
    }

    /// The error page itself: what happened and the way home, in the reader's language. A refused
    /// token (403 "csrf") says so, since the person can act on it.
    static func page(_ status: HTTPResponseStatus, reason: String?, context: PageContext) -> Page {
        let t = context.t
        let key: String
        switch status.code {
        case 400: key = "errorpage.400"
        case 401: key = "errorpage.401"
        case 403: key = reason == "csrf" ? "errorpage.csrf" : "errorpage.403"
        case 404: key = "errorpage.404"
        case 405: key = "errorpage.405"
        case 413: key = "errorpage.413"
        case 429: key = "errorpage.429"
        case 400..<500: key = "errorpage.400"
        case 503: key = "errorpage.503"
        default: key = "errorpage.500"
        }
        return Page(context, title: t(key + ".title"), status: status) {
            h("p") { t(key + ".body") }
            h("p") { h("a", ["href": SiteURL.home.relativeURL()]) { t("errorpage.home") } }
        }
    }
}
