import Fluent
import SQLKit

/// Client panels and developer groups (issue 16): members who consented to be asked, meetings with
/// their topics, the proposals the panel made, and for each what the organisation did about it.
struct CreatePanels: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("panels")
            .id()
            .field("project_id", .uuid, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("panel_members")
            .field("panel_id", .uuid, .required)
            .field("participant_id", .uuid, .required)
            .field("joined_on", .string, .required)
            .compositeIdentifier(over: "panel_id", "participant_id")
            .create()
        try await db.sql.raw("CREATE INDEX panel_members_participant ON panel_members (participant_id)").run()
        try await db.schema("panel_meetings")
            .id()
            .field("panel_id", .uuid, .required)
            .field("date", .string, .required)
            .field("topics", .string, .required)
            .field("attendees", .int, .required)
            .create()
        try await db.schema("panel_proposals")
            .id()
            .field("panel_id", .uuid, .required)
            .field("proposal", .string, .required)
            .field("proposed_on", .string, .required)
            // What the organisation did because of it, and when; empty until someone records it.
            .field("effect", .string)
            .field("effect_on", .string)
            .field("effect_by", .uuid)
            .create()
        try await db.sql.raw("CREATE INDEX panel_meetings_panel ON panel_meetings (panel_id, date)").run()
        try await db.sql.raw("CREATE INDEX panel_proposals_panel ON panel_proposals (panel_id, proposed_on)").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["panel_proposals", "panel_meetings", "panel_members", "panels"] { try await db.schema(table).delete() }
    }
}
