import Fluent
import Foundation
import PolkuCore
import SQLKit

/// Reads for the measures pages, scoped by the projects and sensitivities `Authorization` allows.
package enum MeasureQueries {
    static func projectKeys(_ project: UUID, on db: any Database) async throws -> [String] {
        try await db.sql.select().column("instrument_key").from("project_instruments")
            .where("project_id", .equal, SQLBind(project)).all(decodingColumn: "instrument_key", as: String.self).sorted()
    }

    /// The instruments the project offers its participants to fill in by themselves (issue 15).
    static func selfReportKeys(_ project: UUID, on db: any Database) async throws -> Set<String> {
        Set(
            try await db.sql.select().column("instrument_key").from("project_instruments")
                .where("project_id", .equal, SQLBind(project)).where("self_report", .equal, SQLLiteral.boolean(true))
                .all(decodingColumn: "instrument_key", as: String.self))
    }

    /// The project's instruments; those in `selfReport` its participants may also fill in themselves.
    package static func setProjectKeys(_ project: UUID, _ keys: [String], selfReport: Set<String> = [], on db: any Database) async throws {
        let sql = db.sql
        try await sql.delete(from: "project_instruments").where("project_id", .equal, SQLBind(project)).run()
        for key in Set(keys) {
            try await sql.insert(into: "project_instruments").columns("project_id", "instrument_key", "self_report")
                .values(SQLBind(project), SQLBind(key), SQLBind(selfReport.contains(key))).run()
        }
    }

    struct Stored: Sendable {
        let id: UUID
        let project: UUID
        let date: String
        let answers: Answers
        let scores: ScoreResult
        let instrument: UUID
        let version: Int
        /// What the participant wrote about this result from their own space ("I disagree, because…").
        var ownComment: String? = nil
    }

    struct Row: Decodable {
        let id: UUID; let project_id: UUID; let date: String; let answers: String; let extras: String?; let scores: String
        let instrument_id: UUID; let version: Int; let health: Bool; let key: String; let own_comment: String?
    }

    /// A participant's assessments with one instrument (every version), oldest first, only from the
    /// projects whose people this user may read at the instrument's sensitivity.
    static func history(participant: UUID, key: String, scope: ParticipantScope, on db: any Database) async throws -> [Stored] {
        try await history(participant: participant, key: key, projects: scope.projectIDs, on: db) { scope.reads($0 ? .health : .normal, in: $1) }
    }

    /// The participant's own view: every project, health instruments included (their own data).
    static func ownHistory(participant: UUID, key: String, on db: any Database) async throws -> [Stored] {
        let projects = try await Enrolment.query(on: db).filter(\.$participant.$id == participant).all().map(\.$project.id)
        return try await history(participant: participant, key: key, projects: projects, on: db) { _, _ in true }
    }

    static func history(
        participant: UUID, key: String, projects: [UUID], on db: any Database,
        readable: (_ health: Bool, _ project: UUID) -> Bool
    ) async throws -> [Stored] {
        try await histories(participant: participant, keys: [key], projects: projects, on: db, readable: readable)[key] ?? []
    }

    /// The histories of several instruments in one query, by instrument key.
    static func histories(participant: UUID, keys: [String], scope: ParticipantScope, on db: any Database) async throws -> [String: [Stored]] {
        try await histories(participant: participant, keys: keys, projects: scope.projectIDs, on: db) { scope.reads($0 ? .health : .normal, in: $1) }
    }

    static func histories(
        participant: UUID, keys: [String], projects: [UUID], on db: any Database,
        readable: (_ health: Bool, _ project: UUID) -> Bool
    ) async throws -> [String: [Stored]] {
        guard let query = historiesQuery(participant: participant, keys: keys, projects: projects) else { return [:] }
        return histories(try await db.sql.raw(query).all(decoding: Row.self), readable: readable)
    }

    static func historiesQuery(participant: UUID, keys: [String], projects: [UUID]) -> SQLQueryString? {
        guard !projects.isEmpty, !keys.isEmpty else { return nil }
        return """
            SELECT a.id, a.project_id, a.date, a.answers, a.extras, a.scores, a.instrument_id, i.version, i.health, i.key, a.own_comment
            FROM assessments a JOIN instruments i ON i.id = a.instrument_id
            WHERE a.participant_id = \(bind: participant) AND i.key \(oneOf: keys) AND a.project_id \(oneOf: projects)
            ORDER BY a.date, a.created_at
            """
    }

    static func histories(_ rows: [Row], readable: (_ health: Bool, _ project: UUID) -> Bool) -> [String: [Stored]] {
        let decoder = JSONDecoder()
        var out: [String: [Stored]] = [:]
        for r in rows where readable(r.health, r.project_id) {
            guard let stored = stored(r, decoder) else { continue }
            out[r.key, default: []].append(stored)
        }
        return out
    }

    private static func stored(_ r: Row, _ decoder: JSONDecoder) -> Stored? {
        guard let scores = try? decoder.decode(ScoreResult.self, from: Data(r.scores.utf8)) else { return nil }
        var answers = Answers(values: AnswerCoding.decode(r.answers))
        if let extras = r.extras, let e = try? decoder.decode(Answers.self, from: Data(extras.utf8)) {
            answers.important = e.important; answers.areaGoals = e.areaGoals
        }
        return Stored(
            id: r.id, project: r.project_id, date: r.date, answers: answers, scores: scores, instrument: r.instrument_id, version: r.version,
            ownComment: r.own_comment)
    }

    struct Summary: Decodable, Sendable { let key: String; let name: String; let health: Bool; let project_id: UUID; let n: Int; let last: String }

    /// Per instrument: how many times and when last, for the participant page.
    static func summaries(participant: UUID, scope: ParticipantScope, on db: any Database) async throws -> [Summary] {
        guard let query = summariesQuery(participant: participant, projects: scope.projectIDs) else { return [] }
        return readable(try await db.sql.raw(query).all(decoding: Summary.self), scope: scope)
    }

    static func summariesQuery(participant: UUID, projects: [UUID]) -> SQLQueryString? {
        guard !projects.isEmpty else { return nil }
        return """
            SELECT i.key, MIN(i.name) AS name, i.health, a.project_id, COUNT(*) AS n, MAX(a.date) AS last
            FROM assessments a JOIN instruments i ON i.id = a.instrument_id
            WHERE a.participant_id = \(bind: participant) AND a.project_id \(oneOf: projects)
            GROUP BY i.key, i.health, a.project_id ORDER BY i.key
            """
    }

    /// The summaries the scope may read: health instruments only for health roles.
    static func readable(_ summaries: [Summary], scope: ParticipantScope) -> [Summary] {
        summaries.filter { scope.reads($0.health ? .health : .normal, in: $0.project_id) }
    }
}

