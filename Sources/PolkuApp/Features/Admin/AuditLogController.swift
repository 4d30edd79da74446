import Vapor

/// The audit log's route (`AuditLog`): reading the log is itself an audited event.
enum AuditLogController {
    @Sendable static func index(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        let model = try await AuditLog.query(FormState.read(req.query, fields: AuditLog.fields), on: req.db)
        try await req.audit.record(.auditRead, detail: "actor=\(model.actor) action=\(model.action)")
        return AuditLog.page(model, context: req.pageContext).response()
    }
}

extension FormState {
    /// Reads a GET form from the query string.
    static func read(_ query: any URLQueryContainer, fields: [String]) -> FormState {
        var state = FormState()
        for field in fields { if let v = try? query.get(String.self, at: field) { state.values[field] = v } }
        return state
    }
}
