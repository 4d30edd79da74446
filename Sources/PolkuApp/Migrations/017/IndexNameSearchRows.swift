import Fluent
import SQLKit

/// The SQLite name index (migration 013) found a person's entry by id with a scan of the whole
/// index: tens of milliseconds per renamed person at 100,000, so anonymising 100,000 people (the
/// retention job, issue 13) or re-importing a file would take most of an hour. A side table now
/// keeps each participant's entry's rowid under their id, and the triggers change entries by rowid.
/// PostgreSQL has no such table; nothing is done there.
struct IndexNameSearchRows: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("CREATE TABLE participant_name_rows (id TEXT PRIMARY KEY, fts_rowid INTEGER NOT NULL UNIQUE) WITHOUT ROWID").run()
        try await sql.raw("INSERT INTO participant_name_rows (id, fts_rowid) SELECT id, rowid FROM participant_names").run()
        for trigger in ["participant_names_insert", "participant_names_update", "participant_names_delete"] {
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)")).run()
        }
        // A new entry's rowid is one past the largest; the side table holds it first, so the entry
        // and its row always agree.
        try await sql.raw(
            """
            CREATE TRIGGER participant_names_insert AFTER INSERT ON participants BEGIN
              INSERT INTO participant_name_rows (id, fts_rowid)
                VALUES (new.id, (SELECT COALESCE(MAX(fts_rowid), 0) + 1 FROM participant_name_rows));
              INSERT INTO participant_names (rowid, search_key, id)
                VALUES ((SELECT fts_rowid FROM participant_name_rows WHERE id = new.id), new.search_key, new.id);
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_names_update AFTER UPDATE OF search_key, id ON participants
            WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
              DELETE FROM participant_names WHERE rowid = (SELECT fts_rowid FROM participant_name_rows WHERE id = old.id);
              UPDATE participant_name_rows SET id = new.id WHERE id = old.id;
              INSERT INTO participant_names (rowid, search_key, id)
                VALUES ((SELECT fts_rowid FROM participant_name_rows WHERE id = new.id), new.search_key, new.id);
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_names_delete AFTER DELETE ON participants BEGIN
              DELETE FROM participant_names WHERE rowid = (SELECT fts_rowid FROM participant_name_rows WHERE id = old.id);
              DELETE FROM participant_name_rows WHERE id = old.id;
            END
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "sqlite" else { return }
        for trigger in ["participant_names_insert", "participant_names_update", "participant_names_delete"] {
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)")).run()
        }
        try await sql.raw("DROP TABLE IF EXISTS participant_name_rows").run()
        try await AddNameSearchIndexSQLite().revert(on: db)
        try await AddNameSearchIndexSQLite().prepare(on: db)
    }
}
