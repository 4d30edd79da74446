import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The project's activity figures for a period, by category, kind, site or activity: sessions held,
/// unique named participants, attendances (named, guests, trainees by organisation, heads), head
/// counts by gender and age band, each group's attendance rate, and the people recruited through
/// events. Counting is PolkuCore's (`ActivityTally`, `AttendanceRules`); this only reads rows.
struct ActivityReport: Sendable {
    enum Grouping: String, CaseIterable, Sendable { case category, kind, site, activity }

    struct Filter: Sendable {
        var from: CalendarDate?
        var to: CalendarDate?
        var site: UUID?
        var kind: Activity.Kind?
        var by: Grouping = .category
    }

    struct Line: Sendable { let key: String; let label: String; var tally: ActivityTally }
    struct GroupRate: Sendable { let activity: UUID; let name: String; let members: Int; let held: Int; let rate: Double? }

    var lines: [Line] = []
    var total = ActivityTally()
    var groups: [GroupRate] = []
    var recruited = 0

    struct ActivityRow: Decodable { let id: UUID; let name: String; let kind: String; let category: String?; let site_id: UUID?; let site_name: String? }
    struct SessionRow: Decodable {
        let id: UUID; let activity_id: UUID; let date: String
        let head_on_site: Int?; let head_online: Int?; let head_women: Int?; let head_men: Int?; let head_other_gender: Int?
        let head_age_under_18: Int?; let head_age_18_29: Int?; let head_age_30_54: Int?; let head_age_55_plus: Int?
    }
    struct AttendanceRow: Decodable { let session_id: UUID; let participant_id: UUID }
    struct CountRow: Decodable { let session_id: UUID; let n: Int }
    struct MemberRow: Decodable { let activity_id: UUID; let participant_id: UUID; let joined_on: String; let left_on: String? }
    struct ContactRow: Decodable { let participant_id: UUID; let first_contact: String?; let enrolled: String? }

