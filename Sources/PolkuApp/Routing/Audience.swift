import Foundation
import PolkuCore

/// Who may reach a route. Every route is registered with one (see `GuardedRoutes`); the guard of
/// that audience runs before the handler and hands it what it checked (`Request.guarded`).
enum Audience: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not: only the routes on `Audience.publicAllowList`.
    case anyone
    /// An operator's tool with the bearer token `POLKU_METRICS_TOKEN` (metrics).
    case operatorToken
    /// Any signed-in account, a participant's own included (password, logout).
    case signedIn
    /// A signed-in staff account: never a participant's own account.
    case staff
    /// Admins, and project managers of at least one project (they create projects and organisations
    /// and see the network report of their projects).
    case managers
    /// Staff who see participants in at least one project (the participant list).
    case peopleReaders
    /// Staff who write participants' data in at least one project (new participant, open referrals).
    case peopleWriters
    case admin
    /// A role in the project in the path's `:id`.
    case project(ProjectNeed)
    /// A role in the project that runs the activity in the path's `:id`.
    case activity(ProjectNeed)
    /// Staff who see the participant in the path's `:id` through an enrolment in one of their projects.
    case participant(ParticipantNeed)
    /// The participant themself, signed in with their own account.
    case participantSelf
    /// Staff of the organisation in the path's `:id`, in its role as a service provider. Admin only
    /// where no person is shown (`allowsAdmin`).
    case provider(allowsAdmin: Bool)
    /// Staff of the organisation whose service is in the path's `:id` (admin too: no person is shown).
    case serviceKeeper
    /// A side of the referral in the path's `:id`: the provider's staff, the referring staff, or either.
    case referral(ReferralSide)
    /// Those who keep the organisation record in the path's `:id` (see `Guard.editsOrganisation`).
    case organisationEditor
    /// The peer of the match in the path's `:id` (issue 16): a peer sees only their own matches.
    case peerMatch

    enum ProjectNeed: String, Sendable, Equatable {
        /// Any role in the project, or admin: counts and facts, never a person.
        case aggregates
        /// Roles that see the project's participants.
        case people
        /// Roles that write participants' data in the project.
        case writes
        /// The project's managers.
        case manages
    }

    enum ReferralSide: String, Sendable, Equatable { case either, provider, referrer }

    enum ParticipantNeed: String, Sendable, Equatable { case reads, writes }

    var description: String {
        switch self {
        case .anyone: "public"
        case .operatorToken: "operator token"
        case .signedIn: "signed in"
        case .staff: "staff"
        case .managers: "managers"
        case .peopleReaders: "staff who see participants"
        case .peopleWriters: "staff who write participants' data"
        case .admin: "admin"
        case .project(let n): "project (\(n.rawValue))"
        case .activity(let n): "activity's project (\(n.rawValue))"
        case .participant(let n): "participant (\(n.rawValue))"
        case .participantSelf: "participant themself"
        case .provider(let a): a ? "provider staff or admin" : "provider staff"
        case .serviceKeeper: "service's provider staff or admin"
        case .referral(let side): "referral (\(side.rawValue))"
        case .organisationEditor: "organisation editor"
        case .peerMatch: "the peer of the match"
        }
    }

    /// The public routes, written out: a route that answers anyone must be listed here, or the
    /// route-walking test fails.
    static let publicAllowList: Set<String> = [
        "GET /", "GET /health", "GET /styles.css", "GET /cards.css", "GET /polku.js",
        "GET /login", "POST /login", "GET /lang/:lang",
        "GET /directory", "GET /directory.csv", "GET /directory/:id", "GET /directory/hsds.json",
        "GET /invite/:token", "POST /invite/:token",
        "GET /s/:slug", "POST /s/:slug",
        "GET /feeds/activities/:token",
        "GET /p", "GET /p/:code", "GET /sitemap.xml",
        "GET /api/v1/openapi.yaml", "GET /api/v1/docs",
    ]
}
