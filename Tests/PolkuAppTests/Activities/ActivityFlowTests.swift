import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Sessions moved and cancelled, trainings by organisation, head-count breakdowns, the report with its
/// exports, recruitment through events, the calendar, the feed, and two workers saving at once.
@Suite struct ActivityFlowTests {
    /// A signed-in worker of the own project and a new weekly group of theirs.
    static func workerWithGroup(_ app: Application) async throws -> (World, TestClient, Activity) {
        let world = try await World.make(app)
        let client = TestClient(app)
        try await client.login(world.users[.worker]!)
        return (world, client, try await group(client, world))
    }

    static func group(_ client: TestClient, _ world: World, from: String = "4.3.2024", to: String = "25.3.2024") async throws -> Activity {
        let res = try await client.post(
            SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
            [
                "kind": "group", "category": "peer_group", "name": "Vertaisryhmä", "from": from, "to": to, "start": "10.00", "end": "12.00",
                "wd_1": "on", "site_id": world.ownSite.uuidString, "target_group": "Nuoret <aikuiset>",
            ])
        #expect(res.status == .seeOther)
        let id = UUID(uuidString: String(res.location!.split(separator: SiteURL.home.relativeURL()).last!))!
        return try await Activity.find(id, on: client.app.db)!
    }

    @Test(arguments: TestDatabase.allCases)
    func sessionsMoveCancelAndAdd(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let (world, client, a) = try await Self.workerWithGroup(app)
            let sessions = try await ActivitySession.query(on: app.db).filter(\.$activity.$id == a.id!).sort(\.$date).all()
            #expect(sessions.map(\.date) == ["2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"])
            let edit = SiteURL.sessionEdit(.value(a.id!), .value(sessions[1].id!)).relativeURL()
            #expect(try await client.get(edit).body.contains("value=\"2024-03-11\""), "the form shows the session's day")
            // Moved to Wednesday at another time; the page says where it came from.
            #expect(try await client.post(edit, ["date": "13.3.2024", "start": "13", "end": "15.30"]).status == .seeOther)
            let moved = try await ActivitySession.find(sessions[1].id, on: app.db)!
            #expect(moved.date == "2024-03-13" && moved.scheduledDate == "2024-03-11" && moved.startTime == "13:00" && moved.endTime == "15:30")
            #expect(try await client.get(SiteURL.activity(.value(a.id!)).relativeURL()).body.contains("siirretty, alun perin 11.3.2024"))
            // End before start is refused with the typed values kept.
            let bad = try await client.post(edit, ["date": "13.3.2024", "start": "15", "end": "13"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("value=\"15\""))
            // Cancelled: it stays in the list as cancelled and counts nowhere.
            #expect(
                try await client.post(
                    SiteURL.sessionEdit(.value(a.id!), .value(sessions[2].id!)).relativeURL(), ["date": "18.3.2024", "start": "10", "end": "12", "cancelled": "on"]
                ).status == .seeOther)
            #expect(try await ActivitySession.find(sessions[2].id, on: app.db)!.cancelled)
            // A session with attendance recorded cannot be cancelled or moved ahead.
            #expect(try await client.post(SiteURL.session(.value(a.id!), .value(sessions[0].id!)).relativeURL(), ["version": "0", "head_on_site": "4"]).status == .seeOther)
            let refused = try await client.post(
                SiteURL.sessionEdit(.value(a.id!), .value(sessions[0].id!)).relativeURL(), ["date": "4.3.2024", "start": "10", "end": "12", "cancelled": "on"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("ei voi perua"))
            let ahead = Clock.system.today.adding(days: 3)
            let refusedAhead = try await client.post(SiteURL.sessionEdit(.value(a.id!), .value(sessions[0].id!)).relativeURL(), ["date": ahead.iso, "start": "10", "end": "12"])
            #expect(refusedAhead.status == .unprocessableEntity)
            #expect(try await ActivitySession.find(sessions[0].id, on: app.db)!.date == "2024-03-04")
            // An extra session; a second one on the same day is refused.
            #expect(try await client.post(SiteURL.activitySessions(.value(a.id!)).relativeURL(), ["date": "1.4.2024", "start": "10", "end": "12"]).status == .seeOther)
            let dup = try await client.post(SiteURL.activitySessions(.value(a.id!)).relativeURL(), ["date": "1.4.2024", "start": "14", "end": "15"])
            #expect(dup.status == .unprocessableEntity && dup.body.contains("on jo kerta"))
            #expect(try await Activity.find(a.id, on: app.db)!.toDate == "2024-04-01", "the period covers the new session")
            let report = try await ActivityReport.compute(project: world.ownProject, filter: .init(), today: Clock.system.today, on: app.db)
            #expect(report.total.sessionsHeld == 4, "4 generated + 1 added − 1 cancelled")
            // A viewer cannot change sessions.
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            #expect(try await viewer.get(edit).status == .forbidden)
        }
    }

