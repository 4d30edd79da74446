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
        let people = (0..<members).map { i in
            AttendancePage.Person(
                id: F.id(1_800 + i), first_name: "Henkilö \(i)", last_name: names[i % names.count], birth_date: "19\(70 + i % 30)-05-01")
        }
        return AttendancePage(
            activityID: F.id(1_810), activityName: "Työpaja", kind: kind, sessionID: F.id(1_811), date: "2026-03-17", people: people,
            others: kind == .group ? [.init(id: F.id(1_812), first_name: "Vieras", last_name: "Vierailija", birth_date: "1990-01-01")] : [], state: state, message: nil)
    }

    @Test func aGroupsChecklist() {
        let html = Self.model(.group).page(context: F.context(F.worker())).render()
        #expect(html.contains("name=\"p_\(F.id(1_801))\" value=\"on\" checked") && !html.contains("name=\"p_\(F.id(1_800))\" value=\"on\" checked"))
        #expect(html.contains("Nguyễn &lt;x&gt;, Henkilö 2") && html.contains("name=\"add_participant\"") && html.contains("value=\"4\""))
        #expect(!html.contains("name=\"organisations\""))
        assertSnapshot(of: html, as: .html)
    }

    /// Two people of one name on a list are told apart by their year of birth; others by name alone.
    @Test func namesakesAreToldApart() {
        var m = Self.model(.group)
        m.people = [
            .init(id: F.id(1_830), first_name: "Aino", last_name: "Demonen", birth_date: "1988-02-03"),
            .init(id: F.id(1_831), first_name: "Aino", last_name: "Demonen", birth_date: "1995-07-08"),
            .init(id: F.id(1_832), first_name: "Eero", last_name: "Sepite", birth_date: "1990-01-01"),
        ]
        let html = m.page(context: F.context(F.worker())).render()
        #expect(html.contains("Demonen, Aino (s. 1988)") && html.contains("Demonen, Aino (s. 1995)"))
        #expect(html.contains(">Sepite, Eero<") && !html.contains("Sepite, Eero (s."))
    }

    /// "Kaikki paikalla" draws every member ticked, says so, and saves nothing yet.
    @Test func everyoneMarkedPresent() {
        var m = Self.model(.group, members: 74)
        for p in m.people { m.state.values["p_\(p.id)"] = "on" }
        m.allTicked = true
        let html = m.page(context: F.context(F.worker())).render()
        #expect(html.components(separatedBy: "value=\"on\" checked").count - 1 == 74)
        #expect(html.contains("Poista rasti poissa olleilta ja tallenna."))
        #expect(html.contains("href=\"\(SiteURL.session(.value(F.id(1_810)), .value(F.id(1_811))).relativeURL([("all", "1")], fragment: "attendance-h"))\""))
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
            let ctx = AttendanceController.Context(
                activity: .init(id: a.id!, projectID: world.ownProject, name: a.name, kind: a.kind), session: .init(id: s.id!, date: s.date, cancelled: false), actor: actor)
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
