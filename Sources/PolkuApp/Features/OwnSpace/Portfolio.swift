import Foundation
import PolkuCore
import SQLKit
import Vapor

/// "Oma portfolioni" (issue 15): texts, links, pictures and documents the participant keeps, orders
/// and removes. It is theirs: the team sees an entry only while the participant shares it, and the
/// whole portfolio leaves as a ZIP they keep after the project. Files are `StoredFiles` (facts in the
/// database, bytes beside the database on SQLite and in it on PostgreSQL), checked by
/// `PortfolioFile` and only ever downloaded as attachments.
enum Portfolio {
    static let titleMax = 200
    static let bodyMax = 5_000
    static let maxEntries = 200
    static let fields = ["title", "body", "url", "shared"]

    struct Entry: Decodable, Equatable {
        let id: UUID
        let kind: String
        let title: String
        let body: String
        let url: String?
        let file_id: UUID?
        let file_name: String?
        let content_type: String?
        let byte_count: Int64?
        let position: Int
        let shared: Bool
        let created_at: Date

        var isImage: Bool { content_type?.hasPrefix("image/") == true }
    }

    /// The participant's entries in their order; only the shared ones when `sharedOnly` (staff).
    static func entries(of participant: UUID, sharedOnly: Bool = false, on sql: any SQLDatabase) async throws -> [Entry] {
        try await sql.raw(entriesQuery(of: participant, sharedOnly: sharedOnly)).all(decoding: Entry.self)
    }

    static func entriesQuery(of participant: UUID, sharedOnly: Bool) -> SQLQueryString {
        let shared: SQLQueryString = sharedOnly ? "AND e.shared = \(bind: true)" : ""
        return """
            SELECT e.id, e.kind, e.title, e.body, e.url, e.file_id, f.name AS file_name, f.content_type, f.byte_count,
                   e.position, e.shared, e.created_at
            FROM portfolio_entries e LEFT JOIN stored_files f ON f.id = e.file_id
            WHERE e.participant_id = \(bind: participant) \(shared)
            ORDER BY e.position, e.created_at
            """
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        try await req.audit.record(.participantView, participant: pid, detail: "own portfolio")
        return page(try await entries(of: pid, on: req.db.sql), state: FormState(), context: req.pageContext).response()
    }

