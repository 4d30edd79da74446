import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The administrator's pages of staff accounts: the list, the form for a new user, and a user's page
/// with their roles and the form that grants another.
enum UserPages {
    struct Row: Decodable, Equatable { let id: UUID; let name: String; let email: String; let is_active: Bool }
    struct Choice: Decodable, Equatable { let id: UUID; let name: String }

    /// A role held, and where: a project, an organisation, or everywhere (administrator).
    struct Held: Decodable, Equatable { let id: UUID; let role: String; let project_name: String?; let organisation_name: String? }

    /// What the role fields offer.
    struct Places: Equatable { var projects: [Choice] = []; var organisations: [Choice] = [] }

    /// The form for a new user: what was typed, its errors, and the places a role can be held in.
    struct New { var state: FormState; var places: Places }

    /// A user's page; `state` is the grant form's.
    struct Show {
        var user: Row
        var held: [Held] = []
        var state = FormState()
        var places = Places()
    }

    /// Every account by e-mail.
    static func list(on db: any Database) async throws -> [Row] {
        try await db.sql.select().columns("id", "name", "email", "is_active").from(User.schema).orderBy("email").all(decoding: Row.self)
    }

    /// The projects and organisations by name, id and name only.
    static func places(on db: any Database) async throws -> Places {
        let sql = db.sql
        return Places(
            projects: try await sql.select().columns("id", "name").from(Project.schema).orderBy("name").all(decoding: Choice.self),
            organisations: try await sql.select().columns("id", "name").from(Organisation.schema).orderBy("name").all(decoding: Choice.self))
    }

    /// A user's page, or nil if there is no such user.
    static func show(_ id: UUID, state: FormState = FormState(), on db: any Database) async throws -> Show? {
        let sql = db.sql
        guard let user = try await sql.select().columns("id", "name", "email", "is_active").from(User.schema).where("id", .equal, id).first(decoding: Row.self)
        else { return nil }
        let held = try await sql.raw(
            """
            SELECT m.id, m.role, p.name AS project_name, o.name AS organisation_name FROM memberships m
            LEFT JOIN projects p ON p.id = m.project_id LEFT JOIN organisations o ON o.id = m.organisation_id
            WHERE m.user_id = \(bind: id) ORDER BY p.name, o.name, m.role
            """
        ).all(decoding: Held.self)
        return Show(user: user, held: held, state: state, places: try await places(on: db))
    }
}
