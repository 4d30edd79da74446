import Fluent
import Foundation
import PolkuCore
import Vapor

/// The directory to and from a spreadsheet. Export: every active service (the directory is public).
/// Import (admins): all or nothing, every bad row listed; providers are matched by business ID or
/// name and created when new; a service is matched by provider and name and updated.
enum DirectoryCSV {
    static let columns = [
        "provider", "business_id", "sector", "name", "name_sv", "name_en", "description", "category", "target_groups",
        "areas", "languages", "threshold", "cost", "where_when", "contact", "checked_on",
    ]

    static func field(_ s: String) -> String { CSVField.encode(s) }

    @Sendable static func export(req: Request) async throws -> Response {
        let services = try await Service.query(on: req.db).filter(\.$active == true).with(\.$organisation).sort(\.$name).all()
        var lines = [columns.joined(separator: ";")]
        for s in services {
            let o = s.organisation
            let cells = [
                o.name, o.businessID ?? "", (o.sector ?? NetworkVocabulary.sector(of: o.kind)).rawValue, s.name, s.nameSv ?? "", s.nameEn ?? "",
                s.description, s.category.rawValue, s.targetGroups, Service.listItems(s.areas).map(DirectoryController.display).joined(separator: ", "),
                Service.listItems(s.languages).joined(separator: ", "), s.threshold.rawValue, s.cost, s.whereWhen, s.contact, s.checkedOn,
            ]
            lines.append(cells.map(field).joined(separator: ";"))
        }
        try await req.audit.record(.export, detail: "directory csv, \(services.count) services")
        let res = Response(status: .ok, body: .init(string: "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "palveluhakemisto.csv")
        return res
    }

    @Sendable static func importPage(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return page(req, problems: [], message: nil)
    }

    static func page(_ req: Request, problems: [String], message: String?, status: HTTPResponseStatus = .ok) -> Response {
        importPage(problems: problems, message: message, context: req.pageContext, status: status).response()
    }

    /// The directory import form, with what the last file brought or why it was refused.
    static func importPage(problems: [String], message: String?, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(context, title: t("directory.import.title"), breadcrumbs: [(t("directory.title"), SiteURL.directory.relativeURL())], status: status) {
            if let message { h("p", ["class": "ok", "role": "status"]) { message } }
            if !problems.isEmpty {
                h("div", ["class": "error-summary", "role": "alert"]) {
                    h("p") { t("directory.import.refused", problems.count) }
                    h("ul") { for p in problems { h("li") { p } } }
                }
            }
            h("p") { t("directory.import.hint", columns.joined(separator: ", ")) }
            FileUpload.form(
                context, action: SiteURL.adminDirectoryImport.relativeURL(), label: t("import.file"), accept: ".csv,text/csv", submit: t("directory.import.submit"))
            h("h2") { t("hsds.import.title") }
            h("p") { t("hsds.import.hint") }
            FileUpload.form(
                context, action: SiteURL.adminDirectoryImportHSDS.relativeURL(), label: t("hsds.import.file"), accept: ".json,application/json",
                submit: t("hsds.import.submit"), id: "f-hsds-file")
            h("h2") { t("ptv.import.title") }
            h("p") { t("ptv.import.hint") }
            let f = Fields(t: t, state: FormState(values: ["threshold": "low"], errors: [:]), prefix: "ptv-")
            FileUpload.form(
                context, action: SiteURL.adminDirectoryImportPTV.relativeURL(), label: t("ptv.import.file"), accept: ".json,application/json",
                submit: t("ptv.import.submit"), id: "f-ptv-file",
                fields: [
                    f.select(
                        "category", t("ptv.import.category"), options: ServiceCategory.allCases.map { ($0.rawValue, t("service.category." + $0.rawValue)) },
                        required: true, blank: t("ptv.import.choose")),
                    f.select("threshold", t("ptv.import.threshold"), options: Threshold.allCases.map { ($0.rawValue, t("service.threshold." + $0.rawValue)) }, required: true),
                ])
        }
    }

    struct Parsed { var provider: String; var businessID: String?; var sector: Sector?; var values: FormState; var line: Int }

    /// The directory's file is read whole (it is at most 16 MB: tens of thousands of services).
    @Sendable static func importFile(req: Request, upload: StreamedUpload) async throws -> Response {
        _ = try req.guardedActor()
        let t = req.t
        guard let file = upload.file, let data = try? Data(contentsOf: file) else {
            return page(req, problems: [t("instruments.upload.empty")], message: nil, status: .unprocessableEntity)
        }
        let table: CSVTable
        do { table = try CSVTable.parse(data) } catch let p as CSVTable.Problem {
            return page(req, problems: [t(p.message)], message: nil, status: .unprocessableEntity)
        }
        var problems = table.problems.map { t("directory.import.line", $0.line) + ": " + t($0.message) }
        let missing = ["provider", "name", "description", "category", "areas", "threshold", "contact"].filter { !table.header.contains($0) }
        if !missing.isEmpty { problems.append(t("directory.import.columns", missing.joined(separator: ", "))) }
        var parsed: [Parsed] = []
        if missing.isEmpty {
            for row in table.rows {
                var st = FormState()
                for c in columns { st.values[c] = CSVField.decodeImported(row.fields[c] ?? "") }
                st.values["active"] = "on"
                for l in (row.fields["languages"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) { st.values["lang_\(l.lowercased())"] = "on" }
                if (row.fields["languages"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { st.values["lang_fi"] = "on" }
                let provider = (row.fields["provider"] ?? "").trimmingCharacters(in: .whitespaces)
                var rowProblems: [String] = []
                if provider.isEmpty { rowProblems.append(t("directory.import.no_provider")) }
                let sectorText = (row.fields["sector"] ?? "").trimmingCharacters(in: .whitespaces)
                let sector = sectorText.isEmpty ? nil : Sector(rawValue: sectorText)
                if !sectorText.isEmpty && sector == nil { rowProblems.append(t("directory.import.sector", sectorText)) }
                let unknownLanguages = (row.fields["languages"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
                    .map { $0.lowercased() }.filter { !ServiceEditor.languages.contains($0) }
                if !unknownLanguages.isEmpty { rowProblems.append(t("directory.import.language", unknownLanguages.joined(separator: ", "))) }
                var check = st
                let probe = Service()
                if !ServiceEditor.apply(&check, to: probe) {
                    for (field, key) in check.errors.sorted(by: { $0.key < $1.key }) {
                        if field == "category" {
                            rowProblems.append(t("directory.import.category", row.fields["category"] ?? ""))
                        } else if field == "threshold" {
                            rowProblems.append(t("directory.import.threshold", row.fields["threshold"] ?? ""))
                        } else {
                            rowProblems.append("\(field): \(Fields(t: t, state: check).message(key))")
                        }
                    }
                }
                if !rowProblems.isEmpty { problems.append(t("directory.import.line", row.line) + ": " + rowProblems.joined(separator: "; ")) }
                parsed.append(Parsed(provider: provider, businessID: (row.fields["business_id"] ?? "").nilIfEmpty, sector: sector, values: st, line: row.line))
            }
        }
        guard problems.isEmpty else { return page(req, problems: problems, message: nil, status: .unprocessableEntity) }
        let rows = parsed
        let (created, updated) = try await req.db.writeTransaction { db -> (Int, Int) in
            var created = 0, updated = 0
            var providers: [String: Organisation] = [:]
            for p in rows {
                let key = p.businessID ?? p.provider.lowercased()
                var org = providers[key]
                if org == nil {
                    if let b = p.businessID { org = try await Organisation.query(on: db).filter(\.$businessID == b).first() }
                    if org == nil { org = try await Organisation.query(on: db).filter(\.$name == p.provider).first() }
                    if org == nil {
                        let kind: Organisation.Kind =
                            switch p.sector ?? .thirdSector {
                            case .publicSector: .municipality
                            case .thirdSector: .association
                            case .parish: .parish
                            case .company, .socialEnterprise: .company
                            case .education: .university
                            }
                        let o = Organisation(name: p.provider, businessID: p.businessID, kind: kind)
                        o.sector = p.sector
                        try await o.create(on: db)
                        org = o
                    }
                    providers[key] = org
                }
                guard let org else { continue }
                let name = p.values["name"].trimmingCharacters(in: .whitespaces)
                let s = try await Service.query(on: db).filter(\.$organisation.$id == org.id!).filter(\.$name == name).first() ?? Service()
                let isNew = s.id == nil
                s.$organisation.id = org.id!
                var st = p.values
                _ = ServiceEditor.apply(&st, to: s)
                let checked = CalendarDateFormatter.parse(p.values["checked_on"])?.iso ?? req.today.iso
                s.checkedOn = checked
                s.index(organisationName: org.name)
                try await s.save(on: db)
                if isNew { created += 1 } else { updated += 1 }
            }
            return (created, updated)
        }
        try await req.audit.record(.directoryImport, detail: "\(created) new, \(updated) updated")
        return page(req, problems: [], message: t("directory.import.done", created, updated))
    }
}
