import Fluent
import Foundation
import PolkuCore
import SQLKit

/// Which instruments a project uses (its managers choose), and the deployment's instrument library,
/// where an administrator uploads a definition.
enum InstrumentPages {
    /// An instrument as the pages name it.
    struct Listed: Equatable {
        let id: UUID
        let key: String
        let version: Int
        /// The definition's name in every language, or the stored name when the definition does not read.
        let name: LocalizedText
        let health: Bool
        /// The licence kind when it is not bundled with Polku (shown beside the name).
        let licence: String?
        let origin: String
        /// Whether a participant can fill it in by themself (`InstrumentDefinition.selfReportable`).
        var selfReportable = false
    }

    /// The project's page: a form for its managers, who may change the choice; a plain list for everyone
    /// else (a form is shown only to those who may submit it).
    struct Choice {
        var id: UUID
        var name: String
        var used: Set<String> = []
        /// The ones its participants may also fill in themselves, in their own space.
        var selfReport: Set<String> = []
        /// The latest version of every instrument in the library.
        var all: [Listed] = []
        var canManage = false
        var message: String?
    }

    /// The library: every version of every instrument and how many answer sets each has.
    struct Library {
        var instruments: [Listed] = []
        var answers: [UUID: Int] = [:]
        /// Why an upload was refused, each as the validator said it.
        var problems: [String] = []
        var message: String?
    }

    static func project(_ id: UUID, canManage: Bool, message: String? = nil, on db: any Database) async throws -> Choice? {
        struct Name: Decodable { let name: String }
        guard let name = try await db.sql.select().column("name").from(Project.schema).where("id", .equal, id).first(decoding: Name.self)?.name
        else { return nil }
        return Choice(
            id: id, name: name, used: Set(try await MeasureQueries.projectKeys(id, on: db)),
            selfReport: try await MeasureQueries.selfReportKeys(id, on: db), all: try await InstrumentLibrary.latest(on: db).map(listed), canManage: canManage, message: message)
    }

    static func library(problems: [String] = [], message: String? = nil, on db: any Database) async throws -> Library {
        let all = try await Instrument.query(on: db).sort(\.$key).sort(\.$version).all()
        struct Count: Decodable { let instrument_id: UUID; let n: Int }
        let counts = try await db.sql.raw("SELECT instrument_id, COUNT(*) AS n FROM assessments GROUP BY instrument_id").all(decoding: Count.self)
        return Library(
            instruments: try all.map(listed), answers: Dictionary(uniqueKeysWithValues: counts.map { ($0.instrument_id, $0.n) }), problems: problems,
            message: message)
    }

    private static func listed(_ i: Instrument) throws -> Listed {
        let d = i.definition
        let licence = d.flatMap { $0.licence.kind == .bundled ? nil : $0.licence.kind.rawValue }
        return Listed(
            id: try i.requireID(), key: i.key, version: i.version, name: d?.name ?? LocalizedText(fi: i.name), health: i.health, licence: licence, origin: i.origin,
            selfReportable: d?.selfReportable ?? false)
    }
}
