import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A peer's coaching programme and earlier participant record (issue 16). The programme is a group
/// activity of the project; the trainee attends it as the participant they are (or were), so their
/// attendance is recorded as anyone's, and `PeerTraining` decides when it is completed. A manager
/// can approve a peer with a programme only once it is.
extension Peers {
    struct Training: Decodable, Equatable {
        let peer_id: UUID
        let activity_name: String?
        let participant_id: UUID?
        let first_name: String?
        let last_name: String?
        let held: Int
        let attended: Int

        var hasProgramme: Bool { activity_name != nil }
        var completed: Bool { PeerTraining.isCompleted(held: held, attended: attended) }
        var required: Int { PeerTraining.required(held: held) }
    }

    /// The programme and the earlier record of the project's peers that have either, by peer. The
    /// record is shown only while the person's consent stands (withdrawn, the link is not shown).
    static func training(project: UUID, today: String, on sql: any SQLDatabase) async throws -> [UUID: Training] {
        let rows = try await sql.raw(
            """
            SELECT p.id AS peer_id, a.name AS activity_name, p.participant_id, x.first_name, x.last_name,
              (SELECT COUNT(*) FROM activity_sessions s WHERE s.activity_id = p.training_activity_id AND s.cancelled = \(bind: false)
                 AND s.date <= \(bind: today)) AS held,
              (SELECT COUNT(*) FROM attendances t JOIN activity_sessions s ON s.id = t.session_id
                 WHERE s.activity_id = p.training_activity_id AND s.cancelled = \(bind: false) AND s.date <= \(bind: today)
                   AND t.participant_id = p.participant_id) AS attended
            FROM peers p LEFT JOIN activities a ON a.id = p.training_activity_id
            LEFT JOIN participants x ON x.id = p.participant_id
              AND (SELECT c.given FROM consents c WHERE c.participant_id = x.id AND c.purpose = 'development'
                   ORDER BY c.date DESC, c.created_at DESC LIMIT 1) = \(bind: true)
            WHERE p.project_id = \(bind: project) AND (p.training_activity_id IS NOT NULL OR p.participant_id IS NOT NULL)
            """
        ).all(decoding: Training.self)
        return Dictionary(rows.map { ($0.peer_id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    struct Option: Decodable, Equatable { let id: UUID; let name: String }

    /// The project's groups, any of which can be a coaching programme.
    static func programmes(project: UUID, on sql: any SQLDatabase) async throws -> [Option] {
        try await sql.raw(
            "SELECT id, name FROM activities WHERE project_id = \(bind: project) AND kind = 'group' ORDER BY name, id"
        ).all(decoding: Option.self)
    }

    /// Whom the new peer form's search for a former participant found (the project's participants
    /// whose latest word on "Kehittämiseen pyytäminen" is yes), recorded as seen.
    static func formerParticipant(_ req: Request, project: UUID, state: FormState) async throws -> AttendancePage.Search? {
        guard let text = PersonFinder.search(in: state) else { return nil }
        let search = try await AttendancePage.find(text, project: project, currentOn: nil, excluding: [], condition: Consent.askedToDevelop, on: req.db)
        if !search.found.isEmpty {
            try await req.audit.record(.participantList, participants: search.found.map(\.id), project: project, detail: "peer's former participant")
        }
        return search
    }

    /// The lines of a peer's card: the programme with the attendance against the rule, the earlier record.
    static func trainingLines(_ training: Training?, context: PageContext) -> [Node] {
        guard let training else { return [] }
        let t = context.t
        var out: [Node] = []
        if let name = training.activity_name {
            let status = t(training.completed ? "peer.training.completed" : "peer.training.open")
            out.append(h("p") { t("peer.training.line", name, String(training.attended), String(training.held), String(training.required)) + " " + status })
        }
        if let id = training.participant_id, let first = training.first_name, let last = training.last_name {
            out.append(
                h("p") {
                    t("peer.training.former") + " "
                    h("a", ["href": SiteURL.participant(.value(id)).relativeURL()]) { first + " " + last }
                })
        }
        return out
    }
}
