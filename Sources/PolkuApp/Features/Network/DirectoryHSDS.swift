import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The public directory as an Open Referral HSDS 3.0 package (`/directory/hsds.json`), and its
/// import by an admin: all or nothing, every problem with its path; organisations and services
/// are matched by their ids, so a package exported here and imported elsewhere keeps them.
enum DirectoryHSDS {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }

    /// The active services with their providers, as the package's rows.
    static func entries(on db: any Database) async throws -> [HSDS.Entry] {
        let services = try await Service.query(on: db).filter(\.$active == true).with(\.$organisation).all()
        return services.map { s in
            let o = s.organisation
            return HSDS.Entry(
                organisationID: o.id?.text.lowercased() ?? "", organisationName: o.name, businessID: o.businessID, website: o.website,
                municipality: o.municipality, serviceID: s.id?.text.lowercased() ?? "", name: s.name, description: s.description,
                category: s.category, targetGroups: s.targetGroups, areas: Service.listItems(s.areas), languages: Service.listItems(s.languages),
                threshold: s.threshold, cost: s.cost, whereWhen: s.whereWhen, contact: s.contact, active: s.active, checkedOn: s.checkedOn)
        }
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let package = HSDS.package(try await entries(on: req.db))
        let res = Response(status: .ok, body: .init(data: try encoder().encode(package)))
        res.headers.contentType = .json
        res.headers.contentDisposition = .init(.inline, filename: "hsds.json")
        res.headers.cacheControl = .init(maxAge: 300)
        return res
    }

    @Sendable static func importFile(req: Request, upload: StreamedUpload) async throws -> Response {
        _ = try req.guardedActor()
        let t = req.t
        guard let file = upload.file, let data = try? Data(contentsOf: file) else {
            return DirectoryCSV.page(req, problems: [t("instruments.upload.empty")], message: nil, status: .unprocessableEntity)
        }
        let package: HSDS.Package
        do { package = try JSONDecoder().decode(HSDS.Package.self, from: data) } catch let error as DecodingError {
            return DirectoryCSV.page(req, problems: [Self.describe(error, t)], message: nil, status: .unprocessableEntity)
        }
        let entries: [HSDS.Entry]
        switch HSDS.entries(package) {
        case .success(let read): entries = read
        case .failure(let problems):
            let lines = problems.all.map { "\($0.path): " + t($0.key, $0.value) }
            return DirectoryCSV.page(req, problems: lines, message: nil, status: .unprocessableEntity)
        }
        let (created, updated) = try await req.db.writeTransaction { db in try await store(entries, today: req.today.iso, on: db) }
        try await req.audit.record(.directoryImport, detail: "hsds: \(created) new, \(updated) updated")
        return DirectoryCSV.page(req, problems: [], message: t("directory.import.done", created, updated))
    }

    /// Writes the entries: organisations and services by id, created when new.
    static func store(_ entries: [HSDS.Entry], today: String, on db: any Database) async throws -> (Int, Int) {
        var created = 0, updated = 0
        var organisations: [UUID: Organisation] = [:]
        for e in entries {
            guard let orgID = UUID(text: e.organisationID), let serviceID = UUID(text: e.serviceID) else { continue }
            let org: Organisation
            if let known = organisations[orgID] {
                org = known
            } else {
                org = try await Organisation.find(orgID, on: db) ?? Organisation(id: orgID, name: e.organisationName, kind: .association)
                org.name = e.organisationName
                org.businessID = e.businessID
                org.website = e.website
                org.municipality = e.municipality
                try await org.save(on: db)
                organisations[orgID] = org
            }
            let existing = try await Service.find(serviceID, on: db)
            let s = existing ?? Service()
            if existing == nil { s.id = serviceID }
            s.$organisation.id = orgID
            s.name = e.name
            s.description = e.description
            s.category = e.category
            s.targetGroups = e.targetGroups
            s.areas = Service.listKey(e.areas)
            s.languages = Service.listKey(e.languages)
            s.threshold = e.threshold
            s.cost = e.cost
            s.whereWhen = e.whereWhen
            s.contact = e.contact
            s.active = e.active
            s.checkedOn = e.checkedOn.isEmpty ? today : e.checkedOn
            s.index(organisationName: org.name)
            try await s.save(on: db)
            if existing == nil { created += 1 } else { updated += 1 }
        }
        return (created, updated)
    }

    /// A JSON problem with its path: `service[2].name: …`.
    static func describe(_ error: DecodingError, _ t: Texts) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): " + t("hsds.problem.missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)): " + t("hsds.problem.type")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? t("hsds.problem.json") : "\(path(context.codingPath)): " + t("hsds.problem.type")
        @unknown default: return t("hsds.problem.json")
        }
    }
}
