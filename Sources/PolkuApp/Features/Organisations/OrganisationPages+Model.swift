import Fluent
import Foundation
import SQLKit

/// The organisations the projects are run by and the network's providers: the list, and the form that
/// adds or edits one.
enum OrganisationPages {
    struct Row: Decodable, Equatable {
        let id: UUID
        let name: String
        let business_id: String?
        let kind: String
        let municipality: String?
    }

    /// The list; `listPage(_:context:)` needs nothing else.
    struct List {
        var rows: [Row] = []
        /// The organisations the actor may edit (an administrator all of them, a manager their projects').
        var editable: Set<UUID> = []
        var canCreate = false
    }

    /// The form to add (`organisation` nil) or edit an organisation, with what was typed and its errors.
    struct Form {
        var state: FormState
        var organisation: (id: UUID, name: String)?
    }

    /// Every organisation by name, read as the columns the list shows.
    static func list(actor: Actor, on db: any Database) async throws -> List {
        let rows = try await db.sql.select().columns("id", "name", "business_id", "kind", "municipality").from(Organisation.schema).orderBy("name")
            .all(decoding: Row.self)
        let editable = try await Guard.editableOrganisations(actor, among: rows.map(\.id), on: db)
        return List(rows: rows, editable: editable, canCreate: actor.createsProjects)
    }
}
