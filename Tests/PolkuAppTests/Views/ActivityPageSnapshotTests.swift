import Foundation
import PolkuCore
import SnapshotTesting
import Testing
@testable import PolkuApp

/// A weekly group's page from a fixed model: members with their attendance, sessions held, cancelled
/// and to come, and the forms a worker has; a viewer's page has no names.
@Suite struct ActivityPageSnapshotTests {
    typealias F = PageFixtures

    static func model(access: ProjectAccess) -> ActivityPage.Model {
        let project = Project()
        project.id = F.project; project.name = "RUORI2"
        let a = Activity()
        a.id = F.id(50); a.$project.id = F.project; a.$project.value = project; a.$site.id = nil; a.$site.value = .some(nil)
        a.kind = .group; a.name = "Vertaisryhmä <torstai>"; a.description = "Kerran viikossa."; a.fromDate = "2026-02-05"; a.toDate = "2026-04-30"
        a.startTime = "13:00"; a.endTime = "15:00"; a.weekdays = "4"; a.weekInterval = 1; a.category = .peerGroup
        a.targetGroup = "Nuoret aikuiset"; a.coOrganisers = "Seurakunta"; a.feedToken = "feed-fixture"
        var m = ActivityPage.Model(activity: a, access: access, today: F.today)
        func session(_ n: Int, _ date: String, cancelled: Bool = false, named: Int = 0) -> ActivityPage.SessionRow {
            .init(
                id: F.id(200 + n), date: date, start_time: "13:00", end_time: "15:00", cancelled: cancelled, scheduled_date: date,
                head_on_site: nil, head_online: nil, named: named, guests: n == 1 ? 2 : 0, trainees: 0)
        }
        // Held newest first, one page of more; the next of two sessions to come.
        m.sessions = .init(
            upcoming: [session(3, "2026-03-19")], upcomingTotal: 2, held: [session(2, "2026-03-12", cancelled: true), session(1, "2026-03-05", named: 2)],
            heldHasMore: true)
        m.organisers = [.init(id: F.id(100), name: "Tiina Työntekijä")]
        if access.seesParticipants {
            m.members = [
                .init(id: F.id(60), participant_id: F.participant, first_name: "Aino", last_name: "Demonen", joined_on: "2026-02-05", left_on: nil),
                .init(id: F.id(61), participant_id: F.id(5), first_name: "Aino", last_name: "Demonen", joined_on: "2026-02-12", left_on: "2026-03-01"),
            ]
            m.rates = ([F.participant: (attended: 1, held: 1), F.id(5): (attended: 0, held: 0)], 1.0)
        }
        if access.writesParticipantData {
            m.memberSearch = .init(text: "Esim", found: [.init(id: F.id(6), first_name: "Eero", last_name: "Esimerkki", birth_date: "1990-01-01")], more: false)
        }
        return m
    }

    @Test func aWorkerSeesMembersSessionsAndForms() {
        let worker = F.worker()
        let html = ActivityPage.page(
            Self.model(access: ProjectAccess(roles: [.worker])), context: F.context(worker),
            memberForm: FormState(), sessionForm: FormState()
        ).render()
        #expect(html.contains("Vertaisryhmä &lt;torstai&gt;"), "names are escaped")
        assertSnapshot(of: html, as: .html)
    }

    @Test func aViewerSeesNoNames() {
        let html = ActivityPage.page(
            Self.model(access: ProjectAccess(roles: [.viewer])), context: F.context(F.worker(), lang: .sv),
            memberForm: FormState(), sessionForm: FormState()
        ).render()
        #expect(!html.contains("Demonen"))
        assertSnapshot(of: html, as: .html)
    }
}
