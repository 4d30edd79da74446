import Foundation
import NIOCore
@testable import PolkuApp
import Vapor
import VaporTesting

/// A browser in a test: keeps the cookies, reads the CSRF token from the last page, sends forms.
public final class TestClient: @unchecked Sendable {
    public let app: Application
    public var cookies: [String: String] = [:]
    public var csrf: String?
    public var forwardedFor: String?

    public init(_ app: Application) { self.app = app }

    public struct Page: Sendable {
        public let status: HTTPStatus
        public let headers: HTTPHeaders
        public let body: String
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
            if csrf == nil { try await get("/login") }
            fields["_csrf"] = csrf
        }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// Posts a multipart form with one file, as a browser's file upload does; the CSRF token is added.
    @discardableResult
    public func upload(_ path: String, field: String, filename: String, content: String) async throws -> Page {
        if csrf == nil { try await get("/login") }
        let boundary = "polku-test-boundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf ?? "")\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n"
            + content + "\r\n--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String? = nil) async throws -> Page {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.add(name: .contentType, value: contentType) } else if body != nil { headers.contentType = .urlEncodedForm }
        if let forwardedFor { headers.add(name: "X-Forwarded-For", value: forwardedFor) }
        let buffer = body.map { ByteBuffer(string: $0) }
        let res = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        for header in res.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count >= 1 else { continue }
            let value = parts.count == 2 ? parts[1] : ""
            if value.isEmpty || header.contains("Expires=Thu, 01 Jan 1970") { cookies[parts[0]] = nil } else { cookies[parts[0]] = value }
        }
        let text = String(buffer: res.body)
        if let range = text.range(of: #"name="_csrf" value="[^"]+""#, options: .regularExpression) {
            csrf = String(text[range].dropFirst(#"name="_csrf" value=""#.count).dropLast())
        }
        return Page(status: res.status, headers: res.headers, body: text)
    }

    /// Logs in through the real form.
    @discardableResult
    public func login(_ email: String, _ password: String = World.password) async throws -> Page {
        try await get("/login")
        return try await post("/login", ["email": email, "password": password])
    }
}
