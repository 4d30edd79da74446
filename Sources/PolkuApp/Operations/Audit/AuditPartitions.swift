import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The audit table by month on PostgreSQL (issue 19): a partition per UTC month (`AuditMonth`) and a
/// default one for anything outside them, the parent's indexes on each, so "who has seen my data" and
/// the audit search read each month's own index. The daily job keeps two months ahead and, with
/// `POLKU_AUDIT_KEEP_MONTHS`, drops whole months past the retention (on SQLite it deletes the rows).
enum AuditPartitions {
    static func isPartitioned(_ sql: any SQLDatabase) async throws -> Bool {
        guard sql.dialect.name == "postgresql" else { return false }
        return try await sql.raw("SELECT 1 AS one FROM pg_partitioned_table WHERE partrelid = 'audit_events'::regclass").first() != nil
    }

    /// The monthly partitions that exist now.
    static func existing(_ sql: any SQLDatabase) async throws -> [AuditMonth] {
        try await sql.raw(
            """
            SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'audit_events'::regclass
            """
        ).all(decodingColumn: "name", as: String.self).compactMap(AuditMonth.parse).sorted()
    }

    /// Creates the months missing from `months`. Events already in the default partition for such a
    /// month move into it in the same transaction (PostgreSQL refuses to attach a month the default
    /// partition holds rows of).
    static func ensure(_ months: [AuditMonth], on db: any Database) async throws -> [AuditMonth] {
        let have = Set(try await existing(db.sql))
        let missing = months.filter { !have.contains($0) }
        for month in missing {
            try await db.writeTransaction { tx in
                let sql = tx.sql
                let table = SQLIdentifier(month.tableName)
                try await sql.raw("CREATE TABLE \(table) (LIKE audit_events INCLUDING DEFAULTS)").run()
                try await sql.raw(
                    """
                    WITH moved AS (
                      DELETE FROM audit_events_default WHERE at >= \(unsafeRaw: "'" + month.from + "'") AND at < \(unsafeRaw: "'" + month.to + "'") RETURNING *
                    ) INSERT INTO \(table) SELECT * FROM moved
                    """
                ).run()
                try await sql.raw(
                    "ALTER TABLE audit_events ATTACH PARTITION \(table) FOR VALUES FROM ('\(unsafeRaw: month.from)') TO ('\(unsafeRaw: month.to)')"
                ).run()
            }
        }
        return missing
    }

    /// Drops the months older than `keep` months (nil: keeps all) and the default partition's rows
    /// as old; on SQLite deletes the rows. Returns how many months went.
    static func dropExpired(keep: Int?, now: Date, on db: any Database) async throws -> Int {
        guard let keep, keep >= 1 else { return 0 }
        let cutoff = AuditMonth(now).adding(months: -keep)
        let sql = db.sql
        guard try await isPartitioned(sql) else {
            let start = try Self.date(cutoff.from)
            try await sql.raw("DELETE FROM audit_events WHERE at < \(bind: start)").run()
            return 0
        }
        let gone = AuditMonth.expired(try await existing(sql), at: now, keep: keep)
        for month in gone { try await sql.raw("DROP TABLE \(ident: month.tableName)").run() }
        try await sql.raw("DELETE FROM audit_events_default WHERE at < \(unsafeRaw: "'" + cutoff.from + "'")").run()
        return gone.count
    }

    private static func date(_ text: String) throws -> Date {
        let f = ISO8601DateFormatter()
        guard let d = f.date(from: text.replacingOccurrences(of: " 00:00:00+00", with: "T00:00:00Z")) else { throw Abort(.internalServerError) }
        return d
    }

    /// The daily job: months ahead, then retention.
    static func maintain(_ app: Application) async throws -> String {
        let now = app.clock.now()
        var made: [AuditMonth] = []
        if try await isPartitioned(app.db.sql) { made = try await ensure(AuditMonth.needed(at: now), on: app.db) }
        let dropped = try await dropExpired(keep: app.settings.auditKeepMonths, now: now, on: app.db)
        return "\(made.count) months made, \(dropped) dropped"
    }
}
