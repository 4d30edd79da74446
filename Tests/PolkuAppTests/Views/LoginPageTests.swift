@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// The login form from fixed models: a refusal keeps the e-mail, never the password, and a form that
/// was refused because the session ended rides along hidden to be sent again after login.
@Suite struct LoginPageTests {
    typealias F = PageFixtures

    @Test func aRefusedLoginCarriesTheRefusedForm() {
        var state = FormState()
        state.values = ["email": "tiina@example.invalid", "password": "väärä", "next": SiteURL.participants.relativeURL()]
        let replay = (action: SiteURL.participants.relativeURL(), fields: [("first_name", "Åke \"Ö\"")])
        let html = LoginPage.page(.init(state: state, message: "Väärä sähköposti tai salasana.", replay: replay), context: F.context(nil), status: .unauthorized)
            .render()
        #expect(html.contains("value=\"tiina@example.invalid\"") && !html.contains("väärä\""))
        #expect(html.contains("name=\"_replay_to\" value=\"\(SiteURL.participants.relativeURL())\"") && html.contains("name=\"_replay\""))
        #expect(html.contains("role=\"alert\""))
        assertSnapshot(of: html, as: .html)
    }
}
