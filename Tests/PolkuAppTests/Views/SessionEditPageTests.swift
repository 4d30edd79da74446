import Foundation
@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// The session edit form from a fixed model: filled with what is stored, and refused with the reason.
@Suite struct SessionEditPageTests {
    typealias F = PageFixtures

    static func model(message: String? = nil) -> SessionEditPage {
        var state = FormState()
        state.values = ["date": "2026-03-17", "start": "10:00", "end": "12:00", "cancelled": ""]
        return SessionEditPage(
            projectID: F.project, activityID: F.id(1_700), activityName: "Työpaja <puu>", sessionID: F.id(1_701), scheduled: "2026-03-17",
            state: state, message: message)
    }

    @Test func theFormShowsWhatIsStored() {
        let html = Self.model().page(context: F.context(F.worker())).render()
        #expect(html.contains("Työpaja &lt;puu&gt;") && html.contains("17.3.2026"))
        #expect(html.contains(SiteURL.sessionEdit(.value(F.id(1_700)), .value(F.id(1_701))).relativeURL()))
        #expect(html.contains("value=\"10:00\"") && !html.contains("role=\"alert\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aRefusalSaysWhy() {
        let html = Self.model(message: "Läsnäolot on jo kirjattu.").page(context: F.context(F.worker()), status: .unprocessableEntity).render()
        #expect(html.contains("role=\"alert\"") && html.contains("Läsnäolot on jo kirjattu."))
    }
}
