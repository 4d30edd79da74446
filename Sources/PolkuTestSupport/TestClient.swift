import Foundation
import NIOConcurrencyHelpers
import NIOCore
@testable import PolkuApp
import Vapor
import VaporTesting

/// A browser in a test: keeps the cookies, reads the CSRF token from the last page, sends forms.
/// Its cookies and token are behind a lock, so that a test may send many requests at once from one
/// client, as a browser with several tabs does.
public final class TestClient: @unchecked Sendable {
    public let app: Application
    private let state = NIOLockedValueBox<(cookies: [String: String], csrf: String?)>(([:], nil))
    public var cookies: [String: String] {
        get { state.withLockedValue { $0.cookies } }
        set { state.withLockedValue { $0.cookies = newValue } }
    }
    public var csrf: String? {
        get { state.withLockedValue { $0.csrf } }
        set { state.withLockedValue { $0.csrf = newValue } }
    }
    public var forwardedFor: String?
    /// Headers sent with every request (an operator's bearer token, say).
    public var headers: [String: String] = [:]

    public init(_ app: Application) { self.app = app }

    public struct Page: Sendable {
        public let status: HTTPStatus
        public let headers: HTTPHeaders
        public let body: String
        /// The body as sent, for files (a ZIP, a workbook).
        public let bytes: Data
        public var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    public func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// Posts a url-encoded form; the session's CSRF token is added unless `csrf: false`.
    @discardableResult
    public func post(_ path: String, _ form: [String: String] = [:], csrf withToken: Bool = true) async throws -> Page {
        var fields = form
        if withToken {
            if csrf == nil { try await get(SiteURL.login.relativeURL()) }
            fields["_csrf"] = csrf
        }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    /// Any method with a raw body (a JSON API call); `headers` are sent on top of the client's.
    @discardableResult
    public func send(
        _ method: HTTPMethod, _ path: String, body: String? = nil, contentType: String? = "application/json", headers extra: [String: String] = [:]
    ) async throws -> Page {
        let saved = headers
        headers.merge(extra) { $1 }
        defer { headers = saved }
        return try await send(method, path, buffer: body.map { ByteBuffer(string: $0) }, contentType: body == nil ? nil : contentType)
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// Posts a multipart form with one file, as a browser's file upload does; the CSRF token is added.
    @discardableResult
    public func upload(_ path: String, field: String, filename: String, content: String) async throws -> Page {
        if csrf == nil { try await get(SiteURL.login.relativeURL()) }
        let boundary = "polku-test-boundary"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf ?? "")\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n"
            + content + "\r\n--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Posts a multipart form with text fields and, if given, one file of any bytes; the CSRF token is added.
    @discardableResult
    public func upload(
        _ path: String, fields: [String: String], file: (field: String, filename: String, contentType: String, bytes: Data)?
    ) async throws -> Page {
        if csrf == nil { try await get(SiteURL.login.relativeURL()) }
        let boundary = "polku-test-boundary-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.merging(["_csrf": csrf ?? ""], uniquingKeysWith: { a, _ in a }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.contentType)\r\n\r\n".utf8)
            body += file.bytes + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return try await send(.POST, path, buffer: ByteBuffer(data: body), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String? = nil) async throws -> Page {
        try await send(
            method, path, buffer: body.map { ByteBuffer(string: $0) }, contentType: contentType ?? (body != nil ? "application/x-www-form-urlencoded; charset=utf-8" : nil))
    }

    private func send(_ method: HTTPMethod, _ path: String, buffer: ByteBuffer?, contentType: String?) async throws -> Page {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.add(name: .contentType, value: contentType) }
        if let forwardedFor { headers.add(name: "X-Forwarded-For", value: forwardedFor) }
        for (name, value) in self.headers { headers.add(name: name, value: value) }
        let res = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        for header in res.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count >= 1 else { continue }
            let value = parts.count == 2 ? parts[1] : ""
            let ended = value.isEmpty || header.contains("Expires=Thu, 01 Jan 1970")
            state.withLockedValue { $0.cookies[parts[0]] = ended ? nil : value }
        }
        let text = String(buffer: res.body)
        if let range = text.range(of: #"name="_csrf" value="[^"]+""#, options: .regularExpression) {
            csrf = String(text[range].dropFirst(#"name="_csrf" value=""#.count).dropLast())
        }
        return Page(status: res.status, headers: res.headers, body: text, bytes: Data(buffer: res.body))
    }

    /// Sends the form at `action` on the page at `page` as a browser would: every field with the
    /// value the page gave it (selected options, ticked boxes, text), then `changes` on top.
    @discardableResult
    public func submit(page path: String, action: String, _ changes: [String: String] = [:]) async throws -> Page {
        let html = try await get(path).body
        var fields = Self.formValues(html, action: action)
        for (k, v) in changes { fields[k] = v }
        return try await post(action, fields)
    }

    /// The values a browser would send for the form whose action is `action`.
    public static func formValues(_ html: String, action: String) -> [String: String] {
        guard let start = html.range(of: "action=\"\(action)\"") else { return [:] }
        let rest = html[start.upperBound...]
        let form = rest[..<(rest.range(of: "</form>")?.lowerBound ?? rest.endIndex)]
        var values: [String: String] = [:]
        func attr(_ tag: Substring, _ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            let after = tag[r.upperBound...]
            return after.firstIndex(of: "\"").map { unescape(String(after[..<$0])) }
        }
        for match in form.matches(of: /<input[^>]*>/) {
            let tag = form[match.range]
            guard let name = attr(tag, "name"), name != "_csrf" else { continue }
            let type = attr(tag, "type") ?? "text"
            if type == "checkbox" || type == "radio" {
                if tag.contains(" checked") { values[name] = attr(tag, "value") ?? "on" }
            } else {
                values[name] = attr(tag, "value") ?? ""
            }
        }
        for match in form.matches(of: /<select[^>]*>[\s\S]*?<\/select>/) {
            let tag = form[match.range]
            guard let name = attr(tag, "name") else { continue }
            let options = tag.matches(of: /<option[^>]*>/).map { tag[$0.range] }
            let chosen = options.first { $0.contains(" selected") } ?? options.first
            values[name] = chosen.flatMap { attr($0, "value") } ?? ""
        }
        for match in form.matches(of: /<textarea[^>]*>[\s\S]*?<\/textarea>/) {
            let tag = form[match.range]
            guard let name = attr(tag, "name"), let open = tag.firstIndex(of: ">") else { continue }
            let body = tag[tag.index(after: open)...].dropLast("</textarea>".count)
            values[name] = unescape(String(body))
        }
        return values
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Logs in through the real form.
    @discardableResult
    public func login(_ email: String, _ password: String = World.password) async throws -> Page {
        try await get(SiteURL.login.relativeURL())
        let page = try await post(SiteURL.login.relativeURL(), ["email": email, "password": password])
        // As a browser does: follow to the first page, which carries the new session's CSRF token.
        var next = page
        for _ in 0..<3 {
            guard next.status == .seeOther, let location = next.location else { break }
            next = try await get(location)
        }
        return page
    }
}
