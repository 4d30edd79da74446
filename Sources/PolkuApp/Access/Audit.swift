import Fluent
import SQLKit
import Foundation
import Vapor

/// Writes audit events. A write of a person's data passes its transaction's database here, so the
/// event and the change commit or fail together.
struct Audit {
    let req: Request

    enum Action: String, CaseIterable {
        case participantList = "participant.list"
        case participantView = "participant.view"
        case participantCreate = "participant.create"
        case participantUpdate = "participant.update"
        case consentRecord = "consent.record"
        case enrolmentCreate = "enrolment.create"
        case phaseChange = "enrolment.phase"
        case goalCreate = "goal.create"
        case goalUpdate = "goal.update"
        case noteCreate = "note.create"
        case participationView = "participation.view"
        case participantImport = "participant.import"
        case attendanceRecord = "attendance.record"
        case participationUpdate = "participation.update"
        case loginSucceeded = "login.succeeded"
        case loginFailed = "login.failed"
        case logout = "logout"
        case passwordChange = "user.password"
        case userCreate = "user.create"
        case userDeactivate = "user.deactivate"
        case userActivate = "user.activate"
        case membershipGrant = "membership.grant"
        case membershipRevoke = "membership.revoke"
        case auditRead = "audit.read"
        case projectUpdate = "project.update"
        case instrumentUpload = "instrument.upload"
        case reportView = "report.view"
        case directoryImport = "directory.import"
        case referralCreate = "referral.create"
        case referralUpdate = "referral.update"
        case referralView = "referral.view"
        case referralForm = "referral.form"
        /// A file leaves Polku: which report or list, in which format.
        case export = "export"
    }

    func record(_ action: Action, participant: UUID? = nil, project: UUID? = nil, detail: String = "",
                actorEmail: String? = nil, on db: (any Database)? = nil) async throws {
        let actor = req.actor
        let event = AuditEvent(
            at: Date(), actorID: actor?.userID, actorEmail: actorEmail ?? actor?.email ?? "",
            action: action.rawValue, participantID: participant, projectID: project,
            detail: String(detail.prefix(500)), clientAddress: req.clientAddress)
        try await event.create(on: db ?? req.db)
    }
}

extension Audit {
    /// One event per participant shown, in one statement: a list shows names, and each person can
    /// later see that their name was on someone's screen.
    func record(_ action: Action, participants: [UUID], project: UUID?, detail: String, on db: (any Database)? = nil) async throws {
        guard !participants.isEmpty else {
            try await record(action, project: project, detail: detail, on: db)
            return
        }
        let actor = req.actor
        let now = Date()
        let sql = (db ?? req.db) as! any SQLDatabase
        var insert = sql.insert(into: AuditEvent.schema)
            .columns("id", "at", "actor_id", "actor_email", "action", "participant_id", "project_id", "detail", "client_address")
        for participant in participants {
            insert = insert.values(SQLBind(UUID()), SQLBind(now), SQLBind(actor?.userID), SQLBind(actor?.email ?? ""),
                                   SQLBind(action.rawValue), SQLBind(participant), SQLBind(project),
                                   SQLBind(String(detail.prefix(500))), SQLBind(req.clientAddress))
        }
        try await insert.run()
    }
}

extension Request {
    var audit: Audit { Audit(req: self) }

    /// The client's address: the proxy's `X-Forwarded-For` first hop when present, else the peer.
    var clientAddress: String {
        if application.settings.trustForwardedFor, let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first {
            return String(forwarded.trimmingCharacters(in: .whitespaces).prefix(64))
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
