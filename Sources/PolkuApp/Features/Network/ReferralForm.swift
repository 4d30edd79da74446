import Fluent
import PolkuCore
import SQLKit
import Vapor

/// The form that refers one participant to a service: first finding the service (suggestions from
/// the person's goals and assessments, or a search), then what is shared and the consent.
struct ReferralForm {
    /// The service chosen, in the reader's language.
    struct Chosen: Equatable { let id: UUID; let name: String; let organisation: String; let active: Bool }
    struct Found: Equatable { let id: UUID; let name: String; let organisation: String }

    var participantID: UUID
    var firstName: String
    var lastName: String
    var chosen: Chosen?
    var suggestions: [Suggestions.Suggestion] = []
    var found: [Found] = []
    /// The projects the worker could refer the person in, as id and name.
    var projects: [(id: UUID, name: String)] = []
    var state: FormState

    /// What the form shows for `state` ("service" chosen, or "q" searched); nil when the person is gone.
    static func query(_ scope: ParticipantScope, state: FormState, lang: Lang, on db: any Database) async throws -> ReferralForm? {
        let pid = scope.participantID
        struct Person: Decodable { let first_name: String; let last_name: String }
        guard let p = try await db.sql.raw("SELECT first_name, last_name FROM participants WHERE id = \(bind: pid)").first(decoding: Person.self)
        else { return nil }
        var model = ReferralForm(participantID: pid, firstName: p.first_name, lastName: p.last_name, state: state)
        if let service = UUID(text: state["service"]),
            let s = try await Service.query(on: db).filter(\.$id == service).with(\.$organisation).first()
        {
            model.chosen = Chosen(id: try s.requireID(), name: s.localizedName(lang.rawValue), organisation: s.organisation.name, active: s.active)
        }
        if model.chosen == nil {
            var f = DirectoryQueries.Filter()
            f.words = SearchKey.make(state["q"]).split(separator: " ").map(String.init)
            if !f.words.isEmpty {
                model.found = try await DirectoryQueries.search(f, after: nil, on: db).rows.map { Found(id: $0.id, name: $0.name, organisation: $0.organisation_name) }
            }
            model.suggestions = try await Suggestions.forParticipant(pid, scope: scope, on: db)
        }
        struct ProjectRow: Decodable { let id: UUID; let name: String }
        let writable = Array(scope.writableProjects)
        if !writable.isEmpty {
            model.projects = try await db.sql.raw("SELECT id, name FROM projects WHERE id \(oneOf: writable) ORDER BY name, id")
                .all(decoding: ProjectRow.self).map { ($0.id, $0.name) }
        }
        return model
    }
}
