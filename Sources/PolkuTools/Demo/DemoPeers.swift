import Fluent
import Foundation
import PolkuApp
import SQLKit
import Vapor

/// RUORI2's peer coaches and Lähde mukaan!'s buddies (issue 16): the demo peer approved in both
/// projects the demo worker works in, and an experience expert waiting for a manager's approval.
enum DemoPeers {
    static func seed(_ app: Application, projects: [String: UUID], peer: UUID, manager: UUID, on db: any Database) async throws {
        let sql = db.sql
        let expert = try await User.query(on: db).filter(\.$email == "expert@demo.polku.invalid").first()?.id
        let rows: [(String, UUID?, String, String, String, String, Bool)] = [
            ("S21019", peer, "peer_coach", "liikunta, luonto, työnhaku", "Turku", "ma, ke", true),
            ("S20250", peer, "buddy", "kalastus, ruoanlaitto, pelit", "Pori", "ti, to", true),
            ("S20250", expert, "experience_expert", "työnhaku, kuntoutus", "Pori", "ke", false),
        ]
        for (code, user, kind, interests, area, days, approved) in rows {
            guard let project = projects[code], let user else { continue }
            try await sql.raw(
                """
                INSERT INTO peers (id, project_id, user_id, kind, interests, languages, area, days, trained_on, approved_by, approved_on, created_at)
                VALUES (\(bind: app.newID()), \(bind: project), \(bind: user), \(bind: kind), \(bind: interests), 'fi', \(bind: area), \(bind: days),
                  \(bind: approved ? "2026-09-30" : nil), \(bind: approved ? manager : nil), \(bind: approved ? "2026-10-01" : nil), \(bind: app.clock.now()))
                """
            ).run()
        }
    }
}
