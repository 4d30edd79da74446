import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// A form sent twice saves once (issue 13). A double click, a second tab, or a browser that resends
/// after a slow answer made two notes or two participants. Every form carries a one-time key
/// (`_once`, made when the form is drawn); the first post with a key claims it in the database, so
/// that any Polku process sees it, and keeps where its answer went. A second post with the same key
/// and the same body gets that answer (the redirect to what was saved) and changes nothing; while
/// the first is still running it waits for it.
///
/// A post that changed nothing (a 4xx or 5xx answer: a missing field, a refusal, an outage) gives
/// its key back, so the same form can be corrected and sent again. The same key with another body is
/// a form edited after the back button, not a double submit, and is saved as usual.
struct FormOnceMiddleware: AsyncMiddleware {
    static let field = "_once"
    /// How long a second post waits for the first before it is told the form is being saved.
    static let waitForFirst: Duration = .seconds(10)

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, req.route != nil, let key = FormReplay.field(Self.field, in: req),
            FormOnce.isWellFormed(key)
        else { return try await next.respond(to: req) }
        let body = FormOnce.hash(req.body.data)
        let sql = req.db.sql
        let start = ContinuousClock.now
        while true {
            switch try await FormOnce.claim(key, body: body, now: req.now, on: sql) {
            case .claimed:
                return try await answerAndRecord(req, key: key, on: sql, next: next)
            case .otherBody:
                return try await next.respond(to: req)
            case .answered(let status, let location):
                req.logger.notice("A form was sent again; answered as the first time (\(status))")
                return FormOnce.repeatAnswer(status: status, location: location, for: req)
            case .running:
                guard ContinuousClock.now - start < Self.waitForFirst else {
                    return FormOnce.repeatAnswer(status: nil, location: nil, for: req)
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func answerAndRecord(_ req: Request, key: String, on sql: any SQLDatabase, next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: req)
        } catch {
            try? await FormOnce.release(key, on: sql)
            throw error
        }
        if response.status.code >= 400 || req.storage[ChangedNothingKey.self] == true {
            try? await FormOnce.release(key, on: sql)
        } else {
            try await FormOnce.record(key, status: Int(response.status.code), location: response.headers.first(name: .location), on: sql)
        }
        return response
    }
}

private struct ChangedNothingKey: StorageKey { typealias Value = Bool }

extension Request {
    /// This post only drew its form again (a search inside the form): its key is given back, as a
    /// refused post's is, so that the same form sent again is answered anew, not as already sent.
    func formChangedNothing() { storage[ChangedNothingKey.self] = true }
}

/// The one-time keys of forms, kept in `form_submissions`.
package enum FormOnce {
    enum Claim: Equatable {
        case claimed, otherBody, running
        case answered(status: Int, location: String?)
    }

    /// 16 random bytes, URL-safe: unguessable, so one person cannot spend another's key.
    ///
    /// Every form on a page has one (a participant's page about fifteen), so it is made cheaply: two
    /// 8-byte reads of the system generator and base64url written by hand. `[UInt8].random(count:)`
    /// made a `getrandom` call per byte and three Foundation replacements: 6 % of a page's time.
    package static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next() as UInt64, generator.next() as UInt64]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for word in words { for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
        return base64URL(bytes)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Base64url without padding (RFC 4648 §5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let chunk = (UInt32(bytes[i]) << 16) | (n > 1 ? UInt32(bytes[i + 1]) << 8 : 0) | (n > 2 ? UInt32(bytes[i + 2]) : 0)
            for k in 0...n { out.append(alphabet[Int((chunk >> UInt32(18 - 6 * k)) & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isWellFormed(_ key: String) -> Bool {
        (16...64).contains(key.count) && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    static func hash(_ body: ByteBuffer?) -> String {
        SHA256.hash(data: body.map { Array($0.readableBytesView) } ?? []).hex
    }

    /// Claims `key` for this post, or says what became of the post that claimed it first.
    static func claim(_ key: String, body: String, now: Date, on sql: any SQLDatabase) async throws -> Claim {
        let inserted = try await sql.raw(
            """
            INSERT INTO form_submissions (form_key, body_hash, created_at) VALUES (\(bind: key), \(bind: body), \(bind: now))
            ON CONFLICT (form_key) DO NOTHING RETURNING form_key
            """
        ).first()
        if inserted != nil { return .claimed }
        guard let row = try await sql.raw("SELECT body_hash, status, location FROM form_submissions WHERE form_key = \(bind: key)").first() else {
            return .running  // given back just now: claim it on the next round
        }
        if try row.decode(column: "body_hash", as: String.self) != body { return .otherBody }
        guard let status = try row.decode(column: "status", as: Int?.self) else { return .running }
        return .answered(status: status, location: try row.decode(column: "location", as: String?.self))
    }

    static func record(_ key: String, status: Int, location: String?, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE form_submissions SET status = \(bind: status), location = \(bind: location) WHERE form_key = \(bind: key)").run()
    }

    static func release(_ key: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM form_submissions WHERE form_key = \(bind: key) AND status IS NULL").run()
    }

    /// Keys older than a day are of no use: no browser resends a form that late.
    static func forget(before: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM form_submissions WHERE created_at < \(bind: before)").run()
    }

    /// The first post's redirect again, or a page that says the form was already sent.
    static func repeatAnswer(status: Int?, location: String?, for req: Request) -> Response {
        if let location, let status, (300..<400).contains(status) {
            return req.redirect(to: location, redirectType: status == 303 ? .normal : .temporary)
        }
        let t = req.pageContext.t
        let home = SiteURL.home.relativeURL()
        return Page(req.pageContext, title: t("formonce.title"), status: .conflict) {
            h("div", ["class": "notice", "role": "status"]) { h("p") { t(status == nil ? "formonce.running" : "formonce.done") } }
            h("p") { h("a", ["href": home]) { t("errorpage.home") } }
        }.response()
    }
}
