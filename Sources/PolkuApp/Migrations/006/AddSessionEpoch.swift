import Fluent

/// A password change ends the user's other sessions: each session remembers the user's session epoch
/// at login, and a password change moves the epoch on. (A counter, not a time: no clock precision to
/// get wrong between SQLite and PostgreSQL.)
struct AddSessionEpoch: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("session_epoch", .int).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("session_epoch").update()
    }
}
