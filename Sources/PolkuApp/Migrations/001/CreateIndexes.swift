import Fluent
import SQLKit

/// Indexes for the hot paths: the participant list (ordered by search key), visibility through
/// enrolments, a participant's page, and the audit log's filters. Raw SQL because Fluent's schema
/// builder has no plain (non-unique) index.
struct CreateIndexes: AsyncMigration {
    static let statements = [
        "CREATE INDEX participants_search_key ON participants (search_key, id)",
        "CREATE INDEX enrolments_project ON enrolments (project_id, participant_id)",
        "CREATE INDEX enrolments_participant ON enrolments (participant_id)",
        "CREATE INDEX phase_changes_enrolment ON phase_changes (enrolment_id)",
        "CREATE INDEX consents_participant ON consents (participant_id)",
        "CREATE INDEX goals_participant ON goals (participant_id)",
        "CREATE INDEX notes_participant ON notes (participant_id, created_at)",
        "CREATE INDEX memberships_user ON memberships (user_id)",
        "CREATE INDEX memberships_project ON memberships (project_id)",
        "CREATE INDEX sites_project ON sites (project_id)",
        "CREATE INDEX project_organisations_project ON project_organisations (project_id)",
        "CREATE INDEX audit_events_at ON audit_events (at, id)",
        "CREATE INDEX audit_events_participant ON audit_events (participant_id, at)",
        "CREATE INDEX audit_events_actor ON audit_events (actor_id, at)",
    ]

    func prepare(on db: any Database) async throws {
        let sql = db.sql
        for statement in Self.statements { try await sql.raw(SQLQueryString(statement)).run() }
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        for statement in Self.statements {
            let name = statement.split(separator: " ")[2]
            try await sql.raw(SQLQueryString("DROP INDEX " + String(name))).run()
        }
    }
}
