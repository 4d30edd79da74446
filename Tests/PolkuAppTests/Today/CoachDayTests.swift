import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// A coach's day (issue 14): the header's search finds a person by name, birth date or participant
/// number within the coach's projects only; a group's page starts from the sessions that matter,
/// newest first and paged; the calendar opens a held session's attendance.
@Suite struct CoachDayTests {
    @Test(arguments: TestDatabase.allCases)
    func theHeaderSearchFindsByBirthDateAndNumberInScope(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            // Both people share a birth date and a number, each in their own project.
            for e in try await Enrolment.query(on: app.db).all() {
                e.importKey = "P-0042"
                try await e.save(on: app.db)
            }
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let home = try await client.get(SiteURL.today.relativeURL())
            #expect(home.body.contains("id=\"site-q\""), "the search is in the header of every staff page")
            let own = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            for q in ["17.5.1990", "1990-05-17", " P-0042 ", World.ownLastName.lowercased()] {
                let page = try await client.get(SiteURL.participants.relativeURL([("q", q)]))
                #expect(page.status == .ok)
                #expect(page.body.contains("href=\"\(own)\""), "found by \(q)")
                #expect(!page.body.contains("Toisenhankkeinen"), "another project's person is not found by \(q)")
            }
            for q in ["18.5.1990", "P-0043", "31.2.1990"] {
                let page = try await client.get(SiteURL.participants.relativeURL([("q", q)]))
                #expect(page.status == .ok && !page.body.contains("href=\"\(own)\""), "\(q) finds no one")
            }
            // A participant's own account has no search.
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            #expect(!(try await viewer.get(SiteURL.projects.relativeURL())).body.contains("id=\"site-q\""), "a viewer sees no people, so no search")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aGroupPageShowsTheNextSessionsAndHeldOnesNewestFirst(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let today = app.clock.today
            let a = Activity()
            a.$project.id = world.ownProject; a.kind = .group; a.name = "Viikkoryhmä"; a.description = ""
            a.fromDate = today.adding(days: -7 * 29).iso; a.toDate = today.adding(days: 7 * 8).iso; a.startTime = "10:00"; a.endTime = "12:00"
            try await a.create(on: app.db)
            var ids: [Int: UUID] = [:]
            for week in -29...8 {
                let s = ActivitySession()
                let date = today.adding(days: 7 * week).iso
                s.$activity.id = a.id!; s.scheduledDate = date; s.date = date; s.startTime = "10:00"; s.endTime = "12:00"; s.cancelled = false; s.version = 0
                try await s.create(on: app.db)
                ids[week] = s.id!
            }
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let page = try await client.get(SiteURL.activity(.value(a.id!)).relativeURL())
            func at(_ week: Int, in body: String) -> String.Index? {
                body.range(of: SiteURL.sessionEdit(.value(a.id!), .value(ids[week]!)).relativeURL())?.lowerBound
            }
            // Five of the eight to come, soonest first; then today's session first of those held.
            #expect(page.body.contains("Tulevat kerrat (8)") && page.body.contains("Näytä kaikki tulevat kerrat (8)"))
            #expect(at(1, in: page.body) != nil && at(5, in: page.body) != nil && at(6, in: page.body) == nil)
            let todays = SiteURL.session(.value(a.id!), .value(ids[0]!)).relativeURL()
            #expect(page.body.contains("href=\"\(todays)\""), "today's session opens its attendance")
            #expect(at(0, in: page.body)! < at(-1, in: page.body)!, "newest first")
            #expect(at(-19, in: page.body) != nil && at(-20, in: page.body) == nil, "a page of twenty held")
            let older = try await client.get(SiteURL.activity(.value(a.id!)).relativeURL([("before", ids[-19]!.uuidString)]))
            #expect(at(-20, in: older.body) != nil && at(-29, in: older.body) != nil && at(-19, in: older.body) == nil)
            #expect(!older.body.contains("Tulevat kerrat"), "an older page lists only those held")
            let all = try await client.get(SiteURL.activity(.value(a.id!)).relativeURL([("upcoming", "all")]))
            #expect(at(8, in: all.body) != nil && !all.body.contains("Näytä kaikki tulevat kerrat"))
            // The calendar opens the held session's attendance; one to come opens the activity.
            let week = try await client.get(SiteURL.calendar.relativeURL([("date", today.iso), ("project", "\(world.ownProject)")]))
            #expect(week.body.contains("href=\"\(todays)\""))
            let next = try await client.get(SiteURL.calendar.relativeURL([("date", today.adding(days: 7).iso), ("project", "\(world.ownProject)")]))
            #expect(
                next.body.contains("href=\"\(SiteURL.activity(.value(a.id!)).relativeURL())\"")
                    && !next.body.contains(SiteURL.session(.value(a.id!), .value(ids[1]!)).relativeURL()))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aParticipantPageStartsWithWhatIsNext(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let today = app.clock.today
            let a = Activity()
            a.$project.id = world.ownProject; a.kind = .group; a.name = "Tiistairyhmä"; a.description = ""
            a.fromDate = today.iso; a.toDate = today.adding(days: 14).iso; a.startTime = "10:00"; a.endTime = "12:00"
            try await a.create(on: app.db)
            for (days, cancelled) in [(3, true), (10, false)] {
                let s = ActivitySession()
                let date = today.adding(days: days).iso
                s.$activity.id = a.id!; s.scheduledDate = date; s.date = date; s.startTime = "10:00"; s.endTime = "12:00"; s.cancelled = cancelled; s.version = 0
                try await s.create(on: app.db)
            }
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let url = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            var page = try await client.get(url)
            #expect(page.body.contains("Tilanne nyt") && page.body.contains("Ei tulevia ryhmäkertoja."))
            let fi = Texts(lang: .fi)
            #expect(page.body.contains("Oma hanke: \(PhaseNames.label("intake", fi)) (mukana 1.2.2024 alkaen)"), "the phase in each project")
            #expect(!page.body.contains("Tavoitteita, joiden päivä"), "a goal without a date is not due")
            let member = ActivityMember()
            member.$activity.id = a.id!; member.$participant.id = world.ownParticipant; member.joinedOn = today.iso
            try await member.create(on: app.db)
            let goal = try await Goal.find(world.ownGoal, on: app.db)!
            goal.targetDate = today.adding(days: 14).iso
            try await goal.save(on: app.db)
            page = try await client.get(url)
            // The cancelled session is skipped; the goal two weeks ahead is due.
            #expect(
                page.body.contains("Seuraava ryhmäkerta:") && page.body.contains(fi.date(today.adding(days: 10).iso) + " 10:00 Tiistairyhmä") && page.body.contains("Tiistairyhmä"))
            #expect(page.body.contains("Tavoitteita, joiden päivä on mennyt tai lähellä: 1"))
            #expect(page.body.contains("href=\"#notes-h\""), "the sections are one jump away")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aLongPathShowsItsNewestNotesFirst(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            for i in 1...12 {
                let n = Note()
                n.$participant.id = world.ownParticipant; n.$project.id = world.ownProject; n.sensitivity = .normal; n.body = "Tapaaminen numero \(i)."
                try await n.create(on: app.db)
            }
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let url = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            let page = try await client.get(url)
            // The World's own normal note and these twelve: ten shown, the rest one link away.
            #expect(page.body.components(separatedBy: "<article class=\"note\"").count - 1 == ParticipantShow.notesShown)
            #expect(page.body.contains("Näytä kaikki muistiinpanot (13)") && page.body.contains("href=\"\(url)?all=1#notes-h\""))
            let all = try await client.get(url + "?all=1")
            #expect(all.body.components(separatedBy: "<article class=\"note\"").count - 1 == 13 && !all.body.contains("Näytä kaikki muistiinpanot"))
        }
    }
}
