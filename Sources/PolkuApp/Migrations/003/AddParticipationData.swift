import Fluent

/// The ESF participant data, on the enrolment: one participation per person and project, entry data
/// from the first entry, exit data from the last exit, and the six-month follow-up.
struct AddParticipationData: AsyncMigration {
    static let fields: [(String, DatabaseSchema.DataType)] = [
        ("labour_status", .string), ("unemployed_months", .int), ("isced", .int),
        ("disability", .string), ("foreign_background", .string), ("minority", .string), ("other_disadvantage", .string),
        ("third_country_national", .bool), ("homeless", .bool), ("rural", .bool),
        ("exit_situation", .string), ("exit_situation_date", .string), ("qualification_gained", .bool), ("service_outcome", .string),
        ("followup_date", .string), ("followup_employed", .bool), ("followup_improvements", .string),
    ]

    func prepare(on db: any Database) async throws {
        // One field per statement: SQLite's ALTER TABLE adds one column at a time.
        for (name, type) in Self.fields {
            try await db.schema("enrolments").field(.definition(name: .key(FieldKey(stringLiteral: name)), dataType: type, constraints: [])).update()
        }
    }

    func revert(on db: any Database) async throws {
        for (name, _) in Self.fields.reversed() {
            try await db.schema("enrolments").deleteField(FieldKey(stringLiteral: name)).update()
        }
    }
}
