import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The daily retention job: finds the participants whose every enrolment's retention time has
/// passed (`Retention.dueOn`) and anonymises them (`Anonymiser`). Reads only the columns it needs.
package enum RetentionRun {
    package struct Outcome: CustomStringConvertible {
        var checked = 0
        var anonymised = 0
        package var description: String { "checked=\(checked) anonymised=\(anonymised)" }
    }

    private struct Row: Decodable {
        let participant_id: UUID
        let end_date: String?
        let project_end: String?
        let retention_months: Int?
        let retention_basis: String?
    }

    static func due(on sql: any SQLDatabase, today: CalendarDate) async throws -> (checked: Int, due: [UUID]) {
        var enrolments: [UUID: [RetainedEnrolment]] = [:]
        let rows = try await sql.raw(
            """
            SELECT e.participant_id, e.end_date, pr.end_date AS project_end, pr.retention_months, pr.retention_basis
            FROM enrolments e JOIN projects pr ON pr.id = e.project_id JOIN participants p ON p.id = e.participant_id
            WHERE p.anonymised_at IS NULL
            """
        ).all(decoding: Row.self)
        for r in rows {
            let rule = r.retention_months.flatMap { months in
                r.retention_basis.flatMap(RetentionRule.Basis.init(rawValue:)).map { RetentionRule(months: months, basis: $0) }
            }
            enrolments[r.participant_id, default: []].append(
                RetainedEnrolment(
                    exit: r.end_date.flatMap(CalendarDate.init(parsing:)), projectEnd: r.project_end.flatMap(CalendarDate.init(parsing:)), rule: rule))
        }
        let due = enrolments.compactMap { id, list in Retention.dueOn(list).flatMap { $0 <= today ? id : nil } }
        return (enrolments.count, due.sorted { $0.text < $1.text })
    }

    package static func run(_ app: Application) async throws -> Outcome {
        let sql = app.db.sql
        let now = app.clock.now()
        let (checked, due) = try await due(on: sql, today: app.clock.today)
        var outcome = Outcome(checked: checked)
        outcome.anonymised = try await Anonymiser.anonymise(due, now: now, on: app.db)
        if outcome.anonymised > 0 {
            try await AuditBatch.insert(
                [
                    AuditBatch.Row(
                        id: app.newID(), at: now, actorID: nil, actorEmail: "polku:retention", action: Audit.Action.retentionRun.rawValue,
                        participantID: nil, projectID: nil, detail: outcome.description, clientAddress: "")
                ], on: sql)
        }
        return outcome
    }
}
