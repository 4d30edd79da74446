import Fluent
import PolkuCore
import Vapor

/// Admins create users, give and take roles, and deactivate accounts.
enum UsersController {
    @Sendable static func index(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return UserPages.listPage(try await UserPages.list(on: req.db), context: req.pageContext).response()
    }

    static let fields = ["name", "email", "password", "role", "project_id", "organisation_id"]

    @Sendable static func new(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return try await newPage(req, state: FormState())
    }

    static func newPage(_ req: Request, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = UserPages.New(state: state, places: try await UserPages.places(on: req.db))
        return UserPages.newPage(model, context: req.pageContext, status: status).response()
    }

    struct RoleChoice { let role: Role; let project: UUID?; let organisation: UUID? }

    /// Validates a role: admin is global; every other role is held in one project or one organisation.
    static func readRole(_ state: inout FormState, on db: any Database) async throws -> RoleChoice? {
        let role = state.choice("role", Role.self)
        let project = state.uuid("project_id", required: false)
        let organisation = state.uuid("organisation_id", required: false)
        if let project, try await Project.find(project, on: db) == nil { state.errors["project_id"] = "error.choice" }
        if let organisation, try await Organisation.find(organisation, on: db) == nil { state.errors["organisation_id"] = "error.choice" }
        if let role, role.isGlobal, project != nil || organisation != nil { state.errors["project_id"] = "error.admin_global" }
        if let role, !role.isGlobal, (project == nil) == (organisation == nil) { state.errors["project_id"] = "error.project_required" }
        guard let role, state.isValid else { return nil }
        return RoleChoice(role: role, project: project, organisation: organisation)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        var state = FormState.read(req, fields: fields)
        let name = state.text("name", required: true, max: 120)
        let email = state.text("email", required: true, max: 200).lowercased()
        if !email.isEmpty && !ParticipantForm.looksLikeEmail(email) { state.errors["email"] = "error.email" }
        if let problem = PasswordRules.problem(state["password"], email: email, name: name) { state.errors["password"] = problem }
        if !email.isEmpty, try await User.query(on: req.db).filter(\.$email == email).first() != nil { state.errors["email"] = "error.email_taken" }
        let role = try await readRole(&state, on: req.db)
        guard state.isValid, let choice = role else { return try await newPage(req, state: state, status: .unprocessableEntity) }
        let hash = try await req.password.async.hash(state["password"])
        let user = User(email: email, name: name, passwordHash: hash)
        try await req.db.writeTransaction { db in
            try await user.create(on: db)
            try await Membership(userID: user.id!, projectID: choice.project, organisationID: choice.organisation, role: choice.role).create(on: db)
            try await req.audit.record(.userCreate, project: choice.project, detail: "\(email) \(choice.role.rawValue)", on: db)
        }
        return req.redirect(SiteURL.adminUser(.value(user.id!)).relativeURL())
    }

    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return try await showPage(req, user: try req.id(), state: FormState())
    }

    static func showPage(_ req: Request, user: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let model = try await UserPages.show(user, state: state, on: req.db) else { throw Abort(.notFound) }
        return UserPages.showPage(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func grant(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        guard let user = try await User.find(try req.id(), on: req.db) else { throw Abort(.notFound) }
        var state = FormState.read(req, fields: ["role", "project_id", "organisation_id"])
        guard let choice = try await readRole(&state, on: req.db) else {
            return try await showPage(req, user: user.id!, state: state, status: .unprocessableEntity)
        }
        var existing = Membership.query(on: req.db).filter(\.$user.$id == user.id!).filter(\.$role == choice.role)
        existing = choice.project.map { existing.filter(\.$project.$id == $0) } ?? existing.filter(\.$project.$id == nil)
        existing = choice.organisation.map { existing.filter(\.$organisation.$id == $0) } ?? existing.filter(\.$organisation.$id == nil)
        if try await existing.first() == nil {
            try await req.db.writeTransaction { db in
                try await Membership(userID: user.id!, projectID: choice.project, organisationID: choice.organisation, role: choice.role).create(on: db)
                try await req.audit.record(
                    .membershipGrant, project: choice.project,
                    detail: "\(user.email) \(choice.role.rawValue)" + (choice.organisation.map { " org=\($0)" } ?? ""), on: db)
            }
        }
        return req.redirect(SiteURL.adminUser(.value(user.id!)).relativeURL())
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        let userID = try req.id()
        guard
            let m = try await Membership.query(on: req.db).filter(\.$id == (try req.id("membership")))
                .filter(\.$user.$id == userID).first()
        else { throw Abort(.notFound) }
        try await req.db.writeTransaction { db in
            try await m.delete(on: db)
            try await req.audit.record(.membershipRevoke, project: m.$project.id, detail: "\(userID) \(m.role.rawValue)", on: db)
        }
        return req.redirect(SiteURL.adminUser(.value(userID)).relativeURL())
    }

    @Sendable static func setActive(req: Request) async throws -> Response {
        let admin = try req.guardedActor()
        guard let user = try await User.find(try req.id(), on: req.db) else { throw Abort(.notFound) }
        let active = (try? req.content.get(String.self, at: "active")) == "yes"
        if !active && user.id == admin.userID { throw Abort(.badRequest, reason: "self") }
        try await req.db.writeTransaction { db in
            user.isActive = active
            try await user.update(on: db)
            try await req.audit.record(active ? .userActivate : .userDeactivate, detail: user.email, on: db)
        }
        return req.redirect(SiteURL.adminUser(.value(user.id!)).relativeURL())
    }
}

enum PasswordRules {
    /// The message key for what is wrong with a new password, or nil (`PasswordPolicy`: length,
    /// the common-password list, the person's own e-mail and name).
    static func problem(_ password: String, email: String = "", name: String = "") -> String? {
        PasswordPolicy.problem(password, email: email, name: name)?.rawValue
    }
}
