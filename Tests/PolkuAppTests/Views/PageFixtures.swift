import Foundation
import PolkuCore
import SnapshotTesting
@testable import PolkuApp

/// Fixed people, projects, days and ids for snapshot tests: a page rendered from these is the same on
/// every machine and every day.
enum PageFixtures {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }
    static let project = id(1), otherProject = id(2), site = id(3), participant = id(4)
    static let today = CalendarDate(year: 2026, month: 3, day: 15)!
    /// 2026-03-10 09:30 in Helsinki.
    static let morning = Date(timeIntervalSince1970: 1_773_127_800)

    static func worker(health: Bool = false) -> Actor {
        Actor(
            userID: id(100), email: "tiina.tyontekija@example.invalid", name: "Tiina Työntekijä", isAdmin: false,
            rolesByProject: [project: health ? [.worker, .healthProfessional] : [.worker], otherProject: [.worker]])
    }

    static func context(_ actor: Actor?, lang: Lang = .fi, back: String = SiteURL.home.relativeURL()) -> PageContext {
        PageContext(lang: lang, actor: actor, today: today, back: back, csrfToken: { "csrf-fixture" }, formKey: { "form-fixture-key" })
    }
}

extension Snapshotting where Value == String, Format == String {
    /// A page's HTML with one tag per line, so a change in markup is a change of a few lines in review.
    static var html: Snapshotting {
        SimplySnapshotting.lines.pullback { $0.replacingOccurrences(of: "><", with: ">\n<") }
    }
}
