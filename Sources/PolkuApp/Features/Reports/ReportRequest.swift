import Fluent
import PolkuCore
import Vapor

/// What every project report starts from (ESF, activities, measures): the project the guard let
/// through, its sites for the filter, and the query string's period and site, checked. One reading
/// instead of three copies that could drift apart.
struct ReportRequest {
    let project: Project
    let access: ProjectAccess
    let sites: [Site]
    /// The report's GET form: `fields` as asked, with what was wrong with them.
    var state: FormState
    let period: ReportPeriod

    /// Reads the report's project and filter; the project is 404 if it is gone.
    static func read(_ req: Request, fields: [String]) async throws -> ReportRequest {
        let (id, access, _) = try req.guardedProject()
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let sites = try await Site.query(on: req.db).filter(\.$project.$id == id).sort(\.$name).all()
        var state = FormState.read(req.query, fields: fields)
        let period = ReportPeriod.read(&state, sites: sites)
        return ReportRequest(project: project, access: access, sites: sites, state: state, period: period)
    }
}
