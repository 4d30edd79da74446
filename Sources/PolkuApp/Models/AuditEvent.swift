import Fluent
import Foundation

/// Who did what to whose data, when and from where. Never updated or deleted by Polku.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_email") var actorEmail: String
    @Field(key: "action") var action: String
    @OptionalField(key: "participant_id") var participantID: UUID?
    @OptionalField(key: "project_id") var projectID: UUID?
    @Field(key: "detail") var detail: String
    @Field(key: "client_address") var clientAddress: String

    init() {}
    init(
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
    static let schema = "login_throttles"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}
    init(key: String, failures: Int, lastFailureAt: Date) {
        self.id = key; self.failures = failures; self.lastFailureAt = lastFailureAt
    }
}
