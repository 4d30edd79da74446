import Fluent
import Foundation
import PolkuCore

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "language") var language: String
    /// Moves on at each password change; a session from an earlier epoch is no longer accepted.
    @OptionalField(key: "session_epoch") var sessionEpoch: Int?
    /// Set for a participant's own account: they see their own data and nothing else.
    @OptionalField(key: "participant_id") var participantID: UUID?

    init() {}
    init(id: UUID? = nil, email: String, name: String, passwordHash: String, isActive: Bool = true, language: String = "fi") {
        self.id = id; self.email = email; self.name = name; self.passwordHash = passwordHash
        self.isActive = isActive; self.language = language
    }
}

/// A role held by a user: in a project, in an organisation (then in every project the organisation
/// administers or co-implements), or (for admin) globally.
final class Membership: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @OptionalParent(key: "project_id") var project: Project?
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Field(key: "role") var role: Role

    init() {}
    init(userID: UUID, projectID: UUID?, organisationID: UUID? = nil, role: Role) {
        self.$user.id = userID; self.$project.id = projectID; self.$organisation.id = organisationID; self.role = role
    }
}

/// A one-time link a worker gives a participant to make their own account. Only a hash of the token
/// is stored, so the database alone does not let anyone in.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "participant_id") var participant: Participant
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}
}
