import Fluent
import Foundation
import SQLKit

/// The participant list: the people of the projects whose people the actor sees, a page at a time
/// (keyset: `after` is the last person of the previous page), narrowed to one project or a search.
enum ParticipantList {
    struct Choice: Equatable { let id: UUID; let name: String }

    /// What the query string asks for, already checked.
    struct Input: Equatable {
        /// A name or part of one; at most 100 characters are used.
        var search = ""
        var project: UUID?
        var after: UUID?
    }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        var input: Input
        var rows: [ParticipantQueries.ListRow] = []
        var hasMore = false
        /// The projects the filter offers: those whose people the actor sees.
        var projects: [Choice] = []
        /// Whether the actor may add people (the "new participant" button).
        var canAdd = false

        /// The query string that keeps the filter and search across pages.
        var filterQuery: [(String, String)] {
            var query: [(String, String)] = []
            if let project = input.project { query.append(("project", project.text)) }
            if !input.search.isEmpty { query.append(("q", input.search)) }
            return query
        }
    }

    enum Refusal: Error, Equatable {
        /// A project the actor does not see people of, or not an id: the list is not there for them.
        case unknownProject
        /// `after` is not an id.
        case badAnchor
    }

    /// Reads the query string's `q`, `project` and `after` for `actor`.
    static func input(q: String?, project: String?, after: String?, actor: Actor) -> Result<Input, Refusal> {
        var input = Input(search: String((q ?? "").prefix(100)))
        if let project, !project.isEmpty {
            guard let id = UUID(text: project), actor.projectsSeeingPeople.contains(id) else { return .failure(.unknownProject) }
            input.project = id
        }
        if let after, !after.isEmpty {
            guard let id = UUID(text: after) else { return .failure(.badAnchor) }
            input.after = id
        }
        return .success(input)
    }

    /// Reads one page of the list; the projects for the filter came with the actor.
    static func query(_ input: Input, actor: Actor, on db: any Database) async throws -> Model {
        let projects = input.project.map { [$0] } ?? actor.projectsSeeingPeople
        let page = try await ParticipantQueries.list(on: db, projects: projects, search: input.search, after: input.after)
        var model = Model(input: input, rows: page.rows, hasMore: page.hasMore, canAdd: !actor.projectsWritingPeople.isEmpty)
        model.projects = actor.named(actor.projectsSeeingPeople).map { Choice(id: $0.id, name: $0.name) }
        return model
    }
}
