import Fluent
import Foundation
import PolkuCore
import SQLKit

extension MeasureHistory {
    /// One instrument's history for one person, with each result's own definition; the page and the
    /// plain-words page need nothing else.
    struct Model {
        let participant: UUID
        let firstName: String
        let lastName: String
        let key: String
        /// Oldest first.
        let history: [MeasureQueries.Stored]
        /// The newest version: its items, scale and texts label the page.
        let latestDefinition: InstrumentDefinition
        /// Each result is read with the version it was scored by.
        let definitions: [UUID: InstrumentDefinition]
        /// For goal attainment: the person's goals by id (a removed goal has none).
        let goalTexts: [String: String]
        /// A result just saved, shown as such.
        var saved: UUID? = nil
        /// The participant's comment form on a result, come back with a problem (own page only).
        var comment: (assessment: UUID, state: FormState)? = nil

        /// The definition of the latest result (change is judged by its rule).
        var latestDefinitionUsed: InstrumentDefinition { history.last.flatMap { definitions[$0.instrument] } ?? latestDefinition }

        func itemLabel(_ id: String, _ t: Texts) -> String {
            let d = latestDefinition, lang = t.lang.rawValue
            if d.scoring.method == .goals { return goalTexts[id] ?? t("measure.goal_removed") }
            guard let item = d.item(id) else { return id }
            let domain = item.domain.flatMap { dm in d.domains.first { $0.id == dm } }?.name.text(lang)
            return item.text?.text(lang) ?? [id, domain].compactMap { $0 }.joined(separator: " – ")
        }

        /// The rows of the table: the instrument's items, or for goals every goal that has a result.
        func itemIDs(_ t: Texts) -> [String] {
            latestDefinition.scoring.method == .goals
                ? Array(Set(history.flatMap { $0.scores.items.keys })).sorted { itemLabel($0, t) < itemLabel($1, t) }
                : latestDefinition.items.map(\.id)
        }
    }

    struct NameRow: Decodable { let first_name: String; let last_name: String }
    struct DefinitionRow: Decodable { let id: UUID; let definition: String }
    struct GoalTextRow: Decodable { let id: UUID; let text: String }

    /// Reads what the page shows beside the results: the name, each version's definition (one query
    /// whatever the number of versions) and, for goal attainment, the goals. Nil if the person is gone.
    static func query(
        participant: UUID, key: String, history: [MeasureQueries.Stored], latestDefinition: InstrumentDefinition,
        on db: any Database
    ) async throws -> Model? {
        let sql = db.sql
        guard
            let name = try await sql.select().columns("first_name", "last_name").from("participants")
                .where("id", .equal, participant).first(decoding: NameRow.self)
        else { return nil }
        var definitions: [UUID: InstrumentDefinition] = [:]
        let ids = Array(Set(history.map(\.instrument)))
        if !ids.isEmpty {
            for row in try await sql.select().columns("id", "definition").from("instruments")
                .where("id", .in, SQLBind.group(ids)).all(decoding: DefinitionRow.self)
            {
                definitions[row.id] = Instrument.decoded(row.definition)
            }
        }
        var goalTexts: [String: String] = [:]
        if latestDefinition.scoring.method == .goals {
            for g in try await sql.select().columns("id", "text").from("goals").where("participant_id", .equal, participant)
                .all(decoding: GoalTextRow.self)
            { goalTexts[g.id.text] = g.text }
        }
        return Model(
            participant: participant, firstName: name.first_name, lastName: name.last_name, key: key, history: history,
            latestDefinition: latestDefinition, definitions: definitions, goalTexts: goalTexts)
    }
}
