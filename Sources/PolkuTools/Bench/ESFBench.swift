import PolkuApp
import Fluent
import Foundation
import PolkuCore
import Vapor

/// `polku bench --only esf`: a project of 100,000 participants with entry and exit data, imported from
/// a generated spreadsheet (timed), then its full ESF report (timed through the whole stack) and exports.
public enum ESFBench {
    public static func run(_ app: Application, participants: Int, repetitions: Int) async throws -> String {
        guard try await Project.query(on: app.db).filter(\.$code == "BENCH-ESF").first() == nil else {
            return "The database already has the ESF benchmark project: use an empty database."
        }
        let project = Project()
        project.code = "BENCH-ESF"; project.name = "ESF benchmark"; project.summary = ""; project.funder = ""; project.priorityAxis = ""
        project.specificObjective = ""; project.status = .running; project.startDate = "2021-01-01"; project.endDate = "2027-12-31"
        project.region = ""; project.budgetBand = ""; project.targetGroups = ""; project.phases = PhasePlan.defaultPhases.joined(separator: "\n")
        project.plannedParticipants = participants
        try await project.create(on: app.db)
        let user = User(email: "bench-esf@polku.invalid", name: "Bench", passwordHash: "x")
        try await user.create(on: app.db)
        try await Membership(userID: user.id!, projectID: project.id!, role: .projectManager).create(on: app.db)

        let csv = spreadsheet(rows: participants)
        var lines = ["Generated a \(csv.count / 1_000_000) MB spreadsheet of \(participants) participants (\(ParticipantBench.kind(app)))."]
        let t0 = DispatchTime.now().uptimeNanoseconds
        let outcome = try await ParticipantImport.run(csv, project: project, actor: .init(id: user.id, email: user.email, address: "bench"), on: app.db)
        let importSeconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        guard case .imported(let summary) = outcome else { return "The generated spreadsheet was refused: \(outcome)" }
        lines.append("import of \(summary.created) rows: \(String(format: "%.1f", importSeconds)) s")
        let t1 = DispatchTime.now().uptimeNanoseconds
        guard case .imported(let again) = try await ParticipantImport.run(csv, project: project, actor: .init(id: user.id, email: user.email, address: "bench"), on: app.db) else {
            return "re-import refused"
        }
        lines.append("re-import of the same file (\(again.unchanged) unchanged): \(String(format: "%.1f", Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e9)) s")

        // The report against its floor: the same SELECT read to the end, then the report computed
        // (no page), then the page through the whole stack below.
        let projectID = project.id!
        var floorRows = 0
        lines.append(
            try await BenchTiming.line("floor: the report's SELECT read to the end", repetitions, width: 48) {
                floorRows = try await ParticipationStream.floor(on: app.db, project: projectID)
            })
        lines.append(
            try await BenchTiming.line("ESF report computed (\(floorRows) rows, no page)", repetitions, width: 48) {
                _ = try await ESFReport.compute(project: projectID, filter: .init(), on: app.db)
            })
        let cookie = try await BenchSession.make(app, user: user.id!, prefix: "bench-esf")
        for (label, path) in [
            ("ESF report page", SiteURL.projectReport(.value(project.id!)).relativeURL()), ("ESF report XLSX", SiteURL.projectReportXLSX(.value(project.id!)).relativeURL()),
            ("ESF report, one site and period", SiteURL.projectReport(.value(project.id!)).relativeURL([("from", "2022-01-01"), ("to", "2022-12-31"), ("gender", "female")])),
        ] {
            var times: [Double] = []
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                let res = try await ParticipantBench.get(app, path, cookie: cookie)
                guard res.status == .ok else { throw Abort(.internalServerError, reason: "\(path) answered \(res.status)") }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            times.sort()
            lines.append(
                "\(label.padding(toLength: 32, withPad: " ", startingAt: 0)) median \(String(format: "%7.1f", times[times.count / 2])) ms   max \(String(format: "%7.1f", times.last!)) ms   (n=\(times.count))"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// A valid spreadsheet: every column filled as a real one would be, most people left, some followed up.
    static func spreadsheet(rows: Int) -> Data {
        var rng = DemoRandom(seed: 11)
        var out = ParticipantImport.columns.joined(separator: ";") + "\n"
        out.reserveCapacity(rows * 220)
        let statuses = LabourStatus.allCases.map(\.rawValue), answers = SensitiveAnswer.allCases.map(\.rawValue)
        let outcomes = ServiceOutcome.allCases
        for i in 0..<rows {
            let year = 2021 + rng.int(0...3)
            let start = CalendarDate(year: year, month: rng.int(1...12), day: rng.int(1...28))!
            let status = rng.pick(statuses)
            var fields = [
                "B\(i)", rng.pick(DemoData.firstNames), rng.pick(DemoData.lastNames) + String(i % 997),
                "\(rng.int(1960...2005))-0\(rng.int(1...9))-1\(rng.int(0...9))", rng.pick(["female", "male", "other"]), "Pori", "fi", "", "", "",
                start.iso, status, status == "unemployed" ? String(rng.int(1...60)) : "", String(rng.int(0...8)),
                rng.pick(answers), rng.pick(answers), rng.pick(answers), rng.pick(answers),
                rng.pick(["yes", "no"]), rng.pick(["no", "no", "yes"]), rng.pick(["no", "yes"]),
            ]
            if rng.int(0...3) > 0 {
                let left = start.adding(days: rng.int(60...400))
                let outcome = rng.pick(outcomes)
                let followed = rng.int(0...1) == 0
                fields += [
                    left.iso, outcome.rawValue, outcome.impliedSituation?.rawValue ?? "", outcome.impliedSituation == nil ? "" : left.adding(days: 3).iso,
                    rng.pick(["yes", "no"]), followed ? left.adding(days: 183).iso : "", followed ? rng.pick(["yes", "no"]) : "", "",
                ]
            } else {
                fields += ["", "", "", "", "", "", "", ""]
            }
            out += fields.joined(separator: ";") + "\n"
        }
        return Data(out.utf8)
    }
}
