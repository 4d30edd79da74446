import PolkuCore
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Streams the rows an ESF report needs, decoding each column with the database driver's own
/// decoder. Through SQLKit's generic `Decodable` path the decoding took most of a 100,000-row report
/// (measured with perf, 2026-11-24: about 1 s of 1.6 s on SQLite); the drivers' typed decoders avoid
/// that. The SQL is the same on both databases; only the reading differs.
package enum ParticipationStream {
    static func sql(placeholder: (Int) -> String, site: Bool) -> String {
        "SELECT \(ParticipationRow.columns) FROM enrolments e JOIN participants p ON p.id = e.participant_id WHERE e.project_id = \(placeholder(1))"
            + (site ? " AND e.site_id = \(placeholder(2))" : "")
    }

    static func rows(on db: any Database, project: UUID, site: UUID?, _ onRow: @escaping @Sendable (ParticipationRow) -> Void) async throws {
        if let sqlite = db as? any SQLiteDatabase {
            // Fluent's SQLite driver stores UUIDs as text and booleans as integers.
            var binds: [SQLiteData] = [.text(project.text)]
            if let site { binds.append(.text(site.text)) }
            try await sqlite.query(sql(placeholder: { "?\($0)" }, site: site != nil), binds) { row in
                if let r = ParticipationRow(sqlite: row) { onRow(r) }
            }
        } else if let postgres = db as? any PostgresDatabase {
            var binds: [PostgresData] = [PostgresData(uuid: project)]
            if let site { binds.append(PostgresData(uuid: site)) }
            try await postgres.query(sql(placeholder: { "$\($0)" }, site: site != nil), binds) { row in
                onRow(try ParticipationRow(postgres: row))
            }.get()
        } else {
            var query = SQLQueryString("SELECT \(ParticipationRow.columns) FROM enrolments e JOIN participants p ON p.id = e.participant_id WHERE e.project_id = ")
            query.appendInterpolation(bind: project)
            if let site { query.appendLiteral(" AND e.site_id = "); query.appendInterpolation(bind: site) }
            try await db.sql.raw(query).run { row in
                if let r = try? ParticipationRow(row: row) { onRow(r) }
            }
        }
    }
}

extension ParticipationStream {
    /// The report's floor for `polku bench` (issue 11): the same SELECT through the same driver,
    /// every row read to the end and nothing done with it. The report is held to twice this.
    package static func floor(on db: any Database, project: UUID) async throws -> Int {
        final class Count: @unchecked Sendable { var n = 0 }
        let count = Count()
        if let sqlite = db as? any SQLiteDatabase {
            try await sqlite.query(sql(placeholder: { "?\($0)" }, site: false), [.text(project.text)]) { _ in count.n += 1 }
        } else if let postgres = db as? any PostgresDatabase {
            try await postgres.query(sql(placeholder: { "$\($0)" }, site: false), [PostgresData(uuid: project)]) { _ in count.n += 1 }.get()
        }
        return count.n
    }
}

extension ParticipationRow {
    init?(sqlite row: SQLiteRow) {
        func text(_ c: String) -> String? { row.column(c)?.string }
        func int(_ c: String) -> Int? { row.column(c)?.integer.map { Int($0) } }
        func bool(_ c: String) -> Bool? { row.column(c)?.integer.map { $0 != 0 } }
        func uuid(_ c: String) -> UUID? { text(c).flatMap(UUID.init(text:)) }
        guard let enrolment = uuid("enrolment_id"), let participant = uuid("participant_id"),
            let birth = text("birth_date"), let gender = text("gender"), let start = text("start_date")
        else { return nil }
        self.init(
            enrolment_id: enrolment, participant_id: participant, site_id: uuid("site_id"), birth_date: birth, gender: gender,
            start_date: start, end_date: text("end_date"), labour_status: text("labour_status"), unemployed_months: int("unemployed_months"),
            isced: int("isced"), disability: text("disability"), foreign_background: text("foreign_background"), minority: text("minority"),
            other_disadvantage: text("other_disadvantage"), third_country_national: bool("third_country_national"),
            homeless: bool("homeless"), rural: bool("rural"), exit_situation: text("exit_situation"),
            exit_situation_date: text("exit_situation_date"), qualification_gained: bool("qualification_gained"),
            service_outcome: text("service_outcome"), followup_date: text("followup_date"), followup_employed: bool("followup_employed"),
            followup_improvements: text("followup_improvements"), project_outcome_id: uuid("project_outcome_id"))
    }

    /// Straight from the cells' bytes (`PostgresCells`), in the order of `columns`.
    init(postgres row: PostgresRow) throws {
        var c = PostgresCells(row)
        struct Missing: Error {}
        func required<T>(_ v: T?) throws -> T { guard let v else { throw Missing() }; return v }
        self.init(
            enrolment_id: try required(c.uuid()), participant_id: try required(c.uuid()), site_id: try c.uuid(),
            birth_date: try required(c.string()), gender: try required(c.string()), start_date: try required(c.string()),
            end_date: try c.string(), labour_status: try c.string(), unemployed_months: try c.int(), isced: try c.int(),
            disability: try c.string(), foreign_background: try c.string(), minority: try c.string(),
            other_disadvantage: try c.string(), third_country_national: try c.bool(), homeless: try c.bool(), rural: try c.bool(),
            exit_situation: try c.string(), exit_situation_date: try c.string(), qualification_gained: try c.bool(),
            service_outcome: try c.string(), followup_date: try c.string(), followup_employed: try c.bool(),
            followup_improvements: try c.string(), project_outcome_id: try c.uuid())
    }
}
