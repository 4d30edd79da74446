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
        let status: HTTPResponseStatus
        var reason: String? = nil
        if let abort = error as? any AbortError {
            status = abort.status
            reason = abort.reason
        } else if error is DecodingError {
            status = .badRequest
        } else {
            req.logger.report(error: error)
            status = .internalServerError
        }
        if status == .internalServerError { req.logger.error("500 on \(req.method) \(req.url.path)") }
        let wantsJSON = req.url.path.hasPrefix("/api/") || req.headers.first(name: .accept)?.hasPrefix("application/json") == true
        if wantsJSON {
            let body = ["error": status.reasonPhrase, "reason": reason ?? status.reasonPhrase]
            let res = Response(status: status)
            try? res.content.encode(body)
            return res
        }
        if status == .unauthorized && req.method == .GET {
            return req.redirect("/login?next=" + Page.back(req))
        }
        let t = req.t
        let key: String
        switch status.code {
        case 400: key = "errorpage.400"
        case 401: key = "errorpage.401"
        case 403: key = reason == "csrf" ? "errorpage.csrf" : "errorpage.403"
        case 404: key = "errorpage.404"
        case 413: key = "errorpage.413"
        case 429: key = "errorpage.429"
        case 400..<500: key = "errorpage.400"
        default: key = "errorpage.500"
        }
        return req.page(t(key + ".title"), status: status) {
            h("p") { t(key + ".body") }
            h("p") { h("a", ["href": "/"]) { t("errorpage.home") } }
        }
    }
}
