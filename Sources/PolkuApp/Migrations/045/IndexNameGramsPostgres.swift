import Fluent
import SQLKit

/// Name search on PostgreSQL by the names' three-character pieces in name order, as on SQLite
/// (migration 044), in place of the trigram index (migration 002). The trigram index finds a
/// search's matches in any order: "kuvitelma1" (966 of 100,000 people, on 736 pages of the table)
/// read and sorted them all, 4–8 ms of PostgreSQL's time a search, and ten times that at a million
/// people. Walking the names that hold the search's rarest piece, in name order, stops at a full page:
/// 0.8 ms at 100,000 and the same at a million.
///
/// A trigger keeps `participant_grams` through every insert, rename and removal, in the writer's
/// transaction. The counts that choose the piece to walk are not kept by it: concurrent writers
/// (an import and a form) would lock the same count rows in different orders and deadlock. They are
/// recounted by the `name-search-counts` job (`NameGramCounts`); a piece counted since is 0, walked
/// first, and the walk is still checked with the search's `LIKE`, so stale counts cost time, never a
/// wrong answer. Space: 1.9 kB a participant (187 MB at 100,000).
struct IndexNameGramsPostgres: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw(
            "CREATE TABLE participant_grams (gram TEXT NOT NULL, search_key TEXT NOT NULL, id UUID NOT NULL, PRIMARY KEY (gram, search_key, id))"
        ).run()
        try await sql.raw("CREATE TABLE participant_gram_counts (gram TEXT PRIMARY KEY, n INTEGER NOT NULL)").run()
        // Characters as PostgreSQL's `substr` counts them: code points, as `SearchKey.grams` does.
        try await sql.raw(
            """
            CREATE FUNCTION participant_grams_keep() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN
                DELETE FROM participant_grams WHERE search_key = OLD.search_key AND id = OLD.id
                  AND gram IN (SELECT substr(OLD.search_key, i, 3) FROM generate_series(1, length(OLD.search_key) - 2) i);
              END IF;
              IF TG_OP <> 'DELETE' THEN
                INSERT INTO participant_grams (gram, search_key, id)
                  SELECT DISTINCT substr(NEW.search_key, i, 3), NEW.search_key, NEW.id FROM generate_series(1, length(NEW.search_key) - 2) i;
              END IF;
              RETURN NULL;
            END $$
            """
        ).run()
        try await sql.raw("CREATE TRIGGER participant_grams_insert AFTER INSERT ON participants FOR EACH ROW EXECUTE FUNCTION participant_grams_keep()").run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_grams_update AFTER UPDATE OF search_key, id ON participants FOR EACH ROW
            WHEN (OLD.search_key IS DISTINCT FROM NEW.search_key OR OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION participant_grams_keep()
            """
        ).run()
        try await sql.raw("CREATE TRIGGER participant_grams_delete AFTER DELETE ON participants FOR EACH ROW EXECUTE FUNCTION participant_grams_keep()").run()
        try await sql.raw(
            """
            INSERT INTO participant_grams (gram, search_key, id) SELECT DISTINCT substr(p.search_key, g.i, 3), p.search_key, p.id
            FROM participants p CROSS JOIN LATERAL generate_series(1, length(p.search_key) - 2) g(i)
            """
        ).run()
        try await NameGramCounts.recount(on: sql)
        try await sql.raw("DROP INDEX participants_search_key_trgm").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "postgresql" else { return }
        for trigger in ["participant_grams_insert", "participant_grams_update", "participant_grams_delete"] {
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger) ON participants")).run()
        }
        try await sql.raw("DROP FUNCTION IF EXISTS participant_grams_keep()").run()
        try await sql.raw("DROP TABLE IF EXISTS participant_gram_counts").run()
        try await sql.raw("DROP TABLE IF EXISTS participant_grams").run()
        try await AddNameTrigramIndex().prepare(on: db)
    }
}
