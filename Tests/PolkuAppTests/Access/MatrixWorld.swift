import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

/// `World` with one of everything a route can name, for the generated role matrix: for each kind
/// of target an "own" one (reachable through the roles in `World`) and an "other" one (another
/// project's or another organisation's).
struct MatrixWorld {
    let base: World
    let providerEmail: String
    let participantEmail = "osallistuja@own.test"
    let ownOrganisation: UUID, otherOrganisation: UUID
    let ownService: UUID, otherService: UUID
    let ownReferral: UUID, otherReferral: UUID
    let ownActivity: UUID, otherActivity: UUID
    let ownSession: UUID, otherSession: UUID
    let ownMember: UUID
    let otherEnrolment: UUID
    let spareUser: UUID, spareMembership: UUID
    /// The peer user's match with the own participant, and another peer's with the other one.
    let ownPeerMatch: UUID, otherPeerMatch: UUID

    enum Target: String, CaseIterable, Sendable { case own, other }

    static func make(_ app: Application) async throws -> MatrixWorld {
        let world = try await World.make(app)
        let db = app.db
        let (ownOrg, providerEmail) = try await DirectoryTests.provider(app)
        let otherOrg = Organisation(name: "Toinen palvelu ry", kind: .association, municipality: "Oulu")
        try await otherOrg.create(on: db)
        let ownService = try await ReferralTests.service(app, org: ownOrg)
        let otherService = try await ReferralTests.service(app, org: otherOrg.id!, name: "Toinen palvelu")
        let otherEnrolment = try await Enrolment.query(on: db).filter(\.$participant.$id == world.otherParticipant).first()!.id!
        func referral(_ participant: UUID, _ service: UUID, _ project: UUID) async throws -> UUID {
            let r = Referral()
            r.$participant.id = participant; r.$service.id = service; r.$project.id = project; r.state = .sent
            r.consentOn = "2024-03-01"; r.shared = "phone"; r.message = "Viesti"
            try await r.create(on: db)
            return r.id!
        }
        let ownReferral = try await referral(world.ownParticipant, ownService.id!, world.ownProject)
        let otherReferral = try await referral(world.otherParticipant, otherService.id!, world.otherProject)
        func activity(_ project: UUID, _ participant: UUID) async throws -> (UUID, UUID, UUID) {
            let a = Activity()
            a.$project.id = project; a.kind = .group; a.name = "Ryhmä"; a.description = ""; a.fromDate = "2024-03-04"
            a.toDate = "2024-03-04"; a.startTime = "10:00"; a.endTime = "12:00"
            try await a.create(on: db)
            let s = ActivitySession()
            s.$activity.id = a.id!; s.scheduledDate = "2024-03-04"; s.date = "2024-03-04"; s.startTime = "10:00"; s.endTime = "12:00"
            s.cancelled = false; s.version = 0
            try await s.create(on: db)
            let m = ActivityMember()
            m.$activity.id = a.id!; m.$participant.id = participant; m.joinedOn = "2024-03-04"
            try await m.create(on: db)
            return (a.id!, s.id!, m.id!)
        }
        let (ownActivity, ownSession, ownMember) = try await activity(world.ownProject, world.ownParticipant)
        let (otherActivity, otherSession, _) = try await activity(world.otherProject, world.otherParticipant)
        let hash = try await app.password.async.hash(World.password)
        let own = User(email: "osallistuja@own.test", name: "Åke Merkkinen", passwordHash: hash)
        own.participantID = world.ownParticipant
        try await own.create(on: db)
        let spare = User(email: "spare@own.test", name: "Spare", passwordHash: hash)
        try await spare.create(on: db)
        let membership = Membership(userID: spare.id!, projectID: world.otherProject, role: .viewer)
        try await membership.create(on: db)
        let otherPeer = User(email: "peer@other.test", name: "Toinen vertainen", passwordHash: hash)
        try await otherPeer.create(on: db)
        try await Membership(userID: otherPeer.id!, projectID: world.otherProject, role: .peer).create(on: db)
        let peerUser = try await User.query(on: db).filter(\.$email == world.users[.peer]!).first()!.id!
        func peerMatch(_ user: UUID, _ project: UUID, _ participant: UUID) async throws -> UUID {
            let peer = UUID(), match = UUID()
            try await db.sql.raw(
                """
                INSERT INTO peers (id, project_id, user_id, kind, interests, languages, area, days, trained_on, approved_on, created_at)
                VALUES (\(bind: peer), \(bind: project), \(bind: user), 'buddy', '', 'fi', '', '', '2024-01-01', '2024-01-02', \(bind: Date()))
                """
            ).run()
            try await db.sql.raw(
                """
                INSERT INTO peer_matches (id, peer_id, participant_id, project_id, state, reasons, proposed_on, started_on)
                VALUES (\(bind: match), \(bind: peer), \(bind: participant), \(bind: project), 'active', 'kieli fi', '2024-02-01', '2024-02-02')
                """
            ).run()
            return match
        }
        let ownPeerMatch = try await peerMatch(peerUser, world.ownProject, world.ownParticipant)
        let otherPeerMatch = try await peerMatch(otherPeer.id!, world.otherProject, world.otherParticipant)
        return MatrixWorld(
            base: world, providerEmail: providerEmail, ownOrganisation: ownOrg, otherOrganisation: otherOrg.id!,
            ownService: ownService.id!, otherService: otherService.id!, ownReferral: ownReferral, otherReferral: otherReferral,
            ownActivity: ownActivity, otherActivity: otherActivity, ownSession: ownSession, otherSession: otherSession,
            ownMember: ownMember, otherEnrolment: otherEnrolment, spareUser: spare.id!, spareMembership: membership.id!,
            ownPeerMatch: ownPeerMatch, otherPeerMatch: otherPeerMatch)
    }

