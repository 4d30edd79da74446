import Crypto
import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The participant's own space, first step: a worker gives the participant a one-time link, the
/// participant makes their own account with it, and sees their own results (health instruments
/// included: the data is theirs) and the activities they took part in, in plain words.
enum OwnSpaceController {
    static let invitationDays = 14

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A worker makes an invitation; the page shows the link once (only its hash is stored).
    @Sendable static func invite(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        let pid = scope.participantID
        guard try await User.query(on: req.db).filter(\.$participantID == pid).filter(\.$isActive == true).count() == 0 else {
            return page(req, pid: pid, link: nil, message: req.t("own.invite.exists"))
        }
        let token = [UInt8].random(count: 24).map { String(format: "%02x", $0) }.joined()
        let inv = Invitation()
        inv.$participant.id = pid; inv.tokenHash = hash(token); inv.expiresAt = req.now.addingTimeInterval(Double(invitationDays) * 86400)
        inv.$createdBy.id = scope.actor.userID
        try await req.db.writeTransaction { db in
            // A new invitation replaces any still unused: only the latest link works.
            try await Invitation.query(on: db).filter(\.$participant.$id == pid).filter(\.$usedAt == nil).delete()
            try await inv.create(on: db)
            try await req.audit.record(.participantUpdate, participant: pid, detail: "own-space invitation", on: db)
        }
        let p = try await Participant.find(pid, on: req.db)
        let lang = p.flatMap { Lang(rawValue: $0.language) } ?? .fi
        return page(
            req, pid: pid, link: publicBase(req) + SiteURL.invite(.value(token)).relativeURL(), message: nil,
            letter: .init(firstName: p?.firstName ?? "", lang: lang, expires: req.today.adding(days: invitationDays)))
    }

    static func page(_ req: Request, pid: UUID, link: String?, message: String?, letter: OwnSpacePages.Invite.Letter? = nil) -> Response {
        OwnSpacePages.invitePage(.init(participant: pid, link: link, message: message, days: invitationDays, letter: letter), context: req.pageContext)
            .response()
    }

    /// Where a link on paper points: the configured public address, else this request's host.
    static func publicBase(_ req: Request) -> String {
        if let url = req.application.settings.publicURL { return url }
        let scheme = req.application.settings.secureCookies ? "https" : "http"
        return "\(scheme)://\(req.headers.first(name: .host) ?? "localhost")"
    }

    static func invitation(_ req: Request) async throws -> Invitation? {
        guard let token = req.parameters.get("token"), token.count == 48, token.allSatisfy(\.isHexDigit) else { return nil }
        guard let inv = try await Invitation.query(on: req.db).filter(\.$tokenHash == hash(token)).first(),
            inv.usedAt == nil, inv.expiresAt > req.now
        else { return nil }
        // Once the participant has an account, every other invitation of theirs is spent.
        guard try await User.query(on: req.db).filter(\.$participantID == inv.$participant.id).filter(\.$isActive == true).count() == 0 else {
            return nil
        }
        return inv
    }

    @Sendable static func accept(req: Request) async throws -> Response {
        guard let inv = try await invitation(req), let p = try await Participant.find(inv.$participant.id, on: req.db) else {
            return OwnSpacePages.invalidInvitation(context: req.pageContext).response()
        }
        var state = FormState()
        state.values["email"] = p.email ?? ""
        return acceptForm(req, p, state: state)
    }

    static func acceptForm(_ req: Request, _ p: Participant, state: FormState, status: HTTPResponseStatus = .ok) -> Response {
        OwnSpacePages.acceptPage(.init(firstName: p.firstName, action: req.url.path, state: state), context: req.pageContext, status: status).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        guard let inv = try await invitation(req), let p = try await Participant.find(inv.$participant.id, on: req.db) else {
            return OwnSpacePages.invalidInvitation(context: req.pageContext).response()
        }
        var state = FormState.read(req, fields: ["email", "password", "again"])
        let email = state.text("email", required: true, max: 200).lowercased()
        if !email.isEmpty && (!email.contains("@") || email.contains(" ")) { state.errors["email"] = "error.email" }
        if state.errors["email"] == nil, try await User.query(on: req.db).filter(\.$email == email).count() > 0 { state.errors["email"] = "own.accept.email_taken" }
        if let problem = PasswordRules.problem(state["password"], email: email, name: "\(p.firstName) \(p.lastName)") { state.errors["password"] = problem }
        if state["again"] != state["password"] { state.errors["again"] = "own.accept.mismatch" }
        guard state.isValid else {
            state.values["password"] = ""; state.values["again"] = ""
            return acceptForm(req, p, state: state, status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(state["password"])
        // A participant has one account: one they closed is opened again with the new address and
        // password (its history stays theirs); otherwise a new one is made.
        let user =
            try await User.query(on: req.db).filter(\.$participantID == p.id!).first()
            ?? User(email: email, name: "", passwordHash: hash, language: req.lang.rawValue)
        user.email = email; user.name = "\(p.firstName) \(p.lastName)"; user.passwordHash = hash; user.language = req.lang.rawValue
        user.isActive = true; user.participantID = p.id
        if user.id != nil { user.sessionEpoch = (user.sessionEpoch ?? 0) + 1 }
        let now = req.now
        try await req.db.writeTransaction { db in
            try await user.save(on: db)
            // Making the account ends every open invitation of this participant, not only this one.
            try await Invitation.query(on: db).filter(\.$participant.$id == p.id!).filter(\.$usedAt == nil)
                .set(\.$usedAt, to: now).update()
        }
        // Signed in at once, on a new session id: a cookie planted before is worthless.
        try await LoginController.signIn(req, user)
        try await req.audit.record(.userCreate, participant: p.id, detail: "participant's own account")
        return req.redirect(to: .me)
    }

    /// "Omat tietoni": the participant's own results and activities.
    @Sendable static func me(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        guard let model = try await OwnSpacePages.me(pid, today: req.today, on: req.db) else { throw Abort(.notFound) }
        try await req.audit.record(.participantView, participant: pid, detail: "own space")
        return OwnSpacePages.mePage(model, context: req.pageContext).response()
    }
}
