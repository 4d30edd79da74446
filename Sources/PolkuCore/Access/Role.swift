/// The roles a person can hold. A role is held in a project (or globally, for admin),
/// and every decision about who may see a participant starts from it.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    case admin
    case projectManager = "project_manager"
    case worker
    case healthProfessional = "health_professional"
    case peer
    case viewer

    /// Roles that see participants of their project through its enrolments.
    /// A peer sees only participants matched to them; a viewer and an admin see no person.
    public var seesEnrolledParticipants: Bool {
        switch self {
        case .projectManager, .worker, .healthProfessional: true
        case .admin, .peer, .viewer: false
        }
    }

    /// Health-category data (health notes, later health instruments) is for health professionals only.
    public var seesHealthData: Bool { self == .healthProfessional }

    /// Who may add and change participants, enrolments, goals and notes in a project.
    public var writesParticipantData: Bool { seesEnrolledParticipants }

    /// Who may edit the project itself: its facts, sites, organisations and phases.
    public var managesProject: Bool { self == .projectManager }

    /// Whether the role is meaningful only globally (not tied to a project).
    public var isGlobal: Bool { self == .admin }
}
