import Fluent
import Foundation
import NIOConcurrencyHelpers
import PolkuCore

/// One version of an instrument's definition, as stored: the JSON is kept whole so that old results
/// are always read with the version they were scored by.
package final class Instrument: Model, @unchecked Sendable {
    package static let schema = "instruments"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Field(key: "key") package var key: String
    @Field(key: "version") package var version: Int
    @Field(key: "name") package var name: String
    @Field(key: "health") package var health: Bool
    /// "bundled" (a file in the repository) or "uploaded" (by a deployment's admin).
    @Field(key: "origin") package var origin: String
    @Field(key: "definition") package var definitionJSON: String

    package init() {}

    package var definition: InstrumentDefinition? { Self.decoded(definitionJSON) }

    /// Decoded definitions by their JSON text. A participant page and a history page decoded every
    /// instrument on each view (issue 11); keyed by the text itself, a definition rewritten in place
    /// is simply a new entry, so the cache cannot serve an old one. Bounded: cleared when full.
    private static let cache = NIOLockedValueBox([String: InstrumentDefinition]())

    package static func decoded(_ json: String) -> InstrumentDefinition? {
        if let hit = cache.withLockedValue({ $0[json] }) { return hit }
        guard let definition = try? JSONDecoder().decode(InstrumentDefinition.self, from: Data(json.utf8)) else { return nil }
        cache.withLockedValue {
            if $0.count >= 256 { $0.removeAll() }
            $0[json] = definition
        }
        return definition
    }
}

package final class Assessment: Model, @unchecked Sendable {
    package static let schema = "assessments"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "participant_id") package var participant: Participant
    @Parent(key: "project_id") package var project: Project
    @Parent(key: "instrument_id") package var instrument: Instrument
    @Field(key: "date") package var date: String
    /// `id=value;id=value`: compact, so that a report can re-score 100,000 of them quickly.
    @Field(key: "answers") package var answers: String
    /// The profile's marked areas and goals, as JSON; nil for other instruments.
    @OptionalField(key: "extras") package var extras: String?
    @OptionalField(key: "total") package var total: Double?
    @OptionalField(key: "scaled") package var scaled: Double?
    /// The `ScoreResult` at saving, as JSON.
    @Field(key: "scores") package var scores: String
    /// The participant's word on the result from their own space (issue 15).
    @OptionalField(key: "own_comment") package var ownComment: String?
    @OptionalParent(key: "assessed_by") package var assessedBy: User?

    package init() {}
}
