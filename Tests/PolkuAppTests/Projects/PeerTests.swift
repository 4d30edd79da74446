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

            // Supervision: at least one approved peer took part; what was typed stays when it is refused.
            let supervisions = SiteURL.projectPeerSupervisions(.value(base.ownProject)).relativeURL()
            let nobody = try await manager.post(supervisions, ["date": "20.11.2026", "topics": "Rajat ja jaksaminen"])
            #expect(nobody.status == .unprocessableEntity && nobody.body.contains("Valitse ainakin yksi vertainen.") && nobody.body.contains("Rajat ja jaksaminen"))
            #expect(try await manager.post(supervisions, ["date": "20.11.2026"]).status == .badRequest)
            let supervised = try await manager.post(supervisions, ["date": "20.11.2026", "topics": "Rajat ja jaksaminen", "peer_" + peerID.uuidString: "on"])
            #expect(supervised.status == .seeOther)
            #expect(try await worker.post(supervisions, ["date": "20.11.2026", "topics": "x", "peer_" + peerID.uuidString: "on"]).status == .forbidden)
            // The manager's figures: one buddy, one ended match, one supervision — each shown as "<5".
            let figures = try await manager.get(peers).body
            #expect(figures.contains("Rajat ja jaksaminen (paikalla: Kaisa Kaveri)"))
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

    /// A former participant trained in the project's coaching programme is approved only once they
    /// attended four in five of its sessions; only a participant who consented can be linked.
    @Test(arguments: TestDatabase.allCases)
    func aPeerCoachIsApprovedOnceTheProgrammeIsAttended(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let today = app.clock.today
            let programme = Activity()
            programme.$project.id = base.ownProject; programme.kind = .group; programme.name = "Vertaisvalmennuskoulutus"; programme.description = ""
            programme.fromDate = today.adding(days: -40).iso; programme.toDate = today.iso; programme.startTime = "10:00"; programme.endTime = "12:00"
            try await programme.create(on: app.db)
            var sessions: [UUID] = []
            for week in 1...5 {
                let s = ActivitySession()
                let date = today.adding(days: -7 * week).iso
                s.$activity.id = programme.id!; s.scheduledDate = date; s.date = date; s.startTime = "10:00"; s.endTime = "12:00"; s.cancelled = false; s.version = 0
                try await s.create(on: app.db)
                sessions.append(s.id!)
            }
            for session in sessions.prefix(3) { try await Attendance(sessionID: session, participantID: base.ownParticipant).create(on: app.db) }
            let coach = User(email: "valmentaja@own.test", name: "Ville Valmentaja", passwordHash: try await app.password.async.hash(World.password))
            try await coach.create(on: app.db)
            try await Membership(userID: coach.id!, projectID: base.ownProject, role: .peer).create(on: app.db)
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let peers = SiteURL.projectPeers(.value(base.ownProject)).relativeURL()
            let form = [
                "user_id": coach.id!.uuidString, "kind": "peer_coach", "training_activity_id": programme.id!.uuidString,
                "participant_id": base.ownParticipant.uuidString,
            ]
            let unconsented = try await manager.post(peers, form)
            #expect(unconsented.status == .unprocessableEntity, "no consent to be asked: cannot be linked")
            // The former participant is found by name among those who consented, the form kept.
            let search = form.merging(["participant_id": "", "person_q": World.ownLastName, "interests": "kalastus", "find": "1"]) { $1 }
            #expect(try await manager.post(peers, search).body.contains("ei löytynyt ketään"), "not found before the consent")
            try await app.db.sql.raw(
                """
                INSERT INTO consents (id, created_at, participant_id, purpose, date, given, recorded_by)
                VALUES (\(bind: UUID()), \(bind: app.clock.now()), \(bind: base.ownParticipant), 'development', \(bind: today.iso), \(bind: true), NULL)
                """
            ).run()
            let found = try await manager.post(peers, search)
            #expect(found.status == .ok && found.body.contains("value=\"kalastus\""))
            #expect(found.body.contains("name=\"participant_id\" value=\"\(base.ownParticipant)\">"), "found, not chosen for the manager")
            #expect(try await app.db.sql.raw("SELECT id FROM peers WHERE user_id = \(bind: coach.id!)").all().isEmpty, "a search saves nothing")
            #expect(try await manager.post(peers, form).status == .seeOther)
            let peerID = try #require(try await app.db.sql.raw("SELECT id FROM peers WHERE user_id = \(bind: coach.id!)").first()?.decode(column: "id", as: UUID.self))
            let page = try await manager.get(peers).body
            #expect(page.contains("Valmennusohjelma Vertaisvalmennuskoulutus: läsnä 3/5, vaaditaan 4. Kesken."))
            #expect(page.contains("Aiempi osallistuja:"))
            let approve = SiteURL.projectPeerApprove(.value(base.ownProject), .value(peerID)).relativeURL()
            let early = try await manager.post(approve, ["trained_on": today.iso])
            #expect(early.status == .unprocessableEntity && early.body.contains("Valmennusohjelma on vielä kesken"))
            try await Attendance(sessionID: sessions[3], participantID: base.ownParticipant).create(on: app.db)
            #expect(try await manager.get(peers).body.contains("läsnä 4/5, vaaditaan 4. Suoritettu."))
            #expect(try await manager.post(approve, ["trained_on": today.iso]).status == .seeOther)
            #expect(try await Peers.peers(projects: [base.ownProject], on: app.db.sql).first { $0.id == peerID }?.approved_on == today.iso)
        }
    }
}