    /// A person's groups are those they joined and those they only came to as a visitor; another
    /// group of the same project is not theirs.
    @Test(arguments: TestDatabase.allCases)
    func aPersonsGroupsAreThoseJoinedOrVisited(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let joined = try await Self.group(client, world), visited = try await Self.group(client, world)
            _ = try await Self.group(client, world)
            #expect(
                try await client.post(SiteURL.activityMembers(.value(joined.id!)).relativeURL(), ["participant_id": world.ownParticipant.uuidString, "joined_on": "4.3.2024"])
                    .status == .seeOther)
            let session = try #require(try await ActivitySession.query(on: app.db).filter(\.$activity.$id == visited.id!).sort(\.$date).first())
            #expect(
                try await client.post(
                    SiteURL.session(.value(visited.id!), .value(session.id!)).relativeURL(), ["version": "0", "p_\(world.ownParticipant)": "on"]
                )
                .status == .seeOther)
            let today = CalendarDate(year: 2024, month: 4, day: 1)!
            let groups = try await ActivityQueries.ofParticipant(world.ownParticipant, projects: [world.ownProject, world.otherProject], today: today, on: app.db)
            #expect(Set(groups.map(\.row.activity_id)) == [joined.id!, visited.id!])
            let visit = try #require(groups.first { $0.row.activity_id == visited.id })
            #expect(visit.attended == 1 && visit.heldWhileMember == nil, "a visitor has no rate")
            #expect(try await ActivityQueries.ofParticipant(world.otherParticipant, projects: [world.ownProject], today: today, on: app.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func membersRatesAndTheParticipantPage(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let (world, client, a) = try await Self.workerWithGroup(app)
            let page = try await client.get(SiteURL.activity(.value(a.id!)).relativeURL())
            #expect(page.body.contains("Nuoret &lt;aikuiset&gt;"))
            #expect(
                try await client.post(SiteURL.activityMembers(.value(a.id!)).relativeURL(), ["participant_id": world.ownParticipant.uuidString, "joined_on": "10.3.2024"]).status
                    == .seeOther)
            let sessions = try await ActivitySession.query(on: app.db).filter(\.$activity.$id == a.id!).sort(\.$date).all()
            // The participant came on 4.3. (before joining, as a visitor added from the project) and on 11.3. and 25.3.
            let first = try await client.get(SiteURL.session(.value(a.id!), .value(sessions[0].id!)).relativeURL())
            #expect(!first.body.contains("p_\(world.ownParticipant)"), "not yet a member on 4.3.")
            #expect(first.body.contains("name=\"add_q\""))
            #expect(
                try await client.post(SiteURL.session(.value(a.id!), .value(sessions[0].id!)).relativeURL(), ["version": "0", "p_\(world.ownParticipant)": "on"])
                    .status == .seeOther)
            // "Kaikki paikalla" ticks the member on the page; nothing is saved until the coach saves.
            let everyone = try await client.get(SiteURL.session(.value(a.id!), .value(sessions[1].id!)).relativeURL([("all", "1")]))
            #expect(everyone.body.contains("name=\"p_\(world.ownParticipant)\" value=\"on\" checked"))
            #expect(try await Attendance.query(on: app.db).filter(\.$session.$id == sessions[1].id!).count() == 0)
            for s in [sessions[1], sessions[3]] {
                #expect(try await client.get(SiteURL.session(.value(a.id!), .value(s.id!)).relativeURL()).body.contains("p_\(world.ownParticipant)"))
                #expect(
                    try await client.post(SiteURL.session(.value(a.id!), .value(s.id!)).relativeURL(), ["version": "0", "p_\(world.ownParticipant)": "on"]).status == .seeOther)
            }
            // Someone from another project cannot be slipped in.
            let sneaky = try await client.post(SiteURL.session(.value(a.id!), .value(sessions[2].id!)).relativeURL(), ["version": "0", "p_\(world.otherParticipant)": "on"])
            #expect(sneaky.status == .unprocessableEntity && sneaky.body.contains("ei ole tämän hankkeen"))
            // Member from 10.3.: held 11.3., 18.3., 25.3.; came 2 → 67 %.
            let show = try await client.get(SiteURL.activity(.value(a.id!)).relativeURL())
            #expect(show.body.contains("2/3") && show.body.contains("67 %"))
            let person = try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(person.body.contains("Vertaisryhmä") && person.body.contains("2/3") && person.body.contains("67 %"))
            let report = try await ActivityReport.compute(project: world.ownProject, filter: .init(), today: Clock.system.today, on: app.db)
            #expect(report.groups.count == 1 && report.groups[0].members == 1 && report.groups[0].rate.map { abs($0 - 2.0 / 3.0) < 0.0001 } == true)
            #expect(report.total.uniqueParticipants == 1 && report.total.namedAttendances == 3)
            // Leaving: the membership ends today, the history stays.
            let member = try #require(try await ActivityMember.query(on: app.db).first())
            #expect(try await client.post(SiteURL.activityMemberLeave(.value(a.id!), .value(member.id!)).relativeURL()).status == .seeOther)
            #expect(try await ActivityMember.find(member.id, on: app.db)!.leftOn == Clock.system.today.iso)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func trainingsCountAttendeesByOrganisationAndTheReportExportsSuppressed(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            #expect(
                try await client.post(
                    SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
                    [
                        "kind": "training", "category": "professional_training", "name": "Webinaari", "from": "5.6.2024", "start": "9", "end": "11",
                    ]
                ).status == .seeOther)
            let s = try #require(try await ActivitySession.query(on: app.db).first())
            let path = SiteURL.session(.value(s.$activity.id), .value(s.id!)).relativeURL()
            let form = try await client.get(path)
            #expect(form.body.contains("name=\"organisations\"") && !form.body.contains("p_\(world.ownParticipant)"), "a training lists no participants")
            let bad = try await client.post(path, ["version": "0", "organisations": "Porin kaupunki; 12\nKela; kolme"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("rivi 2") && bad.body.contains("Kela; kolme"))
            let badBreakdown = try await client.post(path, ["version": "0", "head_on_site": "10", "head_women": "8", "head_men": "4"])
            #expect(badBreakdown.status == .unprocessableEntity && badBreakdown.body.contains("ei täsmää"))
            #expect(
                try await client.post(
                    path,
                    [
                        "version": "0", "organisations": "Porin kaupunki; 12\nKela; 3",
                        "guests": "Maija <script>alert(1)</script>; Sininauha", "head_online": "20",
                        "head_women": "11", "head_men": "6", "head_age_55_plus": "4",
                    ]
                ).status == .seeOther)
            let again = try await client.get(path)
            #expect(again.body.contains("Maija &lt;script&gt;") && !again.body.contains("<script>alert"))
            let report = try await ActivityReport.compute(project: world.ownProject, filter: .init(by: .kind), today: Clock.system.today, on: app.db)
            #expect(report.total.guests == 16 && report.total.headCount == 20 && report.total.totalAttendances == 36)
            #expect(report.total.headByGender == [.female: 11, .male: 6] && report.total.headByAge == [.from55: 4])
            #expect(report.lines.map(\.key) == ["training"])
            // Exports: 4 in the 55+ band and 3 of unknown gender are shown as "<5"; sessions are not people.
            let csv = try await client.get(SiteURL.projectActivityReportCSV(.value(world.ownProject)).relativeURL([("by", "kind")]))
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            #expect(csv.body.contains("Koulutus ammattilaisille;1;0;0;16;20;20;36"))
            #expect(csv.body.contains("55 ja yli;<5") && csv.body.contains("Sukupuoli ei tiedossa;<5") && csv.body.contains("Naiset;11"))
            let xlsx = try await client.get(SiteURL.projectActivityReportXLSX(.value(world.ownProject)).relativeURL())
            #expect(xlsx.status == .ok && xlsx.body.hasPrefix("PK"))
            #expect(try await client.get(SiteURL.projectActivityReportCSV(.value(world.ownProject)).relativeURL([("from", "40.1.2024")])).status == .badRequest)
            // A viewer's page suppresses too.
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            let page = try await viewer.get(SiteURL.projectActivityReport(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok && page.body.contains("&lt;5"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func peopleFirstMetAtAnEventCountAsRecruited(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            // The participant started on 1.2.2024; they first came to an open event on 10.1.2024.
            #expect(
                try await client.post(
                    SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
                    [
                        "kind": "event", "category": "wellbeing_event", "name": "Hyvinvointipäivä", "from": "10.1.2024", "start": "12", "end": "15",
                    ]
                ).status == .seeOther)
            let s = try #require(try await ActivitySession.query(on: app.db).first())
            #expect(
                try await client.post(
                    SiteURL.session(.value(s.$activity.id), .value(s.id!)).relativeURL(), ["version": "0", "p_\(world.ownParticipant)": "on", "head_on_site": "40"]
                ).status == .seeOther)
            let all = try await ActivityReport.compute(project: world.ownProject, filter: .init(), today: Clock.system.today, on: app.db)
            #expect(all.recruited == 1)
            // Counted in the period they were enrolled in, not the event's.
            let january = try await ActivityReport.compute(
                project: world.ownProject, filter: .init(from: CalendarDate(parsing: "2024-01-01"), to: CalendarDate(parsing: "2024-01-31")), today: Clock.system.today, on: app.db)
            #expect(january.recruited == 0 && january.total.sessionsHeld == 1)
            let february = try await ActivityReport.compute(
                project: world.ownProject, filter: .init(from: CalendarDate(parsing: "2024-02-01"), to: CalendarDate(parsing: "2024-02-29")), today: Clock.system.today, on: app.db)
            #expect(february.recruited == 1 && february.total.sessionsHeld == 0)
            // Coming to an event after starting is not recruitment.
            s.date = "2024-02-01"; try await s.save(on: app.db)
            #expect(try await ActivityReport.compute(project: world.ownProject, filter: .init(), today: Clock.system.today, on: app.db).recruited == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func calendarAndFeed(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let (world, client, a) = try await Self.workerWithGroup(app)
            let week = try await client.get(SiteURL.calendar.relativeURL([("date", "2024-03-13"), ("project", "\(world.ownProject)")]))
            #expect(week.status == .ok && week.body.contains("Vertaisryhmä") && week.body.contains("maanantai 11.3.2024") && week.body.contains("10:00–12:00"))
            #expect(!week.body.contains("maanantai 4.3.2024"), "the week before is not shown")
            let month = try await client.get(SiteURL.calendar.relativeURL([("view", "month"), ("date", "2024-03-01"), ("worker", "me")]))
            #expect(month.status == .ok && month.body.contains("maaliskuu 2024") && month.body.components(separatedBy: "Vertaisryhmä").count - 1 == 4)
            let nobody = try await client.get(SiteURL.calendar.relativeURL([("view", "month"), ("date", "2024-03-01"), ("worker", "\(UUID())")]))
            #expect(!nobody.body.contains("Vertaisryhmä"))
            #expect(try await client.get(SiteURL.calendar.relativeURL([("view", "year")])).status == .badRequest)
            // Another project's worker does not see it.
            let other = TestClient(app)
            try await other.login(world.otherWorker)
            #expect(!(try await other.get(SiteURL.calendar.relativeURL([("view", "month"), ("date", "2024-03-01")])).body.contains("Vertaisryhmä")))
            #expect(try await other.get(SiteURL.calendar.relativeURL([("project", "\(world.ownProject)")])).status == .badRequest)

            // The feed: no login needed, only the secret address; a wrong one is 404.
            let token = try #require(a.feedToken)
            #expect(try await client.get(SiteURL.activity(.value(a.id!)).relativeURL()).body.contains("/feeds/activities/\(token).ics"))
            let anonymous = TestClient(app)
            app.clock = .fixed(Date(timeIntervalSince1970: 1_741_559_400))
            let feed = try await anonymous.get("/feeds/activities/\(token).ics")
            #expect(feed.status == .ok && feed.headers.contentType?.subType == "calendar")
            #expect(try await anonymous.get("/feeds/activities/\(String(repeating: "0", count: 36)).ics").status == .notFound)
            #expect(try await anonymous.get(SiteURL.activityFeed(.value("\(token)")).relativeURL()).status == .notFound)
            let events = try ICSParse.events(feed.body)
            #expect(events.count == 4)
            #expect(events.first?["DTSTART;TZID=Europe/Helsinki"] == "20240304T100000")
            #expect(events.allSatisfy { $0["UID"] != nil && $0["DTSTAMP"] == "20250309T223000Z" && $0["SUMMARY"] == "Vertaisryhmä" && $0["LOCATION"] != nil })
            #expect(!feed.body.contains(World.ownLastName))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func twoWorkersSavingTheSameSessionAtOnce(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let first = TestClient(app), second = TestClient(app)
            try await first.login(world.users[.worker]!)
            try await second.login(world.users[.worker]!)
            #expect(
                try await first.post(
                    SiteURL.projectActivities(.value(world.ownProject)).relativeURL(),
                    [
                        "kind": "event", "name": "Info", "from": "10.1.2024", "start": "12", "end": "15",
                    ]
                ).status == .seeOther)
            let s = try #require(try await ActivitySession.query(on: app.db).first())
            let path = SiteURL.session(.value(s.$activity.id), .value(s.id!)).relativeURL()
            _ = try await first.get(path)
            _ = try await second.get(path)
            for round in 0..<5 {
                async let a = first.post(path, ["version": String(round), "p_\(world.ownParticipant)": "on", "head_on_site": "10"])
                async let b = second.post(path, ["version": String(round), "p_\(world.ownParticipant)": "on", "head_on_site": "20"])
                let statuses = [try await a.status, try await b.status].map(\.code).sorted()
                #expect(statuses == [303, 409], "exactly one save wins, the other is told")
            }
            #expect(try await Attendance.query(on: app.db).count() == 1, "nothing double counted")
            #expect(try await ActivitySession.find(s.id, on: app.db)!.version == 5)
            // The same person ticked twice (a double-tapped box, or ticked on the list and again among whom a search found) is one attendance.
            let csrf = try #require(first.csrf)
            let body = "_csrf=\(csrf)&version=5&p_\(world.ownParticipant)=on&p_\(world.ownParticipant)=on&p_\(world.ownParticipant)=on"
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: first.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            headers.contentType = .urlEncodedForm
            let res = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
            #expect(res.status == .seeOther)
            #expect(try await Attendance.query(on: app.db).count() == 1)
        }
    }
    /// "Hae" inside the attendance form finds the project's other participants, draws the form again
    /// with everything typed and ticked, and saves nothing; its one-time key is given back.
    @Test(arguments: TestDatabase.allCases)
    func aSearchInTheAttendanceFormSavesNothingAndKeepsWhatWasTyped(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let (world, client, a) = try await Self.workerWithGroup(app)
            let s = try #require(try await ActivitySession.query(on: app.db).filter(\.$activity.$id == a.id!).sort(\.$date).first())
            let path = SiteURL.session(.value(a.id!), .value(s.id!)).relativeURL()
            var form = ["version": "0", "head_on_site": "7", "guests": "Vieras Ville", "add_q": World.ownLastName, "find": "1", "_once": "searchkey-0123456789"]
            let found = try await client.post(path, form)
            #expect(found.status == .ok)
            #expect(found.body.contains("name=\"p_\(world.ownParticipant)\" value=\"on\">"), "found, not ticked")
            #expect(found.body.contains("value=\"7\"") && found.body.contains("Vieras Ville") && found.body.contains("value=\"\(World.ownLastName)\""))
            #expect(try await Attendance.query(on: app.db).count() == 0)
            #expect(try await ActivitySession.find(s.id, on: app.db)?.version == 0)
            let seen = try await AuditEvent.query(on: app.db).filter(\.$participantID == world.ownParticipant).filter(\.$detail == "attendance form").count()
            #expect(seen == 1, "whom the search showed is recorded as seen")
            // The same search sent again is answered anew (its key was given back), not as a form already sent.
            #expect(try await client.post(path, form).status == .ok)
            // Ticked and searched again: the tick is kept, and another project's person is not found.
            form["p_\(world.ownParticipant)"] = "on"
            form["add_q"] = "Toisenhankkeinen"
            form["_once"] = "searchkey-abcdefghij"
            let again = try await client.post(path, form)
            #expect(again.body.contains("name=\"p_\(world.ownParticipant)\" value=\"on\" checked"))
            #expect(again.body.contains("ei löytynyt ketään") && !again.body.contains("p_\(world.otherParticipant)"))
            form["find"] = nil
            form["_once"] = "savekey-0123456789ab"
            #expect(try await client.post(path, form).status == .seeOther)
            let saved = try await Attendance.query(on: app.db).filter(\.$session.$id == s.id!).all().map(\.$participant.id)
            #expect(saved == [world.ownParticipant])
        }
    }
    /// A group's new member is found by name inside the member form (the date typed stays), never
    /// chosen from the whole project, and whom the search showed is recorded as seen.
    @Test(arguments: TestDatabase.allCases)
    func aNewMemberIsFoundByName(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let (world, client, a) = try await Self.workerWithGroup(app)
            let page = try await client.get(SiteURL.activity(.value(a.id!)).relativeURL())
            #expect(page.body.contains("name=\"person_q\"") && !page.body.contains(World.ownLastName), "no one listed before a search")
            let path = SiteURL.activityMembers(.value(a.id!)).relativeURL()
            let found = try await client.post(path, ["person_q": World.ownLastName, "joined_on": "10.3.2024", "find": "1"])
            #expect(found.status == .ok)
            #expect(found.body.contains("type=\"radio\" id=\"f-m-p-\(world.ownParticipant)\" name=\"participant_id\" value=\"\(world.ownParticipant)\" checked"))
            #expect(found.body.contains("value=\"10.3.2024\""), "the date typed stays")
            #expect(try await ActivityMember.query(on: app.db).count() == 0)
            let seen = try await AuditEvent.query(on: app.db).filter(\.$participantID == world.ownParticipant).filter(\.$detail == "activity members").count()
            #expect(seen == 1)
            let empty = try await client.post(path, ["person_q": " ", "joined_on": "10.3.2024", "find": "1"])
            #expect(empty.status == .ok && empty.body.contains("Kirjoita hakuun nimi") && empty.body.contains("value=\"10.3.2024\""))
            let other = try await client.post(path, ["person_q": "Toisenhankkeinen", "find": "1"])
            #expect(other.body.contains("ei löytynyt ketään") && !other.body.contains("\(world.otherParticipant)"))
            #expect(try await client.post(path, ["participant_id": world.ownParticipant.uuidString, "joined_on": "10.3.2024"]).status == .seeOther)
            let again = try await client.post(path, ["person_q": World.ownLastName, "find": "1"])
            #expect(again.body.contains("ei löytynyt ketään"), "a member is not found again")
            #expect(try await ActivityMember.query(on: app.db).count() == 1)
        }
    }
}

