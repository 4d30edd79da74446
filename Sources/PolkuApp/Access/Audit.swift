import Fluent
import SQLKit
import Foundation
import PolkuCore
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
        /// An admin erased one person on request; the event keeps the reason, not who it was.
        case participantErase = "participant.erase"
        /// The retention job anonymised the people whose time was up.
        case retentionRun = "retention.run"
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
        /// A participant asked about an event in "who has seen my data"; a manager answered.
        case dataQuestion = "data.question"
        case dataAnswer = "data.answer"
        /// A consultation asked of the team or answered, a situation assessment, an observation visit.
        case teamRecord = "team.record"
        /// A call of the JSON API, as its token's user: operation, answer and token name.
        case apiCall = "api.call"
        case apiTokenCreate = "api_token.create"
        case apiTokenRevoke = "api_token.revoke"
        /// A webhook endpoint added or removed.
        case webhookChange = "webhook.change"
    }

    func record(
        _ action: Action, participant: UUID? = nil, project: UUID? = nil, detail: String = "",
        actorEmail: String? = nil, on db: (any Database)? = nil
    ) async throws {
        try await write(action, participants: participant.map { [$0] } ?? [], project: project, detail: detail, actorEmail: actorEmail, on: db?.sql)
    }

    /// One event per participant shown: a list shows names, and each person can later see that
    /// their name was on someone's screen.
    func record(_ action: Action, participants: [UUID], project: UUID?, detail: String, on db: (any Database)? = nil) async throws {
        try await write(action, participants: participants, project: project, detail: detail, actorEmail: nil, on: db?.sql)
    }

    /// Runs `body` (a page's reads and drawing) while the events of a read are written, and returns
    /// its result once both are done. The answer still waits for its events, so an answered request
    /// always has them; but the request's loop draws the page meanwhile instead of idling through
    /// the commit. Whatever `body` throws comes after the events are written, as when they were
    /// written first (issue 11).
    func recording<T>(
        _ action: Action, participants: [UUID], project: UUID? = nil, detail: String = "", while body: () async throws -> T
    ) async throws -> T {
        async let written: Void = write(action, participants: participants, project: project, detail: detail, actorEmail: nil, on: nil)
        let result: T
        do {
            result = try await body()
        } catch {
            try await written
            throw error
        }
        try await written
        return result
    }

    /// The same, inside a transaction of SQL alone (`sqlTransaction`).
    func record(_ action: Action, participants: [UUID], project: UUID?, detail: String, on sql: any SQLDatabase) async throws {
        try await write(action, participants: participants, project: project, detail: detail, actorEmail: nil, on: sql)
    }

    /// A change passes its transaction's `db`, so the event commits or fails with it. Anything else
    /// (a page read, a list shown) goes to the process's `AuditBatch`, which writes the events of
    /// all requests waiting at that moment in one statement; the request still waits for that
    /// commit, so an answered request always has its event. An event about no one in particular
    /// (no `participants`) is still one row.
    private func write(
        _ action: Action, participants: [UUID], project: UUID?, detail: String, actorEmail: String?,
        on sql: (any SQLDatabase)?
    ) async throws {
        let actor = req.actor
        let now = req.now, email = actorEmail ?? actor?.email ?? "", detail = String(detail.prefix(500)), address = req.clientAddress
        let about = participants.isEmpty ? [nil] : participants.map(Optional.some)
        let rows = zip(req.application.ids.makeMany(now, about.count), about).map { id, participant in
            AuditBatch.Row(
                id: id, at: now, actorID: actor?.userID, actorEmail: email, action: action.rawValue, participantID: participant,
                projectID: project, detail: detail, clientAddress: address)
        }
        if let sql {
            try await AuditBatch.insert(rows, on: sql)
        } else {
            try await req.application.auditBatch.write(rows, resumingOn: req.eventLoop)
        }
    }
}

extension Request {
    var audit: Audit { Audit(req: self) }

    /// The client's address: behind a trusted proxy the hop it saw (`ClientAddress`), else the peer.
    var clientAddress: String {
        let settings = application.settings
        guard settings.trustForwardedFor else { return remoteAddress?.ipAddress ?? "unknown" }
        let forwarded = headers[.xForwardedFor]
        return ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: forwarded.isEmpty ? nil : forwarded.joined(separator: ","), trusted: settings.trustedProxies)
    }
}
