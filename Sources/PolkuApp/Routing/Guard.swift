import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// What a guard checked, handed to the handler: the handler never asks for access itself.
struct Guarded: Sendable {
    var actor: Actor?
    /// The project of a project or activity route and the actor's access to it.
    var project: (id: UUID, access: ProjectAccess)?
    /// The participant of a participant route, as the actor sees them.
    var participant: ParticipantScope?
    /// The organisation of a provider, service or organisation route.
    var organisation: UUID?
    /// How the actor takes part in the referral of a referral route.
    var referral: (referral: Referral, side: ReferralController.Side)?
    /// The match of a peer's match route: theirs, consented to by the participant.
    var peerMatch: UUID?
}

extension Request {
    private struct GuardedKey: StorageKey { typealias Value = Guarded }

    /// What the route's guard checked. A handler reached without a guard finds nothing here and
    /// fails closed (the route-walking test keeps that from happening).
    var guarded: Guarded {
        get { storage[GuardedKey.self] ?? Guarded() }
        set { storage[GuardedKey.self] = newValue }
    }

    /// The signed-in person the guard admitted.
    func guardedActor() throws -> Actor {
        guard let actor = guarded.actor else { throw Abort(.unauthorized) }
        return actor
    }

    /// The participant signed in to their own space (the `participantSelf` guard): their person and
    /// their account.
    func guardedSelf() throws -> (participant: UUID, user: UUID) {
        let actor = try guardedActor()
        guard let participant = actor.participantID else { throw Abort(.forbidden) }
        return (participant, actor.userID)
    }

    func guardedProject() throws -> (id: UUID, access: ProjectAccess, actor: Actor) {
        guard let p = guarded.project, let actor = guarded.actor else { throw Abort(.forbidden) }
        return (p.id, p.access, actor)
    }

    func guardedPeerMatch() throws -> (match: UUID, actor: Actor) {
        guard let match = guarded.peerMatch, let actor = guarded.actor else { throw Abort(.notFound) }
        return (match, actor)
    }

    func guardedParticipant() throws -> ParticipantScope {
        guard let scope = guarded.participant else { throw Abort(.notFound) }
        return scope
    }

    func guardedOrganisation() throws -> UUID {
        guard let id = guarded.organisation else { throw Abort(.forbidden) }
        return id
    }
}

