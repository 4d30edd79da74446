import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The calendar: its query on both databases (which days, which projects, a bad choice) and its HTML
/// from fixed models (a week and a month).
@Suite struct CalendarPageTests {
    typealias F = PageFixtures

    static func row(_ n: Int, _ date: String, cancelled: Bool = false) -> CalendarPage.Row {
        .init(
            id: F.id(300 + n), activity_id: F.id(50), name: "Vertaisryhmä <torstai>", kind: "group", date: date, start_time: "13:00", end_time: "15:00",
            cancelled: cancelled, project_id: F.project, project_name: "RUORI2", site_name: "Pihlava")
    }

    static func model(_ view: CalendarPage.View) -> CalendarPage.Model {
        let (first, last) = CalendarPage.days(view, around: F.today)
        var state = FormState()
        state.values = ["view": view.rawValue]
        var m = CalendarPage.Model(state: state, view: view, anchor: F.today, first: first, last: last)
        m.projects = [.init(id: F.project, name: "RUORI2"), .init(id: F.otherProject, name: "Kunnolla")]
        m.rows = [row(1, "2026-03-12"), row(2, "2026-03-19", cancelled: true)]
        return m
    }

    @Test func daysOfAWeekAndOfAMonth() {
        let week = CalendarPage.days(.week, around: F.today)  // Sunday 15 March 2026
        #expect(week.first.iso == "2026-03-09" && week.last.iso == "2026-03-15")
        let month = CalendarPage.days(.month, around: F.today)
        #expect(month.first.iso == "2026-02-23" && month.last.iso == "2026-04-05", "whole weeks around March")
    }

    @Test func aWeek() {
        let html = CalendarPage.page(Self.model(.week), context: F.context(F.worker())).render()
        #expect(html.contains("Vertaisryhmä &lt;torstai&gt;") && !html.contains("2026-03-19\">"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aMonth() {
        let html = CalendarPage.page(Self.model(.month), context: F.context(F.worker(), lang: .en)).render()
        #expect(html.contains("<table class=\"month\">"))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryShowsTheActorsProjectsSessions(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            for (project, name) in [(world.ownProject, "Oma ryhmä"), (world.otherProject, "Toisen ryhmä")] {
                let a = Activity()
                a.$project.id = project; a.kind = .group; a.name = name; a.description = ""; a.fromDate = "2024-03-04"; a.toDate = "2024-03-25"
                a.startTime = "10:00"; a.endTime = "12:00"
                try await a.create(on: app.db)
                for date in ["2024-03-04", "2024-03-13", "2024-04-01"] {
                    let s = ActivitySession()
                    s.$activity.id = a.id!; s.scheduledDate = date; s.date = date; s.startTime = "10:00"; s.endTime = "12:00"; s.cancelled = false; s.version = 0
                    try await s.create(on: app.db)
                }
            }
            let actor = Actor(userID: UUID(), email: "q@test", name: "Q", isAdmin: false, rolesByProject: [world.ownProject: [.worker]])
            var state = FormState()
            state.values = ["date": "2024-03-13"]
            let week = try await CalendarPage.query(state, actor: actor, today: Clock.system.today, on: app.db)
            #expect(week.rows.map(\.date) == ["2024-03-13"] && week.rows.map(\.name) == ["Oma ryhmä"], "the week of 11–17 March, own project only")
            #expect(week.projects.map(\.name) == ["Oma hanke"])
            state.values["view"] = "month"
            let month = try await CalendarPage.query(state, actor: actor, today: Clock.system.today, on: app.db)
            #expect(month.rows.map(\.date) == ["2024-03-04", "2024-03-13"], "March 2024 ends on a Sunday: 1 April is not shown")
            state.values["project"] = world.otherProject.uuidString
            let refused = try await CalendarPage.query(state, actor: actor, today: Clock.system.today, on: app.db)
            #expect(!refused.state.isValid && refused.rows.isEmpty, "another project's calendar is not offered")
        }
    }
}
