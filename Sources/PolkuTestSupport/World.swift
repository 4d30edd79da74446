import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import Vapor

/// A small world for access tests: two projects, one user per role in the first, a worker in the
/// second, and one participant in each with a normal and a health note. The names are markers a
/// test can look for in a response body.
public struct World: Sendable {
    public static let password = "correct horse battery"

    public let ownProject: UUID
    public let otherProject: UUID
    public let ownSite: UUID
    public let ownParticipant: UUID
    public let otherParticipant: UUID
    public let ownEnrolment: UUID
    public let ownGoal: UUID
    public let users: [Role: String]
    public let otherWorker = "worker@other.test"

    public static let ownName = "Åke Nguyễn-Øster"
    public static let ownLastName = "Merkkinen"
    public static let otherName = "Otto Toisenhankkeinen"
    public static let normalNote = "Tavallinen muistiinpano NORMALMARK"
    public static let healthNote = "Terveystieto HEALTHMARK"

    public static func make(_ app: Application) async throws -> World {
        let db = app.db
        let hash = try await app.password.async.hash(password)
        func project(_ code: String, _ name: String) async throws -> Project {
            let p = Project()
            p.code = code; p.name = name; p.summary = "Kuvaus"; p.funder = "ELY"; p.priorityAxis = "TL5"; p.specificObjective = "10.1"
            p.status = .running; p.startDate = "2024-01-01"; p.endDate = "2026-12-31"; p.region = "Satakunta"; p.budgetBand = ""
            p.targetGroups = "Työttömät"; p.phases = PhasePlan.defaultPhases.joined(separator: "\n"); p.plannedParticipants = 100
            try await p.create(on: db)
            return p
        }
        let own = try await project("OWN1", "Oma hanke")
        let other = try await project("OTHER1", "Toinen hanke")
        let site = Site(projectID: own.id!, name: "Pihlava", municipality: "Pori", kind: .neighbourhood)
        try await site.create(on: db)
        var users: [Role: String] = [:]
        for role in Role.allCases {
            let email = "\(role.rawValue)@own.test"
            let u = User(email: email, name: "Test \(role.rawValue)", passwordHash: hash)
            try await u.create(on: db)
            try await Membership(userID: u.id!, projectID: role.isGlobal ? nil : own.id!, role: role).create(on: db)
            users[role] = email
        }
        let ow = User(email: "worker@other.test", name: "Other worker", passwordHash: hash)
        try await ow.create(on: db)
        try await Membership(userID: ow.id!, projectID: other.id!, role: .worker).create(on: db)

        func person(_ first: String, _ last: String, in project: Project, site: UUID?) async throws -> (UUID, UUID) {
            let p = Participant()
            p.firstName = first; p.lastName = last; p.searchKey = SearchKey.make(last, first)
            p.birthDate = "1990-05-17"; p.gender = .male; p.municipality = "Pori"; p.language = "fi"; p.email = "marker@example.invalid"
            try await p.create(on: db)
            let e = Enrolment()
            e.$participant.id = p.id!; e.$project.id = project.id!; e.$site.id = site; e.phase = "intake"; e.startDate = "2024-02-01"
            try await e.create(on: db)
            for (s, body) in [(Sensitivity.normal, normalNote), (.health, healthNote)] {
                let n = Note()
                n.$participant.id = p.id!; n.$project.id = project.id!; n.sensitivity = s; n.body = body
                try await n.create(on: db)
            }
            return (p.id!, e.id!)
        }
        let (ownP, ownE) = try await person(ownName, ownLastName, in: own, site: site.id)
        let (otherP, _) = try await person("Otto", "Toisenhankkeinen", in: other, site: nil)
        // Both projects use WHO-5 (health data) and the life-situation map.
        for project in [own.id!, other.id!] { try await MeasureQueries.setProjectKeys(project, ["who5", "polku-life"], on: db) }
        let goal = Goal()
        goal.$participant.id = ownP; goal.$project.id = own.id!; goal.text = "Työkokeiluun"; goal.status = .open
        try await goal.create(on: db)
        return World(
            ownProject: own.id!, otherProject: other.id!, ownSite: site.id!, ownParticipant: ownP,
            otherParticipant: otherP, ownEnrolment: ownE, ownGoal: goal.id!, users: users)
    }

    /// Audit events written so far, newest last.
    public static func auditEvents(_ app: Application) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: app.db).sort(\.$at).all()
    }
}
