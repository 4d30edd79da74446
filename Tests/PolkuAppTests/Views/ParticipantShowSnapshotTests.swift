import Foundation
import PolkuCore
import SnapshotTesting
import Testing
@testable import PolkuApp

/// The participant page's HTML from fixed models: a change in its markup shows up in review as a
/// change of the reference file beside this test.
@Suite struct ParticipantShowSnapshotTests {
    typealias F = PageFixtures
    typealias Q = ParticipantQueries

    static func model(actor: Actor, writable: Bool = true) -> ParticipantShow.Model {
        let access = ProjectAccess(roles: actor.rolesByProject[F.project] ?? [])
        let scope = ParticipantScope(participantID: F.participant, actor: actor, projects: [F.project: writable ? access : ProjectAccess(roles: [.viewer])])
        let enrolment = F.id(10)
        let notes =
            [
                Q.NoteRow(
                    id: F.id(30), project_id: F.project, sensitivity: "normal", body: "Tavattiin.\nSovittiin seuraava aika.",
                    author_name: "Tiina Työntekijä", created_at: F.morning)
            ]
            + (access.seesHealthData
                ? [
                    Q.NoteRow(
                        id: F.id(31), project_id: F.project, sensitivity: "health", body: "Terveystieto, näkyy vain terveysroolille.",
                        author_name: "Hilkka Hoitaja", created_at: F.morning)
                ] : [])
        let data = Q.Show(
            person: Q.Person(
                id: F.participant, first_name: "Aino", last_name: "Demonen", birth_date: "1990-03-15", gender: "female",
                municipality: "Pori", language: "fi", email: "aino@example.invalid", phone: nil, created_at: F.morning, accounts: 0),
            enrolments: [
                Q.EnrolmentRow(
                    id: enrolment, project_id: F.project, project_name: "Lähde mukaan!", project_code: "S30123",
                    phases: "", site_id: F.site, site_name: "Pori", phase: "coaching", start_date: "2026-01-12", end_date: nil)
            ],
            phaseChanges: [Q.PhaseChangeRow(enrolment_id: enrolment, from_phase: "intake", to_phase: "coaching", date: "2026-02-01", created_at: F.morning)],
            consents: [Q.ConsentRow(purpose: "service", date: "2026-01-12", given: true, created_at: F.morning)],
            goals: [
                Q.GoalRow(
                    id: F.id(20), project_id: F.project, text: "Löytää työkokeilupaikka <kahvila>", status: "open",
                    target_date: "2026-06-30", created_at: F.morning)
            ],
            noteEvents: notes.map { Q.NoteEventRow(id: $0.id, project_id: $0.project_id, sensitivity: $0.sensitivity, created_at: $0.created_at) },
            notes: notes, notesBefore: nil, notesHaveMore: false,
            sites: [Q.SiteRow(id: F.id(40), project_id: F.otherProject, name: "Oulu")],
            participations: [:])
        var m = ParticipantShow.Model(scope: scope, data: data)
        m.activities = [
            ActivityQueries.ParticipantActivity(
                row: .init(activity_id: F.id(50), name: "Yhteisövalmennus", kind: "group", project_id: F.project, joined_on: "2026-01-15", left_on: nil),
                attended: 7, heldWhileMember: 9)
        ]
        m.measures = [MeasureQueries.Summary(key: "who5", name: "WHO-5", health: true, project_id: F.project, n: 2, last: "2026-03-01")]
        m.measureChoices = writable ? [MeasureQueries.Choice(project: F.project, key: "polku-life", label: "Elämäntilannekartta")] : []
        m.referrals = [
            ParticipantShow.Referral(
                id: F.id(60), state: "sent", service: "Velkaneuvonta", provider: "Porin seudun talous ry",
                consent_on: "2026-03-02")
        ]
        m.suggestions =
            writable
            ? [
                Suggestions.Suggestion(
                    id: F.id(70), name: "Asumisneuvonta", provider: "Pori", threshold: .open,
                    reasons: [.area("home"), .lowThreshold])
            ] : []
        m.enrollable = writable ? [(F.otherProject, "RUORI2")] : []
        return m
    }

    @Test func aHealthWorkerSeesFormsForEverythingTheyMayWrite() {
        let html = ParticipantShow.page(Self.model(actor: F.worker(health: true)), context: F.context(F.worker(health: true))).render()
        #expect(html.contains("Terveystieto, näkyy vain terveysroolille."))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aReaderWithoutWritesSeesNoForms() {
        let html = ParticipantShow.page(Self.model(actor: F.worker(), writable: false), context: F.context(F.worker(), lang: .en)).render()
        #expect(!html.contains("<form method=\"post\" action=\"\(SiteURL.participants.relativeURL())/"), "no post form at all")
        assertSnapshot(of: html, as: .html)
    }

    @Test func aFailedNoteComesBackWithWhatWasTyped() {
        var form = FormState()
        form.values["_form"] = "note"; form.values["body"] = "Kesken jäänyt muistiinpano"
        form.errors["body"] = "error.required"
        let html = ParticipantShow.page(Self.model(actor: F.worker()), context: F.context(F.worker()), form: form, status: .unprocessableEntity).render()
        #expect(html.contains("Kesken jäänyt muistiinpano"))
        assertSnapshot(of: html, as: .html)
    }
}
