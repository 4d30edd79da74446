import Foundation
import PolkuCore
import SQLKit

/// Who is working with a participant (issue 17): the staff who wrote about them (notes, team
/// records, assessments) and still have a role in one of their projects, their peer in a match
/// going on, and the providers of their referrals under way. Shown on the participant's page and
/// to the participant in plain words. Health professionals are named only to health roles and to
/// the person: that one has a health contact is itself health data.
enum TeamAround {
    enum Kind: String, Sendable, CaseIterable { case coach, health, peer, provider }
    struct Member: Decodable, Sendable, Equatable, Hashable { let name: String; let kind: String }

    static func of(participant: UUID, projects: [UUID], withHealth: Bool, on sql: any SQLDatabase) async throws -> [Member] {
        guard let query = query(participant: participant, projects: projects, withHealth: withHealth) else { return [] }
        return members(try await sql.raw(query).all(decoding: Member.self))
    }

    /// One statement for the three sources: the participant page is a hot route. Nil without projects.
    static func query(participant: UUID, projects: [UUID], withHealth: Bool) -> SQLQueryString? {
        guard !projects.isEmpty else { return nil }
        let open = ReferralState.allCases.filter(\.isOpen).map(\.rawValue)
        let healthFilter: SQLQueryString = withHealth ? "" : " AND m.role <> 'health_professional'"
        let normalOnly: SQLQueryString = withHealth ? "" : " AND sensitivity = 'normal'"
        return """
            SELECT DISTINCT u.name, CASE WHEN m.role = 'health_professional' THEN 'health' ELSE 'coach' END AS kind
            FROM users u JOIN memberships m ON m.user_id = u.id
            WHERE u.is_active = \(bind: true) AND m.project_id \(oneOf: projects)
              AND m.role IN ('worker', 'project_manager', 'health_professional')\(healthFilter)
              AND u.id IN (
                SELECT author_id FROM notes WHERE participant_id = \(bind: participant) AND author_id IS NOT NULL\(normalOnly)
                UNION SELECT created_by FROM team_records WHERE participant_id = \(bind: participant) AND created_by IS NOT NULL\(normalOnly)
                UNION SELECT assessed_by FROM assessments WHERE participant_id = \(bind: participant) AND assessed_by IS NOT NULL)
            UNION ALL
            SELECT DISTINCT u.name, 'peer' AS kind FROM peer_matches x JOIN peers p ON p.id = x.peer_id JOIN users u ON u.id = p.user_id
            WHERE x.participant_id = \(bind: participant) AND x.state = 'active'
            UNION ALL
            SELECT DISTINCT o.name, 'provider' AS kind FROM referrals r JOIN services s ON s.id = r.service_id
            JOIN organisations o ON o.id = s.organisation_id
            WHERE r.participant_id = \(bind: participant) AND r.state \(oneOf: open)
            """
    }

    /// The rows of `query` in the order shown, each person once.
    static func members(_ all: [Member]) -> [Member] {
        let staff = all.filter { $0.kind == "coach" || $0.kind == "health" }, others = all.filter { $0.kind == "peer" || $0.kind == "provider" }
        // A person who both coaches and is a health professional in two projects is named once, as a health professional.
        var seen = Set<String>()
        let order = Kind.allCases.map(\.rawValue)
        return (staff.sorted { ($0.kind == "health" ? 0 : 1, $0.name) < ($1.kind == "health" ? 0 : 1, $1.name) } + others)
            .filter { seen.insert($0.kind == "provider" ? "o:" + $0.name : $0.name).inserted }
            .sorted { (order.firstIndex(of: $0.kind) ?? 9, $0.name) < (order.firstIndex(of: $1.kind) ?? 9, $1.name) }
    }

    /// "Ville Valmentaja – valmentaja" for staff; "Ville Valmentaja on valmentajasi." for the person.
    static func node(_ members: [Member], t: Texts, own: Bool) -> Node {
        h("section", ["aria-labelledby": "team-around"]) {
            h("h2", ["id": "team-around"]) { t(own ? "team.around.own" : "team.around") }
            if members.isEmpty {
                h("p") { t(own ? "team.around.own.none" : "team.around.none") }
            } else {
                h("ul") { for m in members { h("li") { t((own ? "team.around.own." : "team.around.") + m.kind, m.name) } } }
            }
        }
    }
}
