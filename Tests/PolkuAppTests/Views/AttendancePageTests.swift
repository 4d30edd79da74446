import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// A session's attendance form from a fixed model (a group's checklist, a training's organisations),
/// and who its query offers on both databases.
@Suite struct AttendancePageTests {
    typealias F = PageFixtures

    static func model(_ kind: Activity.Kind, members: Int = 3) -> AttendancePage {
        var state = FormState()
        state.values = ["version": "4", "p_\(F.id(1_801))": "on", "head_on_site": "5"]
        let names = ["Aalto", "Björk", "Nguyễn <x>", "Virtanen"]
        let people = (0..<members).map { i in AttendancePage.Person(id: F.id(1_800 + i), first_name: "Henkilö \(i)", last_name: names[i % names.count]) }
        return AttendancePage(
            activityID: F.id(1_810), activityName: "Työpaja", kind: kind, sessionID: F.id(1_811), date: "2026-03-17", people: people,
            others: kind == .group ? [.init(id: F.id(1_812), first_name: "Vieras", last_name: "Vierailija")] : [], state: state, message: nil)
    }

    @Test func aGroupsChecklist() {
        let html = Self.model(.group).page(context: F.context(F.worker())).render()
        #expect(html.contains("name=\"p_\(F.id(1_801))\" value=\"on\" checked") && !html.contains("name=\"p_\(F.id(1_800))\" value=\"on\" checked"))
        #expect(html.contains("Nguyễn &lt;x&gt;, Henkilö 2") && html.contains("name=\"add_participant\"") && html.contains("value=\"4\""))
        #expect(!html.contains("name=\"organisations\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aTrainingCountsOrganisations() {
        let html = Self.model(.training, members: 0).page(context: F.context(F.worker(), lang: .sv)).render()
        #expect(html.contains("name=\"organisations\"") && !html.contains("class=\"checks\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test func seventyFourMembersAreAllOnTheList() {
        let html = Self.model(.group, members: 74).page(context: F.context(F.worker())).render()
        #expect(html.components(separatedBy: "type=\"checkbox\" id=\"f-p_").count - 1 == 74)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryOffersMembersAndTheProjectsOthers(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let a = Activity()
            a.$project.id = world.ownProject; a.kind = .group; a.name = "Ryhmä"; a.description = ""; a.fromDate = "2024-03-04"; a.toDate = "2024-03-25"
            a.startTime = "10:00"; a.endTime = "12:00"
            try await a.create(on: app.db)
            let s = ActivitySession()
            s.$activity.id = a.id!; s.scheduledDate = "2024-03-11"; s.date = "2024-03-11"; s.startTime = "10:00"; s.endTime = "12:00"; s.cancelled = false; s.version = 0
            try await s.create(on: app.db)
            let actor = Actor(userID: F.id(1_820), email: "q@test", name: "Q", isAdmin: false, rolesByProject: [world.ownProject: [.worker]])
            let ctx = AttendanceController.Context(activity: a, session: s, actor: actor)
            let before = try await AttendancePage.query(ctx, state: FormState(), message: nil, on: app.db)
            #expect(before.people.isEmpty && before.others.map(\.id) == [world.ownParticipant], "not a member yet: offered to add, not another project's")
            let m = ActivityMember()
            m.$activity.id = a.id!; m.$participant.id = world.ownParticipant; m.joinedOn = "2024-03-04"
            try await m.create(on: app.db)
            let after = try await AttendancePage.query(ctx, state: FormState(), message: nil, on: app.db)
            #expect(after.people.map(\.id) == [world.ownParticipant] && after.others.isEmpty && after.kind == .group)
        }
    }
}
