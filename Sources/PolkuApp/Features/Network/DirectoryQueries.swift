import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The directory's search: words (all must match), category, area, language and threshold, paged by
/// name with a keyset. Small rows, one query.
enum DirectoryQueries {
    static let pageSize = 20

    struct Filter: Sendable {
        var words: [String] = []
        var category: ServiceCategory?
        var area: String?
        var language: String?
        var threshold: Threshold?
        var includeInactive = false
    }

    struct Row: Decodable, Sendable {
        let id: UUID; let name: String; let name_sv: String?; let name_en: String?; let category: String; let threshold: String
        let areas: String; let languages: String; let organisation_name: String; let checked_on: String; let active: Bool
    }

    static func search(_ f: Filter, after: (name: String, id: UUID)?, on db: any Database) async throws -> (rows: [Row], more: Bool) {
        var q: SQLQueryString = """
            SELECT s.id, s.name, s.name_sv, s.name_en, s.category, s.threshold, s.areas, s.languages, o.name AS organisation_name, s.checked_on, s.active
            FROM services s JOIN organisations o ON o.id = s.organisation_id WHERE 1 = 1
            """
        if !f.includeInactive { q.appendLiteral(" AND s.active = "); q.appendInterpolation(bind: true) }
        for w in f.words.prefix(8) {
            q.appendLiteral(" AND s.search_text LIKE ")
            q.appendInterpolation(bind: "%" + ParticipantQueries.likeEscaped(w) + "%")
            q.appendLiteral(" ESCAPE '!'")
        }
        if let c = f.category { q.appendLiteral(" AND s.category = "); q.appendInterpolation(bind: c.rawValue) }
        if let t = f.threshold { q.appendLiteral(" AND s.threshold = "); q.appendInterpolation(bind: t.rawValue) }
        if let a = f.area {
            q.appendLiteral(" AND s.areas LIKE ")
            q.appendInterpolation(bind: "%," + ParticipantQueries.likeEscaped(a.lowercased()) + ",%")
            q.appendLiteral(" ESCAPE '!'")
        }
        if let l = f.language {
            q.appendLiteral(" AND s.languages LIKE ")
            q.appendInterpolation(bind: "%," + ParticipantQueries.likeEscaped(l) + ",%")
            q.appendLiteral(" ESCAPE '!'")
        }
        if let after {
            q.appendLiteral(" AND (s.name > ")
            q.appendInterpolation(bind: after.name)
            q.appendLiteral(" OR (s.name = ")
            q.appendInterpolation(bind: after.name)
            q.appendLiteral(" AND s.id > ")
            q.appendInterpolation(bind: after.id)
            q.appendLiteral("))")
        }
        q.appendLiteral(" ORDER BY s.name, s.id LIMIT \(pageSize + 1)")
        let rows = try await db.sql.raw(q).all(decoding: Row.self)
        return (Array(rows.prefix(pageSize)), rows.count > pageSize)
    }

    /// The areas and languages the active services name, for the search form's choices.
    static func choices(on db: any Database) async throws -> (areas: [String], languages: [String]) {
        struct R: Decodable { let areas: String; let languages: String }
        let rows = try await db.sql.raw("SELECT DISTINCT areas, languages FROM services WHERE active = \(bind: true)").all(decoding: R.self)
        var areas = Set<String>(), languages = Set<String>()
        for r in rows { areas.formUnion(Service.listItems(r.areas)); languages.formUnion(Service.listItems(r.languages)) }
        return (areas.sorted(), languages.sorted())
    }
}
