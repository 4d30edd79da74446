import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The instruments a deployment has: the definitions shipped in `Features/Measures/Instruments` and those an
/// admin uploaded, each version stored whole. A version that has answers is never changed.
package enum InstrumentLibrary {
    static func bundledFiles() -> [(name: String, data: Data)] {
        guard let folder = Bundle.module.url(forResource: "Instruments", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, $0) }
        }
    }

    /// Stores each shipped definition that is not stored yet; a stored one without answers follows
    /// its file. A shipped file changed under a version that has answers is left alone and logged:
    /// the file must get a new version number.
    static func syncBundled(on db: any Database, logger: Logger) async throws {
        for file in bundledFiles() {
            guard case .success(let d) = DefinitionCheck.load(file.data) else {
                logger.error("Shipped instrument \(file.name) does not pass its checks; not loaded")
                continue
            }
            let json = String(decoding: file.data, as: UTF8.self)
            if let stored = try await Instrument.query(on: db).filter(\.$key == d.key).filter(\.$version == d.version).first() {
                guard stored.definitionJSON != json else { continue }
                if try await Assessment.query(on: db).filter(\.$instrument.$id == stored.id!).count() == 0 {
                    stored.definitionJSON = json; stored.name = d.name.fi; stored.health = d.health
                    try await stored.save(on: db)
                } else {
                    logger.warning("Shipped instrument \(d.key) v\(d.version) differs from the stored one that has answers; give the file a new version")
                }
                continue
            }
            let i = Instrument()
            i.key = d.key; i.version = d.version; i.name = d.name.fi; i.health = d.health; i.origin = "bundled"; i.definitionJSON = json
            do { try await i.create(on: db) } catch {
                // Another Polku process on the same database stored it first.
                if try await Instrument.query(on: db).filter(\.$key == d.key).filter(\.$version == d.version).count() == 0 { throw error }
            }
        }
    }

    enum Upload {
        case stored(Instrument)
        /// The uploaded version already has answers, so it was stored as the next version.
        case newVersion(Instrument, was: Int)
    }

    /// An admin's upload: a bad file is refused with every problem; a key and version that has answers
    /// becomes the next free version instead of changing what old results were scored by.
    static func upload(_ data: Data, on db: any Database) async throws -> Result<Upload, DefinitionProblems> {
        guard data.count <= 1_000_000 else { return .failure(DefinitionProblems(problems: [DefinitionProblem(path: "", message: "the file is over 1 MB")])) }
        let loaded: InstrumentDefinition
        switch DefinitionCheck.load(data) {
        case .failure(let problems): return .failure(problems)
        case .success(let definition): loaded = definition
        }
        return try await db.writeTransaction { db in
            var d = loaded
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let requested = d.version
            if let stored = try await Instrument.query(on: db).filter(\.$key == d.key).filter(\.$version == d.version).first() {
                if try await Assessment.query(on: db).filter(\.$instrument.$id == stored.id!).count() == 0 {
                    stored.definitionJSON = String(decoding: try encoder.encode(d), as: UTF8.self)
                    stored.name = d.name.fi; stored.health = d.health; stored.origin = "uploaded"
                    try await stored.save(on: db)
                    return .success(.stored(stored))
                }
                let highest = try await Instrument.query(on: db).filter(\.$key == d.key).max(\.$version) ?? d.version
                d.version = highest + 1
            }
            let i = Instrument()
            i.key = d.key; i.version = d.version; i.name = d.name.fi; i.health = d.health; i.origin = "uploaded"
            i.definitionJSON = String(decoding: try encoder.encode(d), as: UTF8.self)
            try await i.create(on: db)
            return .success(requested == d.version ? .stored(i) : .newVersion(i, was: requested))
        }
    }

    /// The newest version of each instrument.
    package static func latest(on db: any Database) async throws -> [Instrument] {
        let all = try await Instrument.query(on: db).sort(\.$key).sort(\.$version, .descending).all()
        var seen = Set<String>()
        return all.filter { seen.insert($0.key).inserted }
    }
}

extension Application {
    /// For `polku migrate`: the shipped instrument definitions are part of the schema's state.
    public func syncBundledInstruments() async throws {
        try await InstrumentLibrary.syncBundled(on: db, logger: logger)
    }
}
