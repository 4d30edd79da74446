import Crypto
import Foundation
import SQLKit
import Vapor

/// What a token may be used for: read or write, per area. A call needs its operation's scope on
/// top of the roles its user has, so a token for a BI tool can read reports and nothing else.
enum APIScope: String, CaseIterable, Sendable {
    case projectsRead = "projects:read"
    case participantsRead = "participants:read"
    case notesRead = "notes:read"
    case notesWrite = "notes:write"
    case reportsRead = "reports:read"
    case activitiesRead = "activities:read"
    case attendanceWrite = "attendance:write"
    case measuresRead = "measures:read"
    case directoryRead = "directory:read"
    case referralsRead = "referrals:read"
    case referralsWrite = "referrals:write"

    /// `"projects:read reports:read"` as stored; unknown words are dropped.
    static func parse(_ text: String) -> [APIScope] {
        text.split(separator: " ").compactMap { APIScope(rawValue: String($0)) }
    }
}

/// A personal API token: `polku_` and 43 characters of base64url (32 random bytes). Only its
/// SHA-256 is stored; the token itself is shown once, when it is made.
enum APIToken {
    static let prefix = "polku_"
    /// How long a new token may live, in days: the choices the form offers.
    static let lifetimes = [30, 90, 365]

    static func make() -> (token: String, hash: String) {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        let token = prefix + FormOnce.base64URL(bytes)
        return (token, hash(token))
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// The token a call came with, once `APITokenAuthentication` accepted it.
struct APICaller: Sendable {
    let tokenID: UUID
    let tokenName: String
    let scopes: [APIScope]
    let expiresAt: Date
}

extension Request {
    private struct APICallerKey: StorageKey { typealias Value = APICaller }
    var apiCaller: APICaller? {
        get { storage[APICallerKey.self] }
        set { storage[APICallerKey.self] = newValue }
    }
}

/// Signs in an API call by its bearer token: the token, its user and the user's memberships in one
/// query, a prepared one on PostgreSQL (unprepared it was planned on every call, 0.28 ms). A session cookie is never read on `/api/`: a page open in the browser cannot make calls
/// in its user's name (no CSRF on the API), and a call never starts a session.
struct APITokenAuthentication: AsyncMiddleware {
    private struct TokenRow: Decodable {
        let token_id: UUID; let token_name: String; let scopes: String; let expires_at: Date; let revoked_at: Date?; let user_id: UUID
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let language = req.headers.first(name: .acceptLanguage).flatMap(Lang.preferred) { req.lang = language }
        if let sent = req.headers.bearerAuthorization?.token, sent.hasPrefix(APIToken.prefix), sent.count < 100 {
            let rows = try await req.readDatabase.sql.raw(
                """
                SELECT t.id AS token_id, t.name AS token_name, t.scopes, t.expires_at, t.revoked_at, t.user_id,
                \(CurrentUserMiddleware.IdentityRow.columns)
                FROM api_tokens t JOIN users u ON u.id = t.user_id \(CurrentUserMiddleware.IdentityRow.joins)
                WHERE t.token_hash = \(bind: APIToken.hash(sent))
                """
            ).all()
            if let first = rows.first, let token = try? first.decode(model: TokenRow.self, keyDecodingStrategy: .useDefaultKeys),
                token.revoked_at == nil, token.expires_at > req.now,
                let actor = try await CurrentUserMiddleware.load(
                    token.user_id, on: req.readDatabase, rows: try rows.map(CurrentUserMiddleware.IdentityRow.init(row:))),
                actor.participantID == nil
            {
                req.actor = actor
                req.apiCaller = APICaller(tokenID: token.token_id, tokenName: token.token_name, scopes: APIScope.parse(token.scopes), expiresAt: token.expires_at)
            }
        }
        return try await next.respond(to: req)
    }
}
