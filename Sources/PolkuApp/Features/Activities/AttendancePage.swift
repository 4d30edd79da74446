import Fluent
import PolkuCore
import SQLKit
import Vapor

/// One session's attendance form: who can be ticked, whom a search for someone else found, and what
/// is recorded, read as id and name; the view needs no request.
///
/// Someone from outside the checklist is found by name, never chosen from the whole project: a
/// project of 10,000 people drew each group session's form with 10,036 names (820 kB, half a second)
/// and recorded every one of them as seen by the coach (issue 19).
struct AttendancePage {
    struct Person: Decodable, Sendable, Equatable { let id: UUID; let first_name: String; let last_name: String; let birth_date: String }

    /// A search for someone else in the project and whom it found that the checklist does not hold.
    struct Search: Equatable {
        var text: String
        var found: [Person]
        /// More matched than are shown: the search should say more.
        var more: Bool
    }

    var activityID: UUID
    var activityName: String
    var kind: Activity.Kind
    var sessionID: UUID
    /// The session's day (ISO).
    var date: String
    /// The checklist: a group's members on the day, or the project's current participants; and
    /// anyone recorded for the session or ticked on the form.
    var people: [Person]
    /// The project has more current participants than a checklist holds (an event of a national
    /// project): the list holds only those recorded or ticked, and the others are found by name.
    var listIsPartial = false
    var search: Search?
    var state: FormState
    /// Why the save was refused, in the reader's language.
    var message: String?
    /// "Kaikki paikalla" was chosen: every box is ticked, not yet saved.
    var allTicked = false

    /// A checklist of more of a project's people is not read through on a phone.
    static let checklistLimit = 150
    /// Whom a search shows at most.
    static let foundLimit = 20

    static func query(
        _ ctx: AttendanceController.Context, state: FormState, message: String?, search: String? = nil, on db: any Database
    ) async throws -> AttendancePage {
        var (people, partial) = ctx.activity.kind == .training ? ([], false) : try await checklist(ctx, on: db)
        people += try await ticked(state, beyond: Set(people.map(\.id)), ctx, on: db)
        var found: Search?
        if let search {
            found = try await find(search, project: ctx.activity.projectID, currentOn: ctx.session.date, excluding: Set(people.map(\.id)), on: db)
        }
        return AttendancePage(
            activityID: ctx.activity.id, activityName: ctx.activity.name, kind: ctx.activity.kind, sessionID: ctx.session.id,
            date: ctx.session.date, people: people, listIsPartial: partial, search: found, state: state, message: message)
    }

    private static let columns = "SELECT p.id, p.first_name, p.last_name, p.birth_date FROM participants p"

    /// A group's members on the session's day, or the project's participants who had not left by
    /// then (only those recorded if they are more than `checklistLimit`); and always anyone already
    /// recorded for the session. Read from the members', enrolments' and attendances' indexes, then
    /// the people by id: as `EXISTS … OR EXISTS …` per person both databases walked every participant
    /// (75–200 ms a form at 100,000 people).
    static func checklist(_ ctx: AttendanceController.Context, on db: any Database) async throws -> (people: [Person], partial: Bool) {
        let sql = db.sql
        let date = ctx.session.date
        let recorded: SQLQueryString = "SELECT a.participant_id FROM attendances a WHERE a.session_id = \(bind: ctx.session.id)"
        let current: SQLQueryString =
            "SELECT e.participant_id FROM enrolments e WHERE e.project_id = \(bind: ctx.activity.projectID) AND (e.end_date IS NULL OR e.end_date >= \(bind: date))"
        func people(_ ids: SQLQueryString) async throws -> [Person] {
            try await sql.raw("\(unsafeRaw: columns) WHERE p.id IN (\(ids)) ORDER BY p.search_key, p.id").all(decoding: Person.self)
        }
        if ctx.activity.kind == .group {
            let members: SQLQueryString = """
                SELECT m.participant_id FROM activity_members m WHERE m.activity_id = \(bind: ctx.activity.id)
                AND m.joined_on <= \(bind: date) AND (m.left_on IS NULL OR m.left_on >= \(bind: date))
                """
            return (try await people("\(members) UNION \(recorded)"), false)
        }
        // Counted only up to one past the limit (a person enrolled twice is one).
        let many =
            try await sql.raw("SELECT count(*) AS n FROM (SELECT DISTINCT q.participant_id FROM (\(current)) q LIMIT \(unsafeRaw: String(checklistLimit + 1))) c")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        if many > checklistLimit { return (try await people(recorded), true) }
        return (try await people("\(current) UNION \(recorded)"), false)
    }

    /// Those ticked on the form who are not on the checklist (found by a search, or on it no more),
    /// so that a form drawn again shows every tick it was sent with; only the project's own.
    static func ticked(_ state: FormState, beyond listed: Set<UUID>, _ ctx: AttendanceController.Context, on db: any Database) async throws -> [Person] {
        let ids = state.values.compactMap { key, value in
            key.hasPrefix("p_") && value == "on" ? UUID(text: String(key.dropFirst(2))) : nil
        }.filter { !listed.contains($0) }
        guard !ids.isEmpty else { return [] }
        return try await db.sql.raw(
            """
            \(unsafeRaw: columns) WHERE p.id \(oneOf: ids)
            AND EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.project_id = \(bind: ctx.activity.projectID))
            ORDER BY p.search_key, p.id
            """
        ).all(decoding: Person.self)
    }

    /// The project's participants (current on `day`, if one is given) whose name, birth date or
    /// number matches `text` (as the participant list's search), less those already on the form
    /// (or in the group, or recorded at the café).
    /// `condition`: what else an enrolment's `participant_id` must meet (a client panel's consent).
    static func find(
        _ text: String, project: UUID, currentOn day: String?, excluding: Set<UUID>, condition: SQLQueryString? = nil, on db: any Database
    ) async throws -> Search {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return Search(text: text, found: [], more: false) }
        let page = try await ParticipantQueries.list(
            on: db, projects: [project], search: text, after: nil, limit: foundLimit + excluding.count)
        let others = page.rows.filter { !excluding.contains($0.id) }
        let candidates = others.prefix(foundLimit)
        guard !candidates.isEmpty else { return Search(text: text, found: [], more: false) }
        let current = Set(
            try await db.sql.raw(
                """
                SELECT DISTINCT participant_id FROM enrolments WHERE project_id = \(bind: project)
                AND participant_id \(oneOf: candidates.map(\.id)) AND (end_date IS NULL OR end_date >= \(bind: day ?? ""))
                AND \(condition ?? "1 = 1")
                """
            ).all(decodingColumn: "participant_id", as: UUID.self))
        let found = candidates.filter { current.contains($0.id) }.map {
            Person(id: $0.id, first_name: $0.first_name, last_name: $0.last_name, birth_date: $0.birth_date)
        }
        return Search(text: text, found: found, more: page.hasMore || others.count > foundLimit)
    }
}
