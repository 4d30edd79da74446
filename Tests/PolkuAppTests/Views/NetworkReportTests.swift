import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The network report: its query on both databases (what it counts, the period, a project the actor
/// does not manage) and its HTML from a fixed model (small counts hidden, an area's median only from five).
@Suite struct NetworkReportTests {
    typealias F = PageFixtures

    static func model() -> NetworkReport.Model {
        var m = NetworkReport.Model(state: FormState(), projects: [.init(id: F.project, name: "RUORI2")])
        m.providersBySector = [.publicSector: 3, .thirdSector: 1]
        m.servicesByCategory = [ServiceCategory.debtAndFinances.rawValue: 2, ServiceCategory.housing.rawValue: 1]
        m.referralsByState = [ReferralState.sent.rawValue: 12, ReferralState.started.rawValue: 3]
        m.referralsByProvider = [("Porin kaupunki <sosiaalitoimi>", 9), ("Diakonia", 2)]
        m.referralsBySector = [.publicSector: 9, .thirdSector: 6]
        m.areas = [
            "pori": .init(services: 3, referrals: 14, started: 6, days: [3, 5, 8, 10, 21]),
            "ulvila": .init(services: 1, referrals: 1, started: 1, days: [4]),
        ]
        m.days = [3, 4, 5, 8, 10, 21]
        return m
    }

    @Test func theReportHidesSmallCounts() {
        let html = NetworkReport.page(Self.model(), context: F.context(F.worker())).render()
        #expect(html.contains("Porin kaupunki &lt;sosiaalitoimi&gt;"), "names are escaped")
        #expect(html.contains(">12</td>") && html.contains(">&lt;5</td>"), "12 sent shown, 3 started as <5")
        #expect(html.contains("<th scope=\"row\">Pori</th>"))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryCountsTheNetworkAndNarrowsReferrals(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let city = Organisation(name: "Porin kaupunki", kind: .municipality)
            let club = Organisation(name: "Yhdistys", kind: .association)
            let idle = Organisation(name: "Ei palveluja", kind: .company)
            for o in [city, club, idle] { try await o.create(on: app.db) }
            let debt = try await ReferralTests.service(app, org: city.id!)
            let peer = try await ReferralTests.service(app, org: club.id!, name: "Vertaistuki")
            peer.category = .peerSupport; peer.areas = ",pori,ulvila,"
            try await peer.update(on: app.db)
            // Three referrals in 2025 from the actor's project (one of them started after 4 days) and one from another project.
            for (i, (service, project, day)) in [
                (debt, world.ownProject, "2025-02-01"), (peer, world.ownProject, "2025-03-01"), (debt, world.ownProject, "2025-04-01"), (peer, world.otherProject, "2025-03-10"),
            ].enumerated() {
                let r = Referral()
                r.$participant.id = project == world.ownProject ? world.ownParticipant : world.otherParticipant
                r.$service.id = service.id!; r.$project.id = project; r.consentOn = day; r.shared = "name"; r.message = ""
                r.state = i == 1 ? .started : .sent
                try await r.create(on: app.db)
                let sent = Date(timeIntervalSince1970: 1_740_000_000 + Double(i) * 86_400)
                for (state, at) in [(ReferralState.sent, sent)] + (i == 1 ? [(ReferralState.started, sent.addingTimeInterval(4 * 86_400))] : []) {
                    let e = ReferralEvent()
                    e.$referral.id = r.id!; e.at = at; e.toState = state
                    try await e.create(on: app.db)
                }
            }
            let manager = Actor(userID: F.id(1_500), email: "pm@test", name: "PM", isAdmin: false, rolesByProject: [world.ownProject: [.projectManager]])
            var state = FormState()
            let all = try await NetworkReport.query(state, actor: manager, on: app.db)
            #expect(all.projects.map(\.name) == ["Oma hanke"], "only the project they manage is offered")
            #expect(all.providersBySector == [.publicSector: 1, .thirdSector: 1], "an organisation with no services is not a provider")
            #expect(all.servicesByCategory == ["debt_finances": 1, "peer_support": 1])
            #expect(all.referralsByState == ["sent": 3, "started": 1])
            #expect(all.referralsByProvider.map(\.name) == ["Porin kaupunki", "Yhdistys"] && all.referralsByProvider.map(\.n) == [2, 2])
            #expect(all.areas["ulvila"] == .init(services: 1, referrals: 2, started: 1, days: [4]) && all.areas["pori"]?.referrals == 4)
            #expect(all.days == [4])
            state.values = ["from": "15.2.2025", "to": "31.3.2025", "project": world.ownProject.uuidString]
            let narrowed = try await NetworkReport.query(state, actor: manager, on: app.db)
            #expect(narrowed.state.isValid && narrowed.referralsByState == ["started": 1], "March in own project: the one that started")
            state.values = ["project": world.otherProject.uuidString]
            let refused = try await NetworkReport.query(state, actor: manager, on: app.db)
            #expect(!refused.state.isValid && refused.referralsByState.isEmpty && refused.servicesByCategory.count == 2, "another project: no referral figures")
        }
    }
}
