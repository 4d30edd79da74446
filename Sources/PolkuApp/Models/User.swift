import Fluent
import Foundation
import PolkuCore

package final class User: Model, @unchecked Sendable {
    package static let schema = "users"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Field(key: "email") package var email: String
    @Field(key: "name") package var name: String
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "is_active") package var isActive: Bool
    @Field(key: "language") package var language: String
    /// Moves on at each password change; a session from an earlier epoch is no longer accepted.
    @OptionalField(key: "session_epoch") package var sessionEpoch: Int?
    /// Set for a participant's own account: they see their own data and nothing else.
    @OptionalField(key: "participant_id") package var participantID: UUID?

    package init() {}
    package init(id: UUID? = nil, email: String, name: String, passwordHash: String, isActive: Bool = true, language: String = "fi") {
        self.id = id; self.email = email; self.name = name; self.passwordHash = passwordHash
        self.isActive = isActive; self.language = language
    }
}

/// A role held by a user: in a project, in an organisation (then in every project the organisation
/// administers or co-implements), or (for admin) globally.
package final class Membership: Model, @unchecked Sendable {
    package static let schema = "memberships"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "user_id") package var user: User
    @OptionalParent(key: "project_id") package var project: Project?
    @OptionalParent(key: "organisation_id") package var organisation: Organisation?
    @Field(key: "role") package var role: Role

    package init() {}
    package init(userID: UUID, projectID: UUID?, organisationID: UUID? = nil, role: Role) {
        self.$user.id = userID; self.$project.id = projectID; self.$organisation.id = organisationID; self.role = role
    }
}

/// A one-time link a worker gives a participant to make their own account. Only a hash of the token
/// is stored, so the database alone does not let anyone in.
final class Invitation: Model, @unchecked Sendable {
    package static let schema = "invitations"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "participant_id") package var participant: Participant
    @Field(key: "token_hash") package var tokenHash: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "used_at") package var usedAt: Date?
    @OptionalParent(key: "created_by") package var createdBy: User?

    package init() {}
}
