import Foundation
import SQLKit

extension TodayQueries {
    /// What a participant said of their plan from their own space (issue 15).
    struct PlanWordRow: Decodable, Equatable {
        let participant_id: UUID
        let first_name: String
        let last_name: String
        let kind: String
        let text: String
        let created_at: Date
    }

    /// The participants' own words about their plans in the coach's projects since `since`, newest
    /// first: a comment, a goal marked done, a goal of their own.
    static func planWords(projects: [UUID], since: Date, on sql: any SQLDatabase) async throws -> [PlanWordRow] {
        guard !projects.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT c.participant_id, p.first_name, p.last_name, c.kind, c.text, c.created_at
            FROM goal_comments c JOIN participants p ON p.id = c.participant_id
            JOIN users u ON u.id = c.author_id AND u.participant_id = c.participant_id
            WHERE c.project_id IN (\(binds: projects)) AND c.created_at >= \(bind: since)
            ORDER BY c.created_at DESC LIMIT 10
            """
        ).all(decoding: PlanWordRow.self)
    }
}

extension TodayPage {
    static func planSection(_ words: [TodayQueries.PlanWordRow], _ t: Texts) -> Node {
        h("section", ["aria-labelledby": "today-plans"]) {
            h("h2", ["id": "today-plans"]) { t("today.plans") }
            h("ul", ["class": "plain"]) {
                for w in words {
                    h("li") {
                        h("a", ["href": SiteURL.participant(.value(w.participant_id)).relativeURL(fragment: "goals-h")]) { "\(w.last_name), \(w.first_name)" }
                        " " + t("today.plans." + w.kind, t.dateTime(w.created_at), w.text)
                    }
                }
            }
        }
    }
}
