import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The figures of a project's public page, computed from Polku's records by the same reports the
/// team reads (ESF, activity, measures) and kept whole in `public_figures`: the page reads one row,
/// and every Polku process serves the same figures. Counts are stored exact and suppressed when
/// drawn (`SmallCount`), so one snapshot serves every language. Health instruments are left out:
/// their aggregates are for health roles only.
package struct PublicFigures: Codable, Sendable, Equatable {
    struct Count: Codable, Sendable, Equatable { let key: String; let n: Int }
    struct ActivityLine: Codable, Sendable, Equatable { let key: String; let sessions: Int; let attendances: Int; let people: Int }
    struct MeasureLine: Codable, Sendable, Equatable {
        let key: String; let name: LocalizedText; let measured: Int; let repeated: Int; let improved: Int; let worsened: Int
    }

    var computedAt: Date
    var participants = 0
    var byPhase: [Count] = []
    var started = 0
    var leavers = 0
    var completed = 0
    var solutions = 0
    var outcomes: [Count] = []
    var byGender: [Count] = []
    var activities: [ActivityLine] = []
    var activityTotal = ActivityLine(key: "", sessions: 0, attendances: 0, people: 0)
    var measures: [MeasureLine] = []

    /// Figures older than this are computed again when the page is asked for; the issue allows ten
    /// minutes, and a computation at 100,000 participants takes a few seconds.
    static let maxAge: TimeInterval = 5 * 60

    package static func compute(project: UUID, phases: [String], now: Date, today: CalendarDate, on db: any Database) async throws -> PublicFigures {
        var f = PublicFigures(computedAt: now)
        struct PhaseRow: Decodable { let phase: String; let n: Int }
        let phaseRows = try await db.sql.raw(
            "SELECT phase, COUNT(*) AS n FROM enrolments WHERE project_id = \(bind: project) GROUP BY phase"
        ).all(decoding: PhaseRow.self)
        let byPhase = Dictionary(phaseRows.map { ($0.phase, $0.n) }, uniquingKeysWith: +)
        f.participants = phaseRows.reduce(0) { $0 + $1.n }
        f.byPhase = phases.map { Count(key: $0, n: byPhase[$0] ?? 0) }

        let esf = try await ESFReport.compute(project: project, filter: ESFReport.Filter(), on: db)
        f.started = esf.entered
        f.leavers = esf.leavers
        f.solutions = esf.solutionCount
        f.completed = esf.outcomes.filter { CostPerPerson.completes($0.key) }.values.reduce(0, +)
        f.outcomes = ServiceOutcome.allCases.compactMap { o in esf.outcomes[o].map { Count(key: o.rawValue, n: $0) } }
        f.byGender = try await genders(project: project, on: db.sql)

        let activity = try await ActivityReport.compute(project: project, filter: ActivityReport.Filter(by: .category), today: today, on: db)
        f.activities = activity.lines.map {
            ActivityLine(key: $0.key, sessions: $0.tally.sessionsHeld, attendances: $0.tally.totalAttendances, people: $0.tally.uniqueParticipants)
        }
        f.activityTotal = ActivityLine(
            key: "", sessions: activity.total.sessionsHeld, attendances: activity.total.totalAttendances, people: activity.total.uniqueParticipants)

        let measures = try await MeasuresReport.compute(project: project, filter: MeasuresReport.Filter(), on: db)
        let health = Set(try await InstrumentLibrary.latest(on: db).filter { $0.definition?.health ?? false }.map(\.key))
        f.measures = measures.lines.filter { !health.contains($0.key) && $0.measured > 0 }.map {
            MeasureLine(key: $0.key, name: $0.name, measured: $0.measured, repeated: $0.repeated, improved: $0.meaningfulUp, worsened: $0.meaningfulDown)
        }
        return f
    }

    /// The project's participants by gender (PARTY's gender analysis).
    static func genders(project: UUID, on sql: any SQLDatabase) async throws -> [Count] {
        struct Row: Decodable { let gender: String; let n: Int }
        let rows = try await sql.raw(
            """
            SELECT p.gender, COUNT(*) AS n FROM enrolments e JOIN participants p ON p.id = e.participant_id
            WHERE e.project_id = \(bind: project) GROUP BY p.gender
            """
        ).all(decoding: Row.self)
        let out = Dictionary(rows.map { ($0.gender, $0.n) }, uniquingKeysWith: +)
        return Participant.Gender.allCases.map { Count(key: $0.rawValue, n: out[$0.rawValue] ?? 0) }
    }

    // MARK: - Stored

    static func stored(_ project: UUID, on sql: any SQLDatabase) async throws -> PublicFigures? {
        struct Row: Decodable { let body: String }
        guard let row = try await sql.raw("SELECT body FROM public_figures WHERE project_id = \(bind: project)").first(decoding: Row.self) else {
            return nil
        }
        return try? JSONDecoder.polku.decode(PublicFigures.self, from: Data(row.body.utf8))
    }

    package static func store(_ f: PublicFigures, project: UUID, on sql: any SQLDatabase) async throws {
        let body = String(decoding: try JSONEncoder.polku.encode(f), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO public_figures (project_id, computed_at, body) VALUES (\(bind: project), \(bind: f.computedAt), \(bind: body))
            ON CONFLICT (project_id) DO UPDATE SET computed_at = excluded.computed_at, body = excluded.body
            """
        ).run()
    }
}

extension JSONEncoder {
    /// Dates as seconds since 1970 with their fraction, so a stored snapshot reads back equal.
    static var polku: JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        return e
    }
}

extension JSONDecoder {
    static var polku: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }
}
