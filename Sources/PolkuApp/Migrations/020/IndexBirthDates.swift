import Fluent
import SQLKit

/// The header's search finds a person by birth date (issue 14); without an index that read every
/// participant.
struct IndexBirthDates: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.raw("CREATE INDEX participants_birth_date ON participants (birth_date)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX participants_birth_date").run()
    }
}
