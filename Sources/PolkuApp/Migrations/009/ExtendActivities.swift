import Foundation
import Fluent
import SQLKit

/// The rest of an activity's record: who organises it and for whom, the group's members, people at a
/// session who are not participants (guests by name, a training's attendees by organisation), head
/// counts broken down by gender and age band, and the secret of the activity's calendar feed.
struct ExtendActivities: AsyncMigration {
    static let headColumns = ["head_women", "head_men", "head_other_gender", "head_age_under_18", "head_age_18_29", "head_age_30_54", "head_age_55_plus"]

    func prepare(on db: any Database) async throws {
        for field in ["target_group", "co_organisers", "feed_token"] {
            try await db.schema("activities").field(FieldKey(stringLiteral: field), .string).update()
        }
        for field in Self.headColumns {
            try await db.schema("activity_sessions").field(FieldKey(stringLiteral: field), .int).update()
        }
        try await db.schema("activity_organisers")
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "activity_id", "user_id")
            .create()
        try await db.schema("activity_members")
            .id()
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("joined_on", .string, .required)
            .field("left_on", .string)
            .unique(on: "activity_id", "participant_id")
            .create()
        try await db.schema("session_guests")
            .id()
            .field("session_id", .uuid, .required, .references("activity_sessions", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("organisation", .string)
            .create()
        try await db.schema("session_organisations")
            .id()
            .field("session_id", .uuid, .required, .references("activity_sessions", "id", onDelete: .cascade))
            .field("organisation", .string, .required)
            .field("attendees", .int, .required)
            .create()
        let sql = db.sql
        try await sql.raw("CREATE INDEX activity_members_participant ON activity_members (participant_id)").run()
        try await sql.raw("CREATE INDEX activity_organisers_user ON activity_organisers (user_id)").run()
        try await sql.raw("CREATE INDEX session_guests_session ON session_guests (session_id)").run()
        try await sql.raw("CREATE INDEX session_organisations_session ON session_organisations (session_id)").run()
        try await sql.raw("CREATE INDEX activity_sessions_date ON activity_sessions (date)").run()
        struct Row: Decodable { let id: UUID }
        for row in try await sql.raw("SELECT id FROM activities").all(decoding: Row.self) {
            try await sql.update("activities").set("feed_token", to: Self.feedToken()).where("id", .equal, row.id).run()
        }
        try await sql.raw("CREATE UNIQUE INDEX activities_feed_token ON activities (feed_token)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX activities_feed_token").run()
        for table in ["session_organisations", "session_guests", "activity_members", "activity_organisers"] { try await db.schema(table).delete() }
        for field in Self.headColumns { try await db.schema("activity_sessions").deleteField(FieldKey(stringLiteral: field)).update() }
        for field in ["target_group", "co_organisers", "feed_token"] { try await db.schema("activities").deleteField(FieldKey(stringLiteral: field)).update() }
    }

    /// The token as `FeedToken.make()` made it when this migration was written (144 random bits, hex);
    /// a copy, so that a later change to the feature cannot change what this migration does.
    private static func feedToken() -> String {
        [UInt8].random(count: 18).map { String(format: "%02x", $0) }.joined()
    }
}
