import Foundation
import Vapor

/// A refusal of an API call with a reason a developer can act on: `key` is a text key
/// (`api.problem.*`) said in the caller's language, `field` the parameter or body field concerned.
struct APIRefusal: AbortError {
    let status: HTTPResponseStatus
    let key: String
    var field: String? = nil
    var reason: String { key }

    static func badParameter(_ field: String) -> APIRefusal { APIRefusal(status: .badRequest, key: "api.problem.parameter", field: field) }
    static func unprocessable(_ field: String, _ key: String) -> APIRefusal { APIRefusal(status: .unprocessableEntity, key: key, field: field) }
}

/// RFC 9457 problem details for every 4xx and 5xx on `/api/`, in the caller's language
/// (`Accept-Language`; Finnish when it names none of fi, sv, en).
enum APIProblem {
    private struct Body: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let field: String?
    }

    static func response(_ status: HTTPResponseStatus, reason: String?, field: String?, for req: Request) -> Response {
        let t = req.t
        let page = pageKey(status, reason: reason)
        var detail = t(page + ".body")
        // A refusal's own key (`api.problem.*`, or a page's message key such as a referral's rule).
        if let reason, reason.contains("."), !reason.contains(" "), t(reason) != reason { detail = t(reason) }
        let body = Body(
            type: "about:blank", title: t(page + ".title"), status: Int(status.code), detail: detail, field: field)
        let res = Response(status: status)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        res.body = .init(data: (try? encoder.encode(body)) ?? Data())
        res.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        res.headers.replaceOrAdd(name: .contentLanguage, value: req.lang.rawValue)
        if status == .unauthorized { res.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"polku\"") }
        return res
    }

    private static func pageKey(_ status: HTTPResponseStatus, reason: String?) -> String {
        switch status.code {
        case 401: "api.problem.401"
        case 406: "api.problem.406"
        case 415: "api.problem.415"
        case 409: "api.problem.409"
        case 422: "api.problem.422"
        case 400, 403, 404, 405, 413, 429, 503: "errorpage.\(status.code)"
        case 400..<500: "errorpage.400"
        default: "errorpage.500"
        }
    }
}
