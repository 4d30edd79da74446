import PolkuCore
import Vapor

/// A message shown once, on the page a person lands on after a write (issue 14): "Muistiinpano
/// tallennettu.", "Läsnäolot tallennettu: 12 paikalla." Carried between the post and the redirect's
/// GET in a short-lived cookie, so it survives whichever Polku process answers either and costs no
/// database write (in the session it made every save, and the page after it, write the session row:
/// a second transaction on SQLite's one writer per save; issue 11).
struct Flash: Equatable, Sendable {
    static let cookieName = "polku_flash"
    /// Long enough for the redirect's GET, short enough not to greet the next person at a shared computer.
    static let cookieSeconds = 120
    /// A catalog key, then its arguments.
    let key: String
    let arguments: [String]

    /// The key and arguments in one value (the unit separator cannot be typed in a form).
    var stored: String { ([key] + arguments).joined(separator: "\u{1F}") }

    init(_ key: String, _ arguments: [String] = []) { self.key = key; self.arguments = arguments }

    /// A key is a catalog key's letters only; anything else in a cookie is not a message of ours.
    init?(stored: String) {
        let parts = stored.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard let key = parts.first, !key.isEmpty, key.utf8.allSatisfy({ Self.keyBytes.contains($0) }) else { return nil }
        self.init(key, Array(parts.dropFirst()))
    }

    private static let keyBytes = Set("abcdefghijklmnopqrstuvwxyz0123456789._".utf8)

    /// The stored value as a cookie's value (base64url: no `;`, `,` or spaces).
    var cookieValue: String {
        Data(stored.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    init?(cookieValue: String) {
        var base64 = cookieValue.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard cookieValue.count <= 4_000, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        self.init(stored: text)
    }

    /// The message in the page's language.
    func text(_ t: Texts) -> String { Placeholders.fill(t(key), arguments) }

    /// The message at the top of the page, announced by screen readers.
    func node(_ t: Texts) -> Node {
        h("div", ["class": "ok flash", "role": "status"]) { h("p") { text(t) } }
    }
}

extension Request {
    private struct PendingFlash: StorageKey { typealias Value = Flash }
    private struct TakenFlash: StorageKey { typealias Value = Flash? }

    /// Says on the next page what this write did; replaces the generic "Tallennettu.".
    func flash(_ key: String, _ arguments: String...) {
        storage[PendingFlash.self] = Flash(key, arguments)
    }

    /// The message this request leaves for the next page, if any.
    var pendingFlash: Flash? { storage[PendingFlash.self] }

    /// The message the previous write left, taken once: the page that shows it clears its cookie, so
    /// a reload does not repeat it.
    var takenFlash: Flash? {
        if let taken = storage[TakenFlash.self] { return taken }
        let flash = sentCookies[Flash.cookieName].flatMap { Flash(cookieValue: $0.string) }
        storage[TakenFlash.self] = .some(flash)
        return flash
    }

    /// Whether this request read a message (shown or not understood) that must now be cleared.
    var tookFlash: Bool { storage[TakenFlash.self] != nil && sentCookies[Flash.cookieName] != nil }
}

/// Every form saved by a signed-in person ends with a message on the next page: "Tallennettu."
/// unless its handler said more. Signing in and out say nothing (their pages say it), and clear a
/// message left by the one before.
struct FlashMiddleware: AsyncMiddleware {
    static let silent: Set<String> = [SiteURL.login.relativeURL(), SiteURL.logout.relativeURL()]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        let secure = req.application.settings.secureCookies
        if Self.silent.contains(req.url.path) {
            if req.sentCookies[Flash.cookieName] != nil { res.cookies[Flash.cookieName] = .expired(secure) }
            return res
        }
        var flash = req.pendingFlash
        if flash == nil, req.method == .POST, res.status == .seeOther, req.actor != nil { flash = Flash("flash.saved") }
        if let flash, res.status == .seeOther {
            res.cookies[Flash.cookieName] = HTTPCookies.Value(
                string: flash.cookieValue, maxAge: Flash.cookieSeconds, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        } else if req.tookFlash {
            res.cookies[Flash.cookieName] = .expired(secure)
        }
        return res
    }
}

extension HTTPCookies.Value {
    /// A cookie the browser drops at once.
    fileprivate static func expired(_ secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
