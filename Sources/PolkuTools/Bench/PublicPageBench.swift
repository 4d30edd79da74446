import Fluent
import Foundation
import PolkuApp
import PolkuCore
import SQLKit
import Vapor

/// A public project page at scale (issue 17): one project of `participants` people with their ESF
/// data (the ESF benchmark's spreadsheet, imported), its page published and a financing plan.
/// `prepare` times the figures' computation, which a visitor waits for at most once every five
/// minutes; `scripts/load.py --public` then measures the page's throughput against `/health`.
public enum PublicPageBench {
    public struct World: Encodable {
        let code: String
        let participants: Int
        /// The figures computed from the records: median and slowest of three, in milliseconds.
        let computeMedianMs: Double
        let computeMaxMs: Double
    }

    public static let code = "BENCH-PUBLIC"

    public static func prepare(_ app: Application, participants: Int) async throws -> World {
        let project = Project()
        project.code = code; project.name = "Julkisen sivun mittaus"; project.summary = "Sata tuhatta osallistujaa."; project.funder = "ESR"
        project.priorityAxis = ""; project.specificObjective = ""; project.status = .running; project.startDate = "2021-01-01"
        project.endDate = "2027-12-31"; project.region = "Uusimaa"; project.budgetBand = ""; project.targetGroups = "Työttömät"
        project.phases = PhasePlan.defaultPhases.joined(separator: "\n"); project.plannedParticipants = participants
        try await project.create(on: app.db)
        let user = User(email: "bench-public@polku.invalid", name: "Bench", passwordHash: "x")
        try await user.create(on: app.db)
        let outcome = try await ParticipantImport.run(
            ESFBench.spreadsheet(rows: participants), project: project, actor: .init(id: user.id, email: user.email, address: "bench"), on: app.db)
        guard case .imported = outcome else { throw Abort(.internalServerError, reason: "the generated spreadsheet was refused: \(outcome)") }
        let id = project.id!, sql = app.db.sql
        try await ProjectTexts.saveDraft(id, ["solution": "Mittauksen hanke.", "results": "Luvut lasketaan kirjauksista."], now: app.clock.now(), on: sql)
        try await ProjectTexts.publish(id, by: "Bench", now: app.clock.now(), on: sql)
        try await sql.raw(
            """
            INSERT INTO project_funding (id, project_id, year, source, planned, realised)
            VALUES (\(bind: app.newID()), \(bind: id), \(bind: Int?.none), 'eu_state', 3361221, 2992663)
            """
        ).run()
        try await sql.raw(SQLQueryString(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE")).run()
        var times: [Double] = []
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let figures = try await PublicFigures.compute(
                project: id, phases: PhasePlan.defaultPhases, now: app.clock.now(), today: app.clock.today, on: app.db)
            try await PublicFigures.store(figures, project: id, on: sql)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        times.sort()
        return World(code: code, participants: participants, computeMedianMs: times[1], computeMaxMs: times[2])
    }
}
