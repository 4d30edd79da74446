import Fluent
import SQLKit

/// Name search on SQLite through a trigram index (issue 11). A search matches anywhere in a name
/// (`LIKE '%…%'`); without an index SQLite walked the name index until the page was full, and a name
/// that sorts late ("kuvitelma…") cost a walk over half of 100,000 people per search, under load 2 % of
/// the floor route. An FTS5 table with the trigram tokenizer finds the matches of any three or more
/// characters from its index; the search still checks the match with the same `LIKE` (so what is
/// found is exactly what the scan found) and the project scope. PostgreSQL has its trigram index
/// since migration 002, so this does nothing there.
///
/// The table keeps its own copy of each key with the participant's id, kept by triggers. It is joined
/// by id, not rowid: `VACUUM` may renumber a table's rowids. Removing or renaming a person finds their
/// entry by id with a scan of the table (tens of milliseconds at 100,000): both are rare.
struct AddNameSearchIndexSQLite: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("CREATE VIRTUAL TABLE participant_names USING fts5(search_key, id UNINDEXED, tokenize = 'trigram')").run()
        try await sql.raw("INSERT INTO participant_names (search_key, id) SELECT search_key, id FROM participants").run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_names_insert AFTER INSERT ON participants BEGIN
              INSERT INTO participant_names (search_key, id) VALUES (new.search_key, new.id);
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_names_update AFTER UPDATE OF search_key, id ON participants
            WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
              DELETE FROM participant_names WHERE id = old.id;
              INSERT INTO participant_names (search_key, id) VALUES (new.search_key, new.id);
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER participant_names_delete AFTER DELETE ON participants BEGIN
              DELETE FROM participant_names WHERE id = old.id;
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
        try await sql.raw("DROP TABLE IF EXISTS participant_names").run()
    }
}
