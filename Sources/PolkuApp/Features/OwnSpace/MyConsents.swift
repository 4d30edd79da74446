import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// "Omat suostumukseni" (issue 15): each consent with its purpose, date and who recorded it; the
/// participant withdraws one or gives one, after a page that says in plain words what follows. A
/// change is a new row (the history stays) and reaches staff pages at once: they read the same rows.
enum MyConsents {
    typealias Purpose = Consent.Purpose

    struct Row: Decodable, Equatable {
        let purpose: String
        let date: String
        let given: Bool
        let recorder: String?
        /// Recorded by the participant from their own account.
        let by_self: Bool
    }

    struct Model {
        /// Every row, newest first.
        var history: [Row] = []
        /// Referrals whose provider still sees who they are about (they stop when data sharing ends).
        var sharedReferrals = 0

        /// The latest row of each purpose: the consent as it stands.
        func current(_ purpose: Purpose) -> Row? { history.first { $0.purpose == purpose.rawValue } }
    }

    static func query(participant: UUID, on db: any Database) async throws -> Model {
        let sql = db.sql
        let history = try await sql.raw(
            """
            SELECT c.purpose, c.date, c.given, u.name AS recorder,
                   COALESCE(u.participant_id = c.participant_id, FALSE) AS by_self
            FROM consents c LEFT JOIN users u ON u.id = c.recorded_by
            WHERE c.participant_id = \(bind: participant) ORDER BY c.date DESC, c.created_at DESC
            """
        ).all(decoding: Row.self)
        struct Count: Decodable { let n: Int }
        let shared =
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM referrals WHERE participant_id = \(bind: participant) AND consent_withdrawn_on IS NULL"
            ).first(decoding: Count.self)?.n ?? 0
        return Model(history: history, sharedReferrals: shared)
    }

    static func purpose(_ req: Request) throws -> Purpose {
        guard let p = req.parameters.get("purpose").flatMap(Purpose.init(rawValue:)) else { throw Abort(.notFound) }
        return p
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let model = try await query(participant: pid, on: req.db)
        try await req.audit.record(.participantView, participant: pid, detail: "own consents")
        return page(model, context: req.pageContext).response()
    }

    /// The page before a change: what the consent is for and what the change means.
    @Sendable static func confirm(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let purpose = try purpose(req)
        let model = try await query(participant: pid, on: req.db)
        try await req.audit.record(.participantView, participant: pid, detail: "own consent \(purpose.rawValue)")
        return confirmPage(model, purpose: purpose, context: req.pageContext).response()
    }

    /// Records the participant's own choice. `given` names the state wanted ("true" or "false"), so
    /// a second click of the same button changes nothing; a post without it is refused.
    @Sendable static func change(req: Request) async throws -> Response {
        let (pid, user) = try req.guardedSelf()
        let purpose = try purpose(req)
        let state = try FormState.read(req, fields: ["given"], requiring: ["given"])
        guard let given = ["true": true, "false": false][state["given"]] else { throw Abort(.badRequest, reason: "given must be true or false") }
        let model = try await query(participant: pid, on: req.db)
        guard model.current(purpose)?.given != given else {
            req.flash("flash.consent.unchanged")
            return req.redirect(to: .myConsents)
        }
        let today = req.today.iso
        try await req.db.writeTransaction { db in
            let c = Consent()
            c.$participant.id = pid; c.purpose = purpose; c.date = today; c.given = given; c.$recordedBy.id = user
            try await c.create(on: db)
            if purpose == .dataSharing && !given {
                // Providers stop seeing who their referrals are about, as when a worker records it.
                try await db.sql.raw(
                    "UPDATE referrals SET consent_withdrawn_on = \(bind: today) WHERE participant_id = \(bind: pid) AND consent_withdrawn_on IS NULL"
                ).run()
            }
            try await req.audit.record(
                .consentRecord, participant: pid, detail: "by the participant: \(purpose.rawValue) \(given ? "given" : "withdrawn")", on: db)
        }
        req.flash(given ? "flash.consent.given" : "flash.consent.withdrawn", req.t("consent.purpose." + purpose.rawValue))
        return req.redirect(to: .myConsents)
    }
}
