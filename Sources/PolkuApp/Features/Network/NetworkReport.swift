import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The network at a glance for project managers: providers by sector, services by topic and area,
/// referrals by state, provider and sector, and the days from a referral to the service starting,
/// with areas side by side. Referral counts are people: 1–4 are shown as "<5".
enum NetworkReport {
    struct Count: Decodable { let key: String?; let n: Int }

    @Sendable static func show(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let sql = req.db.sql
        // Referrals can be narrowed to a period (the day they were sent) and to one project.
        var state = FormState.read(req.query, fields: ["from", "to", "project"])
        let from = state.date("from"), to = state.date("to")
        if let from, let to, to < from { state.errors["to"] = "error.end_before_start" }
        let projects = try await Project.query(on: req.db).sort(\.$name).all().filter { actor.isAdmin || actor.access(to: $0.id!).managesProject }
        let project = state.uuid("project", required: false)
        if let project, !projects.contains(where: { $0.id == project }) { state.errors["project"] = "error.choice" }
        // A bad filter shows the form with its message and no referral figures.
        var scope: SQLQueryString = state.isValid ? "1 = 1" : "1 = 0"
        if let from { scope.appendLiteral(" AND r.consent_on >= "); scope.appendInterpolation(bind: from) }
        if let to { scope.appendLiteral(" AND r.consent_on <= "); scope.appendInterpolation(bind: to) }
        if let project { scope.appendLiteral(" AND r.project_id = "); scope.appendInterpolation(bind: project) }
        let orgs = try await Organisation.query(on: req.db).join(Service.self, on: \Organisation.$id == \Service.$organisation.$id).unique().all()
        var bySector: [Sector: Int] = [:]
        for o in orgs { bySector[o.sector ?? NetworkVocabulary.sector(of: o.kind), default: 0] += 1 }
        let byCategory = try await sql.raw("SELECT category AS key, COUNT(*) AS n FROM services WHERE active = \(bind: true) GROUP BY category").all(decoding: Count.self)
        let byState = try await sql.raw("SELECT r.state AS key, COUNT(*) AS n FROM referrals r WHERE \(scope) GROUP BY r.state").all(decoding: Count.self)
        let byProvider = try await sql.raw(
            """
            SELECT o.name AS key, COUNT(*) AS n FROM referrals r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id
            WHERE \(scope) GROUP BY o.name ORDER BY COUNT(*) DESC, o.name LIMIT 20
            """
        ).all(decoding: Count.self)
        struct SectorRow: Decodable { let sector: String?; let kind: String; let n: Int }
        let referralSectors = try await sql.raw(
            """
            SELECT o.sector, o.kind, COUNT(*) AS n FROM referrals r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id
            WHERE \(scope) GROUP BY o.sector, o.kind
            """
        ).all(decoding: SectorRow.self)
        var referralsBySector: [Sector: Int] = [:]
        for r in referralSectors {
            let sector = r.sector.flatMap(Sector.init(rawValue:)) ?? Organisation.Kind(rawValue: r.kind).map(NetworkVocabulary.sector(of:)) ?? .thirdSector
            referralsBySector[sector, default: 0] += r.n
        }
        // Days from sent to started, for the referrals that started, with their service's areas.
        struct Started: Decodable { let areas: String; let sent_at: Date; let started_at: Date }
        let startedRows = try await sql.raw(
            """
            SELECT s.areas, e1.at AS sent_at, e2.at AS started_at FROM referrals r JOIN services s ON s.id = r.service_id
            JOIN referral_events e1 ON e1.referral_id = r.id AND e1.to_state = \(bind: ReferralState.sent.rawValue)
            JOIN referral_events e2 ON e2.referral_id = r.id AND e2.to_state = \(bind: ReferralState.started.rawValue)
            WHERE \(scope)
            """
        ).all(decoding: Started.self)
        // Areas side by side: services, referrals and started referrals (counted in SQL), and the median days.
        let serviceAreas = try await sql.raw("SELECT areas AS key, COUNT(*) AS n FROM services WHERE active = \(bind: true) GROUP BY areas").all(decoding: Count.self)
        struct AreaState: Decodable { let areas: String; let state: String; let n: Int }
        let referralAreas = try await sql.raw(
            """
            SELECT s.areas, r.state, COUNT(*) AS n FROM referrals r JOIN services s ON s.id = r.service_id WHERE \(scope) GROUP BY s.areas, r.state
            """
        ).all(decoding: AreaState.self)
        struct AreaLine { var services = 0; var referrals = 0; var started = 0; var days: [Int] = [] }
        var areas: [String: AreaLine] = [:]
        for c in serviceAreas { for a in Service.listItems(c.key ?? "") { areas[a, default: AreaLine()].services += c.n } }
        let startedStates: Set<String> = [ReferralState.started.rawValue, ReferralState.completed.rawValue, ReferralState.interrupted.rawValue]
        for r in referralAreas {
            for a in Service.listItems(r.areas) {
                areas[a, default: AreaLine()].referrals += r.n
                if startedStates.contains(r.state) { areas[a]!.started += r.n }
            }
        }
        var allDays: [Int] = []
        for r in startedRows {
            let d = ReferralTiming.days(sentDay: CalendarDate.inFinland(r.sent_at), startedDay: CalendarDate.inFinland(r.started_at))
            allDays.append(d)
            for a in Service.listItems(r.areas) { areas[a, default: AreaLine()].days.append(d) }
        }
        try await req.audit.record(.reportView, detail: "network")
        let t = req.t
        func n(_ v: Int) -> String { SmallCount(v).description }
        func table(_ caption: String, _ head: [String], _ rows: [[String]]) -> Node {
            h("table") {
                h("caption") { caption }
                h("thead") { h("tr") { for (i, c) in head.enumerated() { h("th", ["scope": "col", "class": i == 0 ? nil : "num"]) { c } } } }
                h("tbody") {
                    for r in rows {
                        h("tr") { for (i, c) in r.enumerated() { if i == 0 { h("th", ["scope": "row"]) { c } } else { h("td", ["class": "num"]) { c } } } }
                    }
                }
            }
        }
        let medianAll = ReferralTiming.median(allDays)
        let f = Fields(t: t, state: state)
        return req.page(t("network.title"), breadcrumbs: [(t("directory.title"), SiteURL.directory.relativeURL())], status: state.isValid ? .ok : .badRequest) {
            h("form", ["method": "get", "action": SiteURL.network.relativeURL(), "class": "inline"]) {
                f.summary()
                f.date("from", t("report.from"))
                f.date("to", t("report.to"))
                f.select("project", t("calendar.project"), options: projects.map { ($0.id!.uuidString, $0.name) }, blank: t("network.all_projects"))
                submit(t("report.show"))
            }
            h("p", ["class": "hint"]) { t("network.filter_hint") + " " + t("report.suppressed") }
            table(
                t("network.providers_by_sector"), [t("network.sector"), t("network.providers")],
                Sector.allCases.map { [t("sector." + $0.rawValue), String(bySector[$0] ?? 0)] })
            table(
                t("network.services_by_category"), [t("directory.category"), t("network.services")],
                ServiceCategory.allCases.map { c in [t("service.category." + c.rawValue), String(byCategory.first { $0.key == c.rawValue }?.n ?? 0)] })
            table(
                t("network.referrals_by_state"), [t("referral.state"), t("network.referrals")],
                ReferralState.allCases.map { s in [t("referral.state." + s.rawValue), n(byState.first { $0.key == s.rawValue }?.n ?? 0)] })
            table(
                t("network.referrals_by_sector"), [t("network.sector"), t("network.referrals")],
                Sector.allCases.map { [t("sector." + $0.rawValue), n(referralsBySector[$0] ?? 0)] })
            table(t("network.referrals_by_provider"), [t("service.provider"), t("network.referrals")], byProvider.map { [$0.key ?? "–", n($0.n)] })
            h("p") { t("network.median_days", medianAll.map(String.init) ?? "–", n(allDays.count)) }
            table(
                t("network.areas"), [t("directory.area"), t("network.services"), t("network.referrals"), t("network.started"), t("network.median")],
                areas.sorted { $0.key < $1.key }.map { a in
                    [
                        DirectoryController.display(a.key), String(a.value.services), n(a.value.referrals), n(a.value.started),
                        a.value.days.count >= SmallCount.threshold ? ReferralTiming.median(a.value.days).map(String.init) ?? "–" : "–",
                    ]
                })
        }
    }
}
