import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

/// The role matrix, generated from the route table: every route × every kind of user × an own and
/// an other target, on both databases. Each cell's expected answer comes from the table below,
/// written from docs/SECURITY.md, not from the guards' code. A refusal must not carry a person's
/// name, contact or note; a POST carries only the CSRF token (so no cell writes anything real).
@Suite struct GeneratedRoleMatrixTests {
    enum Who: String, CaseIterable, Sendable {
        case admin, manager, worker, health, peer, viewer, provider, participant, anonymous
        var role: Role? {
            switch self {
            case .admin: .admin
            case .manager: .projectManager
            case .worker: .worker
            case .health: .healthProfessional
            case .peer: .peer
            case .viewer: .viewer
            default: nil
            }
        }
    }
    typealias Target = MatrixWorld.Target

    /// Who reaches a route of `audience` on the own / the other target (SECURITY.md, "Audiences").
    static func admits(_ audience: Audience, _ who: Who, _ target: Target) -> Bool {
        let own = target == .own
        let staff: Set<Who> = [.admin, .manager, .worker, .health, .peer, .viewer, .provider]
        let people: Set<Who> = [.manager, .worker, .health]
        switch audience {
        case .anyone: return true
        case .operatorToken: return false
        case .signedIn: return who != .anonymous
        case .participantSelf: return who == .participant
        case .staff: return staff.contains(who)
        case .managers: return [.admin, .manager].contains(who)
        case .peopleReaders, .peopleWriters: return people.contains(who)
        case .admin: return who == .admin
        case .project(let need), .activity(let need):
            switch need {
            case .aggregates: return who == .admin || (own && [.manager, .worker, .health, .peer, .viewer].contains(who))
            case .people, .writes: return own && people.contains(who)
            case .manages: return own && who == .manager
            }
        case .participant: return own && people.contains(who)
        case .provider(let allowsAdmin): return (allowsAdmin && who == .admin) || (own && who == .provider)
        case .serviceKeeper: return who == .admin || (own && who == .provider)
        case .referral(let side):
            switch side {
            case .either: return own && (who == .provider || people.contains(who))
            case .provider: return own && who == .provider
            case .referrer: return own && people.contains(who)
            }
        case .organisationEditor: return who == .admin
        case .peerMatch: return own && who == .peer
        }
    }

    static let markers = RoleMatrixTests.personalMarkers

    @Test(arguments: TestDatabase.allCases)
    func everyRouteEveryRoleEveryTarget(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let routes = app.routes.all.sorted { $0.signature < $1.signature }
            var cells = 0
            var failures: [String] = []
            for who in Who.allCases {
                let client = TestClient(app)
                func signIn() async throws {
                    client.cookies = [:]; client.csrf = nil
                    switch who {
                    case .anonymous: try await client.get(SiteURL.login.relativeURL())
                    case .provider: try await client.login(world.providerEmail)
                    case .participant: try await client.login(world.participantEmail)
                    default: try await client.login(world.base.users[who.role!]!)
                    }
                }
                try await signIn()
                // The API is called with the user's own token (every scope), never with the session.
                let isStaff = ![.anonymous, .participant].contains(who)
                let token = isStaff ? try await APITokenTests.token(client, name: "matrix", scopes: APIScope.allCases) : ""
                let api = TestClient(app)
                for route in routes {
                    guard let audience = route.audience else { failures.append("\(route.signature): no audience"); continue }
                    for target in Target.allCases {
                        let path = world.path(route, target)
                        let page: TestClient.Page
                        if route.path.first?.description == "api", audience != .anyone {
                            page = try await APITokenTests.call(api, token, route.method, path)
                        } else {
                            page = route.method == .GET ? try await client.get(path) : try await client.post(path)
                        }
                        cells += 1
                        let label = "\(db) \(who.rawValue) \(target.rawValue) \(route.signature) [\(audience)]"
                        let code = page.status.code
                        if code >= 500 { failures.append("\(label): \(code)") }
                        let toLogin = route.method == .GET && code == 303 && page.location?.hasPrefix(SiteURL.login.relativeURL()) == true
                        let refused = code == 401 || code == 403 || code == 404 || toLogin
                        // A participant's own name is in their own page header; another person's never.
                        let markers = who == .participant ? ["Toisenhankkeinen", "NORMALMARK", "HEALTHMARK"] : Self.markers
                        if audience == .anyone {
                            // Public: any answer but a 500, and no person in it.
                            for marker in markers where page.body.contains(marker) { failures.append("\(label): public page shows \(marker)") }
                        } else if Self.admits(audience, who, target) {
                            // Past the guard a handler may still say 404 for a thing that is gone, never 401/403.
                            if code == 401 || code == 403 || toLogin {
                                failures.append("\(label): expected to pass the guard, got \(code)")
                            }
                        } else {
                            if !refused { failures.append("\(label): expected a refusal, got \(code)") }
                            for marker in markers where page.body.contains(marker) { failures.append("\(label): refusal shows \(marker)") }
                        }
                        // A cell that signed out (logout) or changed the password signs in again.
                        if client.cookies["polku_session"] == nil && who != .anonymous { try await signIn() }
                    }
                }
            }
            let report = failures.prefix(150).joined(separator: "\n")
            #expect(failures.isEmpty, "\(failures.count) cells:\n\(report)")
            #expect(cells == routes.count * Who.allCases.count * 2)
            print("role matrix (\(db)): \(routes.count) routes × \(Who.allCases.count) kinds of user × 2 targets = \(cells) cells")
        }
    }

    /// Health data inside routes that staff otherwise reach: only health professionals (and the
    /// person) see a health instrument's history, and health aggregates in the measures report.
    @Test(arguments: TestDatabase.allCases)
    func healthCells(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            _ = try await world.nurseRecordsWHO5(app)
            for who in [Who.manager, .worker, .health, .peer, .viewer, .admin] {
                let client = TestClient(app)
                try await client.login(world.base.users[who.role!]!)
                let history = try await client.get(SiteURL.participantMeasure(.value(world.base.ownParticipant), .value("who5")).relativeURL())
                #expect((history.status == .ok) == (who == .health), "\(db) \(who) WHO-5 history: \(history.status.code)")
                let report = try await client.get(SiteURL.projectMeasures(.value(world.base.ownProject)).relativeURL())
                #expect(report.body.contains("id=\"m-who5\"") == (who == .health), "\(db) \(who): WHO-5 aggregates shown to health professionals only")
            }
            let own = TestClient(app)
            try await own.login(world.participantEmail)
            #expect(try await own.get(SiteURL.myMeasure(.value("who5")).relativeURL()).status != .forbidden)
        }
    }
}
