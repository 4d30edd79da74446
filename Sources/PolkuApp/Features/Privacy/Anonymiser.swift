import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Removes what tells who a participant was and keeps the rows the reports count (issue 13).
///
/// Removed: names, contact details, municipality and language, the import's identifier, notes
/// (health notes too), goals, consents, invitations, the free text of assessments (own goals per
/// area) and of referrals (the message to the provider, reasons), and the participant's own account.
/// Kept, without a name: enrolments with their ESF data and exit, phase changes, activity
/// memberships and attendance, assessment answers and scores, referrals and their state changes —
/// so every report counts the same before and after. The birth date keeps only what the ESF report
/// needs (the age at each entry: `Retention.coarseBirthDate`); gender is counted, so it stays.
enum Anonymiser {
    static let placeholderName = "Anonymisoitu"

    /// Anonymises `people` in one transaction per batch; returns how many were anonymised (people
    /// already anonymised are skipped).
    static func anonymise(_ people: [UUID], now: Date, on db: any Database) async throws -> Int {
        var done = 0
        for start in stride(from: 0, to: people.count, by: 500) {
            let batch = Array(people[start..<min(start + 500, people.count)])
            done += try await db.writeTransaction { tx in try await anonymiseBatch(batch, now: now, on: tx.sql) }
        }
        return done
    }

    private static func anonymiseBatch(_ batch: [UUID], now: Date, on sql: any SQLDatabase) async throws -> Int {
        let rows = try await sql.raw(
            """
            SELECT p.id, p.birth_date, e.start_date FROM participants p LEFT JOIN enrolments e ON e.participant_id = p.id
            WHERE p.id IN (\(ids(batch, sql))) AND p.anonymised_at IS NULL
            """
        ).all()
        var people: [UUID: (birth: String, entries: [CalendarDate])] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let birth = try row.decode(column: "birth_date", as: String.self)
            var person = people[id] ?? (birth, [])
            if let start = try row.decode(column: "start_date", as: String?.self).flatMap(CalendarDate.init(parsing:)) { person.entries.append(start) }
            people[id] = person
        }
        guard !people.isEmpty else { return 0 }
        for (id, person) in people {
            let birth = CalendarDate(parsing: person.birth).map { Retention.coarseBirthDate($0, keepingAgesAt: person.entries).iso } ?? ""
            try await sql.raw(
                """
                UPDATE participants SET first_name = '', last_name = \(bind: placeholderName), search_key = 'anonymisoitu',
                  email = NULL, phone = NULL, municipality = '', language = '', birth_date = \(bind: birth),
                  anonymised_at = \(bind: now), updated_at = \(bind: now) WHERE id = \(bind: id)
                """
            ).run()
        }
        let list = ids(Array(people.keys), sql)
        // A portfolio's files go with it (their bytes may sit outside the database).
        for row in try await sql.raw("SELECT file_id FROM portfolio_entries WHERE file_id IS NOT NULL AND participant_id IN (\(list))").all() {
            try await StoredFiles.delete(try row.decode(column: "file_id", as: UUID.self), on: sql)
        }
        for statement: SQLQueryString in [
            "DELETE FROM notes WHERE participant_id IN (\(list))",
            "DELETE FROM goals WHERE participant_id IN (\(list))",
            "DELETE FROM consents WHERE participant_id IN (\(list))",
            "DELETE FROM invitations WHERE participant_id IN (\(list))",
            "DELETE FROM data_questions WHERE participant_id IN (\(list))",
            "DELETE FROM goal_comments WHERE participant_id IN (\(list))",
            "DELETE FROM portfolio_entries WHERE participant_id IN (\(list))",
            "DELETE FROM feedback_given WHERE participant_id IN (\(list))",
            // A peer's records of meetings are about the person; the match itself stays, without its words.
            "DELETE FROM peer_meetings WHERE match_id IN (SELECT id FROM peer_matches WHERE participant_id IN (\(list)))",
            "UPDATE peer_matches SET reasons = '' WHERE participant_id IN (\(list))",
            // A peer stays a peer; the link to their earlier record as a participant goes.
            "UPDATE peers SET participant_id = NULL WHERE participant_id IN (\(list))",
            // Feedback given by name stays in the project's counts, as if given anonymously.
            "UPDATE feedback SET participant_id = NULL WHERE participant_id IN (\(list))",
            "UPDATE enrolments SET import_key = NULL WHERE participant_id IN (\(list))",
            "UPDATE assessments SET extras = NULL, own_comment = NULL, own_comment_at = NULL WHERE participant_id IN (\(list))",
            "UPDATE referrals SET message = '', reason = NULL WHERE participant_id IN (\(list))",
            "UPDATE referral_events SET reason = NULL WHERE referral_id IN (SELECT id FROM referrals WHERE participant_id IN (\(list)))",
            // The account cannot sign in again and keeps no name; the row stays for what it wrote.
            """
            UPDATE users SET email = 'anonymised-' || CAST(id AS TEXT) || '@polku.invalid', name = '', password_hash = '',
              is_active = \(bind: false), session_epoch = COALESCE(session_epoch, 0) + 1 WHERE participant_id IN (\(list))
            """,
        ] {
            try await sql.raw(statement).run()
        }
        return people.count
    }

    /// The ids as a list of binds (SQLite keeps ids as their upper-case text).
    static func ids(_ ids: [UUID], _ sql: any SQLDatabase) -> SQLQueryString {
        let sqlite = sql.dialect.name == "sqlite"
        var list = SQLQueryString("")
        for (i, id) in ids.enumerated() {
            if i > 0 { list.appendLiteral(", ") }
            if sqlite { list.appendInterpolation(bind: id.text) } else { list.appendInterpolation(bind: id) }
        }
        return list
    }
}
