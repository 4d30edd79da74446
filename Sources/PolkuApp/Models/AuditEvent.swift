import Fluent
import Foundation

/// Who did what to whose data, when and from where. Never updated or deleted by Polku.
final class AuditEvent: Model, @unchecked Sendable {
    package static let schema = "audit_events"

    @ID(key: .id) package var id: UUID?
    @Field(key: "at") package var at: Date
    @OptionalField(key: "actor_id") package var actorID: UUID?
    @Field(key: "actor_email") package var actorEmail: String
    @Field(key: "action") package var action: String
    @OptionalField(key: "participant_id") package var participantID: UUID?
    @OptionalField(key: "project_id") package var projectID: UUID?
    @Field(key: "detail") package var detail: String
    @Field(key: "client_address") package var clientAddress: String

    package init() {}
    package init(
        id: UUID, at: Date, actorID: UUID?, actorEmail: String, action: String, participantID: UUID?,
        projectID: UUID?, detail: String, clientAddress: String
    ) {
        self.id = id
        self.at = at; self.actorID = actorID; self.actorEmail = actorEmail; self.action = action
        self.participantID = participantID; self.projectID = projectID; self.detail = detail
        self.clientAddress = clientAddress
    }
}

/// Failed logins per account or address, shared by every Polku process through the database.
final class LoginThrottle: Model, @unchecked Sendable {
    package static let schema = "login_throttles"

    @ID(custom: "key", generatedBy: .user) package var id: String?
    @Field(key: "failures") package var failures: Int
    @Field(key: "last_failure_at") package var lastFailureAt: Date
    @OptionalField(key: "locked_until") package var lockedUntil: Date?

    package init() {}
    package init(key: String, failures: Int, lastFailureAt: Date) {
        self.id = key; self.failures = failures; self.lastFailureAt = lastFailureAt
    }
}
