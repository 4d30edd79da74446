import Fluent
import Foundation
import SQLKit
import Vapor

/// A participant import as a background job (issue 13). The upload is kept in the database and
/// the job, run by any Polku process, reads it twice as `ParticipantImport` does: a 60 MB file took
/// 87 s inside its request, holding the request and its event loop for as long.
enum ImportJob {
    /// Who imports what: the job writes the audit as that person.
    struct Payload: Codable {
        let file: UUID
        let project: UUID
        let user: UUID
        let email: String
        let address: String
    }

    /// What the person is shown; at most `shownProblems` problems are kept, with their number.
    struct Result: Codable, Equatable {
        var summary: ParticipantImport.Summary?
        var problems: [ParticipantImport.Problem] = []
        var problemCount = 0

        init(_ outcome: ParticipantImport.Outcome) {
            switch outcome {
            case .imported(let s): summary = s
            case .refused(let p): problems = Array(p.prefix(ImportJob.shownProblems)); problemCount = p.count
            }
        }

        /// A line for the admin's job list: counts only, never a row's content.
        var brief: String {
            if let s = summary { return "created=\(s.created) updated=\(s.updated) unchanged=\(s.unchanged)" }
            return "refused problems=\(problemCount)"
        }
    }

    static let shownProblems = 1000

    static func enqueue(file: UUID, project: UUID, actor: ParticipantImport.Actor, userID: UUID, app: Application) async throws -> UUID {
        let payload = Payload(file: file, project: project, user: userID, email: actor.email, address: actor.address)
        let text = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        let id = try await JobQueue.enqueue(.participantImport, payload: text, at: app.clock.now(), owner: userID, app: app)
        app.jobNudge.nudge()
        return id
    }

    /// Runs the import; the upload is removed once it has decided (imported or refused), and kept
    /// for the next attempt if the database failed midway.
    static func run(_ job: ClaimedJob, app: Application) async throws -> String {
        guard let text = job.payload, let payload = try? JSONDecoder().decode(Payload.self, from: Data(text.utf8)) else {
            throw Abort(.internalServerError, reason: "participant import without its payload")
        }
        guard let project = try await Project.find(payload.project, on: app.db) else {
            throw Abort(.notFound, reason: "the project of a participant import is gone")
        }
        guard try await StoredFiles.info(payload.file, on: app.db.sql) != nil else {
            throw Abort(.gone, reason: "the uploaded file is gone")
        }
        // One event loop's connections for the whole import (`app.db` picks a loop per use): its reads
        // and chunks share their page cache, and requests on that loop take turns with it.
        let db = app.db
        let outcome = try await ParticipantImport.run(
            .stored(payload.file, on: db.sql), project: project,
            actor: .init(id: payload.user, email: payload.email, address: payload.address), on: db,
            clock: app.clock, ids: app.ids)
        try await StoredFiles.delete(payload.file, on: app.db.sql)
        return String(decoding: try JSONEncoder().encode(Result(outcome)), as: UTF8.self)
    }
}

/// An import as the person who uploaded it sees it: still being read, decided, or failed.
enum ImportRun: Equatable {
    case pending
    case decided(ImportJob.Result)
    /// The job failed on every attempt (the database, not the file): nothing was saved.
    case failed

    var isPending: Bool { self == .pending }

    /// The job, if it is a participant import of `project` that `owner` started; nil otherwise,
    /// so that no one else learns that it exists.
    static func load(_ id: UUID, project: UUID, owner: UUID, on sql: any SQLDatabase) async throws -> ImportRun? {
        struct Row: Decodable { let state: String; let payload: String?; let result: String?; let owner_id: UUID? }
        guard
            let row = try await sql.raw(
                "SELECT state, payload, result, owner_id FROM jobs WHERE id = \(bind: id) AND kind = \(bind: JobKind.participantImport.rawValue)"
            ).first(decoding: Row.self),
            row.owner_id == owner,
            let payload = row.payload.flatMap({ try? JSONDecoder().decode(ImportJob.Payload.self, from: Data($0.utf8)) }),
            payload.project == project
        else { return nil }
        switch row.state {
        case "done":
            guard let result = row.result.flatMap({ try? JSONDecoder().decode(ImportJob.Result.self, from: Data($0.utf8)) }) else { return .failed }
            return .decided(result)
        case "failed": return .failed
        default: return .pending
        }
    }
}
