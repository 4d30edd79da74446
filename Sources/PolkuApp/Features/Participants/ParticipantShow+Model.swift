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
    /// On PostgreSQL two statements (`ReadBatch`): what depends only on the person, then what depends
    /// on the first's answer (their groups' sessions, the services of their municipality).
    static func query(scope: ParticipantScope, lang: Lang, today: CalendarDate, notesBefore: UUID? = nil, on db: any Database) async throws -> Model? {
        let writing = scope.actor.projectsWritingPeople
        let pid = scope.participantID, projects = scope.projectIDs, sql = db.sql
        let suggesting = !scope.writableProjects.isEmpty
        var batch = ReadBatch()
        let reads = ParticipantQueries.ShowReads(
            into: &batch, id: pid, projects: projects, healthProjects: scope.healthProjects, siteProjects: writing, notesBefore: notesBefore)
        let activitySlot = ActivityQueries.participantActivitiesQuery(pid, projects: projects).map { batch.add($0) }
        let measureSlot = MeasureQueries.summariesQuery(participant: pid, projects: projects).map { batch.add($0) }
        let choiceSlot = MeasureQueries.choicesQuery(scope: scope, lang: lang.rawValue).map { batch.add($0) }
        let referralSlot =
            projects.isEmpty
            ? nil
            : batch.add(
                """
                SELECT r.id, r.state, s.name AS service, o.name AS provider, r.consent_on FROM referrals r
                JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id
                WHERE r.participant_id = \(bind: pid) AND r.project_id \(oneOf: projects) ORDER BY r.consent_on DESC
                """)
        let teamSlot = TeamAround.query(participant: pid, projects: projects, withHealth: !scope.healthProjects.isEmpty).map { batch.add($0) }
        let historySlot =
            suggesting ? MeasureQueries.historiesQuery(participant: pid, keys: Suggestions.measureKeys, projects: projects).map { batch.add($0) } : nil
        let answer = try await batch.run(on: sql)
        guard let data = try await reads.show(from: answer, on: sql) else { return nil }

        var model = Model(scope: scope, data: data)
        let enrolled = Set(data.enrolments.map(\.project_id))
        model.enrollable = scope.actor.named(writing.filter { !enrolled.contains($0) })
        let names = Dictionary(data.enrolments.map { ($0.project_id, $0.project_name) }, uniquingKeysWith: { a, _ in a })
        model.measures = MeasureQueries.readable(try answer.all(measureSlot, decoding: MeasureQueries.Summary.self), scope: scope)
        model.measureChoices = MeasureQueries.choices(
            try answer.all(choiceSlot, decoding: MeasureQueries.ChoiceRow.self), scope: scope, projectNames: names, lang: lang.rawValue)
        model.referrals = try answer.all(referralSlot, decoding: Referral.self)
        model.team = TeamAround.members(try answer.all(teamSlot, decoding: TeamAround.Member.self))

        let activities = try answer.all(activitySlot, decoding: ActivityQueries.ParticipantActivityRow.self)
        var then = ReadBatch()
        let countSlot = ActivityQueries.countsQuery(pid, of: activities, today: today).map { then.add($0) }
        let nextSlot = nextSessionQuery(pid, of: activities, today: today).map { then.add($0) }
        let serviceSlot = suggesting ? then.add(Suggestions.servicesQuery(municipality: data.person.municipality, on: sql)) : nil
        let more = try await then.run(on: sql)
        model.activities = ActivityQueries.participantActivities(activities, counts: try more.all(countSlot, decoding: ActivityQueries.ActivityCounts.self))
        model.nextSession = nextSession(try more.all(nextSlot, decoding: NextRow.self), of: activities, today: today)
        if suggesting {
            let histories = MeasureQueries.histories(try answer.all(historySlot, decoding: MeasureQueries.Row.self)) {
                scope.reads($0 ? .health : .normal, in: $1)
            }
            model.suggestions = Suggestions.suggestions(
                try more.all(serviceSlot, decoding: Suggestions.ServiceRow.self), histories: histories, municipality: data.person.municipality,
                language: data.person.language, openGoals: data.goals.filter { $0.status == "open" }.map(\.text), limit: 3)
        }
        return model
    }
}
