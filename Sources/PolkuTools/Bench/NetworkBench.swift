import PolkuApp
import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// `polku bench --only network`: 5,000 services from 250 providers across 40 municipalities and
/// 200,000 referrals, then directory searches and a participant's suggestions.
public enum NetworkBench {
    public static func run(_ app: Application, services: Int, referrals: Int, repetitions: Int) async throws -> String {
        guard try await Project.query(on: app.db).filter(\.$code == "NBENCH").count() == 0 else {
            return "The database already has the network benchmark's data: run it on an empty database."
        }
        let started = Date()
        let w = try await generate(app, services: services, referrals: referrals)
        var lines = ["Generated \(services) services and \(referrals) referrals in \(String(format: "%.1f", Date().timeIntervalSince(started))) s (\(ParticipantBench.kind(app)))."]
        let searches = [
            SiteURL.directory.relativeURL(), SiteURL.directory.relativeURL([("q", "velka")]), SiteURL.directory.relativeURL([("q", "ryhmä pori")]),
            SiteURL.directory.relativeURL([("category", "housing"), ("area", "kunta7")]),
            SiteURL.directory.relativeURL([("language", "ar"), ("threshold", "low")]), SiteURL.directory.relativeURL([("q", "zzzz")]),
        ]
        for path in searches {
            lines.append(
                try await BenchTiming.line("directory " + path.dropFirst(10), repetitions) {
                    let res = try await ParticipantBench.get(app, path, cookie: "")
                    guard res.status == .ok else { throw Abort(.internalServerError, reason: "\(path) answered \(res.status)") }
                })
        }
        let scope = ParticipantScope(
            participantID: w.participant, actor: try await CurrentUserMiddleware.load(w.user, on: app.db)!,
            projects: [w.project: ProjectAccess(roles: [.worker])])
        var count = 0
        lines.append(
            try await BenchTiming.line("suggestions for a participant", repetitions) {
                count = try await Suggestions.forParticipant(w.participant, scope: scope, on: app.db).count
            })
        lines.append(
            try await BenchTiming.line("referral page with suggestions", repetitions) {
                let res = try await ParticipantBench.get(app, SiteURL.participantReferralNew(.value(w.participant)).relativeURL(), cookie: w.cookie)
                guard res.status == .ok else { throw Abort(.internalServerError, reason: "referral page answered \(res.status)") }
            })
        lines.append(
            try await BenchTiming.line("network report", max(3, repetitions / 10)) {
                let res = try await ParticipantBench.get(app, SiteURL.network.relativeURL(), cookie: w.cookie)
                guard res.status == .ok else { throw Abort(.internalServerError, reason: "network answered \(res.status)") }
            })
        lines.append("(the participant got \(count) suggestions)")
        return lines.joined(separator: "\n")
    }

    struct World { let cookie: String; let user: UUID; let project: UUID; let participant: UUID }

