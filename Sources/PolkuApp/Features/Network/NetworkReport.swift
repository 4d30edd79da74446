import Vapor

extension NetworkReport {
    /// The report's route: reads the filter from the query string, shows it (`NetworkReport.page`) and
    /// records the view.
    @Sendable static func show(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let model = try await query(FormState.read(req.query, fields: fields), actor: actor, on: req.db)
        try await req.audit.record(.reportView, detail: "network")
        return page(model, context: req.pageContext).response()
    }
}
