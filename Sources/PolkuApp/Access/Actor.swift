import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The signed-in person and the roles they hold, loaded once per request.
package struct Actor: Sendable {
    let userID: UUID
    let email: String
    let name: String
    let isAdmin: Bool
    let rolesByProject: [UUID: Set<Role>]
    /// For a participant's own account: the participant they are. Such an actor has no project roles.
    let participantID: UUID?
    /// The names of the projects in `rolesByProject`, read with the roles, so that a page's project
    /// filter or choice needs no query of its own.
    let projectNames: [UUID: String]
    /// Projects through whose enrolments this person sees participants, in a fixed order (the same
    /// binds, so the same SQL, on every request). Worked out once: every list and page asks for it.
    let projectsSeeingPeople: [UUID]
    /// Projects where this person may add participants and write their data.
    let projectsWritingPeople: [UUID]

    init(
        userID: UUID, email: String, name: String, isAdmin: Bool, rolesByProject: [UUID: Set<Role>],
        participantID: UUID? = nil, projectNames: [UUID: String] = [:]
    ) {
        self.userID = userID
        self.email = email
        self.name = name
        self.isAdmin = isAdmin
        self.rolesByProject = rolesByProject
        self.participantID = participantID
        self.projectNames = projectNames
        func projects(_ can: (ProjectAccess) -> Bool) -> [UUID] {
            rolesByProject.filter { can(ProjectAccess(roles: $0.value)) }.map { ($0.key.text, $0.key) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        projectsSeeingPeople = projects(\.seesParticipants)
        projectsWritingPeople = projects(\.writesParticipantData)
    }

    func access(to project: UUID) -> ProjectAccess {
        ProjectAccess(roles: rolesByProject[project] ?? [])
    }

    /// `projects` with their names, by name (for a filter or a choice on a page).
    func named(_ projects: [UUID]) -> [(id: UUID, name: String)] {
        projects.compactMap { id in projectNames[id].map { (id, $0) } }.sorted { $0.name < $1.name }
    }

    var projectsManaged: [UUID] {
        rolesByProject.filter { ProjectAccess(roles: $0.value).managesProject }.map(\.key)
    }

    /// Admins and project managers may create organisations and new projects.
    var createsProjects: Bool { isAdmin || !projectsManaged.isEmpty }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }
    var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }
}

