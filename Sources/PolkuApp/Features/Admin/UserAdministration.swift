import Fluent
import PolkuCore
import Vapor

/// Creating users outside the browser: `polku user create` makes the first admin of a deployment.
public enum UserAdministration {
    public enum Failure: Error, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self {
            case .invalid(let m): m
            }
        }
    }

    public static func create(
        _ app: Application, email rawEmail: String, name: String, password: String,
        role rawRole: String, projectCode: String?
    ) async throws -> UUID {
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        guard ParticipantForm.looksLikeEmail(email) else { throw Failure.invalid("not a valid e-mail address: \(rawEmail)") }
        guard let role = Role(rawValue: rawRole) else {
            throw Failure.invalid("unknown role \(rawRole); one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let problem = PasswordRules.problem(password, email: email, name: name) { throw Failure.invalid(Texts(lang: .en)(problem)) }
        if try await User.query(on: app.db).filter(\.$email == email).first() != nil { throw Failure.invalid("a user with e-mail \(email) exists") }
        var projectID: UUID? = nil
        if role.isGlobal {
            if projectCode != nil { throw Failure.invalid("the admin role is not tied to a project") }
        } else {
            guard let code = projectCode else { throw Failure.invalid("role \(rawRole) needs --project CODE") }
            guard let p = try await Project.query(on: app.db).filter(\.$code == code).first() else { throw Failure.invalid("no project with code \(code)") }
            projectID = p.id
        }
        let hash = try await app.password.async.hash(password)
        let project = projectID
        let user = User(email: email, name: name, passwordHash: hash)
        try await app.db.writeTransaction { db in
            try await user.create(on: db)
            try await Membership(userID: user.id!, projectID: project, role: role).create(on: db)
            try await AuditEvent(
                id: app.newID(), at: app.clock.now(), actorID: nil, actorEmail: "polku user create", action: Audit.Action.userCreate.rawValue,
                participantID: nil, projectID: project, detail: "\(email) \(role.rawValue)", clientAddress: "cli"
            ).create(on: db)
        }
        return user.id!
    }
}