/// The middleware of one audience. Refusals: a signed-out visitor 401 (pages turn it into the
/// login page); a thing the actor may not know exists 404; a thing they know of but may not do 403.
struct Guard: AsyncMiddleware {
    let audience: Audience

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        req.guarded = try await check(req)
        return try await next.respond(to: req)
    }

    func check(_ req: Request) async throws -> Guarded {
        var g = Guarded(actor: req.actor)
        switch audience {
        case .anyone:
            return g
        case .operatorToken:
            guard let token = req.application.settings.metricsToken, !token.isEmpty,
                let sent = req.headers.bearerAuthorization?.token, ConstantTime.equal(sent, token)
            else { throw Abort(.notFound) }
            return g
        case .signedIn:
            _ = try signedIn(req)
            return g
        case .participantSelf:
            guard try signedIn(req).participantID != nil else { throw Abort(.forbidden) }
            return g
        default:
            break
        }
        let actor = try staff(req)
        switch audience {
        case .staff:
            break
        case .managers:
            guard actor.createsProjects else { throw Abort(.forbidden) }
        case .peopleReaders:
            guard !actor.projectsSeeingPeople.isEmpty else { throw Abort(.forbidden) }
        case .peopleWriters:
            guard !actor.projectsWritingPeople.isEmpty else { throw Abort(.forbidden) }
        case .admin:
            guard actor.isAdmin else { throw Abort(.forbidden) }
        case .project(let need):
            let id = try req.id()
            g.project = (id, try Self.admit(actor, to: id, need))
        case .activity(let need):
            let project = try await Self.activityProject(req)
            g.project = (project, try Self.admit(actor, to: project, need))
        case .participant(let need):
            let scope = try await req.authz.participant(try req.id())
            if need == .writes && scope.writableProjects.isEmpty { throw Abort(.forbidden) }
            g.participant = scope
        case .provider(let allowsAdmin):
            let org = try req.id()
            let admitted = allowsAdmin && actor.isAdmin ? true : try await req.authz.isProviderStaff(actor, org)
            guard admitted else { throw Abort(.forbidden) }
            g.organisation = org
        case .serviceKeeper:
            guard
                let org = try await req.readDatabase.sql.select().column("organisation_id").from("services")
                    .where("id", .equal, SQLBind(try req.id())).first(decodingColumn: "organisation_id", as: UUID.self)
            else { throw Abort(.notFound) }
            let admitted = actor.isAdmin ? true : try await req.authz.isProviderStaff(actor, org)
            guard admitted else { throw Abort(.forbidden) }
            g.organisation = org
        case .referral(let needed):
            guard
                let r = try await Referral.query(on: req.db).filter(\.$id == (try req.id()))
                    .with(\.$service, { $0.with(\.$organisation) }).first()
            else { throw Abort(.notFound) }
            let side = try await ReferralController.access(req, r, actor: actor)
            switch (needed, side) {
            case (.either, _), (.provider, .provider), (.referrer, .referring): break
            default: throw Abort(.forbidden)
            }
            g.referral = (r, side)
        case .organisationEditor:
            let org = try req.id()
            guard try await Self.editsOrganisation(actor, org, on: req.db) else { throw Abort(.forbidden) }
            g.organisation = org
        case .peerMatch:
            // Another peer's match, or one not yet consented to, is as if it were not there.
            guard
                let match = try await req.readDatabase.sql.raw(
                    """
                    SELECT m.id FROM peer_matches m JOIN peers p ON p.id = m.peer_id
                    WHERE m.id = \(bind: try req.id()) AND p.user_id = \(bind: actor.userID) AND m.state IN ('consented', 'active', 'ended')
                    """
                ).first()?.decode(column: "id", as: UUID.self)
            else { throw Abort(.notFound) }
            g.peerMatch = match
        case .anyone, .operatorToken, .signedIn, .participantSelf:
            break
        }
        return g
    }

    private func signedIn(_ req: Request) throws -> Actor {
        guard let actor = req.actor else { throw Abort(.unauthorized) }
        return actor
    }

    /// A staff account; a participant's own account is refused every staff route.
    private func staff(_ req: Request) throws -> Actor {
        let actor = try signedIn(req)
        guard actor.participantID == nil else { throw Abort(.forbidden) }
        return actor
    }

    /// The project access a route needs. Someone with no role in the project gets 404: they are
    /// not told which of its pages exist.
    static func admit(_ actor: Actor, to project: UUID, _ need: Audience.ProjectNeed) throws -> ProjectAccess {
        let access = actor.access(to: project)
        switch need {
        case .aggregates:
            guard actor.isAdmin || access.seesAggregates else { throw Abort(.notFound) }
        case .people:
            guard access.seesParticipants else { throw Abort(access.seesAggregates ? .forbidden : .notFound) }
        case .writes:
            guard access.writesParticipantData else { throw Abort(access.seesAggregates ? .forbidden : .notFound) }
        case .manages:
            guard access.managesProject else { throw Abort(access.seesAggregates || actor.isAdmin ? .forbidden : .notFound) }
        }
        return access
    }

    /// Read on the hot read connection (`readDatabase`): on SQLite `req.db`'s reads go to the
    /// driver's thread pool and back, two hand-overs on every attendance save (issue 11).
    static func activityProject(_ req: Request) async throws -> UUID {
        guard
            let project = try await req.readDatabase.sql.select().column("project_id").from("activities")
                .where("id", .equal, SQLBind(try req.id())).first(decodingColumn: "project_id", as: UUID.self)
        else { throw Abort(.notFound) }
        return project
    }

    /// An organisation's record is kept by admins, by its own managers, and, for an organisation
    /// with no staff of its own in Polku (a partner or funder), by the managers of the projects it
    /// takes part in. A provider's record is its own: another project's manager cannot rewrite it.
    static func editsOrganisation(_ actor: Actor, _ org: UUID, on db: any Database) async throws -> Bool {
        try await editableOrganisations(actor, among: [org], on: db).contains(org)
    }

    /// Which of `organisations` the actor keeps the record of, in two queries whatever the count.
    static func editableOrganisations(_ actor: Actor, among organisations: [UUID], on db: any Database) async throws -> Set<UUID> {
        if actor.isAdmin { return Set(organisations) }
        guard !organisations.isEmpty else { return [] }
        let staff = try await Membership.query(on: db).filter(\.$organisation.$id ~~ organisations).all()
        let staffed = Set(staff.compactMap { $0.$organisation.id })
        let links = try await ProjectOrganisation.query(on: db).filter(\.$organisation.$id ~~ organisations).all()
        var result = Set(staff.filter { $0.$user.id == actor.userID && $0.role == .projectManager }.compactMap { $0.$organisation.id })
        for link in links where !staffed.contains(link.$organisation.id) && actor.access(to: link.$project.id).managesProject {
            result.insert(link.$organisation.id)
        }
        return result
    }
}

/// Comparison that takes the same time wherever the first difference is (tokens and secrets).
enum ConstantTime {
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
