import PolkuCore
import Vapor

/// A message shown once, on the page a person lands on after a write (issue 14): "Muistiinpano
/// tallennettu.", "Läsnäolot tallennettu: 12 paikalla." Kept in the session between the post and the
/// redirect's GET, so it survives whichever Polku process answers either.
struct Flash: Equatable, Sendable {
    static let sessionKey = "flash"
    /// A catalog key, then its arguments.
    let key: String
    let arguments: [String]

    /// The key and arguments in one session value (the unit separator cannot be typed in a form).
    var stored: String { ([key] + arguments).joined(separator: "\u{1F}") }

    init(_ key: String, _ arguments: [String] = []) { self.key = key; self.arguments = arguments }

    init?(stored: String) {
        let parts = stored.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard let key = parts.first, !key.isEmpty else { return nil }
        self.init(key, Array(parts.dropFirst()))
    }

    /// The message in the page's language.
    func text(_ t: Texts) -> String { Placeholders.fill(t(key), arguments) }

    /// The message at the top of the page, announced by screen readers.
    func node(_ t: Texts) -> Node {
        h("div", ["class": "ok flash", "role": "status"]) { h("p") { text(t) } }
    }
}

extension Request {
    /// Says on the next page what this write did; replaces the generic "Tallennettu.".
    func flash(_ key: String, _ arguments: String...) {
        session.data[Flash.sessionKey] = Flash(key, arguments).stored
    }

    private struct TakenFlash: StorageKey { typealias Value = Flash? }

    /// The message the previous write left, taken from the session once (a reload does not repeat it).
    var takenFlash: Flash? {
        if let taken = storage[TakenFlash.self] { return taken }
        var flash: Flash? = nil
        if hasSession, let raw = session.data[Flash.sessionKey] {
            session.data[Flash.sessionKey] = nil
            flash = Flash(stored: raw)
        }
        storage[TakenFlash.self] = .some(flash)
        return flash
    }
}

/// Every form saved by a signed-in person ends with a message on the next page: "Tallennettu."
/// unless its handler said more. Signing in and out say nothing (their pages say it).
struct FlashMiddleware: AsyncMiddleware {
    static let silent: Set<String> = [SiteURL.login.relativeURL(), SiteURL.logout.relativeURL()]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        if req.method == .POST, res.status == .seeOther, req.actor != nil, !Self.silent.contains(req.url.path),
            req.hasSession, req.session.data[Flash.sessionKey] == nil
        {
            req.flash("flash.saved")
        }
        return res
    }
}
