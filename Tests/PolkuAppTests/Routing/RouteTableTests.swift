@testable import PolkuApp
import PolkuTestSupport
import Testing
import Vapor

/// The route table itself: every route is registered through a guard, only the written allow-list
/// answers anyone, and links built by `SiteURL` reach the route they name.
@Suite struct RouteTableTests {
    @Test func everyRouteHasAnAudienceAndOnlyTheAllowListIsPublic() async throws {
        try await withPolku(.sqlite) { app in
            let routes = app.routes.all
            #expect(routes.count > 100)
            for route in routes {
                #expect(route.audience != nil, "\(route.signature) is registered outside a guarded group")
                if route.audience == .anyone {
                    #expect(Audience.publicAllowList.contains(route.signature), "\(route.signature) is public but not on the allow-list")
                }
            }
            let publicRoutes = Set(routes.filter { $0.audience == .anyone }.map(\.signature))
            #expect(publicRoutes == Audience.publicAllowList, "the allow-list names routes that do not exist")
            // Every route's body limit is known before the body is read (the CSRF check collects it).
            #expect(routes.allSatisfy { $0.maxBody != nil })
        }
    }

    @Test func linksAreBuiltFromTheSameCasesThatRegisterRoutes() {
        let id = UUID(uuidString: "00000000-0000-0000-0000-0000000000AB")!
        #expect(SiteURL.participant(.value(id)).relativeURL() == "/participants/00000000-0000-0000-0000-0000000000AB")
        #expect(SiteURL.participant(.key).relativeURL() == "/participants/:id")
        #expect(SiteURL.enrolmentESF(.value(id), .value(id)).relativeURL().hasSuffix("/esf"))
        #expect(SiteURL.participants.relativeURL([("q", "Åke & co"), ("after", "x/y")]) == "/participants?q=%C3%85ke%20%26%20co&after=x%2Fy")
        #expect(SiteURL.home.relativeURL() == "/")
        #expect(
            SiteURL.projectPartDelete(.value(id), .steering, .value(id)).pathComponents.map(\.description)
                == ["projects", ":id", "steering", ":part", "delete"])
    }

    @Test(arguments: TestDatabase.allCases)
    func aWrongMethodIs405WithAllow(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            let put = try await client.post(SiteURL.health.relativeURL())
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: .allow)?.contains("GET") == true)
            let notes = try await client.get(SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL())
            #expect(notes.status == .methodNotAllowed && notes.headers.first(name: .allow) == "POST")
            #expect(try await client.get("/no/such/page").status == .notFound)
        }
    }
}
