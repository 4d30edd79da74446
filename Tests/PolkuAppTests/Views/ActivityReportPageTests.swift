import Foundation
@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// The activity report page from a fixed report: counts under 5 hidden from those who do not see the
/// project's people, exact for those who do, and the exports keep the filter.
@Suite struct ActivityReportPageTests {
    typealias F = PageFixtures

    static func report() -> ActivityReport {
        var tally = ActivityTally<UUID>()
        tally.addSession(attendees: (0..<7).map { F.id(1_100 + $0) }, guests: 2)
        tally.addSession(attendees: [F.id(1_100), F.id(1_101)])
        var r = ActivityReport()
        r.lines = [.init(key: "peer_support", label: "Vertaistuki <ryhmät>", tally: tally)]
        r.total = tally
        r.groups = [.init(activity: F.id(1_200), name: "Torstairyhmä", members: 4, held: 2, rate: 0.75)]
        r.recruited = 3
        return r
    }

    static func context(exact: Bool) -> ActivityReportController.Context {
        let project = Project()
        project.id = F.project; project.name = "RUORI2"
        var state = FormState()
        state.values = ["from": "1.1.2026", "by": "category"]
        var filter = ActivityReport.Filter()
        filter.from = CalendarDate(year: 2026, month: 1, day: 1)
        return .init(project: project, projectID: F.project, sites: [], filter: filter, state: state, exact: exact)
    }

    @Test func suppressedForThoseWhoDoNotSeePeople() {
        let html = ActivityReportController.page(Self.context(exact: false), Self.report(), context: F.context(F.worker())).render()
        #expect(html.contains("Vertaistuki &lt;ryhmät&gt;") && html.contains(">7</td>") && html.contains(">&lt;5</td>"))
        #expect(html.contains("from=1.1.2026"), "the exports keep the filter")
        #expect(!html.contains("75 %"), "a group of four shows no rate")
        assertSnapshot(of: html, as: .html)
    }

    @Test func exactForThoseWhoDo() {
        let html = ActivityReportController.page(Self.context(exact: true), Self.report(), context: F.context(F.worker(), lang: .en)).render()
        #expect(html.contains(">2</td>") && html.contains(">4</td>") && html.contains("75"))
    }
}
