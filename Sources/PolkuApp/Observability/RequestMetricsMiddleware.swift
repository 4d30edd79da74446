import Metrics
import Vapor

/// Counts requests and times them by route pattern (not by raw path, so IDs do not explode the labels).
struct RequestMetricsMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next.respond(to: req)
        let path = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let dims = [("method", req.method.rawValue), ("path", path), ("status", String(response.status.code))]
        Counter(label: "polku_http_requests_total", dimensions: dims).increment()
        Timer(
            label: "polku_http_request_duration_seconds", dimensions: [("method", req.method.rawValue), ("path", path)],
            preferredDisplayUnit: .seconds
        )
        .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
        return response
    }
}
