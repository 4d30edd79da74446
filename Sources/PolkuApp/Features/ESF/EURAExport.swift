import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The project's participants' start and exit data as EURA 2021's participant forms ask them
/// (SPEC §2.2: start date, highest completed education, labour-market status; end date, status at
/// exit, a qualification gained), with Finnish headers, for the project's managers to check or
/// enter the funder's forms; the records that miss something are listed on a sheet of their own.
enum EURAExport {
    private struct Row: Decodable {
        let participant_id: UUID; let first_name: String; let last_name: String; let birth_date: String; let import_key: String?
        let start_date: String; let end_date: String?; let labour_status: String?; let isced: Int?
        let exit_situation: String?; let qualification_gained: Bool?
    }

    static let headers = [
        "Hankekoodi", "Osallistujanumero", "Sukunimi", "Etunimi", "Syntymäaika", "Aloituspäivä",
        "Korkein suoritettu koulutus ennen osallistumista", "Työmarkkina-asema aloittaessa", "Päättymispäivä",
        "Työmarkkina-asema päättyessä", "Suoritti tutkinnon tai pätevyyden", "Puuttuvat tiedot",
    ]

    /// One line per enrolment, by name; the last cell names what is missing (empty when complete).
    static func lines(project: Project, on db: any Database) async throws -> (lines: [[String]], people: [UUID]) {
        let t = Texts(lang: .fi)
        let rows = try await db.sql.raw(
            """
            SELECT e.participant_id, p.first_name, p.last_name, p.birth_date, e.import_key, e.start_date, e.end_date, e.labour_status,
            e.isced, e.exit_situation, e.qualification_gained
            FROM enrolments e JOIN participants p ON p.id = e.participant_id
            WHERE e.project_id = \(bind: try project.requireID()) ORDER BY p.search_key, p.id, e.start_date
            """
        ).all(decoding: Row.self)
        let lines = rows.map { r -> [String] in
            var missing: [String] = []
            if r.isced == nil { missing.append("koulutus") }
            if r.labour_status == nil { missing.append("työmarkkina-asema aloittaessa") }
            if r.end_date != nil {
                if r.exit_situation == nil { missing.append("työmarkkina-asema päättyessä") }
                if r.qualification_gained == nil { missing.append("tutkinto tai pätevyys") }
            }
            return [
                project.code, r.import_key ?? "", r.last_name, r.first_name, t.date(r.birth_date), t.date(r.start_date),
                r.isced.map { t("isced.\($0)") } ?? "", r.labour_status.map { t("labour." + $0) } ?? "", r.end_date.map { t.date($0) } ?? "",
                r.exit_situation.map { t("situation." + $0) } ?? "", r.qualification_gained.map { $0 ? "kyllä" : "ei" } ?? "",
                missing.joined(separator: ", "),
            ]
        }
        return (lines, rows.map(\.participant_id))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let (project, lines) = try await read(req, format: "csv")
        let text = ([headers] + lines).map { $0.map { CSVField.encode($0, quoting: ";\"\n\r") }.joined(separator: ";") }.joined(separator: "\r\n")
        let res = Response(status: .ok, body: .init(string: "\u{FEFF}" + text + "\r\n"))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "eura2021-\(project.code).csv")
        return res
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let (project, lines) = try await read(req, format: "xlsx")
        func cells(_ row: [String]) -> [XLSXWorkbook.Cell] { row.map { $0.isEmpty ? .empty : .text($0) } }
        let incomplete = lines.filter { !($0.last ?? "").isEmpty }
        let data = try XLSXWorkbook(sheets: [
            .init(name: "Osallistujat", rows: ([headers] + lines).map(cells)),
            .init(name: "Puutteelliset", rows: ([headers] + incomplete).map(cells)),
        ]).data()
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        res.headers.contentDisposition = .init(.attachment, filename: "eura2021-\(project.code).xlsx")
        return res
    }

    /// The lines, with the export audited as one event per person in it: the file leaves Polku.
    private static func read(_ req: Request, format: String) async throws -> (Project, [[String]]) {
        let (id, _, _) = try req.guardedProject()
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let (lines, people) = try await lines(project: project, on: req.db)
        try await req.audit.record(.export, participants: Array(Set(people)).sorted { $0.text < $1.text }, project: id, detail: "eura 2021 \(format)")
        return (project, lines)
    }
}
