/// What one person may do in one project, derived from the roles they hold there.
/// Pure, so the rules can be tested without a database.
public struct ProjectAccess: Sendable, Equatable {
    public let roles: Set<Role>

    public init(roles: Set<Role>) { self.roles = roles }

    public var seesParticipants: Bool { roles.contains { $0.seesEnrolledParticipants } }
    public var seesHealthData: Bool { roles.contains { $0.seesHealthData } }
    public var writesParticipantData: Bool { roles.contains { $0.writesParticipantData } }
    public var managesProject: Bool { roles.contains { $0.managesProject } }
    /// Aggregates (counts on the project page) are open to every role in the project.
    public var seesAggregates: Bool { !roles.isEmpty }

    /// May a note of this sensitivity be read?
    public func reads(_ sensitivity: Sensitivity) -> Bool {
        switch sensitivity {
        case .normal: seesParticipants
        case .health: seesParticipants && seesHealthData
        }
    }

    /// May a note of this sensitivity be written? Health notes only by health professionals.
    public func writes(_ sensitivity: Sensitivity) -> Bool {
        switch sensitivity {
        case .normal: writesParticipantData
        case .health: writesParticipantData && seesHealthData
        }
    }
}

/// How sensitive a piece of participant data is.
public enum Sensitivity: String, CaseIterable, Codable, Sendable {
    case normal
    case health
}
