import Foundation
import OpenAPIRuntime
import OpenAPIVapor
import PolkuAPIContract
import Vapor

/// The API's operations, registered from the generated server through the same guards as the
/// pages: each operation states its audience and the token scope it needs here, and an operation
/// of the contract missing from `rules` stops the server from starting.
enum APIRoutes {
    static let base = "/api/v1"
    /// Bodies larger than this are refused with 413 before any JSON is read.
    static let maxBody = 128 * 1024

    struct Rule: Sendable {
        let audience: Audience
        let scope: APIScope?
        init(_ audience: Audience, _ scope: APIScope?) { self.audience = audience; self.scope = scope }
    }

    /// By the contract's method and path (`GET /participants/{id}`).
    static let rules: [String: Rule] = [
        "GET /me": Rule(.staff, nil),
        "GET /projects": Rule(.staff, .projectsRead),
        "GET /projects/{id}": Rule(.project(.aggregates), .projectsRead),
        "GET /projects/{id}/reports/esf": Rule(.project(.aggregates), .reportsRead),
        "GET /participants": Rule(.peopleReaders, .participantsRead),
        "GET /participants/{id}": Rule(.participant(.reads), .participantsRead),
        "GET /participants/{id}/notes": Rule(.participant(.reads), .notesRead),
        "POST /participants/{id}/notes": Rule(.participant(.writes), .notesWrite),
        "GET /participants/{id}/assessments": Rule(.participant(.reads), .measuresRead),
        "GET /projects/{id}/activities": Rule(.project(.aggregates), .activitiesRead),
        "GET /projects/{id}/reports/activity": Rule(.project(.aggregates), .reportsRead),
        "GET /projects/{id}/reports/measures": Rule(.project(.aggregates), .reportsRead),
        "GET /reports/network": Rule(.managers, .reportsRead),
        "GET /activities/{id}": Rule(.activity(.aggregates), .activitiesRead),
        // Who came is people's data: as on the attendance page, roles that write the project's people.
        "GET /activities/{id}/sessions/{session}": Rule(.activity(.writes), .activitiesRead),
        "PUT /activities/{id}/sessions/{session}/attendance": Rule(.activity(.writes), .attendanceWrite),
        "GET /instruments": Rule(.staff, .measuresRead),
        "GET /organisations": Rule(.staff, .directoryRead),
        "GET /organisations/{id}": Rule(.staff, .directoryRead),
        "GET /organisations/{id}/referrals": Rule(.provider(allowsAdmin: false), .referralsRead),
        "GET /services": Rule(.staff, .directoryRead),
        "GET /referrals/{id}": Rule(.referral(.either), .referralsRead),
        "POST /referrals/{id}/state": Rule(.referral(.provider), .referralsWrite),
    ]

    enum Problem: Error, CustomStringConvertible {
        case operationWithoutRule(String)
        var description: String {
            switch self {
            case .operationWithoutRule(let s): "The API operation \(s) has no rule in APIRoutes.rules: say who may call it."
            }
        }
    }

    static func register(_ app: Application) throws {
        let collector = Collector(app: app)
        let transport = VaporTransport(routesBuilder: collector)
        guard let url = URL(string: base) else { return }
        try APIHandlers().registerHandlers(on: transport, serverURL: url)
        if let missing = collector.missing.first { throw Problem.operationWithoutRule(missing) }
    }

    /// Receives the routes the generated server makes and adds each through `GuardedRoutes` with
    /// its rule's audience; the call's context (scope check, audit) runs around the guard, so that a
    /// call the guard refuses is audited too.
    final class Collector: RoutesBuilder {
        let app: Application
        var missing: [String] = []
        init(app: Application) { self.app = app }

        func add(_ route: Route) {
            let template = route.path.dropFirst(2).map { component -> String in
                if case .parameter(let name) = component { return "{\(name)}" }
                return component.description
            }
            let signature = "\(route.method.rawValue) /" + template.joined(separator: "/")
            guard let rule = APIRoutes.rules[signature] else {
                missing.append(signature)
                return
            }
            GuardedRoutes(app, rule.audience).add(route, maxBody: .init(value: APIRoutes.maxBody), outside: [APICall(scope: rule.scope, template: signature)])
        }
    }
}

/// One API call: the token's scope is checked, the body is read whole (at most `APIRoutes.maxBody`),
/// the request is made reachable to the generated handlers (`APIRequest.current`), and the call
/// leaves an audit event as its user, whatever it answered.
struct APICall: AsyncMiddleware {
    let scope: APIScope?
    let template: String

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let caller = req.apiCaller
        do {
            // No valid token: 401 before anything else is said about the route.
            guard let caller else { throw Abort(.unauthorized) }
            if let scope, !caller.scopes.contains(scope) {
                throw Abort(.forbidden, reason: "api.scope")
            }
            if req.method == .POST || req.method == .PUT || req.method == .PATCH {
                if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > APIRoutes.maxBody {
                    throw Abort(.payloadTooLarge)
                }
                _ = try await req.body.collect(max: APIRoutes.maxBody).get()
            }
            let response = try await APIETag.answer(APIRequest.$current.withValue(req) { try await next.respond(to: req) }, req)
            try await audit(req, caller, status: response.status.code)
            return response
        } catch {
            let status = (error as? any AbortError)?.status.code ?? 500
            try? await audit(req, caller, status: status)
            throw error
        }
    }

    private func audit(_ req: Request, _ caller: APICaller?, status: UInt) async throws {
        guard let caller else { return }
        try await req.audit.record(.apiCall, detail: "\(template) \(status) · \(caller.tokenName)")
    }
}

/// The Vapor request of the API call being answered: the generated handlers get only the
/// operation's input, and reach the database, the guard's findings and the audit through this.
enum APIRequest {
    @TaskLocal static var current: Request?

    static func get() throws -> Request {
        guard let req = current else { throw Abort(.internalServerError, reason: "API handler called outside APICall") }
        return req
    }
}
