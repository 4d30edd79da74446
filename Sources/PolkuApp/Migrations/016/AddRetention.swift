import Fluent
import SQLKit

/// Retention and erasure (issue 13): each project's rule for how long personal data are kept, and
/// when a participant's data were anonymised.
struct AddRetention: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("projects").field("retention_months", .int).update()
        try await db.schema("projects").field("retention_basis", .string).update()
        try await db.schema("participants").field("anonymised_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("participants").deleteField("anonymised_at").update()
        try await db.schema("projects").deleteField("retention_basis").update()
        try await db.schema("projects").deleteField("retention_months").update()
    }
}
