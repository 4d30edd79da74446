import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// Webhooks for a service provider's referrals: a new referral to one of the organisation's services
/// and each change of a referral's state are posted to the organisation's endpoints. The body
/// carries ids and the state only, no person: the provider's staff read the person's shared data in
/// Polku, behind their login and its audit. Each delivery is a job (retried with backoff), signed:
/// `Polku-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`.
enum Webhooks {
    enum Event: String { case referralCreated = "referral.created", referralStateChanged = "referral.state_changed" }

    private struct Body: Encodable {
        struct ReferralPart: Encodable { let id: String; let service_id: String; let state: String }
        let id: String
        let event: String
        let occurred_at: String
        let referral: ReferralPart
    }

    /// Queues a delivery to each active endpoint of the organisation whose service the referral is
    /// to, in the caller's transaction: the change and its deliveries commit together.
    static func referral(
        _ event: Event, referral: UUID, service: UUID, state: String, at: Date, app: Application, on db: any Database
    ) async throws {
        let endpoints = try await db.sql.raw(
            """
            SELECT w.id FROM webhook_endpoints w JOIN services s ON s.organisation_id = w.organisation_id
            WHERE s.id = \(bind: service) AND w.active = \(bind: true)
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !endpoints.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for endpoint in endpoints {
            let id = app.newID()
            let body = Body(
                id: id.text.lowercased(), event: event.rawValue, occurred_at: ISO8601DateFormatter().string(from: at),
                referral: .init(id: referral.text.lowercased(), service_id: service.text.lowercased(), state: state))
            let text = String(decoding: try encoder.encode(body), as: UTF8.self)
            try await db.sql.raw(
                """
                INSERT INTO webhook_deliveries (id, endpoint_id, event, body, created_at, state, attempts)
                VALUES (\(bind: id), \(bind: endpoint), \(bind: event.rawValue), \(bind: text), \(bind: at), 'queued', 0)
                """
            ).run()
            try await JobQueue.enqueue(.webhook, payload: id.text, at: at, app: app, on: db.sql)
        }
    }

    /// `t=…,v1=…` for `body` sent at `time`.
    static func signature(body: String, secret: String, time: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(time).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(time),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    private struct Delivery: Decodable { let body: String; let event: String; let url: String; let secret: String; let state: String }

    /// The job: one attempt. A 2xx answer delivers; anything else is recorded and thrown, so the job
    /// queue tries again with its backoff, and after the last attempt the delivery is marked failed.
    static func deliver(_ job: ClaimedJob, app: Application) async throws -> String {
        guard let id = job.payload.flatMap { UUID(text: $0) },
            let d = try await app.db.sql.raw(
                """
                SELECT d.body, d.event, d.state, w.url, w.secret FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
                WHERE d.id = \(bind: id)
                """
            ).first(decoding: Delivery.self)
        else { return "delivery gone" }
        if d.state == "delivered" { return "delivered before" }
        let now = app.clock.now()
        var status: Int? = nil
        var problem: String? = nil
        do {
            let response = try await app.client.post(URI(string: d.url)) { out in
                out.headers.contentType = .json
                out.headers.replaceOrAdd(name: "Polku-Signature", value: signature(body: d.body, secret: d.secret, time: Int(now.timeIntervalSince1970)))
                out.headers.replaceOrAdd(name: "Polku-Event", value: d.event)
                out.headers.replaceOrAdd(name: "Polku-Delivery", value: id.text.lowercased())
                out.body = ByteBuffer(string: d.body)
                out.timeout = .seconds(10)
            }
            status = Int(response.status.code)
            if !(200..<300).contains(Int(response.status.code)) { problem = "answered \(response.status.code)" }
        } catch {
            problem = String(describing: error).prefix(300).description
        }
        let delivered = problem == nil
        let state = delivered ? "delivered" : job.attempts >= JobQueue.maxAttempts ? "failed" : "queued"
        try await app.db.sql.raw(
            """
            UPDATE webhook_deliveries SET state = \(bind: state), attempts = \(bind: job.attempts), last_status = \(bind: status),
              last_error = \(bind: problem), delivered_at = \(bind: delivered ? now : nil) WHERE id = \(bind: id)
            """
        ).run()
        if let problem { throw Abort(.badGateway, reason: "webhook \(id): \(problem)") }
        return "delivered, \(status ?? 0)"
    }
}
