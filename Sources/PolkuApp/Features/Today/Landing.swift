/// Where a signed-in person starts (issue 14): a participant in their own space, staff who write
/// participants' data on "Tänään", everyone else (managers who only manage, viewers, providers) on
/// the projects.
enum Landing {
    static func page(for actor: Actor) -> SiteURL {
        if actor.participantID != nil { return .me }
        return actor.projectsWritingPeople.isEmpty ? .projects : .today
    }
}
