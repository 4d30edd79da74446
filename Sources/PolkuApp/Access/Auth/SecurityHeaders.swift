import Vapor

/// Headers on every answer, error pages included: no script but Polku's own files (and none
/// inline), no framing, no sniffing, no referrer leaving the site, no device features, and HSTS
/// when Polku is served over TLS (`POLKU_SECURE_COOKIES=1`). See docs/SECURITY.md.
struct SecurityHeaders: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")
    static let permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    let hsts: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        let h = res.headers
        var headers = h
        if !h.contains(name: "Content-Security-Policy") { headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy) }
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        headers.replaceOrAdd(name: "Permissions-Policy", value: Self.permissionsPolicy)
        headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        if hsts { headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains") }
        res.headers = headers
        return res
    }
}
