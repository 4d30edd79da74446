import Fluent
import SQLKit

/// Named attendance at a Learning Café (issue 16), beside its head count: the project's participants
/// the team records as having taken part. Ideas still keep no author.
struct CreateCafeAttendees: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cafe_attendees")
            .field("cafe_id", .uuid, .required)
            .field("participant_id", .uuid, .required)
            .compositeIdentifier(over: "cafe_id", "participant_id")
            .create()
        try await db.sql.raw("CREATE INDEX cafe_attendees_participant ON cafe_attendees (participant_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("cafe_attendees").delete()
    }
}
