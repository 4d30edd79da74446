import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The participant's own calendar and services (issue 15): the next sessions of the groups they are
/// in (and a calendar file of them), and the services they have been referred to, in plain words.
enum MySessions {
    static let days = 60

    struct Session: Decodable, Equatable {
        let id: UUID
        let date: String
        let start_time: String
        let end_time: String
        let cancelled: Bool
        let version: Int
        let name: String
        let description: String
        let site_name: String?
    }

    struct Referral: Decodable, Equatable {
        let service: String
        let state: String
        let created_at: Date
    }

    /// Sessions from today for `days` days of the activities the person is a member of now.
    static func upcoming(_ participant: UUID, today: CalendarDate, on sql: any SQLDatabase) async throws -> [Session] {
        try await sql.raw(
            """
            SELECT s.id, s.date, s.start_time, s.end_time, s.cancelled, s.version, a.name, a.description, st.name AS site_name
            FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
            JOIN activity_members m ON m.activity_id = a.id AND m.participant_id = \(bind: participant) AND m.left_on IS NULL
            LEFT JOIN sites st ON st.id = a.site_id
            WHERE s.date >= \(bind: today.iso) AND s.date <= \(bind: today.adding(days: days).iso)
            ORDER BY s.date, s.start_time, s.id LIMIT 100
            """
        ).all(decoding: Session.self)
    }

    static func referrals(_ participant: UUID, on sql: any SQLDatabase) async throws -> [Referral] {
        try await sql.raw(
            """
            SELECT sv.name AS service, r.state, r.created_at FROM referrals r JOIN services sv ON sv.id = r.service_id
            WHERE r.participant_id = \(bind: participant) ORDER BY r.created_at DESC
            """
        ).all(decoding: Referral.self)
    }

    /// The calendar file: every session to come in the next `days` days, cancelled ones marked so.
    @Sendable static func ics(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let sessions = try await upcoming(pid, today: req.today, on: req.db.sql)
        let events = sessions.compactMap { s -> ICalendar.Event? in
            guard let date = CalendarDate(parsing: s.date), let start = ClockTime(parsing: s.start_time), let end = ClockTime(parsing: s.end_time)
            else { return nil }
            return ICalendar.Event(
                uid: "\(s.id.text.lowercased())@polku.activities", date: date, start: start, end: end, summary: s.name,
                location: s.site_name, description: s.description, cancelled: s.cancelled, sequence: s.version)
        }
        try await req.audit.record(.participantView, participant: pid, detail: "own calendar file")
        let res = Response(status: .ok, body: .init(string: ICalendar(name: req.t("me.sessions"), events: events, stamp: ICalendar.stamp(req.now)).render()))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"polku-kerrat.ics\"")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
