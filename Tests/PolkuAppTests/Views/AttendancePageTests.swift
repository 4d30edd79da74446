import FluentKit
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
            search: kind == .group
                ? .init(text: "Vier", found: [.init(id: F.id(1_899), first_name: "Vieras", last_name: "Vierailija", birth_date: "1990-01-01")], more: false)
                : nil,
            state: state, message: nil)
    }

    @Test func aGroupsChecklist() throws {
        let html = Self.model(.group).page(context: F.context(F.worker())).render()
        #expect(html.contains("name=\"p_\(F.id(1_801))\" value=\"on\" checked") && !html.contains("name=\"p_\(F.id(1_800))\" value=\"on\" checked"))
        #expect(html.contains("Nguyễn &lt;x&gt;, Henkilö 2") && html.contains("name=\"add_q\"") && html.contains("value=\"4\""))
        // Whom the search found, unticked, after the members; the form's first button saves.
        #expect(html.contains("name=\"p_\(F.id(1_899))\" value=\"on\">") && html.contains("Haulla ”Vier” löytyi 1."))
        let form = try #require(html.range(of: "<form")).upperBound
        #expect(html[form...].range(of: "<button")!.lowerBound < html[form...].range(of: "name=\"find\"")!.lowerBound)
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
        var m = Self.model(.group, members: 74)
        m.search = nil
        let html = m.page(context: F.context(F.worker())).render()
        #expect(html.components(separatedBy: "type=\"checkbox\" id=\"f-p_").count - 1 == 74)
    }

    /// A project too large for a checklist: only those recorded are listed, and the page says why.
    @Test func aPartialListSaysSo() {
        var m = Self.model(.event)
        m.listIsPartial = true
        let html = m.page(context: F.context(F.worker())).render()
        #expect(html.contains("Hankkeessa on yli 150 osallistujaa") && html.contains("name=\"add_q\""))
        #expect(!html.contains("Haulla"), "nothing searched yet")
    }

    @Test(arguments: TestDatabase.allCases)
    func theSearchFindsTheProjectsOthersAndTheFormKeepsWhoIsTicked(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (a, s) = try await Self.groupSession(world, on: app.db)
            let ctx = Self.context(a, s, world)
            let before = try await AttendancePage.query(ctx, state: FormState(), message: nil, search: "merkkinen", on: app.db)
            #expect(before.people.isEmpty && before.search?.found.map(\.id) == [world.ownParticipant], "not a member yet: found to add")
            let otherProjects = try await AttendancePage.query(ctx, state: FormState(), message: nil, search: "Toisenhankkeinen", on: app.db)
            #expect(otherProjects.search == .init(text: "Toisenhankkeinen", found: [], more: false), "not another project's")
            // Ticked after a search, the person stays on the form drawn again; another project's
            // person slipped into the form does not appear.
            var state = FormState()
            state.values = ["p_\(world.ownParticipant)": "on", "p_\(world.otherParticipant)": "on"]
            let ticked = try await AttendancePage.query(ctx, state: state, message: nil, search: "merkkinen", on: app.db)
            #expect(ticked.people.map(\.id) == [world.ownParticipant] && ticked.search?.found == [], "on the list, so not found again")
            let m = ActivityMember()
            m.$activity.id = a.id!; m.$participant.id = world.ownParticipant; m.joinedOn = "2024-03-04"
            try await m.create(on: app.db)
            let after = try await AttendancePage.query(ctx, state: FormState(), message: nil, on: app.db)
            #expect(after.people.map(\.id) == [world.ownParticipant] && after.search == nil && after.kind == .group)
        }
    }

    /// An event of a project of more than 150 current participants lists only those recorded.
    @Test(arguments: TestDatabase.allCases)
    func aLargeProjectsEventListsOnlyThoseRecorded(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (a, s) = try await Self.groupSession(world, kind: .event, on: app.db)
            let ctx = Self.context(a, s, world)
            let small = try await AttendancePage.query(ctx, state: FormState(), message: nil, on: app.db)
            #expect(small.people.map(\.id) == [world.ownParticipant] && !small.listIsPartial)
            let sql = app.db.sql
            for i in 0..<AttendancePage.checklistLimit {
                let p = Participant()
                p.id = F.id(50_000 + i); p.firstName = "Ennu"; p.lastName = "Joukko\(i)"; p.searchKey = SearchKey.make(p.lastName, p.firstName)
                p.birthDate = "1990-01-01"; p.gender = .female; p.municipality = "Pori"; p.language = "fi"
                try await p.create(on: app.db)
                let e = Enrolment()
                e.$participant.id = p.id!; e.$project.id = world.ownProject; e.phase = "intake"; e.startDate = "2024-02-01"
                try await e.create(on: app.db)
            }
            let large = try await AttendancePage.query(ctx, state: FormState(), message: nil, on: app.db)
            #expect(large.people.isEmpty && large.listIsPartial)
            try await sql.raw(
                "INSERT INTO attendances (id, session_id, participant_id) VALUES (\(bind: F.id(70_000)), \(bind: s.id!), \(bind: F.id(50_007)))"
            ).run()
            let recorded = try await AttendancePage.query(ctx, state: FormState(), message: nil, search: "joukko1", on: app.db)
            #expect(recorded.people.map(\.id) == [F.id(50_007)] && recorded.listIsPartial)
            #expect(recorded.search?.found.count == AttendancePage.foundLimit && recorded.search?.more == true, "joukko1, joukko10… are 61")
        }
    }

    static func groupSession(_ world: World, kind: Activity.Kind = .group, on db: any Database) async throws -> (Activity, ActivitySession) {
        let a = Activity()
        a.$project.id = world.ownProject; a.kind = kind; a.name = "Ryhmä"; a.description = ""; a.fromDate = "2024-03-04"; a.toDate = "2024-03-25"
        a.startTime = "10:00"; a.endTime = "12:00"
        try await a.create(on: db)
        let s = ActivitySession()
        s.$activity.id = a.id!; s.scheduledDate = "2024-03-11"; s.date = "2024-03-11"; s.startTime = "10:00"; s.endTime = "12:00"; s.cancelled = false; s.version = 0
        try await s.create(on: db)
        return (a, s)
    }

    static func context(_ a: Activity, _ s: ActivitySession, _ world: World) -> AttendanceController.Context {
        let actor = Actor(userID: F.id(1_820), email: "q@test", name: "Q", isAdmin: false, rolesByProject: [world.ownProject: [.worker]])
        return AttendanceController.Context(
            activity: .init(id: a.id!, projectID: world.ownProject, name: a.name, kind: a.kind), session: .init(id: s.id!, date: s.date, cancelled: false),
            actor: actor)
    }
}
