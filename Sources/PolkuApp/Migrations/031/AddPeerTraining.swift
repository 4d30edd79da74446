import Fluent

/// A peer's training and earlier path (issue 16): the coaching programme they attend (a group
/// activity of the project, whose attendance decides when the training is completed) and their
/// earlier participant record, linked only when that person consented to be asked to take part.
struct AddPeerTraining: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("peers").field("training_activity_id", .uuid).update()
        try await db.schema("peers").field("participant_id", .uuid).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("peers").deleteField("participant_id").update()
        try await db.schema("peers").deleteField("training_activity_id").update()
    }
}