/// A strict reader of the feed: CRLF lines, unfolding, balanced components, properties by name.
enum ICSParse {
    struct Bad: Error { let reason: String }

    static func events(_ text: String) throws -> [[String: String]] {
        guard text.hasSuffix("\r\n") else { throw Bad(reason: "no CRLF at the end") }
        var lines: [String] = []
        for raw in text.components(separatedBy: "\r\n").dropLast() {
            if raw.contains("\n") || raw.contains("\r") { throw Bad(reason: "bare line break") }
            if raw.utf8.count > 75 { throw Bad(reason: "line over 75 octets") }
            if raw.hasPrefix(" ") { guard !lines.isEmpty else { throw Bad(reason: "fold first") }; lines[lines.count - 1] += raw.dropFirst() } else { lines.append(raw) }
        }
        var stack: [String] = [], events: [[String: String]] = [], current: [String: String]? = nil
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Bad(reason: "no colon: \(line)") }
            let name = String(line[..<colon]), value = String(line[line.index(after: colon)...])
            if name == "BEGIN" {
                stack.append(value); if value == "VEVENT" { current = [:] }
            } else if name == "END" {
                guard stack.popLast() == value else { throw Bad(reason: "unbalanced \(value)") }
                if value == "VEVENT", let c = current { events.append(c); current = nil }
            } else if current != nil {
                current![name] = value
            }
        }
        guard stack.isEmpty, lines.first == "BEGIN:VCALENDAR" else { throw Bad(reason: "not one calendar") }
        return events
    }
}
