import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The public directory's search page: anyone, without logging in, finds services by words, category,
/// area, language and threshold, in plain language; staff also see which details are out of date.
enum DirectorySearch {
    static let fields = ["q", "category", "area", "language", "threshold", "after"]

    struct Choice: Decodable, Equatable { let id: UUID; let name: String }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        /// The search as asked and what was wrong with it.
        var state: FormState
        var rows: [DirectoryQueries.Row] = []
        var more = false
        /// The areas and languages some active service has, for the form's choices.
        var areas: [String] = []
        var languages: [String] = []
        /// Signed-in staff see when a service's details were last checked.
        var staff = false
        /// The organisations the actor works for as a provider, with links to their services and inbox.
        var providerOf: [Choice] = []
        /// Administrators and project managers get a link to the network's figures.
        var showsNetworkLink = false

        /// The next page's address, keeping the search.
        func next(after id: UUID) -> String {
            var items = [("after", id.text)]
            for key in ["q", "category", "area", "language", "threshold"] where !state[key].isEmpty { items.append((key, state[key])) }
            return SiteURL.directory.relativeURL(items)
        }
    }

    /// Runs the search `state` asks for; a bad choice shows the form with its message and no results.
    static func query(_ state: FormState, actor: Actor?, providerOf: [UUID], on db: any Database) async throws -> Model {
        var state = state
        var f = DirectoryQueries.Filter()
        f.words = SearchKey.make(state.text("q", max: 200)).split(separator: " ").map(String.init)
        f.category = state.choice("category", ServiceCategory.self, required: false)
        f.threshold = state.choice("threshold", Threshold.self, required: false)
        let (areas, languages) = try await DirectoryQueries.choices(on: db)
        if !state["area"].isEmpty { if areas.contains(state["area"].lowercased()) { f.area = state["area"] } else { state.errors["area"] = "error.choice" } }
        if !state["language"].isEmpty { if languages.contains(state["language"]) { f.language = state["language"] } else { state.errors["language"] = "error.choice" } }
        let sql = db.sql
        var after: (String, UUID)? = nil
        if let id = state.uuid("after", required: false),
            let anchor = try await sql.select().columns("id", "name").from(Service.schema).where("id", .equal, id).first(decoding: Choice.self)
        {
            after = (anchor.name, id)
        }
        var m = Model(state: state, areas: areas, languages: languages, staff: actor != nil)
        if state.isValid { (m.rows, m.more) = try await DirectoryQueries.search(f, after: after, on: db) }
        if !providerOf.isEmpty {
            m.providerOf = try await sql.select().columns("id", "name").from(Organisation.schema).where("id", .in, SQLBind.group(providerOf)).orderBy("name")
                .all(decoding: Choice.self)
        }
        m.showsNetworkLink = actor.map { $0.isAdmin || !$0.projectsManaged.isEmpty } ?? false
        return m
    }
}
