import Fluent
import PolkuCore
import SQLKit
import Vapor

/// The top of a participant's page answers "what next" (issue 14): where they are on each path,
/// their next session, referrals under way, the latest results, goals due and ESF data missing;
/// then links to the page's sections, so that a long page is one jump from any part.
extension ParticipantShow {
    struct NextSession: Decodable, Equatable {
        let activity_id: UUID
        let name: String
        let date: String
        let start_time: String
    }

    /// Goals count as due from two weeks before their date.
    static let goalsDueWithin = 14

    /// The soonest session to come of a group the person is a member of (not cancelled, not left).
    static func nextSession(_ participant: UUID, projects: [UUID], today: CalendarDate, on db: any Database) async throws -> NextSession? {
        guard !projects.isEmpty else { return nil }
        return try await db.sql.raw(
            """
            SELECT s.activity_id, a.name, s.date, s.start_time FROM activity_sessions s
            JOIN activities a ON a.id = s.activity_id
            JOIN activity_members m ON m.activity_id = a.id AND m.participant_id = \(bind: participant)
            WHERE a.project_id IN \(SQLBind.group(projects)) AND s.date >= \(bind: today.iso) AND s.cancelled = \(bind: false)
              AND (m.left_on IS NULL OR m.left_on >= s.date)
            ORDER BY s.date, s.start_time LIMIT 1
            """
        ).first(decoding: NextSession.self)
    }

    static func summary(_ m: Model, context: PageContext) -> Node {
        let t = context.t, d = m.data
        let dueBy = context.today.adding(days: goalsDueWithin).iso
        let due = d.goals.filter { $0.status == "open" && ($0.target_date.map { $0 <= dueBy } ?? false) }
        let open = m.referrals.filter { ReferralState(rawValue: $0.state)?.isOpen ?? false }
        let latest = m.measures.max { $0.last < $1.last }
        let missing = d.enrolments.filter { m.writableProjects.contains($0.project_id) }.reduce(0) { $0 + (d.participations[$1.id]?.entry?.missingFields.count ?? 0) }
        return h("section", ["aria-labelledby": "summary-h", "class": "card summary"]) {
            h("h2", ["id": "summary-h"]) { t("participant.summary") }
            h("ul") {
                for e in d.enrolments {
                    h("li") { t("participant.summary.phase", e.project_name, PhaseNames.label(e.phase, t), t.date(e.start_date)) }
                }
                h("li") {
                    if let s = m.nextSession {
                        t("participant.summary.next_session") + " "
                        h("a", ["href": SiteURL.activity(.value(s.activity_id)).relativeURL()]) { "\(t.date(s.date)) \(s.start_time) \(s.name)" }
                    } else {
                        t("participant.summary.no_session")
                    }
                }
                if !open.isEmpty {
                    h("li") {
                        h("a", ["href": "#referrals-h"]) { t("participant.summary.referrals", String(open.count)) }
                        ": " + open.map { "\($0.service) (\(t("referral.state." + $0.state)))" }.joined(separator: ", ")
                    }
                }
                if let latest {
                    h("li") {
                        h("a", ["href": "#measures-h"]) { t("participant.summary.latest_result", latest.name, t.date(latest.last)) }
                    }
                }
                if !due.isEmpty {
                    h("li") { h("a", ["href": "#goals-h"]) { t("participant.summary.goals_due", String(due.count)) } }
                }
                if missing > 0 {
                    h("li") { t("participant.summary.esf_missing", String(missing)) }
                }
            }
            h("nav", ["aria-label": t("participant.summary.sections"), "class": "jump"]) {
                h("ul") {
                    for (id, key) in sections(m) { h("li") { h("a", ["href": "#" + id]) { t(key) } } }
                }
            }
        }
    }

    /// The page's sections this reader sees, in order, for the jump links.
    private static func sections(_ m: Model) -> [(String, String)] {
        var out = [("person-h", "participant.section.person"), ("enrol-h", "participant.section.enrolments"), ("consent-h", "participant.section.consents")]
        if !m.referrals.isEmpty || !m.writableProjects.isEmpty { out.append(("referrals-h", "participant.section.referrals")) }
        if !m.measures.isEmpty || !m.measureChoices.isEmpty { out.append(("measures-h", "participant.section.measures")) }
        if !m.activities.isEmpty { out.append(("activities-h", "participant.section.activities")) }
        out += [("goals-h", "participant.section.goals"), ("notes-h", "participant.section.notes"), ("timeline-h", "participant.section.timeline")]
        return out
    }
}
