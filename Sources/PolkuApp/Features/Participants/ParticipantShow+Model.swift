import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The participant's page: who they are, their enrolments and phases, consents, plan, notes and the
/// timeline of their whole path. What is shown depends on the scope `Authorization` gave.
enum ParticipantShow {}

extension ParticipantShow {
    struct Referral: Decodable, Equatable {
        let id: UUID
        let state: String
        let service: String
        let provider: String
        let consent_on: String
    }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        let scope: ParticipantScope
        let data: ParticipantQueries.Show
        var activities: [ActivityQueries.ParticipantActivity] = []
        var nextSession: NextSession? = nil
        var measures: [MeasureQueries.Summary] = []
        var measureChoices: [MeasureQueries.Choice] = []
        var referrals: [Referral] = []
        var suggestions: [Suggestions.Suggestion] = []
        /// Who works with the person (issue 17).
        var team: [TeamAround.Member] = []
        /// Projects the actor may enrol this person in that they are not in yet, by name.
        var enrollable: [(id: UUID, name: String)] = []

        /// The whole timeline (`?all=1`); otherwise its newest events. Notes page by keyset instead.
        var timelineAll = false

        var hasAccount: Bool { data.person.accounts > 0 }
        var writableProjects: Set<UUID> { Set(scope.writableProjects) }
    }

    /// Reads the page for `scope` (already checked by the participant guard); nil if the person is gone.
    static func query(scope: ParticipantScope, lang: Lang, today: CalendarDate, notesBefore: UUID? = nil, on db: any Database) async throws -> Model? {
        let writing = scope.actor.projectsWritingPeople
        guard
            let data = try await ParticipantQueries.show(
                on: db, id: scope.participantID, projects: scope.projectIDs, healthProjects: scope.healthProjects,
                siteProjects: writing, notesBefore: notesBefore)
        else { return nil }
        var model = Model(scope: scope, data: data)
        let enrolled = Set(data.enrolments.map(\.project_id))
        let others = writing.filter { !enrolled.contains($0) }
        model.enrollable = scope.actor.named(others)
        model.activities = try await ActivityQueries.ofParticipant(scope.participantID, projects: scope.projectIDs, today: today, on: db)
        model.nextSession = try await nextSession(scope.participantID, of: model.activities, today: today, on: db)
        let names = Dictionary(data.enrolments.map { ($0.project_id, $0.project_name) }, uniquingKeysWith: { a, _ in a })
        model.measures = try await MeasureQueries.summaries(participant: scope.participantID, scope: scope, on: db)
        model.measureChoices = try await MeasureQueries.choices(scope: scope, projectNames: names, lang: lang.rawValue, on: db)
        model.referrals = try await db.sql.raw(
            """
            SELECT r.id, r.state, s.name AS service, o.name AS provider, r.consent_on FROM referrals r
            JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id
            WHERE r.participant_id = \(bind: scope.participantID) AND r.project_id IN \(SQLBind.group(scope.projectIDs)) ORDER BY r.consent_on DESC
            """
        ).all(decoding: Referral.self)
        model.team = try await TeamAround.of(
            participant: scope.participantID, projects: scope.projectIDs, withHealth: !scope.healthProjects.isEmpty, on: db.sql)
        if !scope.writableProjects.isEmpty {
            model.suggestions = try await Suggestions.forParticipant(
                scope.participantID, municipality: data.person.municipality, language: data.person.language,
                openGoals: data.goals.filter { $0.status == "open" }.map(\.text), scope: scope, limit: 3, on: db)
        }
        return model
    }
}