    /// The project's health professional records a WHO-5 for the own participant (answers 3, 3, 3, 3,
    /// `last`) in the browser; returns their signed-in client.
    func nurseRecordsWHO5(_ app: Application, last: Int = 3) async throws -> TestClient {
        let nurse = TestClient(app)
        try await nurse.login(base.users[.healthProfessional]!)
        let saved = try await nurse.post(
            SiteURL.participantAssessments(.value(base.ownParticipant)).relativeURL(),
            [
                "project": base.ownProject.uuidString, "instrument": "who5", "date": "1.3.2024",
                "a_1": "3", "a_2": "3", "a_3": "3", "a_4": "3", "a_5": String(last),
            ])
        #expect(saved.status == .seeOther)
        return nurse
    }

    /// The concrete path of `route` for a target: each parameter filled by what the path names.
    func path(_ route: Route, _ target: Target) -> String {
        let own = target == .own
        // An API route is named by what follows /api/v1 (/api/v1/projects/:id is a project).
        let named = route.path.first?.description == "api" ? Array(route.path.dropFirst(2)) : route.path
        let first = named.first?.description ?? ""
        let parts: [String] = route.path.map { component in
            guard case .parameter(let name) = component else { return component.description }
            switch name {
            case "id":
                switch first {
                case "projects": return (own ? base.ownProject : base.otherProject).uuidString
                case "participants": return (own ? base.ownParticipant : base.otherParticipant).uuidString
                case "activities": return (own ? ownActivity : otherActivity).uuidString
                case "organisations": return (own ? ownOrganisation : otherOrganisation).uuidString
                case "services", "directory": return (own ? ownService : otherService).uuidString
                case "referrals": return (own ? ownReferral : otherReferral).uuidString
                case "peer": return (own ? ownPeerMatch : otherPeerMatch).uuidString
                default: return spareUser.uuidString
                }
            case "enrolment": return (own ? base.ownEnrolment : otherEnrolment).uuidString
            case "goal": return base.ownGoal.uuidString
            case "session": return (own ? ownSession : otherSession).uuidString
            case "member": return ownMember.uuidString
            case "membership": return spareMembership.uuidString
            case "part": return UUID().uuidString
            case "key": return "polku-life"
            case "purpose": return "research"
            case "lang": return "en"
            default: return "0123456789abcdef0123456789abcdef0123456789abcdef"
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
