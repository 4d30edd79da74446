import Fluent
import SQLKit

/// Peers (issue 16): a peer coach, buddy or experience expert is a staff account with the peer role
/// and a record here — what they offer, when their training was completed, who approved them and
/// when their time ends. A match joins a peer and a participant: proposed by the team, consented
/// by the participant, accepted by the peer; meetings are brief records the peer writes.
struct CreatePeers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("peers")
            .id()
            .field("project_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("interests", .string, .required)
            .field("languages", .string, .required)
            .field("area", .string, .required)
            .field("days", .string, .required)
            .field("trained_on", .string)
            .field("approved_by", .uuid)
            .field("approved_on", .string)
            .field("ends_on", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "project_id", "user_id")
            .create()
        try await db.schema("peer_matches")
            .id()
            .field("peer_id", .uuid, .required)
            .field("participant_id", .uuid, .required)
            .field("project_id", .uuid, .required)
            // proposed → consented (or declined) → active → ended
            .field("state", .string, .required)
            .field("reasons", .string, .required)
            .field("proposed_by", .uuid)
            .field("proposed_on", .string, .required)
            .field("started_on", .string)
            .field("ended_on", .string)
            .field("outcome", .string)
            .create()
        try await db.sql.raw("CREATE INDEX peer_matches_peer ON peer_matches (peer_id, state)").run()
        try await db.sql.raw("CREATE INDEX peer_matches_participant ON peer_matches (participant_id)").run()
        try await db.schema("peer_meetings")
            .id()
            .field("match_id", .uuid, .required)
            .field("date", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.raw("CREATE INDEX peer_meetings_match ON peer_meetings (match_id, date)").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["peer_meetings", "peer_matches", "peers"] { try await db.schema(table).delete() }
    }
}
