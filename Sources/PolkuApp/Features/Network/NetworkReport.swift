import Vapor

extension NetworkReport {
    /// The report's route: reads the filter from the query string, shows it (`NetworkReport.page`) and
    /// records the view.
    @Sendable static func show(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let state = FormState.read(req.query, fields: fields)
        let (model, source) = try await req.reportReading { db in try await query(state, actor: actor, on: db) }
        try await req.audit.record(.reportView, detail: "network")
        var context = req.pageContext
        context.dataNote = source.note(req.t)
        return page(model, context: context).response()
    }
}
