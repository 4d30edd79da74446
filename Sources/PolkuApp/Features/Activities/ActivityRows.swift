import PolkuCore
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// The activity report's two large reads (every held session and every attendance of a project)
/// decoded with the drivers' own decoders, as `ParticipationStream` does for the ESF report: through
/// SQLKit's generic `Decodable` path the decoding cost more than the queries.
package enum ActivityRows {
    /// A condition's values; the SQL text uses `{}` where each goes, in order.
    enum Value: Sendable { case uuid(UUID), text(String), bool(Bool) }

    struct Session: Sendable {
        let id: UUID, activity: UUID, date: String
        /// on site, online, women, men, non-binary, under 18, 18–29, 30–54, 55+
        let heads: [Int?]
    }

    static let headColumns =
        "s.head_on_site, s.head_online, s.head_women, s.head_men, s.head_other_gender, s.head_age_under_18, s.head_age_18_29, s.head_age_30_54, s.head_age_55_plus"

    final class Collected<T>: @unchecked Sendable {
        var items: [T] = []
    }

    static func sessions(on db: any Database, scope: String, values: [Value]) async throws -> [Session] {
        let text = "SELECT s.id, s.activity_id, s.date, \(headColumns) \(scope)"
        let out = Collected<Session>()
        try await run(
            db, text, values,
            sqlite: { row in
                guard let id = row.column("id")?.string.flatMap(UUID.init(text:)), let a = row.column("activity_id")?.string.flatMap(UUID.init(text:)),
                    let date = row.column("date")?.string
                else { return }
                let heads: [Int?] = [
                    "head_on_site", "head_online", "head_women", "head_men", "head_other_gender", "head_age_under_18", "head_age_18_29",
                    "head_age_30_54", "head_age_55_plus",
                ].map { c in row.column(c)?.integer.map { Int($0) } }
                out.items.append(Session(id: id, activity: a, date: date, heads: heads))
            },
            postgres: { row in
                var c = PostgresCells(row)
                guard let id = try c.uuid(), let activity = try c.uuid(), let date = try c.string() else { return }
                out.items.append(Session(id: id, activity: activity, date: date, heads: try (3..<12).map { _ in try c.int() }))
            })
        return out.items
    }

    /// (session, participant) pairs.
    static func attendances(on db: any Database, scope: String, values: [Value]) async throws -> [(UUID, UUID)] {
        let text =
            "SELECT t.session_id, t.participant_id FROM attendances t JOIN activity_sessions s ON s.id = t.session_id \(scope.replacingOccurrences(of: "FROM activity_sessions s ", with: ""))"
        let out = Collected<(UUID, UUID)>()
        try await run(
            db, text, values,
            sqlite: { row in
                guard let s = row.column("session_id")?.string.flatMap(UUID.init(text:)),
                    let p = row.column("participant_id")?.string.flatMap(UUID.init(text:))
                else { return }
                out.items.append((s, p))
            },
            postgres: { row in
                var c = PostgresCells(row)
                guard let s = try c.uuid(), let p = try c.uuid() else { return }
                out.items.append((s, p))
            })
        return out.items
    }

    static func run(
        _ db: any Database, _ text: String, _ values: [Value],
        sqlite: @escaping @Sendable (SQLiteRow) -> Void, postgres: @escaping @Sendable (PostgresRow) throws -> Void
    ) async throws {
        if let lite = db as? any SQLiteDatabase {
            let binds: [SQLiteData] = values.map {
                switch $0 {
                case .uuid(let u): .text(u.text);
                case .text(let s): .text(s);
                case .bool(let b): .integer(b ? 1 : 0)
                }
            }
            try await lite.query(placeholders(text) { "?\($0)" }, binds) { sqlite($0) }
        } else if let pg = db as? any PostgresDatabase {
            let binds: [PostgresData] = values.map {
                switch $0 {
                case .uuid(let u): PostgresData(uuid: u);
                case .text(let s): PostgresData(string: s);
                case .bool(let b): PostgresData(bool: b)
                }
            }
            try await pg.query(placeholders(text) { "$\($0)" }, binds) { try postgres($0) }.get()
        } else {
            throw DatabaseUnsupported()
        }
    }

    struct DatabaseUnsupported: Error {}

    /// The activity report's floor for `polku bench` (issue 11): its two large reads through the same
    /// driver, every row read to the end and nothing done with it.
    package static func floor(on db: any Database, project: UUID, today: String) async throws -> Int {
        final class Count: @unchecked Sendable { var n = 0 }
        let count = Count()
        let scope = "FROM activity_sessions s JOIN activities a ON a.id = s.activity_id WHERE a.project_id = {} AND s.cancelled = {} AND s.date <= {}"
        let values: [Value] = [.uuid(project), .bool(false), .text(today)]
        for text in [
            "SELECT s.id, s.activity_id, s.date, \(headColumns) \(scope)",
            "SELECT t.session_id, t.participant_id FROM attendances t JOIN activity_sessions s ON s.id = t.session_id JOIN activities a ON a.id = s.activity_id WHERE a.project_id = {} AND s.cancelled = {} AND s.date <= {}",
        ] {
            try await run(db, text, values, sqlite: { _ in count.n += 1 }, postgres: { _ in count.n += 1 })
        }
        return count.n
    }

    /// Replaces each `{}` with the driver's numbered placeholder.
    static func placeholders(_ text: String, _ make: (Int) -> String) -> String {
        var out = "", n = 0
        var rest = Substring(text)
        while let r = rest.range(of: "{}") {
            n += 1
            out += rest[..<r.lowerBound] + make(n)
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
