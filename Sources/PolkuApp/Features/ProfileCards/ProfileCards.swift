import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Client profile cards (RUORI2's asiakasprofiilikortit; issue 16): a project's deck of discussion
/// cards — a title, a short text and maybe a picture — kept by its team and printed as A6 cards.
/// Pictures are checked as portfolio files are (`PortfolioFile`, pictures only) and kept as
/// `StoredFiles`.
enum ProfileCards {
    static let textMax = 600

    struct Card: Decodable, Equatable { let id: UUID; let title: String; let text: String; let image_id: UUID? }

    static func cards(project: UUID, on sql: any SQLDatabase) async throws -> [Card] {
        try await sql.raw(
            "SELECT id, title, text, image_id FROM profile_cards WHERE project_id = \(bind: project) ORDER BY position, created_at"
        ).all(decoding: Card.self)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        return try await indexPage(req, project: project, state: FormState())
    }

    static func indexPage(_ req: Request, project: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let sql = req.db.sql
        return listPage(
            project: project, name: try await Surveys.project(project, on: sql), cards: try await cards(project: project, on: sql), state: state,
            context: req.pageContext, status: status
        ).response()
    }

    @Sendable static func add(req: Request, upload: StreamedUpload) async throws -> Response {
        let (project, _, actor) = try req.guardedProject()
        var state = FormState(values: upload.fields.filter { ["title", "text"].contains($0.key) })
        let title = state.text("title", required: true, max: 120)
        let text = state.text("text", required: true, max: textMax)
        var kind: PortfolioFile.Kind? = nil
        if upload.file != nil {
            switch PortfolioFile.check(name: upload.fileName ?? "", size: upload.fileBytes, head: upload.head) {
            case .success(let k) where k.isImage: kind = k
            case .success: state.errors["image"] = "cards.error.not_image"
            case .failure(let problem): state.errors["image"] = Portfolio.message(problem)
            }
        }
        guard state.isValid else {
            if upload.file != nil && state.errors["image"] == nil { state.errors["image"] = "portfolio.error.choose_again" }
            return try await indexPage(req, project: project, state: state, status: .unprocessableEntity)
        }
        var stored: UUID? = nil
        if let file = upload.file, let kind {
            stored = try await StoredFiles.store(
                contentsOf: file, name: upload.fileName ?? "kortti.\(kind.ending)", contentType: kind.contentType, purpose: .portfolio,
                owner: actor.userID, app: req.application, keptUntil: .distantFuture)
        }
        let image = stored
        let position = (try await cards(project: project, on: req.db.sql).count) + 1
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO profile_cards (id, project_id, title, text, image_id, position, created_at)
                VALUES (\(bind: req.application.newID()), \(bind: project), \(bind: title), \(bind: text), \(bind: image), \(bind: position), \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: project, detail: "profile card added", on: db)
        }
        req.flash("cards.added")
        return req.redirect(to: .projectCards(.value(project)))
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        guard let id = req.parameters.get("card", as: UUID.self), let card = try await cards(project: project, on: req.db.sql).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        guard (try? req.content.get(String.self, at: "confirm")) == "yes" else { throw Abort(.badRequest, reason: "missing fields: confirm") }
        try await req.db.writeTransaction { db in
            try await db.sql.raw("DELETE FROM profile_cards WHERE id = \(bind: id)").run()
            if let image = card.image_id { try await StoredFiles.delete(image, on: db.sql) }
            try await req.audit.record(.projectUpdate, project: project, detail: "profile card removed", on: db)
        }
        req.flash("cards.removed", card.title)
        return req.redirect(to: .projectCards(.value(project)))
    }

    @Sendable static func image(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        guard let id = req.parameters.get("card", as: UUID.self),
            let imageID = try await cards(project: project, on: req.db.sql).first(where: { $0.id == id })?.image_id,
            let info = try await StoredFiles.info(imageID, on: req.db.sql)
        else { throw Abort(.notFound) }
        return StoredFiles.download(info, name: info.name, contentType: info.content_type, on: req.db.sql)
    }

    /// The deck on A6 pages: one card a page, the picture above its text.
    @Sendable static func print(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        let sql = req.db.sql
        return printPage(project: project, name: try await Surveys.project(project, on: sql), cards: try await cards(project: project, on: sql), context: req.pageContext)
            .response()
    }
}
