import Fluent
import SQLKit

/// The header's search finds a person by birth date or participant number (issue 14); without
/// these indexes that read every participant. The numbers' index holds only the imported ones: with
/// the NULLs of people never imported counted in, SQLite's statistics judged a number too common to
/// look up and scanned every enrolment (20 ms a search at 100,000).
struct IndexBirthDates: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.raw("CREATE INDEX participants_birth_date ON participants (birth_date)").run()
        try await db.sql.raw("CREATE INDEX enrolments_number ON enrolments (import_key) WHERE import_key IS NOT NULL").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX enrolments_number").run()
        try await db.sql.raw("DROP INDEX participants_birth_date").run()
    }
}
