import Fluent
import Foundation
import PolkuApp
import PolkuCore
import SQLKit
import Vapor

/// `polku bench --only report-growth` (issue 11): how the ESF report's time per participant grows
/// from 10,000 to 1,000,000 participants (target: at most 20 %), and how far it stays from its floor
/// (its own SELECT read to the end; target: at most 2×).
///
/// Each size is a project of its own, generated straight into the tables (an import of a million
/// rows would measure the import) with entry and exit data as the ESF benchmark's spreadsheet has
/// them, and measured as soon as it is made: the smallest on a database of its size, the largest on
/// one of all of them together.
public enum ReportGrowthBench {
    public static func run(_ app: Application, sizes: [Int], repetitions: Int) async throws -> String {
        var lines = ["ESF report against its floor, by size (\(ParticipantBench.kind(app)), medians):"]
        lines.append("participants      floor ms   report ms   report/floor   report µs per participant   growth")
        var first: Double?
        for size in sizes {
            let project = try await generate(app, participants: size)
            let floor = try await median(repetitions) { _ = try await ParticipationStream.floor(on: app.db, project: project) }
            let report = try await median(repetitions) { _ = try await ESFReport.compute(project: project, filter: .init(), on: app.db) }
            let perPerson = report * 1000 / Double(size)
            first = first ?? perPerson
            lines.append(
                String(
                    format: "%12d   %10.1f   %9.1f   %11.2f×   %25.2f   %+5.0f %%", size, floor, report, report / floor, perPerson,
                    (perPerson / first! - 1) * 100))
        }
        return lines.joined(separator: "\n")
    }

    static func median(_ n: Int, _ work: () async throws -> Void) async throws -> Double {
        try await work()  // warm: caches and prepared plans as a running server has them
        var times: [Double] = []
        for _ in 0..<n {
            let start = DispatchTime.now().uptimeNanoseconds
            try await work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return times.sorted()[times.count / 2]
    }

    /// A project with `participants` people and their enrolments, three in four of them ended.
    static func generate(_ app: Application, participants: Int) async throws -> UUID {
        let project = Project()
        project.code = "GROWTH-\(participants)"; project.name = "Growth \(participants)"; project.summary = ""; project.funder = ""
        project.priorityAxis = ""; project.specificObjective = ""; project.status = .running; project.startDate = "2021-01-01"
        project.endDate = "2027-12-31"; project.region = ""; project.budgetBand = ""; project.targetGroups = ""
        project.phases = PhasePlan.defaultPhases.joined(separator: "\n"); project.plannedParticipants = participants
        try await project.create(on: app.db)
        let projectID = try project.requireID()
        var rng = DemoRandom(seed: UInt64(participants))
        let statuses = LabourStatus.allCases.map(\.rawValue), answers = SensitiveAnswer.allCases.map(\.rawValue)
        let now = app.clock.now()
        var made = 0
        while made < participants {
            let n = min(5_000, participants - made)
            var people: [[any SQLExpression]] = [], enrolments: [[any SQLExpression]] = []
            for i in made..<(made + n) {
                let id = app.newID()
                let first = rng.pick(DemoData.firstNames), last = rng.pick(DemoData.lastNames) + String(i % 997)
                people.append([
                    SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(first), SQLBind(last), SQLBind(SearchKey.make(last, first)),
                    SQLBind("\(rng.int(1960...2005))-0\(rng.int(1...9))-1\(rng.int(0...9))"), SQLBind(rng.pick(["female", "male", "other"])),
                    SQLBind("Pori"), SQLBind("fi"),
                ])
                let start = CalendarDate(year: 2021 + rng.int(0...3), month: rng.int(1...12), day: rng.int(1...28))!
                let status = rng.pick(statuses)
                var row: [any SQLExpression] = [
                    SQLBind(app.newID()), SQLBind(now), SQLBind(id), SQLBind(projectID), SQLBind("coaching"), SQLBind(start.iso),
                    SQLBind(status), SQLBind(status == "unemployed" ? rng.int(1...60) : nil), SQLBind(rng.int(0...8)),
                    SQLBind(rng.pick(answers)), SQLBind(rng.pick(answers)), SQLBind(rng.pick(answers)), SQLBind(rng.pick(answers)),
                    SQLBind(rng.int(0...1) == 0), SQLBind(rng.int(0...2) == 0), SQLBind(rng.int(0...1) == 0),
                ]
                if rng.int(0...3) > 0 {
                    let left = start.adding(days: rng.int(60...400))
                    let outcome = rng.pick(ServiceOutcome.allCases)
                    let followed = rng.int(0...1) == 0
                    row += [
                        SQLBind(left.iso), SQLBind(outcome.rawValue), SQLBind(outcome.impliedSituation?.rawValue),
                        SQLBind(outcome.impliedSituation == nil ? nil : left.adding(days: 3).iso), SQLBind(rng.int(0...1) == 0),
                        SQLBind(followed ? left.adding(days: 183).iso : nil), SQLBind(followed ? rng.int(0...1) == 0 : nil),
                    ]
                } else {
                    // Typed nulls: PostgreSQL refuses a text NULL for a boolean column.
                    let none = SQLBind(String?.none), noAnswer = SQLBind(Bool?.none)
                    row += [none, none, none, none, noAnswer, none, noAnswer]
                }
                enrolments.append(row)
            }
            try await ActivityBench.insert(
                app.db, "participants",
                ["id", "created_at", "updated_at", "first_name", "last_name", "search_key", "birth_date", "gender", "municipality", "language"], people)
            try await ActivityBench.insert(
                app.db, "enrolments",
                [
                    "id", "created_at", "participant_id", "project_id", "phase", "start_date", "labour_status", "unemployed_months", "isced",
                    "disability", "foreign_background", "minority", "other_disadvantage", "third_country_national", "homeless", "rural",
                    "end_date", "service_outcome", "exit_situation", "exit_situation_date", "qualification_gained", "followup_date",
                    "followup_employed",
                ], enrolments)
            made += n
        }
        let sql = app.db.sql
        try await sql.raw(SQLQueryString(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE")).run()
        return projectID
    }
}