/// Loads the signed-in user from the session. A session whose user was deactivated (or deleted)
/// is ended here, so an old cookie stops working at once.
package struct CurrentUserMiddleware: AsyncMiddleware {
    static let sessionKey = "user_id"
    static let seenKey = "seen"
    /// The user's session epoch when this session logged in, compared with `User.sessionEpoch`.
    static let epochKey = "epoch"
    /// A session unused for a working day ends: a shared computer left signed in does not stay open.
    static let idleLimit: TimeInterval = 8 * 3600
    /// How stale "last seen" may get before it is written again (a write per request would be waste).
    static let seenResolution: TimeInterval = 300

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.hasSession, let raw = req.session.data[Self.sessionKey] {
            let now = req.now.timeIntervalSince1970
            let seen = req.session.data[Self.seenKey].flatMap(TimeInterval.init) ?? now
            if now - seen > Self.idleLimit {
                req.session.destroy()
            } else if let id = UUID(text: raw),
                let actor = try await Self.load(
                    id, on: req.readDatabase, epoch: req.session.data[Self.epochKey].flatMap { Int($0) } ?? 0,
                    rows: req.storage[PrefetchedIdentity.self].flatMap { $0.user == raw ? $0.rows : nil })
            {
                req.actor = actor
                if now - seen > Self.seenResolution || req.session.data[Self.seenKey] == nil {
                    req.session.data[Self.seenKey] = String(Int(now))
                }
            } else {
                req.session.destroy()
            }
        }
        return try await next.respond(to: req)
    }

    /// A user and one of their memberships, as one row of the identity query (a user without a
    /// membership is one row with no role). The columns are optional because the session read joins
    /// them to the session row, where there may be no such user.
    package struct IdentityRow: Decodable, Sendable {
        let email: String?; let name: String?; let is_active: Bool?; let session_epoch: Int?; let participant_id: UUID?
        let role: String?; let project_id: UUID?; let organisation_id: UUID?; let project_name: String?
        /// Read column by column: on every signed-in request, and through `Codable` these rows (one per
        /// membership) cost more than the query.
        init(row: any SQLRow) throws {
            func value<T: Decodable>(_ column: String, _: T.Type) throws -> T? {
                try row.decodeNil(column: column) ? nil : row.decode(column: column, as: T.self)
            }
            email = try value("email", String.self); name = try value("name", String.self)
            is_active = try value("is_active", Bool.self); session_epoch = try value("session_epoch", Int.self)
            participant_id = try value("participant_id", UUID.self); role = try value("role", String.self)
            project_id = try value("project_id", UUID.self); organisation_id = try value("organisation_id", UUID.self)
            project_name = try value("project_name", String.self)
        }

        static let columns: SQLQueryString =
            "u.email, u.name, u.is_active, u.session_epoch, u.participant_id, m.role, m.project_id, m.organisation_id, mp.name AS project_name"
        /// What joins the memberships and their projects' names to the users `u`.
        static let joins: SQLQueryString = "LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN projects mp ON mp.id = m.project_id"
    }

    private struct OrganisationLink: Decodable { let project_id: UUID; let organisation_id: UUID; let name: String }

    /// The identity rows that `QuietSessions` read together with the session, for the user the session names.
    struct PrefetchedIdentity: StorageKey { typealias Value = (user: String, rows: [IdentityRow]) }

    /// The user and their memberships in one query (a row per membership), without Fluent models:
    /// this runs on every signed-in request. `rows` are used when the session read brought them already.
    package static func load(_ id: UUID, on db: any Database, epoch: Int? = nil, rows prefetched: [IdentityRow]? = nil) async throws -> Actor? {
        let rows: [IdentityRow]
        if let prefetched {
            rows = prefetched
        } else {
            rows = try await db.sql.raw(
                """
                SELECT \(IdentityRow.columns) FROM users u \(IdentityRow.joins) WHERE u.id = \(bind: id)
                """
            ).all().map(IdentityRow.init(row:))
        }
        guard let user = rows.first, let email = user.email, let name = user.name, user.is_active == true else { return nil }
        if let epoch, epoch != (user.session_epoch ?? 0) { return nil }
        var roles: [UUID: Set<Role>] = [:]
        var isAdmin = false
        var byOrganisation: [UUID: Set<Role>] = [:]
        var names: [UUID: String] = [:]
        for m in rows {
            guard let role = m.role.flatMap(Role.init(rawValue:)) else { continue }
            if role == .admin { isAdmin = true }
            if let project = m.project_id {
                roles[project, default: []].insert(role)
                names[project] = m.project_name
            }
            if let organisation = m.organisation_id { byOrganisation[organisation, default: []].insert(role) }
        }
        if !byOrganisation.isEmpty {
            // An organisation's role reaches the projects it runs, not those it merely partners or funds.
            let links = try await db.sql.raw(
                """
                SELECT po.project_id, po.organisation_id, p.name FROM project_organisations po JOIN projects p ON p.id = po.project_id
                WHERE po.organisation_id \(oneOf: Array(byOrganisation.keys))
                AND po.role \(oneOf: [ProjectOrganisation.Role.administrator.rawValue, ProjectOrganisation.Role.coImplementer.rawValue])
                """
            ).all(decoding: OrganisationLink.self)
            for link in links {
                roles[link.project_id, default: []].formUnion(byOrganisation[link.organisation_id] ?? [])
                names[link.project_id] = link.name
            }
        }
        if let participant = user.participant_id {
            // A participant's account never carries staff roles, whatever memberships say.
            return Actor(userID: id, email: email, name: name, isAdmin: false, rolesByProject: [:], participantID: participant)
        }
        return Actor(userID: id, email: email, name: name, isAdmin: isAdmin, rolesByProject: roles, projectNames: names)
    }
}
