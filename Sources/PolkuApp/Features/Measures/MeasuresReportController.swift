import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Per instrument: how many participants have a first and a repeat measurement in the period, and the
/// average change from their first to their latest time, per score and domain (or area). Every stored
/// answer set is scored again with PolkuCore by the version it was given in; nothing is scored in SQL.
package struct MeasuresReport: Sendable {
    package struct Filter: Sendable {
        var from: CalendarDate?; var to: CalendarDate?; var site: UUID?
        package init(from: CalendarDate? = nil, to: CalendarDate? = nil, site: UUID? = nil) { self.from = from; self.to = to; self.site = site }
    }

    struct Line: Sendable {
        let key: String
        let name: LocalizedText
        var measured = 0
        var repeated = 0
        /// Score id ("total", "scaled", a domain or item id) → sum of (latest − first) over repeaters.
        var changeSums: [String: Double] = [:]
        var changeCounts: [String: Int] = [:]
        var meaningfulUp = 0, meaningfulDown = 0
        func average(_ score: String) -> Double? { changeCounts[score].flatMap { $0 > 0 ? changeSums[score]! / Double($0) : nil } }
    }

    var lines: [Line] = []
    /// Answer sets scored for the report, and those that no longer score (a stored answer outside its scale).
    package var scored = 0
    var unscorable = 0

    final class Rows: @unchecked Sendable { var items: [(UUID, UUID, String, String)] = [] }

    package static func compute(project: UUID, filter: Filter, on db: any Database) async throws -> MeasuresReport {
        let instruments = try await Instrument.query(on: db).all()
        var prepared: [UUID: PreparedInstrument] = [:]
        for i in instruments { if let d = i.definition { prepared[i.id!] = PreparedInstrument(d) } }
        var scope = """
            SELECT a.participant_id, a.instrument_id, a.date, a.answers FROM assessments a
            WHERE a.project_id = {}
            """
        var values: [ActivityRows.Value] = [.uuid(project)]
        if let from = filter.from { scope += " AND a.date >= {}"; values.append(.text(from.iso)) }
        if let to = filter.to { scope += " AND a.date <= {}"; values.append(.text(to.iso)) }
        if let site = filter.site {
            scope += " AND EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = a.participant_id AND e.project_id = a.project_id AND e.site_id = {})"
            values.append(.uuid(site))
        }
        let rows = Rows()
        try await ActivityRows.run(
            db, scope, values,
            sqlite: { row in
                guard let p = row.column("participant_id")?.string.flatMap(UUID.init(text:)),
                    let i = row.column("instrument_id")?.string.flatMap(UUID.init(text:)),
                    let date = row.column("date")?.string, let answers = row.column("answers")?.string
                else { return }
                rows.items.append((p, i, date, answers))
            },
            postgres: { row in
                let c = row.makeRandomAccess()
                rows.items.append((try c[0].decode(UUID.self), try c[1].decode(UUID.self), try c[2].decode(String.self), try c[3].decode(String.self)))
            })
        // Every stored answer set is scored (by its own version), then each participant's first and
        // latest time per instrument are compared. Entries are kept in one array and changed in place:
        // at 100,000 rows, copying results in and out of nested dictionaries cost more than scoring.
        struct Scored { let date: String; let instrument: UUID; let result: ScoreResult }
        struct Entry { let key: String; var first: Scored; var latest: Scored; var count: Int }
        struct PersonKey: Hashable { let key: String; let participant: UUID }
        var entries: [Entry] = []
        var position: [PersonKey: Int] = [:]
        var report = MeasuresReport()
        for (participant, instrument, date, answers) in rows.items {
            guard let p = prepared[instrument] else { continue }
            report.scored += 1
            guard case .success(let r) = p.score(encoded: answers) else { report.unscorable += 1; continue }
            let s = Scored(date: date, instrument: instrument, result: r)
            let k = PersonKey(key: p.definition.key, participant: participant)
            if let i = position[k] {
                if date < entries[i].first.date { entries[i].first = s }
                if date >= entries[i].latest.date { entries[i].latest = s }
                entries[i].count += 1
            } else {
                position[k] = entries.count
                entries.append(Entry(key: p.definition.key, first: s, latest: s, count: 1))
            }
        }
        let times = Dictionary(grouping: entries, by: \.key)
        for (key, people) in times.sorted(by: { $0.key < $1.key }) {
            guard let latestDefinition = instruments.filter({ $0.key == key }).max(by: { $0.version < $1.version })?.definition else { continue }
            var line = Line(key: key, name: latestDefinition.name)
            for t in people {
                line.measured += 1
                guard t.count >= 2 else { continue }
                let a = t.first.result, b = t.latest.result
                line.repeated += 1
                func add(_ id: String, _ x: Double?, _ y: Double?) {
                    guard let x, let y else { return }
                    line.changeSums[id, default: 0] += y - x
                    line.changeCounts[id, default: 0] += 1
                }
                add("total", a.total, b.total)
                add("scaled", a.scaled, b.scaled)
                for (dm, v) in a.domains { add("d:" + dm, v, b.domains[dm]) }
                if !latestDefinition.hasTotal { for (item, v) in a.items { add("i:" + item, v, b.items[item]) } }
                if let d = prepared[t.latest.instrument]?.definition, let change = InstrumentScoring.change(d, first: a, latest: b), change.meaningful == true {
                    if change.delta > 0 { line.meaningfulUp += 1 } else { line.meaningfulDown += 1 }
                }
            }
            report.lines.append(line)
        }
        return report
    }
}

enum MeasuresReportController {
    @Sendable static func show(req: Request) async throws -> Response {
        let r = try await ReportRequest.read(req, fields: ["from", "to", "site"])
        let (model, source) = try await req.reportReading { db in try await MeasuresReportPage.query(r, on: db) }
        try await req.audit.record(.reportView, project: model.project.id, detail: "measures")
        var context = req.pageContext
        context.dataNote = source.note(req.t)
        return MeasuresReportPage.page(model, context: context).response()
    }
}
