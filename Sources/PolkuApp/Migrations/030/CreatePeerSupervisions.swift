import Fluent
import SQLKit

/// Supervision of peers (työnohjaus, issue 16): a meeting the project holds for its peers, with its
/// day, what was talked about and which peers took part. Peers are staff accounts, so nothing here
/// names a participant.
struct CreatePeerSupervisions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("peer_supervisions")
            .id()
            .field("project_id", .uuid, .required)
            .field("date", .string, .required)
            .field("topics", .string, .required)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.raw("CREATE INDEX peer_supervisions_project ON peer_supervisions (project_id, date)").run()
        try await db.schema("peer_supervision_attendees")
            .field("supervision_id", .uuid, .required)
            .field("peer_id", .uuid, .required)
            .unique(on: "supervision_id", "peer_id")
            .create()
        try await db.sql.raw("CREATE INDEX peer_supervision_attendees_peer ON peer_supervision_attendees (peer_id)").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["peer_supervision_attendees", "peer_supervisions"] { try await db.schema(table).delete() }
    }
}
