import Fluent
import Foundation
import PolkuCore
import SQLKit

extension ParticipantImport {
    package struct Actor: Sendable {
        let id: UUID?; let email: String; let address: String
        package init(id: UUID?, email: String, address: String) { self.id = id; self.email = email; self.address = address }
    }

    /// Reads, checks and (only if every row is right) writes a file, in one transaction.
    /// `clock` dates the rows and decides what "in the future" means; `ids` names the new rows.
    package static func run(
        _ data: Data, project: Project, actor: Actor, on db: any Database,
        clock: Clock = .system, ids: IDGenerator = .timeOrdered
    ) async throws -> Outcome {
        try await run(.data(data), project: project, actor: actor, on: db, clock: clock, ids: ids)
    }

    /// The file is read twice: once to check every row (nothing is written if any is wrong), once
    /// to write, a chunk at a time.
    static func run(
        _ source: CSVTable.Source, project: Project, actor: Actor, on db: any Database,
        clock: Clock = .system, ids: IDGenerator = .timeOrdered
    ) async throws -> Outcome {
        let sites = try await Site.query(on: db).filter(\.$project.$id == project.id!).all()
        let siteIDs = Dictionary(sites.map { ($0.name.lowercased(), $0.id!) }, uniquingKeysWith: { a, _ in a })
        let own = try await ProjectOutcome.query(on: db).filter(\.$project.$id == project.id!).all()
        let ownByName = Dictionary(own.map { ($0.name.lowercased(), ProjectOutcomeChoice(id: $0.id!, mapsTo: $0.mapsTo)) }, uniquingKeysWith: { a, _ in a })
        var check = FileCheck(sites: siteIDs, ownOutcomes: ownByName, today: clock.today)
        let header: [String]
        do { header = try await CSVTable.read(source) { check.take($0) } } catch let p as CSVTable.Problem {
            return .refused([Problem(line: p.line, column: nil, message: p.message)])
        }
        let problems = check.allProblems(header: header)
        if !problems.isEmpty { return .refused(problems) }
        if check.keys.isEmpty { return .refused([Problem(line: 1, column: nil, message: "import.no_rows")]) }
        let checked = check
        // PostgreSQL writes the whole file in one transaction: it does not hold up other writers.
        // SQLite has one writer at a time, so there each chunk is its own transaction and the
        // team's saves take their turns between chunks (in one transaction a 5 MB file kept them
        // waiting past the busy timeout: 503s). A file stopped midway is imported again by its job;
        // the rows already written are then found unchanged by their key.
        if db.sql.dialect.name == "sqlite" {
            return .imported(try await writeAll(source, check: checked, project: project, actor: actor, on: db, commitEachChunk: true, clock: clock, ids: ids))
        }
        return .imported(
            try await db.writeTransaction { db in
                try await writeAll(source, check: checked, project: project, actor: actor, on: db, commitEachChunk: false, clock: clock, ids: ids)
            })
    }

    /// The second pass: the file's records written 500 at a time.
    private static func writeAll(
        _ source: CSVTable.Source, check: FileCheck, project: Project, actor: Actor, on db: any Database, commitEachChunk: Bool,
        clock: Clock, ids: IDGenerator
    ) async throws -> Summary {
        let existing = try await existingEnrolments(of: project, on: db)
        var stream = RecordStream(check: check)
        var summary = Summary()
        func write(_ records: [Record]) async throws {
            // A stopping server does not wait for a long import: the job is queued again and its
            // next run finds the chunks written so far unchanged (SQLite) or rolled back (PostgreSQL).
            try Task.checkCancellation()
            guard !records.isEmpty else { return }
            let s =
                commitEachChunk
                ? try await db.writeTransaction { db in
                    try await Self.write(records, existing: existing, project: project, actor: actor, on: db, now: clock.now(), ids: ids)
                }
                : try await Self.write(records, existing: existing, project: project, actor: actor, on: db, now: clock.now(), ids: ids)
            summary.created += s.created; summary.updated += s.updated; summary.unchanged += s.unchanged
        }
        try await CSVTable.read(source.reading(on: db.sql)) { row in
            guard case .success(let row) = row else { return }
            stream.take(row)
            if stream.chunk.count >= 500 { try await write(stream.takeChunk()) }
        }
        try await write(stream.takeChunk())
        return summary
    }

    struct Existing: Decodable { let id: UUID; let participant_id: UUID; let import_key: String; let import_hash: String? }

