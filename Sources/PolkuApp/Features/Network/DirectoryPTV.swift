import Fluent
import Foundation
import PolkuCore
import Vapor

/// An admin seeds the directory from a file saved from Suomi.fi Palvelutietovaranto's open API
/// (docs/PTV.md): all or nothing, every problem with its path. Services and organisations are
/// matched by their PTV ids, so importing a newer file updates them. PTV's service classes do not
/// map one to one onto Polku's categories, so the admin chooses the category and threshold of the
/// new services; a re-import keeps what an editor has since chosen for a known service.
enum DirectoryPTV {
    @Sendable static func importFile(req: Request, upload: StreamedUpload) async throws -> Response {
        _ = try req.guardedActor()
        let t = req.t
        var problems: [String] = []
        let category = ServiceCategory(rawValue: upload.fields["category"] ?? "")
        let threshold = Threshold(rawValue: upload.fields["threshold"] ?? "")
        if category == nil { problems.append(t("ptv.import.category") + ": " + t("error.required")) }
        if threshold == nil { problems.append(t("ptv.import.threshold") + ": " + t("error.required")) }
        guard let file = upload.file, let data = try? Data(contentsOf: file) else {
            return DirectoryCSV.page(req, problems: problems + [t("instruments.upload.empty")], message: nil, status: .unprocessableEntity)
        }
        let decoded: PTV.File
        do { decoded = try JSONDecoder().decode(PTV.File.self, from: data) } catch let error as DecodingError {
            return DirectoryCSV.page(req, problems: problems + [DirectoryHSDS.describe(error, t)], message: nil, status: .unprocessableEntity)
        }
        switch PTV.read(decoded) {
        case .failure(let found): problems += found.all.map { "\($0.path): " + t($0.key, $0.value) }
        case .success(let services):
            guard problems.isEmpty, let category, let threshold else { break }
            let (created, updated) = try await req.db.writeTransaction { db in
                try await store(services, category: category, threshold: threshold, today: req.today.iso, newID: { req.application.newID() }, on: db)
            }
            try await req.audit.record(.directoryImport, detail: "ptv: \(created) new, \(updated) updated")
            return DirectoryCSV.page(req, problems: [], message: t("directory.import.done", created, updated))
        }
        return DirectoryCSV.page(req, problems: problems, message: nil, status: .unprocessableEntity)
    }

    static func store(
        _ services: [PTV.Imported], category: ServiceCategory, threshold: Threshold, today: String, newID: () -> UUID, on db: any Database
    ) async throws -> (Int, Int) {
        var created = 0, updated = 0
        var organisations: [String: Organisation] = [:]
        for e in services {
            let org: Organisation
            if let known = organisations[e.organisationPTV] {
                org = known
            } else {
                org =
                    try await Organisation.query(on: db).filter(\.$ptvID == e.organisationPTV).first()
                    ?? Organisation(id: newID(), name: e.organisationName, businessID: e.businessID, kind: .municipality)
                org.ptvID = e.organisationPTV
                org.name = e.organisationName
                if let b = e.businessID { org.businessID = b }
                if let m = e.municipality { org.municipality = m }
                try await org.save(on: db)
                organisations[e.organisationPTV] = org
            }
            let existing = try await Service.query(on: db).filter(\.$ptvID == e.servicePTV).first()
            let s = existing ?? Service()
            if existing == nil {
                s.id = newID()
                s.category = category
                s.threshold = threshold
                s.targetGroups = ""
                s.active = true
            }
            s.ptvID = e.servicePTV
            s.$organisation.id = try org.requireID()
            s.name = e.name; s.nameSv = e.nameSv; s.nameEn = e.nameEn
            s.description = e.description; s.descriptionSv = e.descriptionSv; s.descriptionEn = e.descriptionEn
            s.areas = Service.listKey(e.areas)
            s.languages = Service.listKey(e.languages)
            s.cost = e.cost
            s.whereWhen = e.whereWhen
            s.contact = e.contact
            s.checkedOn = today
            s.index(organisationName: org.name)
            try await s.save(on: db)
            if existing == nil { created += 1 } else { updated += 1 }
        }
        return (created, updated)
    }
}
