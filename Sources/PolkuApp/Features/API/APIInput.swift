import Crypto
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The checks the generated server leaves to us: it decodes types, not formats or ranges, so an id
/// that is not a UUID, a limit of 0 or a date of "tomorrow" is refused here with 400 and the field.
enum APIInput {
    static let defaultLimit = 25

    static func uuid(_ text: String?, field: String) throws -> UUID? {
        guard let text else { return nil }
        guard let id = UUID(text: text) else { throw APIRefusal.badParameter(field) }
        return id
    }

    static func limit(_ n: Int?) throws -> Int {
        guard let n else { return defaultLimit }
        guard (1...100).contains(n) else { throw APIRefusal.badParameter("limit") }
        return n
    }

    /// An RFC 3339 full-date. Polku's dates run from 1900 to 2200, so a period's end outside them is
    /// moved to the nearest one (a filter from year 332 is a filter from the beginning).
    static func date(_ text: String?, field: String) throws -> CalendarDate? {
        guard let text else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
        else { throw APIRefusal.badParameter(field) }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { throw APIRefusal.badParameter(field) }
        if y < 1900 { return CalendarDate(year: 1900, month: 1, day: 1) }
        if y > 2200 { return CalendarDate(year: 2200, month: 12, day: 31) }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// A report's site filter: one of the project's sites, else 404 with the field (a site of another
    /// project is answered as one that does not exist).
    static func site(_ text: String?, project: UUID, on db: any SQLDatabase) async throws -> UUID? {
        guard let id = try uuid(text, field: "site") else { return nil }
        let found = try await db.raw("SELECT id FROM sites WHERE id = \(bind: id) AND project_id = \(bind: project)").first()
        guard found != nil else { throw APIRefusal(status: .notFound, key: "api.problem.site", field: "site") }
        return id
    }

    static func cursor(_ text: String?) throws -> UUID? {
        guard let text else { return nil }
        guard let id = UUID(text: text) else { throw APIRefusal(status: .badRequest, key: "api.problem.cursor", field: "cursor") }
        return id
    }

    /// Text a person wrote: control characters other than line breaks and tabs are refused, so
    /// nothing invisible reaches a page or an export.
    static func text(_ s: String, field: String, max: Int) throws -> String {
        if s.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0.value == 0x7F }) {
            throw APIRefusal.unprocessable(field, "api.problem.text")
        }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw APIRefusal.unprocessable(field, "api.problem.body_empty") }
        if trimmed.count > max { throw APIRefusal.unprocessable(field, "api.problem.body_long") }
        return trimmed
    }
}

/// Weak validators for reads: the hash of the body as sent, so a client that sends it back in
/// `If-None-Match` gets 304 without the body when nothing changed. Made from the bytes the generated
/// code encoded, not from an encoding of its own: that was a second JSON encoding of every read
/// (a page of 100 participants, issue 11).
enum APIETag {
    struct Key: StorageKey { typealias Value = Bool }

    /// Marks the request as a read whose answer `APICall` tags.
    static func mark(_ req: Request) { req.storage[Key.self] = true }

    static func of(_ body: ByteBuffer) -> String {
        "\"" + SHA256.hash(data: body.readableBytesView).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// A marked read's answer with its tag, or 304 without the body when the client's copy is current.
    static func answer(_ response: Response, _ req: Request) async throws -> Response {
        guard req.storage[Key.self] == true, response.status == .ok,
            let body = try await response.body.collect(on: req.eventLoop).get()
        else { return response }
        let tag = of(body)
        guard !matches(tag, req) else {
            return Response(status: .notModified, headers: [HTTPHeaders.Name.eTag.description: tag])
        }
        response.body = .init(buffer: body)
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        return response
    }

    static func matches(_ tag: String, _ req: Request) -> Bool {
        guard let sent = req.headers.first(name: .ifNoneMatch) else { return false }
        return sent.split(separator: ",").contains {
            let s = $0.trimmingCharacters(in: .whitespaces); return s == tag || s == "*" || s == "W/" + tag
        }
    }
}

/// Keyset paging: the condition that starts a page after the row the cursor names, by (name, id)
/// ascending or by (created_at, id) newest first. Nil when there is no cursor or it names no row of
/// `table` (within the list's own rows, `within`): the page then starts from the beginning, as the
/// contract says.
enum APIKeyset {
    static func byName(
        _ cursor: UUID?, table: String, alias: String = "", within: SQLQueryString = "1 = 1", on db: any SQLDatabase
    ) async throws -> SQLQueryString? {
        guard let cursor,
            let anchor = try await db.raw("SELECT name FROM \(ident: table) WHERE id = \(bind: cursor) AND \(within)")
                .first(decodingColumn: "name", as: String.self)
        else { return nil }
        let p = alias.isEmpty ? "" : alias + "."
        return "(\(unsafeRaw: p)name > \(bind: anchor) OR (\(unsafeRaw: p)name = \(bind: anchor) AND \(unsafeRaw: p)id > \(bind: cursor)))"
    }

    static func newestFirst(
        _ cursor: UUID?, table: String, alias: String, within: SQLQueryString = "1 = 1", on db: any SQLDatabase
    ) async throws -> SQLQueryString? {
        guard let cursor,
            let anchor = try await db.raw("SELECT created_at FROM \(ident: table) WHERE id = \(bind: cursor) AND \(within)")
                .first(decodingColumn: "created_at", as: Date.self)
        else { return nil }
        let p = alias + "."
        return "(\(unsafeRaw: p)created_at < \(bind: anchor) OR (\(unsafeRaw: p)created_at = \(bind: anchor) AND \(unsafeRaw: p)id < \(bind: cursor)))"
    }
}
