import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The pages of the participant's own space: the worker's page with a new invitation link, the
/// participant's account form, and "Omat tietoni" (their own results and activities, in plain words).
enum OwnSpacePages {
    /// The worker's page after making an invitation: the link (shown once) or why there is none.
    struct Invite {
        var participant: UUID
        var link: String?
        var message: String?
        /// How many days the link works.
        var days: Int
        /// The one-page letter to print for the participant, in their language.
        var letter: Letter? = nil

        struct Letter {
            var firstName: String
            var lang: Lang
            var expires: CalendarDate
        }
    }

    /// The participant's form for their own account; `action` is the invitation's own address.
    struct Accept {
        var firstName: String
        var action: String
        var state: FormState
    }

    struct Result: Decodable, Equatable { let key: String; let name: String; let n: Int; let last: String }

    /// "Omat tietoni".
    struct Me {
        var firstName: String
        var results: [Result] = []
        var activities: [ActivityQueries.ParticipantActivity] = []
        /// The next sessions of their groups, and the services they were referred to (issue 15).
        var sessions: [MySessions.Session] = []
        var referrals: [MySessions.Referral] = []
        /// Sessions and services the participant can still give feedback on.
        var feedback: [Feedback.Subject] = []
        /// The client panels they are in, with the proposals and what came of them (issue 16).
        var panels: [(name: String, proposals: [Panels.Proposal])] = []
        /// Peers proposed to them, and their peers (issue 16).
        var peers: [PeerMatches.Match] = []
        /// Open surveys for the groups they are in (issue 16).
        var surveys: [(title: String, slug: String)] = []
        /// Who works with them (issue 17).
        var team: [TeamAround.Member] = []
    }

    /// The projects the participant is in, by name: what their own space covers.
    static func projects(of participant: UUID, on sql: any SQLDatabase) async throws -> [(id: UUID, name: String)] {
        struct Project: Decodable { let id: UUID; let name: String }
        return try await sql.raw(
            """
            SELECT DISTINCT p.id, p.name FROM enrolments e JOIN projects p ON p.id = e.project_id
            WHERE e.participant_id = \(bind: participant) ORDER BY p.name
            """
        ).all(decoding: Project.self).map { ($0.id, $0.name) }
    }

    /// The participant's own page: their results in every instrument (health ones too: the data is
    /// theirs) and the activities of every project they are in; nil if the person is gone.
    static func me(_ participant: UUID, today: CalendarDate, on db: any Database) async throws -> Me? {
        let sql = db.sql
        struct Person: Decodable { let first_name: String }
        guard let p = try await sql.select().column("first_name").from(Participant.schema).where("id", .equal, participant).first(decoding: Person.self)
        else { return nil }
        let results = try await sql.raw(
            """
            SELECT i.key, MIN(i.name) AS name, COUNT(*) AS n, MAX(a.date) AS last FROM assessments a JOIN instruments i ON i.id = a.instrument_id
            WHERE a.participant_id = \(bind: participant) GROUP BY i.key ORDER BY i.key
            """
        ).all(decoding: Result.self)
        let projects = try await Self.projects(of: participant, on: sql).map(\.id)
        return Me(
            firstName: p.first_name, results: results,
            activities: try await ActivityQueries.ofParticipant(participant, projects: projects, today: today, on: db),
            sessions: Array(try await MySessions.upcoming(participant, today: today, on: sql).prefix(5)),
            referrals: try await MySessions.referrals(participant, on: sql), feedback: try await Feedback.open(participant, today: today, on: sql),
            panels: try await Panels.ofMember(participant, on: sql),
            peers: try await PeerMatches.matches("m.participant_id = \(bind: participant)", on: sql),
            surveys: try await Surveys.forMember(participant, on: sql),
            team: try await TeamAround.of(participant: participant, projects: projects, withHealth: true, on: sql))
    }
}
