import Foundation
import SQLKit
import Vapor

/// The admin's view of the background jobs: what ran, when it runs next, what failed and why.
enum JobsPage {
    struct Row: Decodable, Equatable {
        let id: UUID
        let kind: String
        let state: String
        let attempts: Int
        let run_at: Date
        let finished_at: Date?
        let result: String?
        let last_error: String?
    }

    /// Recurring jobs first, then the latest one-off jobs.
    static func rows(on sql: any SQLDatabase) async throws -> [Row] {
        try await sql.raw(
            """
            SELECT id, kind, state, attempts, run_at, finished_at, result, last_error FROM jobs
            ORDER BY CASE WHEN dedupe_key IS NULL THEN 1 ELSE 0 END, created_at DESC LIMIT 200
            """
        ).all(decoding: Row.self)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return page(try await rows(on: req.db.sql), context: req.pageContext).response()
    }

    @Sendable static func runNow(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        try await JobQueue.runNow(id, now: req.now, on: req.db.sql)
        return req.redirect(to: .adminJobs)
    }

    static func page(_ rows: [Row], context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("jobs.title")) {
            h("p") { t("jobs.intro") }
            if rows.isEmpty {
                h("p") { t("jobs.none") }
            } else {
                dataTable {
                    h("thead") {
                        h("tr") {
                            for key in ["jobs.kind", "jobs.state", "jobs.attempts", "jobs.next", "jobs.finished", "jobs.outcome", "jobs.run"] {
                                h("th", ["scope": "col"]) { t(key) }
                            }
                        }
                    }
                    h("tbody") {
                        for r in rows { row(r, context: context) }
                    }
                }
            }
        }
    }

    /// A job's result as the admin reads it; an import's is counts, not its rows' problems.
    static func brief(_ r: Row) -> String {
        guard let result = r.result else { return "" }
        if r.kind == JobKind.participantImport.rawValue,
            let decoded = try? JSONDecoder().decode(ImportJob.Result.self, from: Data(result.utf8))
        {
            return decoded.brief
        }
        return result
    }

    private static func row(_ r: Row, context: PageContext) -> Node {
        let t = context.t
        return h("tr") {
            h("td") { t("jobs.kind." + r.kind) }
            h("td") { t("jobs.state." + r.state) }
            h("td") { String(r.attempts) }
            h("td") { r.state == "queued" ? t.dateTime(r.run_at) : "" }
            h("td") { t.dateTime(r.finished_at) }
            h("td") { r.last_error ?? brief(r) }
            h("td") {
                if r.state == "queued" || r.state == "failed" {
                    h("form", ["method": "post", "action": SiteURL.adminJobRun(.value(r.id)).relativeURL()]) {
                        csrfField(context)
                        h("button", ["type": "submit", "class": "secondary"]) { t("jobs.run") }
                    }
                }
            }
        }
    }
}
