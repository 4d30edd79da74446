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

    /// The soonest session to come of a group the person is a member of (not cancelled, not after
    /// they left), among `activities` (the page's own read of their groups, already within the
    /// reader's projects). No groups, no read; otherwise sessions only of those groups. Joined with
    /// every group of the projects, PostgreSQL planned the read anew on every view (0.6 ms, ten
    /// times its run), since today's date told it more than the plan it keeps (issue 11).
    static func nextSessionQuery(_ participant: UUID, of activities: [ActivityQueries.ParticipantActivityRow], today: CalendarDate) -> SQLQueryString? {
        let groups = memberGroups(activities, today: today)
        guard !groups.isEmpty else { return nil }
        return """
            SELECT s.activity_id, s.date, s.start_time FROM activity_sessions s
            JOIN activity_members m ON m.activity_id = s.activity_id AND m.participant_id = \(bind: participant)
            WHERE s.activity_id \(oneOf: groups.map(\.activity_id)) AND s.date >= \(bind: today.iso) AND s.cancelled = \(bind: false)
              AND (m.left_on IS NULL OR m.left_on >= s.date)
            ORDER BY s.date, s.start_time LIMIT 1
            """
    }

    struct NextRow: Decodable { let activity_id: UUID; let date: String; let start_time: String }

    /// The session `nextSessionQuery` found, named by its group.
    static func nextSession(_ rows: [NextRow], of activities: [ActivityQueries.ParticipantActivityRow], today: CalendarDate) -> NextSession? {
        guard let next = rows.first, let group = memberGroups(activities, today: today).first(where: { $0.activity_id == next.activity_id }) else {
            return nil
        }
        return NextSession(activity_id: next.activity_id, name: group.name, date: next.date, start_time: next.start_time)
    }

    private static func memberGroups(_ activities: [ActivityQueries.ParticipantActivityRow], today: CalendarDate) -> [ActivityQueries.ParticipantActivityRow] {
        activities.filter { $0.joined_on != nil && ($0.left_on.map { $0 >= today.iso } ?? true) }
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
