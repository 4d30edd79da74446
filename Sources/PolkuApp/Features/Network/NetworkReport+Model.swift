import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The network at a glance for project managers: providers by sector, services by topic and area,
/// referrals by state, provider and sector, and the days from a referral to the service starting,
/// with areas side by side. Referral counts are people: the view shows 1–4 as "<5".
enum NetworkReport {
    static let fields = ["from", "to", "project"]

    struct Choice: Equatable { let id: UUID; let name: String }

    /// One area's line: its active services, the referrals to them, how many started, and the days each
    /// started one waited.
    struct AreaLine: Equatable { var services = 0; var referrals = 0; var started = 0; var days: [Int] = [] }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        /// The filter as asked (period and project) and what was wrong with it.
        var state: FormState
        /// Projects whose referrals the actor may narrow to (those they manage).
        var projects: [Choice] = []
        var providersBySector: [Sector: Int] = [:]
        var servicesByCategory: [String: Int] = [:]
        var referralsByState: [String: Int] = [:]
        /// The twenty providers with the most referrals, most first.
        var referralsByProvider: [(name: String, n: Int)] = []
        var referralsBySector: [Sector: Int] = [:]
        var areas: [String: AreaLine] = [:]
        /// Days from sent to started, one per started referral.
        var days: [Int] = []
    }

    private struct Count: Decodable { let key: String?; let n: Int }
    private struct Row: Decodable { let id: UUID; let name: String }
    private struct OrganisationRow: Decodable { let sector: String?; let kind: String }
    private struct SectorRow: Decodable { let sector: String?; let kind: String; let n: Int }
    private struct Started: Decodable { let areas: String; let sent_at: Date; let started_at: Date }
    private struct AreaState: Decodable { let areas: String; let state: String; let n: Int }

    /// Reads the report `state` asks for, as `actor` may see it. A bad filter gives the form with its
    /// message and no referral figures (the network's own figures are not anyone's data and stay).
    static func query(_ state: FormState, actor: Actor, on db: any Database) async throws -> Model {
        var state = state
        let from = state.date("from"), to = state.date("to")
        if let from, let to, to < from { state.errors["to"] = "error.end_before_start" }
        let sql = db.sql
        let projects = try await sql.select().columns("id", "name").from(Project.schema).orderBy("name").all(decoding: Row.self)
            .filter { actor.isAdmin || actor.access(to: $0.id).managesProject }.map { Choice(id: $0.id, name: $0.name) }
        let project = state.uuid("project", required: false)
        if let project, !projects.contains(where: { $0.id == project }) { state.errors["project"] = "error.choice" }
        var scope: SQLQueryString = state.isValid ? "1 = 1" : "1 = 0"
        if let from { scope.appendLiteral(" AND r.consent_on >= "); scope.appendInterpolation(bind: from) }
        if let to { scope.appendLiteral(" AND r.consent_on <= "); scope.appendInterpolation(bind: to) }
        if let project { scope.appendLiteral(" AND r.project_id = "); scope.appendInterpolation(bind: project) }

        var m = Model(state: state, projects: projects)
        let providers = try await sql.raw(
            "SELECT o.sector, o.kind FROM organisations o WHERE EXISTS (SELECT 1 FROM services s WHERE s.organisation_id = o.id)"
        ).all(decoding: OrganisationRow.self)
        for o in providers { m.providersBySector[sector(o.sector, kind: o.kind), default: 0] += 1 }
        m.servicesByCategory = try await counts(sql.raw("SELECT category AS key, COUNT(*) AS n FROM services WHERE active = \(bind: true) GROUP BY category"))
        m.referralsByState = try await counts(sql.raw("SELECT r.state AS key, COUNT(*) AS n FROM referrals r WHERE \(scope) GROUP BY r.state"))
        m.referralsByProvider = try await sql.raw(
            """
            SELECT o.name AS key, COUNT(*) AS n FROM referrals r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id
            WHERE \(scope) GROUP BY o.name ORDER BY COUNT(*) DESC, o.name LIMIT 20
            """
        ).all(decoding: Count.self).map { ($0.key ?? "–", $0.n) }
        let sectors = try await sql.raw(
            """
            SELECT o.sector, o.kind, COUNT(*) AS n FROM referrals r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id
            WHERE \(scope) GROUP BY o.sector, o.kind
            """
        ).all(decoding: SectorRow.self)
        for r in sectors { m.referralsBySector[sector(r.sector, kind: r.kind), default: 0] += r.n }
        try await readAreas(into: &m, scope: scope, on: sql)
        return m
    }

    /// Areas side by side: services, referrals and started referrals (counted in SQL), and the days
    /// from sent to started of each started referral.
    private static func readAreas(into m: inout Model, scope: SQLQueryString, on sql: any SQLDatabase) async throws {
        let started = try await sql.raw(
            """
            SELECT s.areas, e1.at AS sent_at, e2.at AS started_at FROM referrals r JOIN services s ON s.id = r.service_id
            JOIN referral_events e1 ON e1.referral_id = r.id AND e1.to_state = \(bind: ReferralState.sent.rawValue)
            JOIN referral_events e2 ON e2.referral_id = r.id AND e2.to_state = \(bind: ReferralState.started.rawValue)
            WHERE \(scope)
            """
        ).all(decoding: Started.self)
        let services = try await sql.raw("SELECT areas AS key, COUNT(*) AS n FROM services WHERE active = \(bind: true) GROUP BY areas").all(decoding: Count.self)
        let referrals = try await sql.raw(
            "SELECT s.areas, r.state, COUNT(*) AS n FROM referrals r JOIN services s ON s.id = r.service_id WHERE \(scope) GROUP BY s.areas, r.state"
        ).all(decoding: AreaState.self)
        for c in services { for a in Service.listItems(c.key ?? "") { m.areas[a, default: AreaLine()].services += c.n } }
        let startedStates: Set<String> = [ReferralState.started.rawValue, ReferralState.completed.rawValue, ReferralState.interrupted.rawValue]
        for r in referrals {
            for a in Service.listItems(r.areas) {
                m.areas[a, default: AreaLine()].referrals += r.n
                if startedStates.contains(r.state) { m.areas[a, default: AreaLine()].started += r.n }
            }
        }
        for r in started {
            let d = ReferralTiming.days(sentDay: CalendarDate.inFinland(r.sent_at), startedDay: CalendarDate.inFinland(r.started_at))
            m.days.append(d)
            for a in Service.listItems(r.areas) { m.areas[a, default: AreaLine()].days.append(d) }
        }
    }

    private static func counts(_ query: SQLRawBuilder) async throws -> [String: Int] {
        Dictionary(try await query.all(decoding: Count.self).map { ($0.key ?? "", $0.n) }, uniquingKeysWith: +)
    }

    /// An organisation's sector: the one recorded, else the one its kind implies.
    private static func sector(_ recorded: String?, kind: String) -> Sector {
        recorded.flatMap(Sector.init(rawValue:)) ?? Organisation.Kind(rawValue: kind).map(NetworkVocabulary.sector(of:)) ?? .thirdSector
    }
}
