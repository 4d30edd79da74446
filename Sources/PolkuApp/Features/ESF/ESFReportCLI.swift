import Fluent
import Foundation
import PolkuCore
import Vapor

/// `polku report esf`: the same report and the same exports as the browser, from the command line.
public enum ESFReportCLI {
    public enum Format: String, CaseIterable, Sendable { case json, csv, xlsx }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func export(_ app: Application, projectCode: String, from: String?, to: String?, format: Format) async throws -> Data {
        guard let project = try await Project.query(on: app.db).filter(\.$code == projectCode).first() else {
            throw Failure(description: "no project with code \(projectCode)")
        }
        var filter = ESFReport.Filter()
        if let from { guard let d = CalendarDate(parsing: from) else { throw Failure(description: "--from: not a date: \(from)") }; filter.from = d }
        if let to { guard let d = CalendarDate(parsing: to) else { throw Failure(description: "--to: not a date: \(to)") }; filter.to = d }
        if let f = filter.from, let t = filter.to, t < f { throw Failure(description: "--to is before --from") }
        let report = try await ESFReport.compute(project: project.id!, filter: filter, on: app.db)
        let t = Texts(lang: .fi)
        switch format {
        case .json: return try ESFReportExport.json(report, project: project, filter: filter)
        case .csv: return Data(ESFReportExport.csv(report, project: project, filter: filter, today: app.clock.today, t: t).utf8)
        case .xlsx: return try ESFReportExport.xlsx(report, project: project, filter: filter, today: app.clock.today, t: t)
        }
    }
}
