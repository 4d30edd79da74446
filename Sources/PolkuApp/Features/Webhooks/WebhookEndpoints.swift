import Fluent
import Foundation
import SQLKit
import Vapor

/// An organisation's webhook endpoints and the log of their deliveries, for its own staff and
/// admins. The secret is shown once, when the endpoint is added; it is kept (not hashed) because
/// every delivery is signed with it.
enum WebhookEndpoints {
    struct Endpoint: Decodable { let id: UUID; let url: String; let created_at: Date; let active: Bool }
    struct Delivery: Decodable {
        let id: UUID; let url: String; let event: String; let created_at: Date; let state: String; let attempts: Int
        let last_status: Int?; let last_error: String?; let delivered_at: Date?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, state: FormState(), secret: nil)
    }

    static func page(_ req: Request, state: FormState, secret: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let org = try req.guardedOrganisation()
        guard let organisation = try await Organisation.find(org, on: req.db) else { throw Abort(.notFound) }
        let endpoints = try await req.db.sql.raw(
            "SELECT id, url, created_at, active FROM webhook_endpoints WHERE organisation_id = \(bind: org) ORDER BY created_at, id"
        ).all(decoding: Endpoint.self)
        let deliveries = try await req.db.sql.raw(
            """
            SELECT d.id, w.url, d.event, d.created_at, d.state, d.attempts, d.last_status, d.last_error, d.delivered_at
            FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
            WHERE w.organisation_id = \(bind: org) ORDER BY d.created_at DESC, d.id DESC LIMIT 50
            """
        ).all(decoding: Delivery.self)
        return WebhookEndpointsView.page(
            .init(organisation: (org, organisation.name), endpoints: endpoints, deliveries: deliveries, state: state, secret: secret),
            context: req.pageContext, status: status
        ).response()
    }

    /// An https address (http only to this machine, for a receiver under test or a local relay).
    static func acceptable(_ url: String) -> Bool {
        guard let u = URL(string: url), let host = u.host, !host.isEmpty, u.user == nil else { return false }
        return u.scheme == "https" || (u.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let org = try req.guardedOrganisation()
        let actor = try req.guardedActor()
        var state = try FormState.read(req, fields: ["url"], requiring: ["url"])
        let url = state.text("url", required: true, max: 500)
        if state.errors["url"] == nil && !acceptable(url) { state.errors["url"] = "webhooks.error.url" }
        guard state.isValid else { return try await page(req, state: state, secret: nil, status: .unprocessableEntity) }
        let secret = "whsec_" + FormOnce.newKey() + FormOnce.newKey()
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO webhook_endpoints (id, organisation_id, url, secret, created_at, created_by, active)
                VALUES (\(bind: req.application.newID()), \(bind: org), \(bind: url), \(bind: secret), \(bind: req.now), \(bind: actor.userID), \(bind: true))
                """
            ).run()
            try await req.audit.record(.webhookChange, detail: "added \(url) for organisation \(org)", on: db)
        }
        return try await page(req, state: FormState(), secret: secret)
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let org = try req.guardedOrganisation()
        let hook = try req.id("hook")
        let removed = try await req.db.writeTransaction { db -> Bool in
            guard
                let url = try await db.sql.raw(
                    "SELECT url FROM webhook_endpoints WHERE id = \(bind: hook) AND organisation_id = \(bind: org)"
                ).first(decodingColumn: "url", as: String.self)
            else { return false }
            try await db.sql.raw("DELETE FROM webhook_endpoints WHERE id = \(bind: hook)").run()
            try await req.audit.record(.webhookChange, detail: "removed \(url) of organisation \(org)", on: db)
            return true
        }
        guard removed else { throw Abort(.notFound) }
        req.flash("webhooks.removed")
        return req.redirect(to: .organisationWebhooks(.value(org)))
    }
}
