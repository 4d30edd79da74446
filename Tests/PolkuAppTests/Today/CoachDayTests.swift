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
            // An anchor that is not a held session of this group gives the first page, never an error.
            let other = Activity()
            other.$project.id = world.ownProject; other.kind = .group; other.name = "Toinen"; other.description = ""
            other.fromDate = today.iso; other.toDate = today.iso; other.startTime = "10:00"; other.endTime = "12:00"
            try await other.create(on: app.db)
            let foreign = ActivitySession()
            foreign.$activity.id = other.id!; foreign.scheduledDate = today.adding(days: -300).iso; foreign.date = foreign.scheduledDate
            foreign.startTime = "10:00"; foreign.endTime = "12:00"; foreign.cancelled = false; foreign.version = 0
            try await foreign.create(on: app.db)
            for anchor in [foreign.id!.uuidString, ids[3]!.uuidString, "not-a-session", "", "00000000-0000-0000-0000-000000000000"] {
                let odd = try await client.get(SiteURL.activity(.value(a.id!)).relativeURL([("before", anchor)]))
                #expect(odd.status == .ok, "?before=\(anchor)")
                #expect(at(-1, in: odd.body) != nil && at(-20, in: odd.body) == nil, "?before=\(anchor) gives the first page")
                #expect(at(1, in: odd.body) != nil, "?before=\(anchor): the sessions to come are listed too")
            }
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
            // Leaving the group before its next session: no next session.
            member.leftOn = today.adding(days: 5).iso
            try await member.save(on: app.db)
            page = try await client.get(url)
            #expect(page.body.contains("Ei tulevia ryhmäkertoja.") && !page.body.contains("Seuraava ryhmäkerta:"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aLongPathPagesItsNotesNewestFirst(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            for i in 1...24 {
                let n = Note()
                n.$participant.id = world.ownParticipant; n.$project.id = world.ownProject; n.sensitivity = .normal; n.body = "Tapaaminen numero \(i)."
                try await n.create(on: app.db)
            }
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let url = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            func notes(_ body: String) -> [String] {
                body.components(separatedBy: "<article class=\"note\"").dropFirst().compactMap { part in
                    // The note's first line: the first plain paragraph after its meta line.
                    part.range(of: "<p>[^<]*</p>", options: .regularExpression).map { String(part[$0].dropFirst(3).dropLast(4)) }
                }
            }
            // The page's own link to the older notes, as a person would follow it.
            func older(_ body: String) -> String? {
                body.firstMatch(of: /href="([^"]*\?notes_before=[0-9A-Fa-f-]+#notes-h)" rel="next"/).map { String($0.output.1) }
            }
            // The World's own normal note and these 24: pages of ten, newest first, each once.
            var seen: [String] = [], pages: [Int] = []
            var page = try await client.get(url)
            #expect(page.body.contains("Vanhemmat muistiinpanot (yhteensä 25)") && !page.body.contains("Uusimmat muistiinpanot"))
            #expect(page.body.components(separatedBy: "<li><time").count - 1 == 25 + 2, "the timeline has every note (and the enrolment)")
            while true {
                seen += notes(page.body); pages.append(notes(page.body).count)
                guard let next = older(page.body) else { break }
                page = try await client.get(next)
                #expect(page.body.contains("Uusimmat muistiinpanot"))
            }
            #expect(pages == [10, 10, 5])
            #expect(Set(seen).count == 25 && seen.first == "Tapaaminen numero 24.", "\(seen.prefix(3))")
            // An anchor that is not a note this worker may read gives the newest page, never an error.
            let health = Note()
            health.$participant.id = world.ownParticipant; health.$project.id = world.ownProject; health.sensitivity = .health; health.body = "Terveys."
            try await health.create(on: app.db)
            for anchor in [health.id!.uuidString, world.ownProject.uuidString, "x"] {
                let odd = try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL([("notes_before", anchor)]))
                #expect(odd.status == .ok && notes(odd.body).first == "Tapaaminen numero 24.", "?notes_before=\(anchor)")
            }
        }
    }
}
