import PolkuApp
import Fluent
import Foundation
import PolkuCore

/// The seeds' activity figures, as records: Lähde mukaan! held 125 community-coaching sessions with 74
/// participants, 15 employment and work-ability events with 214 participants, 32 community and
/// small-group events with 379 and 16 open public events with 2,369; Kunnolla Töihin's seminar had
/// 100 people on site and 60 online.
enum DemoActivities {
    static func seed(lahde: UUID, lahdeParticipants: [UUID], kunnolla: UUID, rng: inout DemoRandom, on db: any Database) async throws {
        // Community coaching: twice a week from June 2015, the first 125 sessions; every one of the 74
        // people comes at least once.
        let group = activity(
            lahde, .group, .communityCoaching, "Yhteisövalmennus (Kaapeli / Lähde mukaan! / Reeraa!)",
            from: "2015-06-02", to: "2017-05-31", weekdays: "2,4")
        try await group.create(on: db)
        let schedule = Schedule(
            weekdays: [2, 4], from: CalendarDate(parsing: "2015-06-02")!, to: CalendarDate(parsing: "2017-05-31")!,
            start: ClockTime(hour: 10, minute: 0)!, end: ClockTime(hour: 12, minute: 0)!)
        let pool = Array(lahdeParticipants.prefix(74))
        for p in pool { try await member(group, p, joined: "2015-06-02", on: db) }
        for (i, o) in schedule.occurrences().prefix(125).enumerated() {
            let s = try await session(group, date: o.date.iso, on: db)
            var present: Set<UUID> = [pool[i % pool.count]]
            for _ in 0..<rng.int(4...8) { present.insert(rng.pick(pool)) }
            for p in present { try await Attendance(sessionID: s.id!, participantID: p).create(on: db) }
        }
        try await events(lahde, .employmentEvent, "Työnhakijan aamukahvi", count: 15, total: 214, start: "2015-09-01", rng: &rng, on: db)
        try await events(lahde, .communityEvent, "Yhteisö- ja pienryhmätapahtuma", count: 32, total: 379, start: "2015-08-15", rng: &rng, on: db)
        try await events(lahde, .publicEvent, "Yleisötapahtuma", count: 16, total: 2369, start: "2015-06-10", rng: &rng, on: db)
        let seminar = activity(kunnolla, .event, .seminar, "Kunnolla Töihin -seminaari", from: "2016-11-15", to: "2016-11-15", weekdays: nil)
        try await seminar.create(on: db)
        let s = try await session(seminar, date: "2016-11-15", on: db)
        s.headOnSite = 100; s.headOnline = 60
        try await s.save(on: db)
    }

    /// `count` one-off events whose head counts add up to `total`, a few weeks apart.
    static func events(
        _ project: UUID, _ category: Activity.Category, _ name: String, count: Int, total: Int, start: String,
        rng: inout DemoRandom, on db: any Database
    ) async throws {
        var date = CalendarDate(parsing: start)!
        for i in 0..<count {
            let heads = total / count + (i < total % count ? 1 : 0)
            let a = activity(project, .event, category, "\(name) \(i + 1)", from: date.iso, to: date.iso, weekdays: nil)
            try await a.create(on: db)
            let s = try await session(a, date: date.iso, on: db)
            s.headOnSite = heads
            try await s.save(on: db)
            date = date.adding(days: rng.int(14...35))
        }
    }

