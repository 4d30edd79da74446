import Fluent
import Foundation
import PolkuApp
import Vapor

/// A signed-in session made directly in the database, as a browser's would be after logging in
/// (stamped "seen" now, so the clean-up job does not end it as idle).
enum BenchSession {
    static func make(_ app: Application, user: UUID, prefix: String = "bench") async throws -> String {
        let cookie = "\(prefix)-\(UUID().text)"
        let data: [String: String] = ["user_id": user.text, "csrf": "bench", "seen": String(Int(app.clock.now().timeIntervalSince1970))]
        try await SessionRecord(key: SessionID(string: cookie), data: SessionData(initialData: data)).create(on: app.db)
        return cookie
    }
}
