import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Learning Café (RUORI2's way of involving people in planning services; issue 16): a session with a
/// theme per table and rounds; the team writes down the ideas each table gathered, round by round.
/// Ideas are anonymous by construction (no author is stored); the session keeps how many came.
enum LearningCafe {
    static let maxRounds = 5

    struct Cafe: Decodable, Equatable { let id: UUID; let title: String; let date: String; let head_count: Int; let rounds: Int; let ideas: Int }
    struct Theme: Decodable, Equatable { let id: UUID; let theme: String }
    struct Idea: Decodable, Equatable { let theme_id: UUID; let round: Int; let idea: String }
    struct Person: Decodable, Equatable { let id: UUID; let first_name: String; let last_name: String }

    struct Model {
        var project: UUID
        var projectName: String
        var cafe: Cafe
        var themes: [Theme] = []
        var ideas: [Idea] = []
        /// The participants recorded by name, and whom a search for one to add found.
        var attendees: [Person] = []
        var search: AttendancePage.Search?
        var state = FormState()
        var attendeeState = FormState()
    }

    static func cafes(project: UUID, on sql: any SQLDatabase) async throws -> [Cafe] {
        try await sql.raw(
            """
            SELECT c.id, c.title, c.date, c.head_count, c.rounds,
              (SELECT COUNT(*) FROM cafe_ideas i JOIN cafe_themes t ON t.id = i.theme_id WHERE t.cafe_id = c.id) AS ideas
            FROM cafes c WHERE c.project_id = \(bind: project) ORDER BY c.date DESC, c.created_at DESC
            """
        ).all(decoding: Cafe.self)
    }

    /// `search`: whom of the project to look for, to add as a participant.
    static func model(_ req: Request, search: String? = nil) async throws -> Model {
        let (project, _, _) = try req.guardedProject()
        let sql = req.db.sql
        guard let id = req.parameters.get("cafe", as: UUID.self), let cafe = try await cafes(project: project, on: sql).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let attendees = try await sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name FROM cafe_attendees a JOIN participants p ON p.id = a.participant_id
            WHERE a.cafe_id = \(bind: id) ORDER BY p.last_name, p.first_name, p.id
            """
        ).all(decoding: Person.self)
        var found: AttendancePage.Search?
        if let search {
            found = try await AttendancePage.find(search, project: project, currentOn: nil, excluding: Set(attendees.map(\.id)), on: req.db)
        }
        let shown = attendees.map(\.id) + (found?.found.map(\.id) ?? [])
        try await req.audit.record(.participantList, participants: shown, project: project, detail: "learning café")
        return Model(
            project: project, projectName: try await Surveys.project(project, on: sql), cafe: cafe,
            themes: try await sql.raw("SELECT id, theme FROM cafe_themes WHERE cafe_id = \(bind: id) ORDER BY position").all(decoding: Theme.self),
            ideas: try await sql.raw(
                """
                SELECT i.theme_id, i.round, i.idea FROM cafe_ideas i JOIN cafe_themes t ON t.id = i.theme_id
                WHERE t.cafe_id = \(bind: id) ORDER BY i.round, i.created_at
                """
            ).all(decoding: Idea.self), attendees: attendees, search: found)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        return try await indexPage(req, project: project, state: FormState())
    }

    static func indexPage(_ req: Request, project: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let sql = req.db.sql
        return listPage(
            project: project, name: try await Surveys.project(project, on: sql), cafes: try await cafes(project: project, on: sql), state: state,
            context: req.pageContext, status: status
        ).response()
    }

    /// A café: its title, day, head count, rounds and themes (one per line, at most twelve tables).
    @Sendable static func create(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        var state = try FormState.read(req, fields: ["title", "date", "head_count", "rounds", "themes"], requiring: ["title", "date", "themes"])
        let title = state.text("title", required: true, max: 200)
        let date = state.date("date", required: true)
        let heads = state.integer("head_count", range: 0...100_000) ?? 0
        let rounds = state.integer("rounds", range: 1...maxRounds) ?? 3
        _ = state.text("themes", required: true, max: 3_000)
        let themes = state["themes"].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if state.errors["themes"] == nil && (themes.isEmpty || themes.count > 12) { state.errors["themes"] = "cafe.error.themes" }
        guard let date, state.isValid else { return try await indexPage(req, project: project, state: state, status: .unprocessableEntity) }
        let id = req.application.newID()
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO cafes (id, project_id, title, date, head_count, rounds, created_at)
                VALUES (\(bind: id), \(bind: project), \(bind: title), \(bind: date), \(bind: heads), \(bind: rounds), \(bind: req.now))
                """
            ).run()
            for (n, theme) in themes.enumerated() {
                try await db.sql.raw(
                    """
                    INSERT INTO cafe_themes (id, cafe_id, theme, position)
                    VALUES (\(bind: req.application.newID()), \(bind: id), \(bind: String(theme.prefix(200))), \(bind: n))
                    """
                ).run()
            }
            try await req.audit.record(.projectUpdate, project: project, detail: "learning café created", on: db)
        }
        req.flash("cafe.created")
        return req.redirect(to: .projectCafe(.value(project), .value(id)))
    }

    /// The café's ideas by theme and round, and the form, with the table and round of the last idea chosen.
    @Sendable static func show(req: Request) async throws -> Response {
        var m = try await model(req)
        for key in ["theme", "round"] { m.state.values[key] = try? req.query.get(String.self, at: key) }
        return page(m, context: req.pageContext).response()
    }

    /// An idea a table gathered in a round; what was typed comes back with any problem.
    @Sendable static func addIdea(req: Request) async throws -> Response {
        var m = try await model(req)
        var state = try FormState.read(req, fields: ["theme", "round", "idea"], requiring: ["theme", "round", "idea"])
        let theme = state.uuid("theme")
        let round = state.integer("round", required: true, range: 1...m.cafe.rounds)
        let idea = state.text("idea", required: true, max: 1_000)
        if let theme, !m.themes.contains(where: { $0.id == theme }) { state.errors["theme"] = "error.choice" }
        guard let theme, let round, state.isValid else {
            m.state = state
            return page(m, context: req.pageContext, status: .unprocessableEntity).response()
        }
        let project = m.project
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO cafe_ideas (id, theme_id, round, idea, created_at)
                VALUES (\(bind: req.application.newID()), \(bind: theme), \(bind: round), \(bind: idea), \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: project, detail: "learning café idea", on: db)
        }
        req.flash("cafe.idea_added")
        // The next idea is most often from the same table and round: keep them chosen.
        return req.redirect(
            SiteURL.projectCafe(.value(m.project), .value(m.cafe.id)).relativeURL([("theme", theme.text), ("round", String(round))], fragment: "cafe-idea"))
    }

    /// Records one of the project's participants as having taken part, by name.
    @Sendable static func addAttendee(req: Request) async throws -> Response {
        var state = FormState.read(req, fields: ["participant_id", PersonFinder.searchField])
        if req.formFields["find"] != nil {
            // A search for whom to add: the page again, with whom it found.
            req.formChangedNothing()
            var m = try await model(req, search: PersonFinder.search(in: state))
            m.attendeeState = state
            return page(m, context: req.pageContext).response()
        }
        var m = try await model(req, search: PersonFinder.search(in: state))
        let person = state.uuid("participant_id")
        if let person {
            // Only the project's own participants, each once.
            let enrolled = try await req.db.sql.raw(
                "SELECT 1 AS x FROM enrolments WHERE project_id = \(bind: m.project) AND participant_id = \(bind: person)"
            ).first()
            if enrolled == nil || m.attendees.contains(where: { $0.id == person }) { state.errors["participant_id"] = "error.choice" }
        }
        guard let person, state.isValid else {
            m.attendeeState = state
            return page(m, context: req.pageContext, status: .unprocessableEntity).response()
        }
        let (project, cafe) = (m.project, m.cafe.id)
        try await req.db.writeTransaction { db in
            try await db.sql.raw("INSERT INTO cafe_attendees (cafe_id, participant_id) VALUES (\(bind: cafe), \(bind: person))").run()
            try await req.audit.record(.participantUpdate, participant: person, project: project, detail: "learning café attendance", on: db)
        }
        req.flash("cafe.attendee_added")
        return req.redirect(SiteURL.projectCafe(.value(project), .value(cafe)).relativeURL(fragment: "cafe-attendees"))
    }
}
