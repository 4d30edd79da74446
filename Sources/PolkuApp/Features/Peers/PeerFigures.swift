import Foundation
import PolkuCore
import SQLKit

/// The project's peer work in figures (issue 16): peers by kind — added, trained, approved, serving
/// now — and matches by how far they got and how they ended, with the meetings recorded. Counts of
/// 1–4 show as "<5" (`SmallCount`): these figures go into the funder's reports.
struct PeerFigures: Equatable {
    struct KindRow: Decodable, Equatable { let kind: String; let added: Int; let trained: Int; let approved: Int; let serving: Int }
    struct MatchRow: Decodable, Equatable { let state: String; let outcome: String?; let n: Int }

    var kinds: [KindRow] = []
    var matches: [MatchRow] = []
    var meetings = 0
    var supervisions = 0
    /// Peers present, summed over the supervision meetings.
    var supervised = 0

    static func query(project: UUID, today: String, on sql: any SQLDatabase) async throws -> PeerFigures {
        var out = PeerFigures()
        out.kinds = try await sql.raw(
            """
            SELECT kind, COUNT(*) AS added, COUNT(trained_on) AS trained, COUNT(approved_on) AS approved,
              SUM(CASE WHEN approved_on IS NOT NULL AND (ends_on IS NULL OR ends_on >= \(bind: today)) THEN 1 ELSE 0 END) AS serving
            FROM peers WHERE project_id = \(bind: project) GROUP BY kind
            """
        ).all(decoding: KindRow.self)
        out.matches = try await sql.raw(
            "SELECT state, outcome, COUNT(*) AS n FROM peer_matches WHERE project_id = \(bind: project) GROUP BY state, outcome"
        ).all(decoding: MatchRow.self)
        out.meetings =
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM peer_meetings g JOIN peer_matches m ON m.id = g.match_id WHERE m.project_id = \(bind: project)"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        struct Supervision: Decodable { let meetings: Int; let present: Int }
        let s = try await sql.raw(
            """
            SELECT COUNT(DISTINCT s.id) AS meetings, COUNT(a.peer_id) AS present
            FROM peer_supervisions s LEFT JOIN peer_supervision_attendees a ON a.supervision_id = s.id WHERE s.project_id = \(bind: project)
            """
        ).first(decoding: Supervision.self)
        out.supervisions = s?.meetings ?? 0
        out.supervised = s?.present ?? 0
        return out
    }

    /// Matches in `states`, and of the ended ones those with `outcome` when given.
    func count(_ states: Set<String>, outcome: String? = nil) -> Int {
        matches.filter { states.contains($0.state) && (outcome == nil || $0.outcome == outcome) }.reduce(0) { $0 + $1.n }
    }

    func node(_ t: Texts) -> Node {
        let n = { (count: Int) in SmallCount(count).description }
        let kindRows = Peers.Kind.allCases.map { kind -> [String] in
            let row = kinds.first { $0.kind == kind.rawValue }
            return [t("peer.kind." + kind.rawValue), n(row?.added ?? 0), n(row?.trained ?? 0), n(row?.approved ?? 0), n(row?.serving ?? 0)]
        }
        var matchRows: [[String]] = [
            [t("peer.figures.proposed"), n(count(["proposed", "consented", "declined", "active", "ended"]))],
            [t("peer.figures.declined"), n(count(["declined"]))],
            [t("peer.figures.active"), n(count(["active"]))],
            [t("peer.figures.ended"), n(count(["ended"]))],
        ]
        matchRows += PeerMatches.Outcome.allCases.map { [t("peer.figures.ended_as", t("peer.outcome." + $0.rawValue)), n(count(["ended"], outcome: $0.rawValue))] }
        matchRows.append([t("peer.figures.meetings"), n(meetings)])
        matchRows.append([t("peer.figures.supervisions"), n(supervisions)])
        matchRows.append([t("peer.figures.supervised"), n(supervised)])
        return h("section", ["aria-labelledby": "peer-figures"]) {
            h("h2", ["id": "peer-figures"]) { t("peer.figures.title") }
            h("p", ["class": "hint"]) { t("report.suppressed") }
            FigureTable(
                caption: t("peer.figures.peers"),
                head: [t("peer.field.kind"), t("peer.figures.added"), t("peer.figures.trained"), t("peer.figures.approved"), t("peer.figures.serving")],
                strings: kindRows
            ).node
            FigureTable(caption: t("peer.figures.matches"), strings: matchRows).node
        }
    }
}
