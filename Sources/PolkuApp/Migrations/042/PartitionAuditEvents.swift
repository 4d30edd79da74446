import Fluent
import Foundation
import PolkuCore
import SQLKit

/// On PostgreSQL the audit table becomes partitioned by month (issue 19): the rows move into
/// `audit_events_yYYYYmMM` tables, one per UTC month from the oldest event to two months ahead, with
/// a default partition for anything else. The key becomes a unique index on (id, at), as PostgreSQL
/// requires the partition key in it; ids stay unique by construction. SQLite keeps one table.
struct PartitionAuditEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await Self.run(
            [
                "ALTER TABLE audit_events RENAME TO audit_events_unpartitioned",
                "ALTER TABLE audit_events_unpartitioned RENAME CONSTRAINT audit_events_pkey TO audit_events_unpartitioned_pkey",
                "ALTER INDEX audit_events_at RENAME TO audit_events_unpartitioned_at",
                "ALTER INDEX audit_events_participant RENAME TO audit_events_unpartitioned_participant",
                "ALTER INDEX audit_events_actor RENAME TO audit_events_unpartitioned_actor",
                "CREATE TABLE audit_events (LIKE audit_events_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (at)",
                // A unique index, not a primary key constraint: pg_restore --clean cannot drop a partition's
                // inherited constraint (the backup's restore failed on it), and drops an index whole.
                "CREATE UNIQUE INDEX audit_events_id ON audit_events (id, at)",
                "CREATE INDEX audit_events_at ON audit_events (at, id)",
                "CREATE INDEX audit_events_participant ON audit_events (participant_id, at)",
                "CREATE INDEX audit_events_actor ON audit_events (actor_id, at)",
                "CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT",
            ], on: sql)
        let oldest = try await sql.raw("SELECT MIN(at) AS at FROM audit_events_unpartitioned").first(decodingColumn: "at", as: Date?.self) ?? nil
        var months = AuditMonth.needed(at: Date())
        if let oldest {
            var month = AuditMonth(oldest)
            while month < months[0] {
                months.append(month)
                month = month.adding(months: 1)
            }
        }
        _ = try await AuditPartitions.ensure(months.sorted(), on: db)
        try await sql.raw("INSERT INTO audit_events SELECT * FROM audit_events_unpartitioned").run()
        try await sql.raw("DROP TABLE audit_events_unpartitioned").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await Self.run(
            [
                "CREATE TABLE audit_events_unpartitioned (LIKE audit_events INCLUDING DEFAULTS)",
                "INSERT INTO audit_events_unpartitioned SELECT * FROM audit_events",
                "DROP TABLE audit_events",
                "ALTER TABLE audit_events_unpartitioned RENAME TO audit_events",
                "ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id)",
                "CREATE INDEX audit_events_at ON audit_events (at, id)",
                "CREATE INDEX audit_events_participant ON audit_events (participant_id, at)",
                "CREATE INDEX audit_events_actor ON audit_events (actor_id, at)",
            ], on: sql)
    }

    private static func run(_ statements: [String], on sql: any SQLDatabase) async throws {
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
    }
}
