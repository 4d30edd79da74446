import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The rules the guards (`Routing/Guard.swift`) apply, and the scope of a participant that every
/// query for people is limited by: there is no other path to a participant. Handlers do not call
/// these to decide access; the route's guard has done so before they run.
struct Authorization {
    let req: Request

    /// The signed-in person, or 401 (pages turn it into a redirect to the login page).
    func actor() throws -> Actor {
        guard let actor = req.actor else { throw Abort(.unauthorized) }
        return actor
    }

    /// A provider's staff keep their organisation's services and handle its referrals: anyone with a
    /// working role (project manager, worker, health professional) held in the organisation itself.
    func isProviderStaff(_ actor: Actor, _ organisation: UUID) async throws -> Bool {
        try await Membership.query(on: req.db).filter(\.$user.$id == actor.userID).filter(\.$organisation.$id == organisation)
            .filter(\.$role ~~ [.projectManager, .worker, .healthProfessional]).count() > 0
    }

    /// The organisations whose provider staff this person is.
    func providerOrganisations() async throws -> [UUID] {
        guard let actor = req.actor else { return [] }
        return try await Membership.query(on: req.db).filter(\.$user.$id == actor.userID)
            .filter(\.$role ~~ [.projectManager, .worker, .healthProfessional]).all().compactMap { $0.$organisation.id }
    }

    /// What the signed-in person may see of one participant: the projects through which they see
    /// them and the access each gives. A participant outside those is answered 404, so that
    /// existence is not revealed either.
    func participant(_ id: UUID) async throws -> ParticipantScope {
        // The route's guard has usually worked this out already.
        if let scope = req.guarded.participant, scope.participantID == id { return scope }
        let actor = try actor()
        let visible = actor.projectsSeeingPeople
        guard !visible.isEmpty else { throw Abort(.notFound) }
        let sql = req.readDatabase.sql
        let rows = try await sql.raw(
            "SELECT e.project_id FROM enrolments e WHERE e.participant_id = \(bind: id) AND \(ParticipantQueries.enrolledIn(visible, on: sql))"
        ).all(decodingColumn: "project_id", as: UUID.self)
        guard !rows.isEmpty else { throw Abort(.notFound) }
        var access: [UUID: ProjectAccess] = [:]
        for project in rows { access[project] = actor.access(to: project) }
        return ParticipantScope(participantID: id, actor: actor, projects: access)
    }

    /// A participant whose data will be written in `project`.
    func writeParticipant(_ id: UUID, in project: UUID) async throws -> ParticipantScope {
        let scope = try await participant(id)
        guard scope.projects[project]?.writesParticipantData == true else { throw Abort(.forbidden) }
        return scope
    }
}

/// The projects through which one person sees one participant.
package struct ParticipantScope {
    let participantID: UUID
    let actor: Actor
    let projects: [UUID: ProjectAccess]

    package init(participantID: UUID, actor: Actor, projects: [UUID: ProjectAccess]) {
        self.participantID = participantID; self.actor = actor; self.projects = projects
    }

    var projectIDs: [UUID] { Array(projects.keys) }
    var healthProjects: [UUID] { projects.filter { $0.value.seesHealthData }.map(\.key) }
    var writableProjects: [UUID] { projects.filter { $0.value.writesParticipantData }.map(\.key) }

    func reads(_ sensitivity: Sensitivity, in project: UUID) -> Bool {
        projects[project]?.reads(sensitivity) ?? false
    }
    func writes(_ sensitivity: Sensitivity, in project: UUID) -> Bool {
        projects[project]?.writes(sensitivity) ?? false
    }
}

extension Request {
    var authz: Authorization { Authorization(req: self) }
}
