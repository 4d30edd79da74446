import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Fluent
@testable import PolkuApp
import PolkuTestSupport
import Testing
import Vapor

/// Bodies that arrive in pieces, over a real socket, as a browser sends a long form: the CSRF check
/// reads the whole body, a refused request still reads (or closes) its body, and several requests
/// on one keep-alive connection all get an answer. Before the fix, a 5,000-character note was
/// refused as an expired form and three chunked posts to /login crashed the debug server.
@Suite struct ChunkedBodyTests {
    /// A blocking HTTP/1.1 connection on loopback, for sending a body in chunks with pauses.
    final class Connection: @unchecked Sendable {
        let fd: Int32
        var buffer: [UInt8] = []

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            // Generous: the whole suite runs in parallel on two cores, and an answer may wait its turn.
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let result = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else { throw Abort(.internalServerError, reason: "connect failed") }
        }
        deinit { close(fd) }

        func write(_ s: String) { let bytes = Array(s.utf8); _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, bytes.count, 0) } }

        /// Sends a request whose body goes in chunks of `chunk` bytes with a pause between them.
        func post(_ path: String, body: String, cookie: String?, chunk: Int = 1000) {
            var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
            if let cookie { head += "Cookie: \(cookie)\r\n" }
            write(head + "\r\n")
            let bytes = Array(body.utf8)
            var start = 0
            while start < bytes.count {
                let piece = bytes[start..<min(start + chunk, bytes.count)]
                write(String(piece.count, radix: 16) + "\r\n" + String(decoding: piece, as: UTF8.self) + "\r\n")
                usleep(2000)
                start += chunk
            }
            write("0\r\n\r\n")
        }

        func get(_ path: String, cookie: String?) {
            write("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (cookie.map { "Cookie: \($0)\r\n" } ?? "") + "\r\n")
        }

        struct Answer {
            let status: Int; let headers: [(String, String)]; let body: String
            func header(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
        }

        /// Reads one response (Content-Length or chunked); nil when the server closed or timed out.
        func read() -> Answer? {
            func fill() -> Bool {
                var chunk = [UInt8](repeating: 0, count: 65536)
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else { return false }
                buffer += chunk[0..<n]
                return true
            }
            let separator: [UInt8] = Array("\r\n\r\n".utf8)
            var headEnd: Int?
            while headEnd == nil {
                headEnd = buffer.indices.dropLast(3).first { Array(buffer[$0..<$0 + 4]) == separator }
                if headEnd == nil && !fill() { return nil }
            }
            let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
            let status = Int(head[0].split(separator: " ")[1]) ?? 0
            let headers = head.dropFirst().compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            buffer.removeFirst(headEnd! + 4)
            var body: [UInt8] = []
            if let length = headers.first(where: { $0.0.lowercased() == "content-length" }).flatMap({ Int($0.1) }) {
                while buffer.count < length { if !fill() { return nil } }
                body = Array(buffer[0..<length]); buffer.removeFirst(length)
            } else if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" }) {
                while true {
                    while !String(decoding: buffer, as: UTF8.self).contains("\r\n") { if !fill() { return nil } }
                    let line = buffer.firstIndex(of: 13)!
                    let size = Int(String(decoding: buffer[0..<line], as: UTF8.self), radix: 16) ?? 0
                    while buffer.count < line + 2 + size + 2 { if !fill() { return nil } }
                    body += buffer[(line + 2)..<(line + 2 + size)]
                    buffer.removeFirst(line + 2 + size + 2)
                    if size == 0 { break }
                }
            }
            return Answer(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
        }
    }

    static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { c in DispatchQueue.global().async { c.resume(returning: work()) } }
    }

    static func withServer(_ db: TestDatabase, _ body: @escaping (Application, Int) async throws -> Void) async throws {
        try await withPolku(db) { app in
            // Below Linux's ephemeral ports (32768 up), where the tests' own database connections
            // could hold the one drawn; another draw if it is taken all the same.
            var port = 0
            for attempt in 1...5 {
                port = Int.random(in: 20_000...32_000)
                do {
                    try await app.server.start(address: .hostname("127.0.0.1", port: port))
                    break
                } catch  where attempt < 5 {
                    continue
                }
            }
            do { try await body(app, port) } catch { await app.server.shutdown(); throw error }
            await app.server.shutdown()
        }
    }

    static func cookie(_ a: Connection.Answer) -> String? {
        a.header("Set-Cookie").first { $0.hasPrefix("polku_session=") }.map { String($0.split(separator: ";")[0]) }
    }
    static func csrf(_ body: String) -> String? {
        body.firstMatch(of: /name="_csrf" value="([^"]+)"/).map { String($0.1) }
    }

    @Test(arguments: TestDatabase.allCases)
    func threeChunkedLoginsOnOneConnectionWithoutASessionAllGetAnAnswer(db: TestDatabase) async throws {
        try await Self.withServer(db) { _, port in
            let answers = await Self.offThread { () -> [Int] in
                guard let c = try? Connection(port: port) else { return [] }
                var codes: [Int] = []
                let body = "email=a%40b.invalid&password=" + String(repeating: "x", count: 12_000)
                for _ in 0..<3 {
                    c.post(SiteURL.login.relativeURL(), body: body, cookie: nil)
                    codes.append(c.read()?.status ?? -1)
                }
                return codes
            }
            // Refused as a form without its token, each on the same connection, none lost.
            #expect(answers == [403, 403, 403])
            let health = await Self.offThread { () -> Int in
                guard let c = try? Connection(port: port) else { return -1 }
                c.get(SiteURL.health.relativeURL(), cookie: nil)
                return c.read()?.status ?? -1
            }
            #expect(health == 200, "the server is still healthy")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aSignedInWorkersLongNoteInChunksIsSavedWhole(db: TestDatabase) async throws {
        try await Self.withServer(db) { app, port in
            let world = try await World.make(app)
            let email = world.users[.worker]!
            let note = String(repeating: "Pitkä muistiinpano äöå & = + ", count: 180).prefix(5000)
            let notePath = SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL()
            let result = await Self.offThread { () -> [Int] in
                guard let c = try? Connection(port: port) else { return [] }
                c.get(SiteURL.login.relativeURL(), cookie: nil)
                guard let login = c.read(), var cookie = Self.cookie(login), let token = Self.csrf(login.body) else { return [-1] }
                c.post(SiteURL.login.relativeURL(), body: "email=\(SiteURL.encode(email))&password=\(SiteURL.encode(World.password))&_csrf=\(token)", cookie: cookie, chunk: 16)
                guard let signedIn = c.read(), let newCookie = Self.cookie(signedIn) else { return [-2] }
                cookie = newCookie
                c.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL(), cookie: cookie)
                guard let page = c.read(), let fresh = Self.csrf(page.body) else { return [-3] }
                var codes: [Int] = []
                for _ in 0..<3 {
                    let form = "project_id=\(world.ownProject)&sensitivity=normal&body=\(SiteURL.encode(String(note)))&_csrf=\(fresh)"
                    c.post(notePath, body: form, cookie: cookie, chunk: 700)
                    codes.append(c.read()?.status ?? -1)
                }
                return codes
            }
            #expect(result == [303, 303, 303])
            let saved = try await Note.query(on: app.db).filter(\.$participant.$id == world.ownParticipant).all().map(\.body)
            #expect(saved.filter { $0 == String(note).trimmingCharacters(in: .whitespaces) || $0 == String(note) }.count == 3)
        }
    }
}