    /// The rest of the seeds' activities: RUORI2's peer group running this season (so that this
    /// week's calendar has sessions) and its wellbeing events that brought in new participants;
    /// PARTY's cooking group and its webinar for professionals; Yhdistämö's four-session training.
    static func seedMore(
        projects: [String: UUID], sites: [UUID: [Site]], worker: UUID, manager: UUID, peer: UUID,
        rng: inout DemoRandom, on db: any Database
    ) async throws {
        let today = Clock.system.today
        // RUORI2: a weekly peer group from eight weeks ago to eight weeks ahead.
        let ruori = projects["S21019"]!
        let ruoriSite = sites[ruori]?.first?.id
        let ruoriPeople = try await Enrolment.query(on: db).filter(\.$project.$id == ruori).sort(\.$startDate).all()
        let from = today.adding(days: -56 - (today.weekday - 3 + 7) % 7), to = today.adding(days: 56)
        let peerGroup = activity(ruori, .group, .peerGroup, "Vertaisvalmennusryhmä", from: from.iso, to: to.iso, weekdays: "3")
        peerGroup.$site.id = ruoriSite; peerGroup.targetGroup = "Työikäiset, joiden terveys tai toimintakyky rajoittaa työtä"
        peerGroup.startTime = "13:00"; peerGroup.endTime = "15:00"
        try await peerGroup.create(on: db)
        try await ActivityQueries.setOrganisers(activity: peerGroup.id!, users: [worker, peer], on: db)
        let members = Array(ruoriPeople.prefix(9).map(\.$participant.id))
        for (i, p) in members.enumerated() { try await member(peerGroup, p, joined: (i < 7 ? from : from.adding(days: 21)).iso, on: db) }
        let weekly = Schedule(
            weekdays: [3], from: from, to: to, start: ClockTime(hour: 13, minute: 0)!, end: ClockTime(hour: 15, minute: 0)!,
            cancelled: [from.adding(days: 28)])
        for o in weekly.occurrences() {
            let s = try await session(peerGroup, date: o.date.iso, on: db)
            s.startTime = "13:00"; s.endTime = "15:00"; s.cancelled = o.isCancelled
            try await s.save(on: db)
            // The latest session before today is left for the coach to record ("Kirjaamatta" on Tänään).
            guard !o.isCancelled, o.date <= today, !(o.date < today && o.date >= today.adding(days: -7)) else { continue }
            for (i, p) in members.enumerated() where (i < 7 || o.date >= from.adding(days: 21)) && rng.int(0...9) < 8 {
                try await Attendance(sessionID: s.id!, participantID: p).create(on: db)
            }
        }
        // Wellbeing events: two people first met there started in the project weeks later.
        let newcomers = ruoriPeople.suffix(2)
        for (i, e) in newcomers.enumerated() {
            let day = CalendarDate(parsing: e.startDate)!.adding(days: -20)
            let event = activity(ruori, .event, .wellbeingEvent, "Hyvinvointitapahtuma \(i + 1)", from: day.iso, to: day.iso, weekdays: nil)
            event.$site.id = ruoriSite; event.description = "Kuntotestejä, liikuntakokeiluja ja tietoa omasta kunnosta."
            try await event.create(on: db)
            try await ActivityQueries.setOrganisers(activity: event.id!, users: [worker], on: db)
            let s = try await session(event, date: day.iso, on: db)
            s.headOnSite = 40 + rng.int(0...30); s.headWomen = 30; s.headMen = 18; s.headAge55plus = 12
            try await s.save(on: db)
            try await Attendance(sessionID: s.id!, participantID: e.$participant.id).create(on: db)
        }
        // PARTY: a cooking group (social rehabilitation) and a webinar for professionals.
        let party = projects["S20519"]!
        let partyPeople = try await Enrolment.query(on: db).filter(\.$project.$id == party).sort(\.$startDate).range(0..<8).all().map(\.$participant.id)
        let cooking = activity(party, .group, .socialRehabilitationGroup, "Kokkiryhmä", from: "2021-09-06", to: "2021-11-29", weekdays: "1")
        cooking.$site.id = sites[party]?.first?.id; cooking.coOrganisers = "Varissuon asukastupa"
        try await cooking.create(on: db)
        try await ActivityQueries.setOrganisers(activity: cooking.id!, users: [manager], on: db)
        for p in partyPeople { try await member(cooking, p, joined: "2021-09-06", on: db) }
        for o in Schedule(
            weekdays: [1], from: CalendarDate(parsing: "2021-09-06")!, to: CalendarDate(parsing: "2021-11-29")!,
            start: ClockTime(hour: 10, minute: 0)!, end: ClockTime(hour: 12, minute: 0)!
        ).occurrences() {
            let s = try await session(cooking, date: o.date.iso, on: db)
            for p in partyPeople where rng.int(0...9) < 7 { try await Attendance(sessionID: s.id!, participantID: p).create(on: db) }
        }
        let webinar = activity(party, .training, .professionalTraining, "Webinaari: työ- ja toimintakyvyn arviointi", from: "2021-10-14", to: "2021-10-14", weekdays: nil)
        try await webinar.create(on: db)
        try await ActivityQueries.setOrganisers(activity: webinar.id!, users: [manager], on: db)
        let w = try await session(webinar, date: "2021-10-14", on: db)
        for (org, n) in [("Turun kaupunki", 23), ("Kela", 6), ("TE-toimisto", 11), ("Järjestöt", 9)] { try await trainees(w, org, n, on: db) }
        // Yhdistämö: four training sessions with assignments between them.
        let yhdistamo = projects["YHDISTAMO"]!
        let course = activity(yhdistamo, .training, .professionalTraining, "Hyvinvointialustan koulutus (4 kertaa)", from: "2022-02-03", to: "2022-02-24", weekdays: nil)
        course.description = "Neljä koulutuskertaa, välitehtävät kertojen välissä."
        try await course.create(on: db)
        try await ActivityQueries.setOrganisers(activity: course.id!, users: [manager], on: db)
        for week in 0..<4 {
            let s = try await session(course, date: CalendarDate(parsing: "2022-02-03")!.adding(days: 7 * week).iso, on: db)
            for (org, n) in [("Oulun kaupunki", 8 - week % 2), ("Yhdistykset", 12 - week), ("Oulun seurakunnat", 4)] { try await trainees(s, org, n, on: db) }
        }
    }

    static func member(_ a: Activity, _ participant: UUID, joined: String, on db: any Database) async throws {
        let m = ActivityMember()
        m.$activity.id = a.id!; m.$participant.id = participant; m.joinedOn = joined
        try await m.create(on: db)
    }

    static func trainees(_ s: ActivitySession, _ organisation: String, _ n: Int, on db: any Database) async throws {
        let o = SessionOrganisation()
        o.$session.id = s.id!; o.organisation = organisation; o.attendees = n
        try await o.create(on: db)
    }

    static func activity(
        _ project: UUID, _ kind: Activity.Kind, _ category: Activity.Category, _ name: String,
        from: String, to: String, weekdays: String?
    ) -> Activity {
        let a = Activity()
        a.$project.id = project; a.kind = kind; a.category = category; a.name = name; a.description = ""
        a.fromDate = from; a.toDate = to; a.startTime = "10:00"; a.endTime = "12:00"; a.weekdays = weekdays
        a.weekInterval = weekdays == nil ? nil : 1
        a.feedToken = FeedToken.make()
        return a
    }

    static func session(_ a: Activity, date: String, on db: any Database) async throws -> ActivitySession {
        let s = ActivitySession()
        s.$activity.id = a.id!; s.scheduledDate = date; s.date = date; s.startTime = a.startTime; s.endTime = a.endTime
        s.cancelled = false; s.version = 0
        try await s.create(on: db)
        return s
    }
}
