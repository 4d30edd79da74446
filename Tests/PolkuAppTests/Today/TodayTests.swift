import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// A coach lands on "Tänään" after login (issue 14): this week's sessions one click from their
/// attendance, the people they worked with lately, their referrals under way, goals past their
/// date — from their own projects only.
@Suite struct TodayTests {
    @Test(arguments: TestDatabase.allCases)
    func aCoachSeesTheirWeek(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let today = app.clock.today
            func group(_ name: String, in project: UUID, on date: CalendarDate) async throws -> (UUID, UUID) {
                let a = Activity()
                a.$project.id = project; a.kind = .group; a.name = name; a.description = ""
                a.fromDate = date.iso; a.toDate = date.iso; a.startTime = "10:00"; a.endTime = "12:00"
                try await a.create(on: app.db)
                let s = ActivitySession()
                s.$activity.id = a.id!; s.scheduledDate = date.iso; s.date = date.iso; s.startTime = "10:00"; s.endTime = "12:00"
                s.cancelled = false; s.version = 0
                try await s.create(on: app.db)
                return (a.id!, s.id!)
            }
            let (activity, session) = try await group("Kädentaitoryhmä", in: world.ownProject, on: today)
            let (coming, _) = try await group("Ylihuomisen ryhmä", in: world.ownProject, on: today.adding(days: 2))
            let (yesterdays, unrecorded) = try await group("Eilinen ryhmä", in: world.ownProject, on: today.adding(days: -1))
            _ = try await group("Toisen hankkeen ryhmä", in: world.otherProject, on: today)
            let goal = Goal()
            goal.$participant.id = world.ownParticipant; goal.$project.id = world.ownProject; goal.text = "Hae kolmeen työpaikkaan"
            goal.status = .open; goal.targetDate = today.adding(days: -3).iso
            try await goal.create(on: app.db)

            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            #expect(try await client.get(SiteURL.home.relativeURL()).location == SiteURL.today.relativeURL())
            var page = try await client.get(SiteURL.today.relativeURL())
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"\(SiteURL.session(.value(activity), .value(session)).relativeURL())\""), "one click to the attendance")
            #expect(page.body.contains("href=\"\(SiteURL.activity(.value(coming)).relativeURL(fragment: "upcoming"))\""), "a session to come opens its activity")
            #expect(page.body.contains("Kädentaitoryhmä") && !page.body.contains("Toisen hankkeen ryhmä"))
            // Yesterday's session with nothing recorded waits under "Kirjaamatta", one click from its attendance.
            let owed = "href=\"\(SiteURL.session(.value(yesterdays), .value(unrecorded)).relativeURL())\""
            #expect(page.body.contains("Kirjaamatta") && page.body.contains(owed))
            #expect(page.body.contains("Hae kolmeen työpaikkaan"))
            let person = "href=\"\(SiteURL.participant(.value(world.ownParticipant)).relativeURL())\""
            #expect(!page.body.contains(person), "no one opened yet (the goal links to its section)")
            // Opening a person puts them first among the people worked with lately.
            #expect(try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).status == .ok)
            page = try await client.get(SiteURL.today.relativeURL())
            #expect(page.body.contains(person))
            // A head count recorded: nothing is owed any more.
            let s = try await ActivitySession.find(unrecorded, on: app.db)!
            s.headOnSite = 7
            try await s.save(on: app.db)
            #expect(!(try await client.get(SiteURL.today.relativeURL())).body.contains(owed))
            #expect(!page.body.contains(World.otherName))
            // A viewer starts on their reports; a manager on their projects' progress and what is due.
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            #expect(try await viewer.get(SiteURL.home.relativeURL()).location == SiteURL.today.relativeURL())
            let reports = try await viewer.get(SiteURL.today.relativeURL())
            #expect(reports.body.contains("href=\"\(SiteURL.projectReport(.value(world.ownProject)).relativeURL())\""))
            #expect(!reports.body.contains("Ryhmäkerrat seuraavien") && !reports.body.contains("Hankkeesi"), "no coach's or manager's parts")
            let enrolment = try await Enrolment.find(world.ownEnrolment, on: app.db)!
            enrolment.endDate = today.adding(days: -200).iso
            try await enrolment.save(on: app.db)
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            let managed = try await manager.get(SiteURL.today.relativeURL())
            #expect(managed.body.contains("Hankkeesi") && managed.body.contains("Erääntyneet seurannat (6 kk): 1"))
            #expect(managed.body.contains("href=\"\(SiteURL.projectFollowUps(.value(world.ownProject)).relativeURL())\""))
            // A service provider's staff start in their organisation's inbox of referrals.
            let (org, email) = try await DirectoryTests.provider(app)
            let provider = TestClient(app)
            try await provider.login(email)
            #expect(try await provider.get(SiteURL.home.relativeURL()).location == SiteURL.organisationReferrals(.value(org)).relativeURL())
        }
    }
}
