import Fluent
import Foundation
import Vapor

/// `polku import participants --project CODE FILE.csv`: the same import as the upload page.
public enum ImportCLI {
    public static func participants(_ app: Application, projectCode: String, file: String) async throws -> (ok: Bool, report: String) {
        guard let project = try await Project.query(on: app.db).filter(\.$code == projectCode).first() else {
            return (false, "Error: no project with code \(projectCode)")
        }
        guard let data = FileManager.default.contents(atPath: file) else { return (false, "Error: cannot read \(file)") }
        let t = Texts(lang: .fi)
        switch try await ParticipantImport.run(data, project: project, actor: .init(id: nil, email: "polku import", address: "cli"), on: app.db) {
        case .imported(let s):
            return (true, t("import.done", s.created, s.updated, s.unchanged))
        case .refused(let problems):
            var lines = [t("import.refused", problems.count)]
            for p in problems { lines.append("rivi \(p.line)\(p.column.map { ", \($0)" } ?? ""): \(ImportPage.message(p.message, t))") }
            return (false, lines.joined(separator: "\n"))
        }
    }
}