    static func generate(_ app: Application, services: Int, referrals: Int) async throws -> World {
        let sql = app.db.sql
        var rng = DemoRandom(seed: 3)
        let user = User(email: "network-bench@polku.invalid", name: "Bench", passwordHash: "x")
        try await user.create(on: app.db)
        let p = Project()
        p.code = "NBENCH"; p.name = "Network bench"; p.summary = ""; p.funder = ""; p.priorityAxis = ""
        p.specificObjective = ""; p.status = .running; p.startDate = "2023-01-01"; p.endDate = "2026-12-31"; p.region = ""
        p.budgetBand = ""; p.targetGroups = ""; p.phases = PhasePlan.defaultPhases.joined(separator: "\n")
        try await p.create(on: app.db)
        try await Membership(userID: user.id!, projectID: p.id!, role: .projectManager).create(on: app.db)
        try await Membership(userID: user.id!, projectID: p.id!, role: .worker).create(on: app.db)
        let now = app.clock.now()
        var orgs: [[any SQLExpression]] = [], orgIDs: [UUID] = []
        for i in 0..<250 {
            let id = app.newID(); orgIDs.append(id)
            orgs.append([SQLBind(id), SQLBind(now), SQLBind(now), SQLBind("Palveluntarjoaja \(i)"), SQLBind(Organisation.Kind.allCases[i % 8].rawValue)])
        }
        try await ActivityBench.insert(app.db, "organisations", ["id", "created_at", "updated_at", "name", "kind"], orgs)
        let words = ["velka", "neuvonta", "ryhmä", "kuntosali", "asuminen", "työkokeilu", "vertaistuki", "kahvila", "opinnot", "talous", "mieli", "uinti", "taide"]
        var rows: [[any SQLExpression]] = [], serviceIDs: [UUID] = []
        for i in 0..<services {
            let id = app.newID(); serviceIDs.append(id)
            let name = "\(rng.pick(words).capitalized)palvelu \(i)"
            let description = (0..<8).map { _ in rng.pick(words) }.joined(separator: " ")
            let areas = Service.listKey(["kunta\(i % 40)", "kunta\((i * 7) % 40)"] + (i % 10 == 0 ? ["Pori"] : []))
            let langs = Service.listKey(["fi"] + (i % 5 == 0 ? ["ar"] : []) + (i % 3 == 0 ? ["en"] : []))
            let category = ServiceCategory.allCases[i % ServiceCategory.allCases.count]
            rows.append([
                SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(orgIDs[i % orgIDs.count]), SQLBind(name), SQLBind(description),
                SQLBind(category.rawValue), SQLBind(""), SQLBind(areas), SQLBind(langs), SQLBind(Threshold.allCases[i % 3].rawValue),
                SQLBind(""), SQLBind(""), SQLBind("puh"), SQLBind(true), SQLBind("2026-06-01"),
                SQLBind(SearchKey.make([name, description, Service.listItems(areas).joined(separator: " ")])),
            ])
        }
        try await ActivityBench.insert(
            app.db, "services",
            [
                "id", "created_at", "updated_at", "organisation_id", "name", "description", "category", "target_groups",
                "areas", "languages", "threshold", "cost", "where_when", "contact", "active", "checked_on", "search_text",
            ], rows)
        var people: [[any SQLExpression]] = [], enrolments: [[any SQLExpression]] = [], personIDs: [UUID] = []
        for i in 0..<20_000 {
            let id = app.newID(); personIDs.append(id)
            people.append([
                SQLBind(id), SQLBind(now), SQLBind(now), SQLBind("Etu\(i)"), SQLBind("Suku"), SQLBind("suku etu\(i)"), SQLBind("1980-01-01"),
                SQLBind("female"), SQLBind(i == 0 ? "kunta7" : "kunta\(i % 40)"), SQLBind("fi"),
            ])
            enrolments.append([SQLBind(app.newID()), SQLBind(now), SQLBind(id), SQLBind(p.id!), SQLBind("coaching"), SQLBind("2024-01-01")])
        }
        try await ActivityBench.insert(
            app.db, "participants", ["id", "created_at", "updated_at", "first_name", "last_name", "search_key", "birth_date", "gender", "municipality", "language"], people)
        try await ActivityBench.insert(app.db, "enrolments", ["id", "created_at", "participant_id", "project_id", "phase", "start_date"], enrolments)
        // The participant measured has goals about debts, housing and a work trial.
        for text in ["Velat järjestykseen", "Oma asunto", "Työkokeiluun keväällä"] {
            let g = Goal()
            g.$participant.id = personIDs[0]; g.$project.id = p.id!; g.text = text; g.status = .open
            try await g.create(on: app.db)
        }
        var refs: [[any SQLExpression]] = [], events: [[any SQLExpression]] = []
        for i in 0..<referrals {
            let id = app.newID()
            let state = ReferralState.allCases[i % ReferralState.allCases.count]
            refs.append([
                SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(personIDs[i % personIDs.count]), SQLBind(serviceIDs[(i * 13) % serviceIDs.count]),
                SQLBind(p.id!), SQLBind(state.rawValue), SQLBind("2025-01-01"), SQLBind("name"), SQLBind(""),
            ])
            events.append([SQLBind(app.newID()), SQLBind(id), SQLBind(now.addingTimeInterval(-Double(30 * 86400))), SQLBind("sent")])
            if state == .started || state == .completed {
                events.append([SQLBind(app.newID()), SQLBind(id), SQLBind(now.addingTimeInterval(-Double((i % 20) * 86400))), SQLBind("started")])
            }
        }
        try await ActivityBench.insert(
            app.db, "referrals", ["id", "created_at", "updated_at", "participant_id", "service_id", "project_id", "state", "consent_on", "shared", "message"], refs)
        try await ActivityBench.insert(app.db, "referral_events", ["id", "referral_id", "at", "to_state"], events)
        try await sql.raw(SQLQueryString(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE")).run()
        let cookie = try await BenchSession.make(app, user: user.id!)
        return World(cookie: cookie, user: user.id!, project: p.id!, participant: personIDs[0])
    }
}
