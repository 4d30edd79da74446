import Vapor

/// Where a signed-in person starts (issue 14): a participant in their own space, anyone with a role
/// in a project on "Tänään" (a coach's day, a manager's projects, a viewer's reports), a service
/// provider's staff in their organisation's inbox of referrals, everyone else on the projects.
enum Landing {
    static func page(for actor: Actor) -> SiteURL {
        if actor.participantID != nil { return .me }
        return actor.rolesByProject.isEmpty ? .projects : .today
    }

    /// `page(for:)`, with the provider's inbox looked up for someone who works in no project.
    static func page(_ req: Request) async throws -> SiteURL {
        guard let actor = req.actor else { return .login }
        let page = page(for: actor)
        guard case .projects = page, let organisation = try await req.authz.providerOrganisations().first else { return page }
        return .organisationReferrals(.value(organisation))
    }
}
