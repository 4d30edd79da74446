import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Peers (issue 16): a manager approves a trained peer; a worker finds a buddy with reasons; the
/// participant says yes; the peer accepts, records a meeting and sees no one else.
@Suite struct PeerTests {
    @Test(arguments: TestDatabase.allCases)
    func aBuddyIsFoundAgreedAndMet(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let buddy = User(email: "kaveri@own.test", name: "Kaisa Kaveri", passwordHash: try await app.password.async.hash(World.password))
            try await buddy.create(on: app.db)
            try await Membership(userID: buddy.id!, projectID: base.ownProject, role: .peer).create(on: app.db)
            let person = try #require(try await Participant.find(base.ownParticipant, on: app.db))

            // The manager adds the peer, and approves them once trained (not with a training to come).
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let peers = SiteURL.projectPeers(.value(base.ownProject)).relativeURL()
            #expect(try await manager.get(peers).body.contains("<option value=\"\(buddy.id!.uuidString)\">Kaisa Kaveri</option>"))
            #expect(try await manager.post(peers, ["user_id": UUID().uuidString, "kind": "buddy"]).status == .unprocessableEntity)
            let added = try await manager.post(
                peers, ["user_id": buddy.id!.uuidString, "kind": "buddy", "interests": "Kalastus, ruoka", "languages": person.language, "area": person.municipality, "days": "ke"])
            #expect(added.status == .seeOther)
            let peerID = try #require(try await app.db.sql.raw("SELECT id FROM peers WHERE user_id = \(bind: buddy.id!)").first()?.decode(column: "id", as: UUID.self))
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let suggest = SiteURL.participantPeers(.value(base.ownParticipant)).relativeURL([("interests", "kalastus")])
            #expect(!(try await worker.get(suggest)).body.contains("Kaisa Kaveri"), "not approved yet")
            let approve = SiteURL.projectPeerApprove(.value(base.ownProject), .value(peerID)).relativeURL()
            #expect(try await manager.post(approve, ["trained_on": "1.1.2099"]).status == .unprocessableEntity)
            #expect(try await manager.post(approve, ["trained_on": "15.10.2026"]).status == .seeOther)

            // The worker's suggestions: the buddy first, with the reasons.
            let page = try await worker.get(suggest)
            let first = try #require(page.body.range(of: "<h3"))
            #expect(page.body[first.lowerBound...].hasPrefix("<h3 id=\"s-\(peerID)\">Kaisa Kaveri"))
            #expect(page.body.contains("kiinnostukset kalastus") && page.body.contains("sama alue (\(Node.escape(person.municipality)))"))
            let reasons = "kieli \(person.language); kiinnostukset kalastus"
            #expect(
                try await worker.post(SiteURL.participantPeers(.value(base.ownParticipant)).relativeURL(), ["peer_id": peerID.uuidString, "reasons": reasons]).status == .seeOther)
            #expect(
                try await worker.post(SiteURL.participantPeers(.value(base.ownParticipant)).relativeURL(), ["peer_id": peerID.uuidString, "reasons": reasons]).status == .seeOther)
            let rows = try await PeerMatches.matches("p.id = \(bind: peerID)", on: app.db.sql)
            #expect(rows.count == 1 && rows[0].state == "proposed")
            let match = rows[0].id

            // The peer sees nothing before the participant says yes.
            let peer = TestClient(app)
            try await peer.login("kaveri@own.test")
            #expect(try await peer.get(SiteURL.peerMatch(.value(match)).relativeURL()).status == .notFound)
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            #expect(try await me.get(SiteURL.me.relativeURL()).body.contains("Ohjaajasi ehdottaa sinulle vertaistukijaa: Kaisa Kaveri (Kimppakaveri)."))
            #expect(try await me.post(SiteURL.myPeerMatch(.value(match)).relativeURL(), [:]).status == .badRequest)
            #expect(try await me.post(SiteURL.myPeerMatch(.value(match)).relativeURL(), ["answer": "yes"]).status == .seeOther)
            #expect(try await me.post(SiteURL.myPeerMatch(.value(world.otherPeerMatch)).relativeURL(), ["answer": "yes"]).status == .notFound)

            // The peer accepts, sees only the first name, language, area and reasons, and records a meeting.
            #expect(try await peer.get(SiteURL.today.relativeURL()).body.contains("Vertaistuettavasi"))
            let matchPage = try await peer.get(SiteURL.peerMatch(.value(match)).relativeURL())
            #expect(matchPage.status == .ok && matchPage.body.contains(Node.escape(person.municipality)) && !matchPage.body.contains(World.ownLastName))
            #expect(try await peer.post(SiteURL.peerMatchAccept(.value(match)).relativeURL()).status == .seeOther)
            let meetings = SiteURL.peerMatchMeetings(.value(match)).relativeURL()
            let future = try await peer.post(meetings, ["date": "1.1.2099", "note": "Kävimme kalassa"])
            #expect(future.status == .unprocessableEntity && future.body.contains("Kävimme kalassa"))
            #expect(try await peer.post(meetings, ["date": "20.11.2026", "note": "Kävimme kalassa"]).status == .seeOther)
            #expect(try await peer.get(SiteURL.peerMatch(.value(match)).relativeURL()).body.contains("Kävimme kalassa"))
            // No one else's: another peer's match, the person's page, the participant list.
            #expect(try await peer.get(SiteURL.peerMatch(.value(world.ownPeerMatch)).relativeURL()).status == .notFound)
            #expect(try await peer.get(SiteURL.participant(.value(base.ownParticipant)).relativeURL()).status.code >= 400)
            #expect(try await peer.post(SiteURL.peerMatchMeetings(.value(world.otherPeerMatch)).relativeURL(), ["date": "20.11.2026", "note": "x"]).status == .notFound)

            // The peer ends the match and says how it ended; without an answer nothing changes.
            let end = SiteURL.peerMatchEnd(.value(match)).relativeURL()
            #expect(try await peer.post(end, [:]).status == .badRequest)
            #expect(try await peer.post(end, ["outcome": "sometime"]).status == .unprocessableEntity)
            #expect(try await PeerMatches.matches("m.id = \(bind: match)", on: app.db.sql).first?.state == "active")
            #expect(try await peer.post(SiteURL.peerMatchEnd(.value(world.otherPeerMatch)).relativeURL(), ["outcome": "other"]).status == .notFound)
            #expect(try await peer.post(end, ["outcome": "goals_reached"]).status == .seeOther)
            #expect(try await peer.post(end, ["outcome": "peer_stopped"]).status == .seeOther)
            let ended = try #require(try await PeerMatches.matches("m.id = \(bind: match)", on: app.db.sql).first)
            #expect(ended.state == "ended" && ended.outcome == "goals_reached" && ended.ended_on == app.clock.today.iso, "the first answer stays")
            #expect(try await peer.get(SiteURL.peerMatch(.value(match)).relativeURL()).body.contains("tavoitteet saavutettiin"))
            #expect(try await peer.post(meetings, ["date": "20.11.2026", "note": "Vielä kerran"]).status == .forbidden, "no meetings after the end")

            // The manager's figures: one buddy and one ended match, both shown as "<5".
            let figures = try await manager.get(peers).body
            #expect(figures.contains("Vertaistoiminta luvuin") && figures.contains("<td class=\"num\">&lt;5</td>") && !figures.contains("<td class=\"num\">1</td>"))
        }
    }

    /// The figures count matches by state and outcome and hide 1–4.
    @Test func figuresCountByStateAndOutcomeAndHideSmallCounts() {
        let figures = PeerFigures(
            kinds: [.init(kind: "buddy", added: 6, trained: 5, approved: 5, serving: 2)],
            matches: [
                .init(state: "ended", outcome: "goals_reached", n: 5), .init(state: "ended", outcome: "other", n: 1),
                .init(state: "active", outcome: nil, n: 2), .init(state: "declined", outcome: nil, n: 3),
            ], meetings: 40)
        #expect(figures.count(["ended"]) == 6 && figures.count(["ended"], outcome: "goals_reached") == 5 && figures.count(["active", "declined"]) == 5)
        let html = figures.node(Texts(lang: .fi)).html
        #expect(html.contains("<td class=\"num\">6</td>") && html.contains("<td class=\"num\">5</td>") && html.contains("<td class=\"num\">40</td>"))
        #expect(
            html.contains("<td class=\"num\">&lt;5</td>") && !html.contains("<td class=\"num\">1</td>") && !html.contains("<td class=\"num\">2</td>")
                && !html.contains("<td class=\"num\">3</td>"))
    }
}