    static func compute(project: UUID, filter: Filter, today: CalendarDate, t: Texts? = nil, on db: any Database) async throws -> ActivityReport {
        let sql = db as! any SQLDatabase
        var activityWhere: SQLQueryString = "a.project_id = \(bind: project)"
        if let site = filter.site { activityWhere.appendLiteral(" AND a.site_id = "); activityWhere.appendInterpolation(bind: site) }
        if let kind = filter.kind { activityWhere.appendLiteral(" AND a.kind = "); activityWhere.appendInterpolation(bind: kind.rawValue) }
        // Held sessions in the period: not cancelled, not in the future.
        var held: SQLQueryString = "s.cancelled = \(bind: false) AND s.date <= \(bind: today.iso)"
        if let from = filter.from { held.appendLiteral(" AND s.date >= "); held.appendInterpolation(bind: from.iso) }
        if let to = filter.to { held.appendLiteral(" AND s.date <= "); held.appendInterpolation(bind: to.iso) }
        let scope: SQLQueryString = "FROM activity_sessions s JOIN activities a ON a.id = s.activity_id WHERE \(activityWhere) AND \(held)"

        let activities = try await sql.raw("""
            SELECT a.id, a.name, a.kind, a.category, a.site_id, st.name AS site_name FROM activities a LEFT JOIN sites st ON st.id = a.site_id
            WHERE \(activityWhere)
            """).all(decoding: ActivityRow.self)
        let byID = Dictionary(uniqueKeysWithValues: activities.map { ($0.id, $0) })
        let sessions = try await sql.raw("""
            SELECT s.id, s.activity_id, s.date, s.head_on_site, s.head_online, s.head_women, s.head_men, s.head_other_gender,
                   s.head_age_under_18, s.head_age_18_29, s.head_age_30_54, s.head_age_55_plus \(scope)
            """).all(decoding: SessionRow.self)
        var people: [UUID: [String]] = [:]
        for r in try await sql.raw("SELECT t.session_id, t.participant_id FROM attendances t JOIN activity_sessions s ON s.id = t.session_id JOIN activities a ON a.id = s.activity_id WHERE \(activityWhere) AND \(held)").all(decoding: AttendanceRow.self) {
            people[r.session_id, default: []].append(r.participant_id.uuidString)
        }
        var others: [UUID: Int] = [:]
        for r in try await sql.raw("SELECT g.session_id, COUNT(*) AS n FROM session_guests g JOIN activity_sessions s ON s.id = g.session_id JOIN activities a ON a.id = s.activity_id WHERE \(activityWhere) AND \(held) GROUP BY g.session_id").all(decoding: CountRow.self) {
            others[r.session_id, default: 0] += r.n
        }
        for r in try await sql.raw("SELECT o.session_id, CAST(SUM(o.attendees) AS BIGINT) AS n FROM session_organisations o JOIN activity_sessions s ON s.id = o.session_id JOIN activities a ON a.id = s.activity_id WHERE \(activityWhere) AND \(held) GROUP BY o.session_id").all(decoding: CountRow.self) {
            others[r.session_id, default: 0] += r.n
        }

        var report = ActivityReport()
        var tallies: [String: ActivityTally] = [:]
        var heldByActivity: [UUID: [CalendarDate]] = [:]
        var cameByActivity: [UUID: [String: Set<CalendarDate>]] = [:]
        for s in sessions {
            guard let a = byID[s.activity_id], let date = CalendarDate(parsing: s.date) else { continue }
            let heads: HeadCount? = s.head_on_site == nil && s.head_online == nil ? nil : HeadCount(
                onSite: s.head_on_site ?? 0, online: s.head_online ?? 0,
                byGender: [.female: s.head_women, .male: s.head_men, .nonBinary: s.head_other_gender].compactMapValues { $0 },
                byAge: [.under18: s.head_age_under_18, .from18to29: s.head_age_18_29, .from30to54: s.head_age_30_54, .from55: s.head_age_55_plus].compactMapValues { $0 })
            let attendees = people[s.id] ?? []
            tallies[key(a, filter.by), default: ActivityTally()].addSession(attendees: attendees, guests: others[s.id] ?? 0, headCount: heads)
            report.total.addSession(attendees: attendees, guests: others[s.id] ?? 0, headCount: heads)
            if a.kind == Activity.Kind.group.rawValue {
                heldByActivity[a.id, default: []].append(date)
                for p in attendees { cameByActivity[a.id, default: [:]][p, default: []].insert(date) }
            }
        }
        report.lines = tallies.map { Line(key: $0.key, label: label($0.key, filter.by, byID, t), tally: $0.value) }
            .sorted { order($0.key, filter.by) < order($1.key, filter.by) || (order($0.key, filter.by) == order($1.key, filter.by) && $0.label < $1.label) }

        // Each group's attendance rate over its members' time in the group, within the period.
        let members = try await sql.raw("""
            SELECT m.activity_id, m.participant_id, m.joined_on, m.left_on FROM activity_members m JOIN activities a ON a.id = m.activity_id
            WHERE \(activityWhere) AND a.kind = \(bind: Activity.Kind.group.rawValue)
            """).all(decoding: MemberRow.self)
        var membersByActivity: [UUID: [AttendanceRules.Membership]] = [:]
        for m in members {
            guard let joined = CalendarDate(parsing: m.joined_on) else { continue }
            membersByActivity[m.activity_id, default: []].append(AttendanceRules.Membership(
                joined: joined, left: m.left_on.flatMap(CalendarDate.init(parsing:)),
                attended: cameByActivity[m.activity_id]?[m.participant_id.uuidString] ?? []))
        }
        report.groups = activities.filter { $0.kind == Activity.Kind.group.rawValue && (heldByActivity[$0.id] != nil || membersByActivity[$0.id] != nil) }
            .map { a in
                let held = heldByActivity[a.id] ?? []
                let ms = membersByActivity[a.id] ?? []
                return GroupRate(activity: a.id, name: a.name, members: ms.count, held: held.count, rate: AttendanceRules.groupRate(held: held, members: ms))
            }
            .sorted { $0.name < $1.name }

        // Recruited through events: first contact at an event, enrolled in the project later; counted
        // in the period in which they were enrolled.
        var contactQuery: SQLQueryString = """
            SELECT e.participant_id, MIN(e.start_date) AS enrolled,
                   (SELECT MIN(s.date) FROM attendances t JOIN activity_sessions s ON s.id = t.session_id JOIN activities a ON a.id = s.activity_id
                    WHERE t.participant_id = e.participant_id AND a.project_id = \(bind: project) AND a.kind = \(bind: Activity.Kind.event.rawValue)
                      AND s.cancelled = \(bind: false)) AS first_contact
            FROM enrolments e WHERE e.project_id = \(bind: project)
            """
        if let site = filter.site { contactQuery.appendLiteral(" AND e.site_id = "); contactQuery.appendInterpolation(bind: site) }
        contactQuery.appendLiteral(" GROUP BY e.participant_id")
        var firstContact: [String: CalendarDate] = [:], enrolled: [String: CalendarDate] = [:]
        for r in try await sql.raw(contactQuery).all(decoding: ContactRow.self) {
            guard let contact = r.first_contact.flatMap(CalendarDate.init(parsing:)), let start = r.enrolled.flatMap(CalendarDate.init(parsing:)) else { continue }
            if let from = filter.from, start < from { continue }
            if let to = filter.to, start > to { continue }
            firstContact[r.participant_id.uuidString] = contact
            enrolled[r.participant_id.uuidString] = start
        }
        report.recruited = ActivityTally.recruited(firstEventContact: firstContact, enrolled: enrolled)
        return report
    }

    static func key(_ a: ActivityRow, _ by: Grouping) -> String {
        switch by {
        case .category: a.category ?? ""
        case .kind: a.kind
        case .site: a.site_id?.uuidString ?? ""
        case .activity: a.id.uuidString
        }
    }

    static func order(_ key: String, _ by: Grouping) -> Int {
        switch by {
        case .category: Activity.Category.allCases.firstIndex { $0.rawValue == key } ?? 999
        case .kind: Activity.Kind.allCases.firstIndex { $0.rawValue == key } ?? 999
        case .site, .activity: key.isEmpty ? 999 : 0
        }
    }

    static func label(_ key: String, _ by: Grouping, _ activities: [UUID: ActivityRow], _ t: Texts?) -> String {
        func tr(_ k: String) -> String { t?(k) ?? k }
        switch by {
        case .category: return key.isEmpty ? tr("activity.category.none") : tr("activity.category." + key)
        case .kind: return tr("activity.kind." + key)
        case .site: return key.isEmpty ? tr("enrolment.site.none") : activities.values.first { $0.site_id?.uuidString == key }?.site_name ?? key
        case .activity: return UUID(uuidString: key).flatMap { activities[$0]?.name } ?? key
        }
    }
}
