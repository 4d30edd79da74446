import RoutingKit
import Vapor

/// The only way Polku registers a route: a `SiteURL` inside a group whose guard states the
/// audience. The audience and the body limit are written on the route (`Route.userInfo`) so that
/// the route-walking test and the CSRF check can read them.
struct GuardedRoutes {
    static let audienceKey = "polku.audience"
    static let maxBodyKey = "polku.maxBody"
    static let streamedKey = "polku.streamed"

    let audience: Audience
    private let builder: any RoutesBuilder
    private let app: Application
    private let defaultMaxBody: ByteCount

    init(_ app: Application, _ audience: Audience) {
        self.audience = audience
        self.builder = app.grouped(Guard(audience: audience))
        self.app = app
        self.defaultMaxBody = app.routes.defaultMaxBodySize
    }

    typealias Handler = @Sendable (Request) async throws -> Response

    @discardableResult
    func get(_ url: SiteURL, use handler: @escaping Handler) -> Route {
        mark(builder.on(.GET, url.pathComponents, use: handler), maxBody: defaultMaxBody)
    }

    /// A form post. Its body is collected whole (up to `maxBody`) before the CSRF token is read.
    @discardableResult
    func post(_ url: SiteURL, maxBody: ByteCount? = nil, use handler: @escaping Handler) -> Route {
        let limit = maxBody ?? defaultMaxBody
        return mark(builder.on(.POST, url.pathComponents, body: .collect(maxSize: limit), use: handler), maxBody: limit)
    }

    /// A file upload: the body is read a piece at a time (`StreamedUpload`), the file written to a
    /// temporary file and the CSRF token checked before `handler` runs; the file is removed after.
    @discardableResult
    func upload(_ url: SiteURL, maxBody: ByteCount, use handler: @escaping @Sendable (Request, StreamedUpload) async throws -> Response) -> Route {
        let limit = maxBody.value
        let route = builder.on(.POST, url.pathComponents, body: .stream) { req in
            let upload: StreamedUpload
            do { upload = try await StreamedUpload.receive(req, maxBody: limit) } catch is StreamedUpload.Refused {
                return try await FormReplay.refusal(req)
            }
            defer { upload.remove() }
            return try await handler(req, upload)
        }
        route.userInfo[Self.streamedKey] = true
        return mark(route, maxBody: maxBody)
    }

    /// A route made elsewhere (an API operation from the generated server): `outside` runs first,
    /// then this group's guard.
    func add(_ route: Route, maxBody: ByteCount, outside: [any Middleware]) {
        app.grouped(outside).grouped(Guard(audience: audience)).add(route)
        _ = mark(route, maxBody: maxBody)
    }

    private func mark(_ route: Route, maxBody: ByteCount) -> Route {
        route.userInfo[Self.audienceKey] = audience
        route.userInfo[Self.maxBodyKey] = maxBody.value
        return route
    }
}

extension Route {
    /// The audience the route was registered with; nil for a route registered around `GuardedRoutes`.
    var audience: Audience? { userInfo[GuardedRoutes.audienceKey] as? Audience }
    /// The largest body the route accepts.
    var maxBody: Int? { userInfo[GuardedRoutes.maxBodyKey] as? Int }
    /// A file upload whose body its handler reads a piece at a time (and checks the token of).
    var isStreamedUpload: Bool { userInfo[GuardedRoutes.streamedKey] as? Bool ?? false }
    /// `GET /participants/:id`, as the public allow-list writes it.
    var signature: String { "\(method.rawValue) /" + path.map(\.description).joined(separator: "/") }
}

/// Which methods each path answers, so that a wrong method is a 405 with `Allow` rather than a 404.
/// Built once at start and only read afterwards.
struct MethodIndex: @unchecked Sendable {
    private let routers: [(HTTPMethod, TrieRouter<Bool>)]

    init(_ routes: [Route]) {
        var byMethod: [String: (HTTPMethod, TrieRouter<Bool>)] = [:]
        for route in routes where !route.path.isEmpty {
            let entry = byMethod[route.method.rawValue] ?? (route.method, TrieRouter<Bool>())
            entry.1.register(true, at: route.path)
            byMethod[route.method.rawValue] = entry
        }
        routers = byMethod.values.sorted { $0.0.rawValue < $1.0.rawValue }
    }

    /// The methods that `path` answers; empty when no route has that path.
    func methods(for path: String) -> [HTTPMethod] {
        let components = path.split(separator: "/").map(String.init)
        var found: [HTTPMethod] = []
        for (method, router) in routers {
            var parameters = Parameters()
            if router.route(path: components, parameters: &parameters) != nil { found.append(method) }
        }
        if found.contains(.GET) && !found.contains(.HEAD) { found.append(.HEAD) }
        return found
    }
}

extension Application {
    private struct MethodIndexKey: StorageKey { typealias Value = MethodIndex }
    var methodIndex: MethodIndex? {
        get { storage[MethodIndexKey.self] }
        set { storage[MethodIndexKey.self] = newValue }
    }
}
