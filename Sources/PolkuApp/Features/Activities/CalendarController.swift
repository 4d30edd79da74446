import Vapor

/// The calendar route: reads what the query string asks for and shows it (`CalendarPage`).
enum CalendarController {
    @Sendable static func show(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let model = try await CalendarPage.query(FormState.read(req.query, fields: CalendarPage.fields), actor: actor, today: req.today, on: req.db)
        return CalendarPage.page(model, context: req.pageContext).response()
    }
}
