import Fluent
import Metrics
import SQLKit
import Vapor

enum HealthController {
    /// 200 with the database's state when a query answers, 503 when it does not.
    @Sendable static func health(req: Request) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        var database = "up"
        var status = HTTPResponseStatus.ok
        do {
            _ = try await req.db.sql.raw("SELECT 1 AS one").first()
        } catch {
            database = "down"
            status = .serviceUnavailable
        }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        let kind: String
        switch req.application.settings.database {
        case .postgres: kind = "postgresql"
        default: kind = "sqlite"
        }
        let res = Response(status: status)
        try res.content.encode(
            HealthStatus(
                status: status == .ok ? "ok" : "unavailable", database: database,
                databaseKind: kind, databaseLatencyMs: (ms * 100).rounded() / 100))
        return res
    }

    @Sendable static func metrics(req: Request) async throws -> Response {
        // The database's state at scrape time: whether it answers, and how fast.
        let started = DispatchTime.now().uptimeNanoseconds
        let up = (try? await req.db.sql.raw("SELECT 1 AS one").first()) != nil
        Gauge(label: "polku_database_up").record(up ? 1 : 0)
        Gauge(label: "polku_database_pool_max_connections").record(DatabasePool.maxConnections(req.application))
        Gauge(label: "polku_database_ping_seconds")
            .record(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
        let res = Response(status: .ok, body: .init(string: req.application.emitMetrics()))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return res
    }

    struct HealthStatus: Content {
        let status: String
        let database: String
        let databaseKind: String
        let databaseLatencyMs: Double
    }
}