extension MeasureQueries {
    struct Choice: Sendable { let project: UUID; let key: String; let label: String }

    /// What this user may start for the participant: each writable project's instruments, health ones
    /// only where the user has the health role.
    static func choices(scope: ParticipantScope, projectNames: [UUID: String], lang: String, on db: any Database) async throws -> [Choice] {
        guard let query = choicesQuery(scope: scope, lang: lang) else { return [] }
        return choices(try await db.sql.raw(query).all(decoding: ChoiceRow.self), scope: scope, projectNames: projectNames, lang: lang)
    }

    struct ChoiceRow: Decodable { let project_id: UUID; let key: String; let name: String; let health: Bool; let definition: String? }

    /// One query for the newest version of each instrument the projects offer (the page used to
    /// read every stored version as a Fluent model); the definition only when a translated name is shown.
    static func choicesQuery(scope: ParticipantScope, lang: String) -> SQLQueryString? {
        let writable = scope.writableProjects
        guard !writable.isEmpty else { return nil }
        let definition: SQLQueryString = lang == "fi" ? "NULL" : "i.definition"
        return """
            SELECT pi.project_id, i.key, i.name, i.health, \(definition) AS definition
            FROM project_instruments pi JOIN instruments i ON i.key = pi.instrument_key
            WHERE pi.project_id \(oneOf: writable)
              AND i.version = (SELECT MAX(j.version) FROM instruments j WHERE j.key = i.key)
            ORDER BY i.key
            """
    }

    static func choices(_ rows: [ChoiceRow], scope: ParticipantScope, projectNames: [UUID: String], lang: String) -> [Choice] {
        let writable = scope.writableProjects
        var out: [Choice] = []
        for project in writable.sorted(by: { (projectNames[$0] ?? "") < (projectNames[$1] ?? "") }) {
            for row in rows where row.project_id == project && scope.writes(row.health ? .health : .normal, in: project) {
                var name = row.name
                if let json = row.definition {
                    guard let d = Instrument.decoded(json) else { continue }
                    name = d.name.text(lang)
                }
                out.append(Choice(project: project, key: row.key, label: name + (writable.count > 1 ? " – " + (projectNames[project] ?? "") : "")))
            }
        }
        return out
    }
}
