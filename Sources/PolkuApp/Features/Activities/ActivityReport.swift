import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The project's activity figures for a period, by category, kind, site or activity: sessions held,
/// unique named participants, attendances (named, guests, trainees by organisation, heads), head
/// counts by gender and age band, each group's attendance rate, and the people recruited through
/// events. Counting is PolkuCore's (`ActivityTally`, `AttendanceRules`); this only reads rows.
package struct ActivityReport: Sendable {
    package enum Grouping: String, CaseIterable, Sendable { case category, kind, site, activity }

    package struct Filter: Sendable {
        var from: CalendarDate?
        var to: CalendarDate?
        var site: UUID?
        var kind: Activity.Kind?
        var by: Grouping = .category

        package init(from: CalendarDate? = nil, to: CalendarDate? = nil, site: UUID? = nil, kind: Activity.Kind? = nil, by: Grouping = .category) {
            self.from = from; self.to = to; self.site = site; self.kind = kind; self.by = by
        }
    }

    struct Line: Sendable { let key: String; let label: String; var tally: ActivityTally<UUID> }
    struct GroupRate: Sendable { let activity: UUID; let name: String; let members: Int; let held: Int; let rate: Double? }

    var lines: [Line] = []
    var total = ActivityTally<UUID>()
    var groups: [GroupRate] = []
    var recruited = 0
    /// The team's consultations, situation assessments and observation visits in the period (issue 17).
    var teamWork: [String: Int] = [:]

    struct ActivityRow: Decodable { let id: UUID; let name: String; let kind: String; let category: String?; let site_id: UUID?; let site_name: String? }
    struct CountRow: Decodable { let session_id: UUID; let n: Int }
    struct MemberRow: Decodable { let activity_id: UUID; let participant_id: UUID; let joined_on: String; let left_on: String? }

    package static func compute(project: UUID, filter: Filter, today: CalendarDate, t: Texts? = nil, on db: any Database) async throws -> ActivityReport {
        let sql = db.sql
        var activityWhere: SQLQueryString = "a.project_id = \(bind: project)"
        if let site = filter.site { activityWhere.appendLiteral(" AND a.site_id = "); activityWhere.appendInterpolation(bind: site) }
        if let kind = filter.kind { activityWhere.appendLiteral(" AND a.kind = "); activityWhere.appendInterpolation(bind: kind.rawValue) }
        // Held sessions in the period: not cancelled, not in the future.
        var held: SQLQueryString = "s.cancelled = \(bind: false) AND s.date <= \(bind: today.iso)"
        if let from = filter.from { held.appendLiteral(" AND s.date >= "); held.appendInterpolation(bind: from.iso) }
        if let to = filter.to { held.appendLiteral(" AND s.date <= "); held.appendInterpolation(bind: to.iso) }

        let activities = try await sql.raw(
            """
            SELECT a.id, a.name, a.kind, a.category, a.site_id, st.name AS site_name FROM activities a LEFT JOIN sites st ON st.id = a.site_id
            WHERE \(activityWhere)
            """
        ).all(decoding: ActivityRow.self)
        let byID = Dictionary(uniqueKeysWithValues: activities.map { ($0.id, $0) })
        // The two large reads go through the drivers' decoders (see `ActivityRows`).
        var scope = "FROM activity_sessions s JOIN activities a ON a.id = s.activity_id WHERE a.project_id = {} AND s.cancelled = {} AND s.date <= {}"
        var values: [ActivityRows.Value] = [.uuid(project), .bool(false), .text(today.iso)]
        if let site = filter.site { scope += " AND a.site_id = {}"; values.append(.uuid(site)) }
        if let kind = filter.kind { scope += " AND a.kind = {}"; values.append(.text(kind.rawValue)) }
        if let from = filter.from { scope += " AND s.date >= {}"; values.append(.text(from.iso)) }
        if let to = filter.to { scope += " AND s.date <= {}"; values.append(.text(to.iso)) }
        let sessions = try await ActivityRows.sessions(on: db, scope: scope, values: values)
        var people: [UUID: [UUID]] = [:]
        for (session, participant) in try await ActivityRows.attendances(on: db, scope: scope, values: values) {
            people[session, default: []].append(participant)
        }
        var others: [UUID: Int] = [:]
        for r in try await sql.raw(
            "SELECT g.session_id, COUNT(*) AS n FROM session_guests g JOIN activity_sessions s ON s.id = g.session_id JOIN activities a ON a.id = s.activity_id WHERE \(activityWhere) AND \(held) GROUP BY g.session_id"
        ).all(decoding: CountRow.self) {
            others[r.session_id, default: 0] += r.n
        }
        for r in try await sql.raw(
            "SELECT o.session_id, CAST(SUM(o.attendees) AS BIGINT) AS n FROM session_organisations o JOIN activity_sessions s ON s.id = o.session_id JOIN activities a ON a.id = s.activity_id WHERE \(activityWhere) AND \(held) GROUP BY o.session_id"
        ).all(decoding: CountRow.self) {
            others[r.session_id, default: 0] += r.n
        }

        var report = ActivityReport()
        var tallies: [String: ActivityTally<UUID>] = [:]
        var heldByActivity: [UUID: [CalendarDate]] = [:]
        var cameByActivity: [UUID: [UUID: Set<CalendarDate>]] = [:]
        for s in sessions {
            guard let a = byID[s.activity], let date = CalendarDate(parsing: s.date) else { continue }
            let h = s.heads
            let heads: HeadCount? =
                h[0] == nil && h[1] == nil
                ? nil
                : HeadCount(
                    onSite: h[0] ?? 0, online: h[1] ?? 0,
                    byGender: [.female: h[2], .male: h[3], .nonBinary: h[4]].compactMapValues { $0 },
                    byAge: [.under18: h[5], .from18to29: h[6], .from30to54: h[7], .from55: h[8]].compactMapValues { $0 })
            let attendees = people[s.id] ?? []
            tallies[key(a, filter.by), default: ActivityTally<UUID>()].addSession(attendees: attendees, guests: others[s.id] ?? 0, headCount: heads)
            report.total.addSession(attendees: attendees, guests: others[s.id] ?? 0, headCount: heads)
            if a.kind == Activity.Kind.group.rawValue {
                heldByActivity[a.id, default: []].append(date)
                for p in attendees { cameByActivity[a.id, default: [:]][p, default: []].insert(date) }
            }
        }
        report.lines = tallies.map { Line(key: $0.key, label: label($0.key, filter.by, byID, t), tally: $0.value) }
            .sorted { order($0.key, filter.by) < order($1.key, filter.by) || (order($0.key, filter.by) == order($1.key, filter.by) && $0.label < $1.label) }

        // Each group's attendance rate over its members' time in the group, within the period.
        let members = try await sql.raw(
            """
            SELECT m.activity_id, m.participant_id, m.joined_on, m.left_on FROM activity_members m JOIN activities a ON a.id = m.activity_id
            WHERE \(activityWhere) AND a.kind = \(bind: Activity.Kind.group.rawValue)
            """
        ).all(decoding: MemberRow.self)
        var membersByActivity: [UUID: [AttendanceRules.Membership]] = [:]
        for m in members {
            guard let joined = CalendarDate(parsing: m.joined_on) else { continue }
            membersByActivity[m.activity_id, default: []].append(
                AttendanceRules.Membership(
                    joined: joined, left: m.left_on.flatMap(CalendarDate.init(parsing:)),
                    attended: cameByActivity[m.activity_id]?[m.participant_id] ?? []))
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
        // Each participant's first event attendance (only event rows are read), and their start.
        struct FirstContact: Decodable { let participant_id: UUID; let first_contact: String }
        struct Start: Decodable { let participant_id: UUID; let enrolled: String }
        let contacts = try await sql.raw(
            """
            SELECT t.participant_id, MIN(s.date) AS first_contact FROM activities a JOIN activity_sessions s ON s.activity_id = a.id
            JOIN attendances t ON t.session_id = s.id
            WHERE a.project_id = \(bind: project) AND a.kind = \(bind: Activity.Kind.event.rawValue) AND s.cancelled = \(bind: false)
            GROUP BY t.participant_id
            """
        ).all(decoding: FirstContact.self)
        var firstContact: [UUID: CalendarDate] = [:], enrolled: [UUID: CalendarDate] = [:]
        if !contacts.isEmpty {
            var startQuery: SQLQueryString = "SELECT participant_id, MIN(start_date) AS enrolled FROM enrolments WHERE project_id = \(bind: project)"
            if let site = filter.site { startQuery.appendLiteral(" AND site_id = "); startQuery.appendInterpolation(bind: site) }
            startQuery.appendLiteral(" GROUP BY participant_id")
            var starts: [UUID: CalendarDate] = [:]
            for r in try await sql.raw(startQuery).all(decoding: Start.self) { starts[r.participant_id] = CalendarDate(parsing: r.enrolled) }
            for c in contacts {
                guard let contact = CalendarDate(parsing: c.first_contact), let start = starts[c.participant_id] else { continue }
                if let from = filter.from, start < from { continue }
                if let to = filter.to, start > to { continue }
                firstContact[c.participant_id] = contact
                enrolled[c.participant_id] = start
            }
        }
        report.recruited = ActivityTally<UUID>.recruited(firstEventContact: firstContact, enrolled: enrolled)
        return report
    }

    static func key(_ a: ActivityRow, _ by: Grouping) -> String {
        switch by {
        case .category: a.category ?? ""
        case .kind: a.kind
        case .site: a.site_id?.text ?? ""
        case .activity: a.id.text
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
        case .site: return key.isEmpty ? tr("enrolment.site.none") : activities.values.first { $0.site_id?.text == key }?.site_name ?? key
        case .activity: return UUID(text: key).flatMap { activities[$0]?.name } ?? key
        }
    }
}
