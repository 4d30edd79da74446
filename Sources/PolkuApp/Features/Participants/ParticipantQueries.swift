import Fluent
import Foundation
import PolkuCore
import SQLKit

/// The participant list and page read with SQL into small rows: these are the hot paths, so no Fluent
/// models and no query per row. Every query is scoped by the projects `Authorization` allows.
enum ParticipantQueries {
    static let pageSize = 25

    struct ListRow: Decodable, Sendable {
        let id: UUID
        let first_name: String
        let last_name: String
        let birth_date: String
        let municipality: String
        let search_key: String
    }

    struct ListPage: Sendable {
        let rows: [ListRow]
        let hasMore: Bool
    }

    /// `limit` people a page (the API asks for up to 100; the page shows `pageSize`).
    static func list(on db: any Database, projects: [UUID], search: String, after: UUID?, limit: Int = pageSize) async throws -> ListPage {
        guard !projects.isEmpty else { return ListPage(rows: [], hasMore: false) }
        switch ParticipantSearch(search) {
        case .name: break
        case .birthDate(let iso):
            return try await exact(on: db, projects: projects, after: after, limit: limit, match: "p.birth_date = \(bind: iso)")
        case .number(let number):
            // Read from the enrolments' (project, number) index, not person by person (a full scan
            // stalled SQLite under load). No one with that number: the text is searched as a name
            // (a test person "Sivu07").
            let page = try await exact(
                on: db, projects: projects, after: after, limit: limit,
                match:
                    "p.id IN (SELECT n.participant_id FROM enrolments n WHERE n.import_key = \(bind: number) AND n.import_key IS NOT NULL AND n.project_id \(oneOf: projects))"
            )
            if !page.rows.isEmpty { return page }
        }
        let sql = db.sql
        let key = SearchKey.make(search)
        let anchor = try await anchor(after, projects: projects, on: db)
        /// The search and where the page starts, on the `search_key` and `id` of the table named `t`.
        func conditions(_ t: String) -> [SQLQueryString] {
            var out: [SQLQueryString] = []
            if !key.isEmpty { out.append("\(ident: t).search_key LIKE \(containing(likeEscaped(key), on: sql)) ESCAPE '!'") }
            if let anchor, let after {
                out.append("(\(ident: t).search_key > \(bind: anchor) OR (\(ident: t).search_key = \(bind: anchor) AND \(ident: t).id > \(bind: after)))")
            }
            return out
        }
        let columns = "SELECT x.id, x.first_name, x.last_name, x.birth_date, x.municipality, x.search_key FROM "
        let visible: SQLQueryString = "SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND \(enrolledIn(projects, on: sql))"
        var query: SQLQueryString
        if case let grams = SearchKey.grams(key), !grams.isEmpty {
            // Both databases walk, in name order, only the names holding the search's rarest three
            // characters (migrations 044, 045) and read the page's other columns for its rows at the end.
            var walk: [SQLQueryString] = ["g.gram = \(rarestGram(of: grams, on: sql))"]
            if let anchor { walk.append("g.search_key >= \(bind: anchor)") }
            query = SQLQueryString(columns + "(SELECT g.id FROM participant_grams g")
            append(walk + conditions("g") + ["EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = g.id AND \(enrolledIn(projects, on: sql)))"], to: &query)
            query.appendLiteral(" ORDER BY g.search_key, g.id LIMIT \(limit + 1)) q JOIN participants x ON x.id = q.id ORDER BY x.search_key, x.id")
        } else if sql.dialect.name == "postgresql" {
            // No search, or one under three characters: PostgreSQL walks the ordered index (OFFSET 0
            // keeps the subquery whole) and the LATERAL probe checks visibility only until the page is full.
            // Only (search_key, id) inside, so that the ordered index alone answers the walk; the page's
            // other columns are read for its 26 rows at the end.
            query = SQLQueryString(columns + "(SELECT p.id, p.search_key FROM (SELECT id, search_key FROM participants")
            append(conditions("participants"), to: &query)
            query.appendLiteral(" ORDER BY search_key, id OFFSET 0) p CROSS JOIN LATERAL (")
            query.appendInterpolation(visible)
            query.appendLiteral(" LIMIT 1) v ORDER BY p.search_key, p.id LIMIT \(limit + 1)) q JOIN participants x ON x.id = q.id ORDER BY x.search_key, x.id")
        } else {
            // No search, or one under three characters: SQLite walks the ordered index and checks
            // visibility row by row until the page is full.
            query = "SELECT p.id, p.first_name, p.last_name, p.birth_date, p.municipality, p.search_key FROM participants p"
            append(conditions("p") + ["EXISTS (\(visible))"], to: &query)
            query.appendLiteral(" ORDER BY p.search_key, p.id LIMIT \(limit + 1)")
        }
        let rows = try await sql.raw(query).all().map(ListRow.init(row:))
        return ListPage(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
    }

    /// The sort key where a page starts, looked up only among the people this list may show: an id
    /// from outside the actor's projects is the same as an unknown one (the first page), so a crafted
    /// `after` does not reveal that a hidden person exists or where their name sorts.
    private static func anchor(_ after: UUID?, projects: [UUID], on db: any Database) async throws -> String? {
        guard let after else { return nil }
        return try await db.sql.raw(
            """
            SELECT search_key FROM participants p WHERE p.id = \(bind: after)
            AND EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND \(enrolledIn(projects, on: db.sql)))
            """
        ).first()?.decode(column: "search_key", as: String.self)
    }

    /// A search by birth date or participant number: few people match, so one plain query on both
    /// databases (birth dates are indexed, migration 020; numbers by the import key's index).
    private static func exact(on db: any Database, projects: [UUID], after: UUID?, limit: Int, match: SQLQueryString) async throws -> ListPage {
        var query: SQLQueryString = "SELECT p.id, p.first_name, p.last_name, p.birth_date, p.municipality, p.search_key FROM participants p WHERE "
        query.appendInterpolation(match)
        query.appendInterpolation(" AND EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND \(enrolledIn(projects, on: db.sql)))" as SQLQueryString)
        if let after, let anchor = try await anchor(after, projects: projects, on: db) {
            query.appendInterpolation(" AND (p.search_key > \(bind: anchor) OR (p.search_key = \(bind: anchor) AND p.id > \(bind: after)))" as SQLQueryString)
        }
        query.appendLiteral(" ORDER BY p.search_key, p.id LIMIT \(limit + 1)")
        let rows = try await db.sql.raw(query).all().map(ListRow.init(row:))
        return ListPage(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
    }

    /// `e.project_id IN projects` for enrolments looked up by their participant. On SQLite written
    /// `+e.project_id` (a no-op that keeps the term off the indexes): SQLite otherwise probes the
    /// (project, participant) index once per project, and the unique (participant, project) one is
    /// walked once instead. A list page of 26 from 10 projects: 222 → 102 µs; the page's access check
    /// 15 → 10 µs.
    static func enrolledIn(_ projects: [UUID], on sql: any SQLDatabase) -> SQLQueryString {
        sql.dialect.name == "sqlite" ? "+e.project_id \(oneOf: projects)" : "e.project_id \(oneOf: projects)"
    }

    /// Of a key's three-character pieces, the one fewest names hold, chosen by the database from
    /// `participant_gram_counts` (`NameGramCounts`). A piece no name holds counts 0: its walk is
    /// empty, as the search's answer is (on PostgreSQL a piece counted since is also 0, and walked).
    /// On PostgreSQL the pieces are one array, so the statement's text is the same whatever the
    /// search's length: as a list of values each length was a prepared statement of its own, kept by
    /// every connection (up to 98 of them for a 100-character search).
    private static func rarestGram(of grams: [String], on sql: any SQLDatabase) -> SQLQueryString {
        if sql.dialect.name == "postgresql" {
            return "(SELECT v.gram FROM unnest(\(bind: grams)) v(gram) LEFT JOIN participant_gram_counts c ON c.gram = v.gram ORDER BY COALESCE(c.n, 0) LIMIT 1)"
        }
        var pieces = SQLQueryString("(SELECT v.column1 FROM (VALUES ")
        for (i, gram) in grams.enumerated() {
            pieces.appendLiteral(i == 0 ? "(" : ", (")
            pieces.appendInterpolation(bind: gram)
            pieces.appendLiteral(")")
        }
        pieces.appendLiteral(") v LEFT JOIN participant_gram_counts c ON c.gram = v.column1 ORDER BY COALESCE(c.n, 0) LIMIT 1)")
        return pieces
    }

    /// The `LIKE` pattern for text containing `text` (already escaped where the query says so). On
    /// SQLite an expression, not a bare parameter: SQLite parses and plans a statement again whenever a
    /// bare `LIKE ?` gets a new value (for a prefix index, which a pattern starting with `%` cannot use).
    static func containing(_ text: String, on sql: any SQLDatabase) -> SQLQueryString {
        sql.dialect.name == "sqlite" ? "('%' || \(bind: text) || '%')" : "\(bind: "%" + text + "%")"
    }

    private static func append(_ conditions: [SQLQueryString], to query: inout SQLQueryString) {
        for (i, condition) in conditions.enumerated() {
            query.appendLiteral(i == 0 ? " WHERE " : " AND ")
            query.appendInterpolation(condition)
        }
    }

    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%").replacingOccurrences(of: "_", with: "!_")
    }

    struct Person: Decodable, Sendable {
        let id: UUID
        let first_name: String
        let last_name: String
        let birth_date: String
        let gender: String
        let municipality: String
        let language: String
        let email: String?
        let phone: String?
        let created_at: Date?
        /// How many user accounts are this person's own (0 or 1).
        let accounts: Int
    }

    struct EnrolmentRow: Decodable, Sendable {
        let id: UUID
        let project_id: UUID
        let project_name: String
        let project_code: String
        let phases: String
        let site_id: UUID?
        let site_name: String?
        let phase: String
        let start_date: String
        let end_date: String?
    }

    struct PhaseChangeRow: Decodable, Sendable {
        let enrolment_id: UUID
        let from_phase: String?
        let to_phase: String
        let date: String
        let created_at: Date?
    }

    struct ConsentRow: Decodable, Sendable {
        let purpose: String
        let date: String
        let given: Bool
        let created_at: Date?
        /// The participant recorded it from their own account (issue 15).
        var by_self = false
    }

    struct GoalRow: Decodable, Sendable {
        let id: UUID
        let project_id: UUID
        let text: String
        let status: String
        let target_date: String?
        let created_at: Date?
    }

    /// A note as the timeline and the notes' paging need it: no body.
    struct NoteEventRow: Decodable, Sendable {
        let id: UUID
        let project_id: UUID
        let sensitivity: String
        let created_at: Date?
    }

    struct NoteRow: Decodable, Sendable {
        let id: UUID
        let project_id: UUID
        let sensitivity: String
        let body: String
        let author_name: String?
        let created_at: Date?
    }

    struct SiteRow: Decodable, Sendable {
        let id: UUID
        let project_id: UUID
        let name: String
    }

    /// Everything the participant page shows, in one read (`ReadBatch`) whatever the amount of history.
    struct Show: Sendable {
        let person: Person
        let enrolments: [EnrolmentRow]
        let phaseChanges: [PhaseChangeRow]
        let consents: [ConsentRow]
        let goals: [GoalRow]
        /// What the participant said of their goals from their own space (issue 15), oldest first.
        var goalComments: [MyPlan.Comment] = []
        /// The portfolio entries the participant shares with the team (issue 15).
        var portfolio: [Portfolio.Entry] = []
        /// The team's consultations, situation assessments and observation visits (issue 17).
        var team: [TeamRecords.Record] = []
        /// What came before the person's path (issue 17).
        var before: [LookBackRecords.Row] = []
        /// Every note the actor may read, newest first, without bodies (the timeline, the paging).
        let noteEvents: [NoteEventRow]
        /// One page of notes with their bodies: the newest, or those older than `notesBefore`.
        let notes: [NoteRow]
        let notesBefore: UUID?
        let notesHaveMore: Bool
        let sites: [SiteRow]
        /// The ESF data of each visible enrolment, for the "what is missing" count.
        let participations: [UUID: ParticipationRow]
    }

    static let notesPage = 10

    /// The reads of `Show`, added to the batch the participant page sends at once (`ReadBatch`); a
    /// page of older notes is read after it, once its anchor is known.
    struct ShowReads {
        let personSlot, enrolmentSlot, changeSlot, consentSlot, goalSlot, noteEventSlot, portfolioSlot: ReadBatch.Slot
        let newestNotesSlot, siteSlot, commentSlot, teamSlot, beforeSlot: ReadBatch.Slot?
        let notesBefore: UUID?
        let noteColumns: SQLQueryString =
            "SELECT n.id, n.project_id, n.sensitivity, n.body, u.name AS author_name, n.created_at FROM notes n LEFT JOIN users u ON u.id = n.author_id"

        /// `notesBefore` is a note of this person the actor may read; anything else gives the newest page.
        init(into batch: inout ReadBatch, id: UUID, projects: [UUID], healthProjects: [UUID], siteProjects: [UUID], notesBefore: UUID?) {
            self.notesBefore = notesBefore
            personSlot = batch.add(
                """
                SELECT p.id, p.first_name, p.last_name, p.birth_date, p.gender, p.municipality, p.language, p.email, p.phone, p.created_at,
                       (SELECT COUNT(*) FROM users u WHERE u.participant_id = p.id AND u.is_active = \(bind: true)) AS accounts
                FROM participants p WHERE p.id = \(bind: id)
                """)
            // The enrolments with their ESF data (for the "what is missing" count) in one read.
            enrolmentSlot = batch.add(
                """
                SELECT e.id, e.project_id, pr.name AS project_name, pr.code AS project_code, pr.phases, s.name AS site_name, e.phase,
                \(unsafeRaw: ParticipationRow.columns)
                FROM enrolments e JOIN participants p ON p.id = e.participant_id JOIN projects pr ON pr.id = e.project_id
                LEFT JOIN sites s ON s.id = e.site_id
                WHERE e.participant_id = \(bind: id) AND e.project_id \(oneOf: projects)
                ORDER BY e.start_date
                """)
            changeSlot = batch.add(
                """
                SELECT enrolment_id, from_phase, to_phase, date, created_at FROM phase_changes
                WHERE enrolment_id IN (SELECT e.id FROM enrolments e WHERE e.participant_id = \(bind: id) AND e.project_id \(oneOf: projects))
                ORDER BY date, created_at
                """)
            consentSlot = batch.add(
                """
                SELECT c.purpose, c.date, c.given, c.created_at, COALESCE(u.participant_id = c.participant_id, FALSE) AS by_self
                FROM consents c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.participant_id = \(bind: id) ORDER BY c.date, c.created_at
                """)
            goalSlot = batch.add(
                """
                SELECT id, project_id, text, status, target_date, created_at FROM goals
                WHERE participant_id = \(bind: id) AND project_id \(oneOf: projects) ORDER BY created_at
                """)
            // Health notes only from projects where this person is a health professional.
            let readable: SQLQueryString =
                healthProjects.isEmpty
                ? "n.participant_id = \(bind: id) AND n.project_id \(oneOf: projects) AND n.sensitivity = 'normal'"
                : """
                n.participant_id = \(bind: id) AND n.project_id \(oneOf: projects)
                AND (n.sensitivity = 'normal' OR n.project_id \(oneOf: healthProjects))
                """
            noteEventSlot = batch.add(
                "SELECT n.id, n.project_id, n.sensitivity, n.created_at FROM notes n WHERE \(readable) ORDER BY n.created_at DESC, n.id DESC")
            // The newest page of notes with their bodies; an older page is read once the anchor is known.
            newestNotesSlot =
                notesBefore == nil
                ? batch.add("\(noteColumns) WHERE \(readable) ORDER BY n.created_at DESC, n.id DESC LIMIT \(literal: notesPage)") : nil
            siteSlot =
                siteProjects.isEmpty
                ? nil : batch.add("SELECT id, project_id, name FROM sites WHERE project_id \(oneOf: siteProjects) ORDER BY name")
            commentSlot = MyPlan.commentsQuery(participant: id, projects: projects).map { batch.add($0) }
            portfolioSlot = batch.add(Portfolio.entriesQuery(of: id, sharedOnly: true))
            teamSlot = TeamRecords.recordsQuery(of: id, projects: projects, healthProjects: healthProjects).map { batch.add($0) }
            beforeSlot = LookBackRecords.rowsQuery(of: id, projects: projects).map { batch.add($0) }

        }

        /// The page's `Show` from the batch's answer; nil if the person is gone.
        func show(from answer: ReadBatch.Answer, on sql: any SQLDatabase) async throws -> Show? {
            guard let person = try answer.all(personSlot, decoding: Person.self).first else { return nil }
            let enrolmentRows = answer.rows(enrolmentSlot)
            let noteEvents = try answer.all(noteEventSlot, decoding: NoteEventRow.self)
            // Keyset paging over the notes' ids (read above): the bodies of one page only.
            let anchor = notesBefore.flatMap { before in noteEvents.firstIndex { $0.id == before } }
            let start = anchor.map { $0 + 1 } ?? 0
            var notes = try answer.all(newestNotesSlot, decoding: NoteRow.self)
            if newestNotesSlot == nil {
                let pageIDs = noteEvents.dropFirst(start).prefix(notesPage).map(\.id)
                let order = Dictionary(uniqueKeysWithValues: pageIDs.enumerated().map { ($1, $0) })
                notes =
                    pageIDs.isEmpty
                    ? []
                    : try await sql.raw("\(noteColumns) WHERE n.id \(oneOf: pageIDs)").all(decoding: NoteRow.self)
                        .sorted { order[$0.id, default: 0] < order[$1.id, default: 0] }
            }
            let participations = try enrolmentRows.map { try $0.decode(model: ParticipationRow.self) }
            var show = Show(
                person: person, enrolments: try enrolmentRows.map { try $0.decode(model: EnrolmentRow.self) },
                phaseChanges: try answer.all(changeSlot, decoding: PhaseChangeRow.self), consents: try answer.all(consentSlot, decoding: ConsentRow.self),
                goals: try answer.all(goalSlot, decoding: GoalRow.self), noteEvents: noteEvents, notes: notes,
                notesBefore: anchor == nil ? nil : notesBefore, notesHaveMore: noteEvents.count > start + notesPage,
                sites: try answer.all(siteSlot, decoding: SiteRow.self),
                participations: Dictionary(uniqueKeysWithValues: participations.map { ($0.enrolment_id, $0) }))
            show.goalComments = try answer.all(commentSlot, decoding: MyPlan.Comment.self)
            show.portfolio = try answer.all(portfolioSlot, decoding: Portfolio.Entry.self)
            show.team = try answer.all(teamSlot, decoding: TeamRecords.Record.self)
            show.before = try answer.all(beforeSlot, decoding: LookBackRecords.Row.self)
            return show
        }
    }
}

extension ParticipantQueries.ListRow {
    /// Read column by column: a list is 26 of these, and through `Codable` they cost more than
    /// the query (3.6 % of a list view on PostgreSQL, 4 % on SQLite).
    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        first_name = try row.decode(column: "first_name", as: String.self)
        last_name = try row.decode(column: "last_name", as: String.self)
        birth_date = try row.decode(column: "birth_date", as: String.self)
        municipality = try row.decode(column: "municipality", as: String.self)
        search_key = try row.decode(column: "search_key", as: String.self)
    }
}
