import Fluent
import SQLKit

/// Name search on SQLite by the names' three-character pieces, in name order (issue 11). The FTS5
/// trigram index (migrations 013, 017) finds a search's matches in any order, so a search that many
/// share ("kuvitelma1", 966 of 100,000) had to sort them all or walk the names from the start (41,579
/// names before its first match): under load 2.6 % of the floor route. Here every name is stored once
/// for each of its distinct pieces, keyed (piece, name, id): a search walks, in name order, only the
/// names that hold its rarest piece (counted in `participant_gram_counts`) and stops at a full page.
/// "kuvitelma1" walks 26 names (0.45 ms, was 7 ms), one person's whole name 2.
///
/// The triggers keep both tables; pieces are counted in characters as SQLite's `substr` counts them
/// (`SearchKey.grams` makes the same pieces in Swift). A trigger cannot use a recursive `WITH`, so the
/// positions come from `gram_positions` (1 to 10,000: a name longer than that is indexed by its first
/// 10,000 pieces). The counts only choose the piece to walk; what is found is checked with the same
/// `LIKE` as before. The cost is space: 1.1 kB a participant (107 MB at 100,000), against 17 MB for
/// the FTS5 index it replaces. PostgreSQL has the same table from migration 045; nothing is done there here.
struct IndexNameGramsSQLite: AsyncMigration {
    static let positions = 10_000

    func prepare(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "sqlite" else { return }
        for trigger in ["participant_names_insert", "participant_names_update", "participant_names_delete"] {
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)")).run()
        }
        try await sql.raw("DROP TABLE IF EXISTS participant_name_rows").run()
        try await sql.raw("DROP TABLE IF EXISTS participant_names").run()
        try await sql.raw("CREATE TABLE gram_positions (i INTEGER PRIMARY KEY)").run()
        try await sql.raw(
            """
            WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < \(literal: Self.positions))
            INSERT INTO gram_positions (i) SELECT i FROM g
            """
        ).run()
        try await sql.raw(
            """
            CREATE TABLE participant_grams (gram TEXT NOT NULL, search_key TEXT NOT NULL, id TEXT NOT NULL,
              PRIMARY KEY (gram, search_key, id)) WITHOUT ROWID
            """
        ).run()
        try await sql.raw("CREATE TABLE participant_gram_counts (gram TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID").run()
        try await sql.raw(
            "INSERT INTO participant_grams (gram, search_key, id) SELECT DISTINCT \(unsafeRaw: Self.gram("p")), p.search_key, p.id FROM participants p \(unsafeRaw: Self.pieces("p"))"
        ).run()
        try await sql.raw("INSERT INTO participant_gram_counts (gram, n) SELECT gram, COUNT(*) FROM participant_grams GROUP BY gram").run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_grams_insert AFTER INSERT ON participants BEGIN
              \(unsafeRaw: Self.add("new"))
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_grams_update AFTER UPDATE OF search_key, id ON participants
            WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
              \(unsafeRaw: Self.remove("old"))
              \(unsafeRaw: Self.add("new"))
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_grams_delete AFTER DELETE ON participants BEGIN
              \(unsafeRaw: Self.remove("old"))
            END
            """
        ).run()
    }

    /// The piece at position `g.i` of the key of row `row`.
    private static func gram(_ row: String) -> String { "substr(\(row).search_key, g.i, 3)" }

    /// The positions of every piece of the key of row `row`.
    private static func pieces(_ row: String) -> String { "JOIN gram_positions g ON g.i <= length(\(row).search_key) - 2" }

    /// The statements that store row `row`'s pieces and count them.
    private static func add(_ row: String) -> String {
        """
        INSERT INTO participant_grams (gram, search_key, id)
          SELECT DISTINCT \(gram(row)), \(row).search_key, \(row).id FROM gram_positions g WHERE g.i <= length(\(row).search_key) - 2;
        INSERT INTO participant_gram_counts (gram, n)
          SELECT DISTINCT \(gram(row)), 1 FROM gram_positions g WHERE g.i <= length(\(row).search_key) - 2
          ON CONFLICT (gram) DO UPDATE SET n = n + 1;
        """
    }

    /// The statements that remove row `row`'s pieces and uncount them.
    private static func remove(_ row: String) -> String {
        """
        UPDATE participant_gram_counts SET n = n - 1 WHERE gram IN
          (SELECT \(gram(row)) FROM gram_positions g WHERE g.i <= length(\(row).search_key) - 2);
        DELETE FROM participant_grams WHERE search_key = \(row).search_key AND id = \(row).id AND gram IN
          (SELECT \(gram(row)) FROM gram_positions g WHERE g.i <= length(\(row).search_key) - 2);
        """
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "sqlite" else { return }
        for trigger in ["participant_grams_insert", "participant_grams_update", "participant_grams_delete"] {
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)")).run()
        }
        for table in ["participant_gram_counts", "participant_grams", "gram_positions"] {
            try await sql.raw(SQLQueryString("DROP TABLE IF EXISTS \(unsafeRaw: table)")).run()
        }
        try await AddNameSearchIndexSQLite().prepare(on: db)
        try await IndexNameSearchRows().prepare(on: db)
    }
}