    /// The project's imported enrolments by their file key: what a new file updates or leaves alone.
    static func existingEnrolments(of project: Project, on db: any Database) async throws -> [String: Existing] {
        let existing = try await db.sql.raw(
            """
            SELECT id, participant_id, import_key, import_hash FROM enrolments WHERE project_id = \(bind: project.id!) AND import_key IS NOT NULL
            """
        ).all(decoding: Existing.self)
        return Dictionary(existing.map { ($0.import_key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func write(
        _ records: [Record], existing byKey: [String: Existing], project: Project, actor: Actor, on db: any Database, now: Date, ids: IDGenerator
    ) async throws -> Summary {
        let sql = db.sql
        let projectID = project.id!
        let plan = project.phasePlan
        var summary = Summary()
        var newRecords: [Record] = []
        for record in records {
            guard let old = byKey[record.key] else { newRecords.append(record); continue }
            let hash = record.fingerprint
            if old.import_hash == hash { summary.unchanged += 1; continue }
            try await sql.update("participants")
                .set("first_name", to: record.firstName).set("last_name", to: record.lastName)
                .set("search_key", to: SearchKey.make(record.lastName, record.firstName)).set("birth_date", to: record.birthDate)
                .set("gender", to: record.gender.rawValue).set("municipality", to: record.municipality).set("language", to: record.language)
                .set("email", to: record.email).set("phone", to: record.phone).set("updated_at", to: now)
                .where("id", .equal, old.participant_id).run()
            var update = sql.update("enrolments")
            for (column, value) in enrolmentValues(record, plan: plan) { update = update.set(SQLIdentifier(column), to: value) }
            try await update.set("import_hash", to: hash).where("id", .equal, old.id).run()
            try await audit(sql, actor, participant: old.participant_id, project: projectID, detail: "import update", at: now, id: ids.make(now))
            summary.updated += 1
        }
        for chunk in stride(from: 0, to: newRecords.count, by: 250).map({ Array(newRecords[$0..<min($0 + 250, newRecords.count)]) }) {
            var people: [[any SQLExpression]] = [], enrolments: [[any SQLExpression]] = [], changes: [[any SQLExpression]] = []
            var events: [[any SQLExpression]] = []
            var enrolmentColumns: [String] = []
            for r in chunk {
                let pid = ids.make(now), eid = ids.make(now)
                people.append(
                    [
                        pid, now, now, r.firstName, r.lastName, SearchKey.make(r.lastName, r.firstName), r.birthDate,
                        r.gender.rawValue, r.municipality, r.language, r.email as String?, r.phone as String?,
                    ].map(bind))
                let values = enrolmentValues(r, plan: plan)
                enrolmentColumns = values.map(\.0)
                enrolments.append(
                    [
                        bind(eid), bind(now), bind(pid), bind(projectID), bind(r.siteID), bind(r.startDate),
                        bind(r.key), bind(r.fingerprint),
                    ] + values.map { $0.1 })
                changes.append([ids.make(now), now, eid, nil as String?, plan.first, r.startDate, actor.id].map(bind))
                if let exit = r.exitDate, plan.exit != plan.first {
                    changes.append([ids.make(now), now, eid, plan.first, plan.exit, exit, actor.id].map(bind))
                }
                events.append([ids.make(now), now, actor.id, actor.email, Audit.Action.participantImport.rawValue, pid, projectID, "import create", actor.address].map(bind))
            }
            try await insert(
                sql, "participants",
                [
                    "id", "created_at", "updated_at", "first_name", "last_name", "search_key", "birth_date",
                    "gender", "municipality", "language", "email", "phone",
                ], people)
            try await insert(
                sql, "enrolments",
                [
                    "id", "created_at", "participant_id", "project_id", "site_id", "start_date",
                    "import_key", "import_hash",
                ] + enrolmentColumns, enrolments)
            try await insert(sql, "phase_changes", ["id", "created_at", "enrolment_id", "from_phase", "to_phase", "date", "changed_by"], changes)
            try await insert(
                sql, "audit_events",
                [
                    "id", "at", "actor_id", "actor_email", "action", "participant_id", "project_id",
                    "detail", "client_address",
                ], events)
            summary.created += chunk.count
        }
        return summary
    }

    /// The enrolment columns a record sets; the same list for inserts and updates.
    static func enrolmentValues(_ r: Record, plan: PhasePlan) -> [(String, any SQLExpression)] {
        [
            ("phase", bind(r.exitDate == nil ? plan.first : plan.exit)), ("end_date", bind(r.exitDate)),
            ("labour_status", bind(r.labourStatus?.rawValue)), ("unemployed_months", bind(r.unemployedMonths)), ("isced", bind(r.isced)),
            ("disability", bind(r.disability?.rawValue)), ("foreign_background", bind(r.foreignBackground?.rawValue)),
            ("minority", bind(r.minority?.rawValue)), ("other_disadvantage", bind(r.otherDisadvantage?.rawValue)),
            ("third_country_national", bind(r.thirdCountNational)), ("homeless", bind(r.homeless)), ("rural", bind(r.rural)),
            ("service_outcome", bind(r.serviceOutcome?.rawValue)), ("exit_situation", bind(r.exitSituation?.rawValue)),
            ("exit_situation_date", bind(r.exitSituationDate)), ("qualification_gained", bind(r.qualificationGained)),
            ("followup_date", bind(r.followUpDate)), ("followup_employed", bind(r.followUpEmployed)),
            ("followup_improvements", bind(r.followUpImprovements)), ("project_outcome_id", bind(r.projectOutcomeID)),
        ]
    }

    static func bind(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
        guard let value else { return SQLLiteral.null }
        return SQLBind(value)
    }

    static func insert(_ sql: any SQLDatabase, _ table: String, _ columns: [String], _ rows: [[any SQLExpression]]) async throws {
        guard !rows.isEmpty else { return }
        var builder = sql.insert(into: table).columns(columns)
        for row in rows { builder = builder.values(row) }
        try await builder.run()
    }

    static func audit(_ sql: any SQLDatabase, _ actor: Actor, participant: UUID, project: UUID, detail: String, at: Date, id: UUID) async throws {
        try await insert(
            sql, "audit_events", ["id", "at", "actor_id", "actor_email", "action", "participant_id", "project_id", "detail", "client_address"],
            [[id, at, actor.id, actor.email, Audit.Action.participantImport.rawValue, participant, project, detail, actor.address].map(bind)])
    }
}
