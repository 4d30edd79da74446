import Fluent
import Foundation
import PolkuAPIContract
import PolkuCore
import SQLKit
import Vapor

/// The API's instrument library and a participant's assessments with their stored scores: health
/// instruments' results only where the user is a health professional (`ParticipantScope.reads`),
/// as on the person's page.
enum APIMeasures {
    typealias Schemas = Components.Schemas

    static func instruments(_ req: Request) async throws -> Schemas.InstrumentList {
        let latest = try await InstrumentLibrary.latest(on: req.db).sorted { $0.key < $1.key }
        return Schemas.InstrumentList(
            items: latest.map {
                Schemas.Instrument(key: $0.key, version: $0.version, name: $0.name, health: $0.health, items: $0.definition?.items.count ?? 0)
            })
    }

    static func assessments(_ req: Request, instrument: String?) async throws -> Schemas.AssessmentList {
        let scope = try req.guardedParticipant()
        if let instrument, instrument.isEmpty || instrument.count > 40 { throw APIRefusal.badParameter("instrument") }
        let readable = try await MeasureQueries.summaries(participant: scope.participantID, scope: scope, on: req.db).map(\.key)
        let keys = Array(Set(readable.filter { instrument == nil || $0 == instrument })).sorted()
        let histories = try await MeasureQueries.histories(participant: scope.participantID, keys: keys, scope: scope, on: req.db)
        try await req.audit.record(.participantView, participant: scope.participantID, detail: "assessments (api)")
        let items = keys.flatMap { key in
            (histories[key] ?? []).map { s in
                Schemas.Assessment(
                    id: s.id.text, instrument: key, version: s.version, projectId: s.project.text, date: s.date, total: s.scores.total,
                    scaled: s.scores.scaled, band: s.scores.band, domains: .init(additionalProperties: s.scores.domains), missing: s.scores.missing)
            }
        }
        return Schemas.AssessmentList(items: items.sorted { ($0.date, $0.id) < ($1.date, $1.id) })
    }
}
