import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The texts of a project's public page, as the seeds' project pages have them. The manager edits a
/// draft; publishing copies the draft to what the public sees and records who and when, so a half
/// written change never shows and the page says when it was last published.
package enum ProjectTexts {
    enum Section: String, CaseIterable, Sendable {
        case results, solution
        case goodPractices = "good_practices"
        case transfer, transferred
        case before, during, after
    }

    /// Sections are short articles; a seed's longest is about 2,500 characters.
    static let maxLength = 10_000

    struct Stored: Sendable, Equatable {
        var draft: [String: String] = [:]
        var published: [String: String]? = nil
        var publishedAt: Date? = nil
        var publishedBy: String? = nil
        var isPublished: Bool { published != nil }
        /// The draft differs from what the public sees.
        var hasChanges: Bool { published != draft.filter { !$0.value.isEmpty } }
    }

    static func load(_ project: UUID, on sql: any SQLDatabase) async throws -> Stored {
        struct Row: Decodable { let draft: String; let published: String?; let published_at: Date?; let published_by: String? }
        guard
            let r = try await sql.raw(
                "SELECT draft, published, published_at, published_by FROM project_pages WHERE project_id = \(bind: project)"
            ).first(decoding: Row.self)
        else { return Stored() }
        return Stored(draft: decode(r.draft), published: r.published.map(decode), publishedAt: r.published_at, publishedBy: r.published_by)
    }

    static func decode(_ json: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }

    static func encode(_ texts: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(texts.filter { !$0.value.isEmpty })) ?? Data("{}".utf8), as: UTF8.self)
    }

    package static func saveDraft(_ project: UUID, _ texts: [String: String], now: Date, on sql: any SQLDatabase) async throws {
        let json = encode(texts)
        try await sql.raw(
            """
            INSERT INTO project_pages (project_id, draft, updated_at) VALUES (\(bind: project), \(bind: json), \(bind: now))
            ON CONFLICT (project_id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at
            """
        ).run()
    }

    /// Publishes the draft as it is now; `by` is the publisher's name as shown on the page's history.
    package static func publish(_ project: UUID, by name: String, now: Date, on sql: any SQLDatabase) async throws {
        let json = encode(try await load(project, on: sql).draft)
        try await sql.raw(
            """
            INSERT INTO project_pages (project_id, draft, published, published_at, published_by, updated_at)
            VALUES (\(bind: project), \(bind: json), \(bind: json), \(bind: now), \(bind: name), \(bind: now))
            ON CONFLICT (project_id) DO UPDATE SET published = excluded.published, published_at = excluded.published_at,
              published_by = excluded.published_by, updated_at = excluded.updated_at
            """
        ).run()
    }

    static func unpublish(_ project: UUID, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            "UPDATE project_pages SET published = NULL, published_at = NULL, published_by = NULL, updated_at = \(bind: now) WHERE project_id = \(bind: project)"
        ).run()
    }
}
