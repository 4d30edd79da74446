import Fluent
import Foundation
import PolkuApp
import SQLKit
import Vapor

/// `polku bench --only writers|backup|retention` (issue 13): thirty people saving notes at once, a
/// backup of 100,000 participants with 1,000,000 attendances, and a retention run over 100,000
/// participants with every report's figures compared before and after.
public enum OperationsBench {
    /// `writers` tasks save notes through the whole middleware stack for `seconds`; the latency of
    /// each save is measured. Each save carries a new form key, as a note form drawn in a browser does.
    public static func writers(_ app: Application, writers: Int, seconds: Double) async throws -> String {
        let world = try await LoadBench.prepare(app, participants: 1_000, sessions: 1)
        let path = SiteURL.participantNotes(.value(UUID(text: world.participant)!)).relativeURL()
        let (csrf, project, cookie) = (world.csrf, world.project, world.cookie)
        let until = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for w in 0..<writers {
                group.addTask {
                    var times: [Double] = [], failed = 0, n = 0
                    while DispatchTime.now().uptimeNanoseconds < until {
                        n += 1
                        let body = "_csrf=\(csrf)&_once=\(FormOnce.newKey())&project_id=\(project)&sensitivity=normal&body=Kirjoittaja+\(w)+muistiinpano+\(n)"
                        let t0 = DispatchTime.now().uptimeNanoseconds
                        let res = try await ActivityBench.post(app, path, body: body, cookie: cookie)
                        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                        if res.status != .seeOther { failed += 1 }
                    }
                    return (times, failed)
                }
            }
            var all: [([Double], Int)] = []
            for try await r in group { all.append(r) }
            return all
        }
        let times = results.flatMap(\.0).sorted(), failed = results.map(\.1).reduce(0, +)
        func pct(_ p: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count - 1) * p))] }
        return String(
            format: "%d writers of notes, %.0f s: %d saves (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d not saved",
            writers, seconds, times.count, Double(times.count) / seconds, pct(0.5), pct(0.99), times.last ?? 0, failed)
    }

    /// A backup of `participants` participants and `attendances` attendance records: time and size.
    public static func backup(_ app: Application, participants: Int, attendances: Int) async throws -> String {
        _ = try await ParticipantBench.generate(app, participants: participants, projects: 10)
        _ = try await ActivityBench.generate(app, attendances: attendances, projects: 20)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("polku-bench-backup-\(UUID().text)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let summary = try await Backup.write(app, to: file)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return String(format: "backup: %.1f s, ", seconds) + summary.description
    }

    /// Every participant's enrolment ended a year ago, every project keeps data 0 months after exit:
    /// the run anonymises all of them. The ESF report of each project must be the same after.
    public static func retention(_ app: Application, participants: Int) async throws -> String {
        _ = try await ParticipantBench.generate(app, participants: participants, projects: 10)
        let sql = app.db.sql
        let yearAgo = app.clock.today.adding(days: -365).iso
        try await sql.raw("UPDATE enrolments SET end_date = \(bind: yearAgo) WHERE end_date IS NULL OR end_date > \(bind: yearAgo)").run()
        try await sql.raw("UPDATE projects SET retention_months = 0, retention_basis = 'exit'").run()
        let codes = try await sql.raw("SELECT code FROM projects ORDER BY code").all(decodingColumn: "code", as: String.self)
        func reports() async throws -> [Data] {
            var out: [Data] = []
            for code in codes { out.append(try await ESFReportCLI.export(app, projectCode: code, from: nil, to: nil, format: .json)) }
            return out
        }
        let before = try await reports()
        let t0 = DispatchTime.now().uptimeNanoseconds
        let outcome = try await RetentionRun.run(app)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let same = try await reports() == before
        return String(format: "retention run: %.1f s (", seconds) + outcome.description + "); the ESF report of \(codes.count) projects " + (same ? "the same after" : "CHANGED")
    }
}
