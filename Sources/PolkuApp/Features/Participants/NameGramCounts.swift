import Fluent
import SQLKit

/// How many names hold each three-character piece: what a name search uses to choose the piece it
/// walks (`ParticipantQueries.list`). On SQLite the triggers of migration 044 keep the counts exact
/// (one writer at a time). On PostgreSQL they are recounted by the `name-search-counts` job, every
/// hour, because writers counting at once would deadlock on the shared rows (migration 045); a
/// count only steers the walk, so a stale one costs time, never a wrong answer.
public enum NameGramCounts {
    /// Recounts the pieces on PostgreSQL in one transaction (readers keep the old counts until it
    /// commits); on SQLite does nothing. Returns what it did, for the admin's job list.
    @discardableResult
    public static func recount(_ db: any Database) async throws -> String {
        guard db.sql.dialect.name == "postgresql" else { return "kept by the triggers" }
        return try await db.transaction { try await recount(on: $0.sql) }
    }

    /// The recount in the caller's transaction.
    @discardableResult
    static func recount(on sql: any SQLDatabase) async throws -> String {
        try await sql.raw("DELETE FROM participant_gram_counts").run()
        try await sql.raw("INSERT INTO participant_gram_counts (gram, n) SELECT gram, COUNT(*) FROM participant_grams GROUP BY gram").run()
        let pieces = try await sql.raw("SELECT COUNT(*) AS n FROM participant_gram_counts").first()?.decode(column: "n", as: Int.self) ?? 0
        return "pieces=\(pieces)"
    }
}
