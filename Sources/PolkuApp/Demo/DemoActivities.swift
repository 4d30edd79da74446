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
        let group = activity(lahde, .group, .communityCoaching, "Yhteisövalmennus (Kaapeli / Lähde mukaan! / Reeraa!)",
                             from: "2015-06-02", to: "2017-05-31", weekdays: "2,4")
        try await group.create(on: db)
        let schedule = Schedule(weekdays: [2, 4], from: CalendarDate(parsing: "2015-06-02")!, to: CalendarDate(parsing: "2017-05-31")!,
                                start: ClockTime(hour: 10, minute: 0)!, end: ClockTime(hour: 12, minute: 0)!)
        let pool = Array(lahdeParticipants.prefix(74))
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
    static func events(_ project: UUID, _ category: Activity.Category, _ name: String, count: Int, total: Int, start: String,
                       rng: inout DemoRandom, on db: any Database) async throws {
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

    static func activity(_ project: UUID, _ kind: Activity.Kind, _ category: Activity.Category, _ name: String,
                         from: String, to: String, weekdays: String?) -> Activity {
        let a = Activity()
        a.$project.id = project; a.kind = kind; a.category = category; a.name = name; a.description = ""
        a.fromDate = from; a.toDate = to; a.startTime = "10:00"; a.endTime = "12:00"; a.weekdays = weekdays
        a.weekInterval = weekdays == nil ? nil : 1
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
