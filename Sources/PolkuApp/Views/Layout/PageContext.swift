import Foundation
import PolkuCore
import Vapor

/// What a view may know of the request it answers: the language, who is signed in, today, where the
/// language switch returns to, and the CSRF token for its forms. Views take this instead of a `Request`,
/// so a page renders from a model alone (snapshot tests build one by hand).
struct PageContext {
    var lang: Lang
    var actor: Actor?
    /// Today in Finland; fixed in tests so ages and "this week" do not drift.
    var today: CalendarDate
    /// The current path and query, for the language switch to come back to.
    var back: String
    /// Made when a form first asks for it: a signed-out visitor of a page without forms gets no session.
    private let token: () -> String
    /// A new one-time key for each form drawn (`FormOnceMiddleware`); fixed in snapshot tests.
    let newFormKey: () -> String
    /// What the person's last write did, shown once at the top of this page.
    var flash: Flash?
    /// Where a report's figures were read and how fresh they are (a replica is in use, issue 19).
    var dataNote: String?

    init(
        lang: Lang, actor: Actor?, today: CalendarDate, back: String, csrfToken: @escaping () -> String,
        formKey: @escaping () -> String = FormOnce.newKey, flash: Flash? = nil
    ) {
        self.lang = lang; self.actor = actor; self.today = today; self.back = back; self.token = csrfToken
        self.newFormKey = formKey; self.flash = flash
    }

    var t: Texts { Texts(lang: lang) }
    var csrfToken: String { token() }
}

extension Request {
    var pageContext: PageContext {
        PageContext(
            lang: lang, actor: actor, today: today, back: Page.back(self), csrfToken: { [unowned self] in self.csrfToken }, flash: takenFlash)
    }
}