    /// A new entry: a title and at least one of a text, a link or a file.
    @Sendable static func add(req: Request, upload: StreamedUpload) async throws -> Response {
        let (pid, user) = try req.guardedSelf()
        let sql = req.db.sql
        var state = FormState(values: upload.fields.filter { fields.contains($0.key) })
        let title = state.text("title", required: true, max: titleMax)
        let body = state.text("body", max: bodyMax)
        let url = state.text("url", max: 2_000)
        if !url.isEmpty, !(URLComponents(string: url).map { ["http", "https"].contains($0.scheme?.lowercased() ?? "") && $0.host?.isEmpty == false } ?? false) {
            state.errors["url"] = "portfolio.error.url"
        }
        let existing = try await entries(of: pid, on: sql)
        if existing.count >= maxEntries { state.errors["title"] = "portfolio.error.full_entries" }
        var kind: PortfolioFile.Kind? = nil
        if upload.file != nil {
            let used = Int(existing.compactMap(\.byte_count).reduce(0, +))
            switch PortfolioFile.check(name: upload.fileName ?? "", size: upload.fileBytes, head: upload.head, usedBytes: used) {
            case .success(let k): kind = k
            case .failure(let problem): state.errors["file"] = message(problem)
            }
        } else if body.isEmpty && url.isEmpty && state.errors["url"] == nil {
            state.errors["body"] = "portfolio.error.nothing"
        }
        guard state.isValid else {
            if upload.file != nil && state.errors["file"] == nil { state.errors["file"] = "portfolio.error.choose_again" }
            return page(existing, state: state, context: req.pageContext, status: .unprocessableEntity).response()
        }
        var stored: UUID? = nil
        if let file = upload.file, let kind {
            stored = try await StoredFiles.store(
                contentsOf: file, name: upload.fileName ?? "tiedosto.\(kind.ending)", contentType: kind.contentType, purpose: .portfolio,
                owner: user, app: req.application, keptUntil: .distantFuture)
        }
        let fileID = stored, shared = state["shared"] == "on"
        let id = req.application.newID()
        let position = (existing.map(\.position).max() ?? 0) + 1
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO portfolio_entries (id, participant_id, kind, title, body, url, file_id, position, shared, created_at)
                VALUES (\(bind: id), \(bind: pid), \(bind: fileID != nil ? "file" : url.isEmpty ? "text" : "link"), \(bind: title), \(bind: body),
                  \(bind: url.isEmpty ? nil : url), \(bind: fileID), \(bind: position), \(bind: shared), \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.participantUpdate, participant: pid, detail: "own portfolio entry added", on: db)
        }
        req.flash("portfolio.added")
        return req.redirect(SiteURL.myPortfolio.relativeURL(fragment: "entry-\(id)"))
    }

    static func message(_ problem: PortfolioFile.Problem) -> String {
        switch problem {
        case .empty: "portfolio.error.empty"
        case .tooLarge(let max): "portfolio.error.too_large:\(max / 1_048_576)"
        case .portfolioFull(let max): "portfolio.error.full:\(max / 1_048_576)"
        case .typeNotAllowed: "portfolio.error.type:\(PortfolioFile.endings.joined(separator: ", "))"
        case .contentMismatch(let ending): "portfolio.error.mismatch:\(ending)"
        }
    }

    /// The participant's own entry named in the path, or 404 (another person's entry looks the same as none).
    static func ownEntry(_ req: Request) async throws -> (participant: UUID, entry: Entry) {
        let (pid, _) = try req.guardedSelf()
        guard let id = req.parameters.get("entry", as: UUID.self),
            let entry = try await entries(of: pid, on: req.db.sql).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        return (pid, entry)
    }

    /// One place up or down; the neighbour takes its place.
    @Sendable static func move(req: Request) async throws -> Response {
        let (pid, entry) = try await ownEntry(req)
        guard let direction = try? req.content.get(String.self, at: "direction"), ["up", "down"].contains(direction) else {
            throw Abort(.badRequest, reason: "missing fields: direction")
        }
        let all = try await entries(of: pid, on: req.db.sql)
        guard let at = all.firstIndex(of: entry) else { throw Abort(.notFound) }
        let other = direction == "up" ? at - 1 : at + 1
        if all.indices.contains(other) {
            // Positions are renumbered in order, so equal or missing numbers never stop a move.
            var swapped = all.map(\.id)
            swapped.swapAt(at, other)
            let order = swapped
            try await req.db.writeTransaction { db in
                for (n, id) in order.enumerated() {
                    try await db.sql.raw("UPDATE portfolio_entries SET position = \(bind: n + 1) WHERE id = \(bind: id)").run()
                }
                try await req.audit.record(.participantUpdate, participant: pid, detail: "own portfolio order", on: db)
            }
        }
        return req.redirect(SiteURL.myPortfolio.relativeURL(fragment: "entry-\(entry.id)"))
    }

    @Sendable static func share(req: Request) async throws -> Response {
        let (pid, entry) = try await ownEntry(req)
        guard let shared = try? req.content.get(String.self, at: "shared"), ["true", "false"].contains(shared) else {
            throw Abort(.badRequest, reason: "missing fields: shared")
        }
        try await req.db.writeTransaction { db in
            try await db.sql.raw("UPDATE portfolio_entries SET shared = \(bind: shared == "true") WHERE id = \(bind: entry.id)").run()
            try await req.audit.record(.participantUpdate, participant: pid, detail: "own portfolio entry \(shared == "true" ? "shared" : "unshared")", on: db)
        }
        req.flash(shared == "true" ? "portfolio.shared_now" : "portfolio.unshared_now", entry.title)
        return req.redirect(SiteURL.myPortfolio.relativeURL(fragment: "entry-\(entry.id)"))
    }

    /// The question before removing: the entry and its file go for good.
    @Sendable static func confirmDelete(req: Request) async throws -> Response {
        let (_, entry) = try await ownEntry(req)
        return deletePage(entry, context: req.pageContext).response()
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        let (pid, entry) = try await ownEntry(req)
        // Only the confirming form removes: a post without its field changes nothing.
        guard (try? req.content.get(String.self, at: "confirm")) == "yes" else { throw Abort(.badRequest, reason: "missing fields: confirm") }
        try await req.db.writeTransaction { db in
            try await db.sql.raw("DELETE FROM portfolio_entries WHERE id = \(bind: entry.id)").run()
            if let file = entry.file_id { try await StoredFiles.delete(file, on: db.sql) }
            try await req.audit.record(.participantUpdate, participant: pid, detail: "own portfolio entry removed", on: db)
        }
        req.flash("portfolio.removed", entry.title)
        return req.redirect(to: .myPortfolio)
    }

    @Sendable static func file(req: Request) async throws -> Response {
        let (pid, entry) = try await ownEntry(req)
        return try await download(req, participant: pid, entry: entry, detail: "own portfolio file")
    }

    /// A shared entry's file for the team; an entry not shared is as if it were not there.
    @Sendable static func staffFile(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        guard let id = req.parameters.get("entry", as: UUID.self),
            let entry = try await entries(of: scope.participantID, sharedOnly: true, on: req.db.sql).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        return try await download(req, participant: scope.participantID, entry: entry, detail: "portfolio file shared by the participant")
    }

    static func download(_ req: Request, participant: UUID, entry: Entry, detail: String) async throws -> Response {
        guard let fileID = entry.file_id, let info = try await StoredFiles.info(fileID, on: req.db.sql) else { throw Abort(.notFound) }
        try await req.audit.record(.participantView, participant: participant, detail: detail)
        return StoredFiles.download(info, name: info.name, contentType: info.content_type, on: req.db.sql)
    }
}
