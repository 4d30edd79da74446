import Fluent
import PolkuCore
import SQLKit
import Vapor

/// Participants whose six-month follow-up is due: left at least six months ago, follow-up not recorded.
enum FollowUpController {
    @Sendable static func index(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        guard let model = try await FollowUpPage.query(project: id, today: req.today, on: req.db) else { throw Abort(.notFound) }
        try await req.audit.record(.participantList, participants: model.rows.map(\.participant_id), project: id, detail: "follow-up due")
        return FollowUpPage.page(model, context: req.pageContext).response()
    }
}
