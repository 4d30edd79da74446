import Fluent
import SQLKit
import Vapor

/// The people behind one figure of a report, for the project's own staff: a list of names, each a
/// link to the person, a page at a time. A figure of a national project can stand for 100,000
/// people; one page of them is what a person reads (and what the audit records as seen).
enum ReportPeople {
    /// People on one page of the list.
    static let pageSize = 100

    /// One page of people, in name order (ties by id), after the person `after` (the last of the
    /// previous page). The whole list is in memory: the page is picked in one pass, keeping only the
    /// smallest `size` rows past the cursor (sorting 100,000 names for 50 of them took seconds).
    struct Listing {
        let rows: [(id: UUID, name: String)]
        let total: Int
        let isFirst: Bool
        let hasMore: Bool

        init(_ people: [(id: UUID, name: String)], after: UUID?, size: Int = ReportPeople.pageSize) {
            let cursor = after.flatMap { a in people.first { $0.id == a } }
            var page: [(id: UUID, name: String)] = []
            var past = 0
            page.reserveCapacity(size + 1)
            for p in people {
                if let cursor, !Self.precedes(cursor, p) { continue }
                past += 1
                if page.count == size, let last = page.last, !Self.precedes(p, last) { continue }
                var lo = 0, hi = page.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if Self.precedes(page[mid], p) { lo = mid + 1 } else { hi = mid }
                }
                page.insert(p, at: lo)
                if page.count > size { page.removeLast() }
            }
            rows = page
            total = people.count
            isFirst = cursor == nil
            hasMore = past > size
        }

        /// Name order, ties by id (spelled only for a tie).
        static func precedes(_ a: (id: UUID, name: String), _ b: (id: UUID, name: String)) -> Bool {
            a.name != b.name ? a.name < b.name : a.id.text < b.id.text
        }
    }

    /// The list's page; `label` says which figure it is, `query` is the report's filter (kept by the
    /// paging links); `list` draws the rows when they are more than names.
    static func page(
        _ label: String, project: (id: UUID, name: String), listing: Listing, query: [(String, String)], context: PageContext,
        list: ((Listing) -> Node)? = nil
    ) -> Page {
        let t = context.t
        let here = SiteURL.projectReportPeople(.value(project.id))
        return Page(
            context, title: t("report.people", label),
            breadcrumbs: [
                (t("projects.title"), SiteURL.projects.relativeURL()), (project.name, SiteURL.project(.value(project.id)).relativeURL()),
                (t("report.link"), SiteURL.projectReport(.value(project.id)).relativeURL()),
            ]
        ) {
            if listing.rows.isEmpty {
                h("p") { t("report.people.none") }
            } else {
                if listing.total > listing.rows.count { h("p") { t("report.people.count", String(listing.total)) } }
                if let list {
                    list(listing)
                } else {
                    h("ul") { for p in listing.rows { h("li") { h("a", ["href": SiteURL.participant(.value(p.id)).relativeURL()]) { p.name } } } }
                }
                Pager(
                    label: t("participants.paging"),
                    first: listing.isFirst ? nil : (t("participants.first_page"), here.relativeURL(query)),
                    next: listing.hasMore ? listing.rows.last.map { (t("participants.next_page"), here.relativeURL(query + [("after", $0.id.text)])) } : nil
                ).node
            }
        }
    }

    /// "Last, First" for the given participants of `project`: a few in queries of 500 ids; many in
    /// one pass over the project's people (at 100,000, 200 queries of 500 binds took seconds).
    static func names(_ ids: [UUID], project: UUID, on db: any Database, manyFrom: Int = 2_000) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { let id: UUID; let first_name: String; let last_name: String }
        var result: [UUID: String] = [:]
        let unique = Array(Set(ids))
        if unique.count >= manyFrom {
            // Streamed: each row is kept only if wanted, none are held as rows.
            let wanted = Set(unique)
            let names = NameSink()
            try await db.sql.raw(
                """
                SELECT p.id, p.first_name, p.last_name FROM participants p
                WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.project_id = \(bind: project))
                """
            ).run { row in
                guard let r = try? row.decode(model: Row.self), wanted.contains(r.id) else { return }
                names.add(r.id, "\(r.last_name), \(r.first_name)")
            }
            return names.taken()
        }
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let rows = try await db.sql.select().columns("id", "first_name", "last_name").from("participants")
                .where("id", .in, SQLBind.group(chunk)).all(decoding: Row.self)
            for r in rows { result[r.id] = "\(r.last_name), \(r.first_name)" }
        }
        return result
    }

    /// Names collected while rows arrive on the database's event loop.
    private final class NameSink: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [UUID: String] = [:]
        func add(_ id: UUID, _ name: String) { lock.lock(); names[id] = name; lock.unlock() }
        func taken() -> [UUID: String] { lock.lock(); defer { lock.unlock() }; return names }
    }
}
