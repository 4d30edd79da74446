import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct ActivityTests {
    @Test(arguments: TestDatabase.allCases)
    func workerCreatesAGroupAndRecordsAttendance(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            // A schedule without weekdays is refused, with what was typed kept.
            let bad = try await client.post(
                SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
                [
                    "kind": "group", "name": "Reeraa! <ryhmä>", "from": "1.3.2024", "to": "31.3.2024", "start": "10.00", "end": "12.00",
                ])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("Valitse ryhmälle ainakin yksi viikonpäivä"))
            #expect(bad.body.contains("value=\"Reeraa! &lt;ryhmä&gt;\""))
            let created = try await client.post(
                SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
                [
                    "kind": "group", "name": "Reeraa! <ryhmä>", "from": "1.3.2024", "to": "31.3.2024", "start": "10.00", "end": "12.00",
                    "wd_2": "on", "site_id": world.ownSite.uuidString,
                ])
            #expect(created.status == .seeOther)
            let activity = try #require(try await Activity.query(on: app.db).first())
            let sessions = try await ActivitySession.query(on: app.db).filter(\.$activity.$id == activity.id!).sort(\.$date).all()
            #expect(sessions.map(\.date) == ["2024-03-05", "2024-03-12", "2024-03-19", "2024-03-26"])
            let page = try await client.get(SiteURL.activity(.value(activity.id!)).relativeURL())
            #expect(page.body.contains("Reeraa! &lt;ryhmä&gt;") && page.body.contains("Pidetty"))
            // Whoever made it organises it when no one was chosen.
            #expect(page.body.contains("Järjestäjät") && page.body.contains(">worker<") == false)
            #expect(try await ActivityQueries.organisers(activity: activity.id!, on: app.db).count == 1)
            // The group's checklist is its members: join the participant to the group first.
            #expect(
                try await client.post(SiteURL.activityMembers(.value(activity.id!)).relativeURL(), ["participant_id": world.otherParticipant.uuidString]).status
                    == .unprocessableEntity,
                "another project's participant cannot join")
            #expect(
                try await client.post(SiteURL.activityMembers(.value(activity.id!)).relativeURL(), ["participant_id": world.ownParticipant.uuidString, "joined_on": "1.3.2024"])
                    .status == .seeOther)
            let twice = try await client.post(SiteURL.activityMembers(.value(activity.id!)).relativeURL(), ["participant_id": world.ownParticipant.uuidString])
            #expect(twice.status == .unprocessableEntity && twice.body.contains("jo ryhmän jäsen"))

            let path = SiteURL.session(.value(activity.id!), .value(sessions[0].id!)).relativeURL()
            let form = try await client.get(path)
            #expect(form.status == .ok && form.body.contains(World.ownLastName))
            #expect(try await client.post(path, ["version": "0", "p_\(world.ownParticipant)": "on", "head_on_site": "3"]).status == .seeOther)
            #expect(try await Attendance.query(on: app.db).count() == 1)
            // A second tab with the old version is refused; nothing is double counted.
            let stale = try await client.post(path, ["version": "0", "p_\(world.ownParticipant)": "on", "head_on_site": "5"])
            #expect(stale.status == .conflict && stale.body.contains("Joku muu tallensi"))
            #expect(try await ActivitySession.find(sessions[0].id, on: app.db)?.headOnSite == 3)
            // Bad counts.
            #expect(try await client.post(path, ["version": "1", "head_on_site": "-4"]).status == .unprocessableEntity)
            #expect(try await client.post(path, ["version": "1", "head_on_site": "9999999"]).status == .unprocessableEntity)
            // Untick: the attendance goes, the session keeps its count.
            #expect(try await client.post(path, ["version": "1", "head_on_site": "3"]).status == .seeOther)
            #expect(try await Attendance.query(on: app.db).count() == 0)
            let report = try await ActivityReport.compute(project: world.ownProject, filter: .init(), today: Clock.system.today, on: app.db)
            #expect(report.total.sessionsHeld == 4 && report.total.headCount == 3 && report.total.uniqueParticipants == 0)
            let reportPage = try await client.get(SiteURL.projectActivityReport(.value(world.ownProject)).relativeURL([("from", "1.3.2024"), ("to", "10.3.2024")]))
            #expect(reportPage.status == .ok && reportPage.body.contains("Toiminnot lukuina"))
            #expect(try await client.get(SiteURL.projectActivityReport(.value(world.ownProject)).relativeURL([("from", "32.3.2024")])).status == .badRequest)
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == "attendance.record").all()
            #expect(events.compactMap(\.participantID) == [world.ownParticipant] && events.count == 2, "each save is audited, with the people marked present")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func cancelledAndFutureSessionsTakeNoAttendance(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let next = Clock.system.today.adding(days: 10).iso
            #expect(
                try await client.post(
                    SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
                    [
                        "kind": "event", "name": "Hyvinvointitapahtuma", "from": next, "start": "12", "end": "15",
                    ]
                ).status == .seeOther)
            let future = try #require(try await ActivitySession.query(on: app.db).first())
            let res = try await client.post(SiteURL.session(.value(future.$activity.id), .value(future.id!)).relativeURL(), ["version": "0", "head_on_site": "100"])
            #expect(res.status == .unprocessableEntity && res.body.contains("vasta tulossa"))
            future.date = "2024-01-01"; future.cancelled = true
            try await future.save(on: app.db)
            let cancelled = try await client.post(SiteURL.session(.value(future.$activity.id), .value(future.id!)).relativeURL(), ["version": "0", "head_on_site": "100"])
            #expect(cancelled.status == .unprocessableEntity && cancelled.body.contains("peruttu"))
            #expect(try await ActivitySession.find(future.id, on: app.db)?.headOnSite == nil)
            // A viewer sees the activity but not the attendance form.
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            #expect(try await viewer.get(SiteURL.activity(.value(future.$activity.id)).relativeURL()).status == .ok)
            #expect(try await viewer.get(SiteURL.session(.value(future.$activity.id), .value(future.id!)).relativeURL()).status == .forbidden)
            let other = TestClient(app)
            try await other.login(world.otherWorker)
            #expect(try await other.get(SiteURL.activity(.value(future.$activity.id)).relativeURL()).status == .notFound)
        }
    }
}
