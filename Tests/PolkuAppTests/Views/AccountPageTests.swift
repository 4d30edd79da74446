@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// The password form from fixed models: a refusal names its reasons and sends no password back.
@Suite struct AccountPageTests {
    typealias F = PageFixtures

    @Test func aRefusalSendsNoPasswordBack() {
        var state = FormState()
        state.values = ["current": "vanha-salasana", "new": "uusi", "repeat": "uusi"]
        state.errors = ["current": "error.password_wrong", "repeat": "error.password_mismatch"]
        let html = AccountPage.page(.init(state: state), context: F.context(F.worker()), status: .unprocessableEntity).render()
        #expect(!html.contains("vanha-salasana") && !html.contains("value=\"uusi\""))
        #expect(html.contains("aria-invalid=\"true\"") && html.contains("error-summary"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func afterAChange() {
        let html = AccountPage.page(.init(state: FormState(), done: true), context: F.context(F.worker(), lang: .sv)).render()
        #expect(html.contains("role=\"status\" class=\"ok\""))
    }
}
