import Fluent
import Foundation
import PolkuCore

/// The measures report page: per instrument, who was measured and measured again in the period, and
/// the average change (`MeasuresReport`), without health instruments for those who may not see them.
enum MeasuresReportPage {
    struct Choice: Equatable { let id: UUID; let name: String }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        var project: Choice
        var sites: [Choice] = []
        /// The filter as asked and what was wrong with it.
        var state: FormState
        var report = MeasuresReport()
        /// The instruments' current definitions by key, for their scores' names and change rules.
        var definitions: [String: InstrumentDefinition] = [:]
        /// Health instruments' lines were left out: the actor is not a health professional of the project.
        var hidesHealth = false
    }

    /// Computes the report `r` asks for. Health instruments' figures, even as suppressed aggregates, are
    /// only for the project's health professionals (docs/SECURITY.md: health data is for health roles
    /// and the person).
    static func query(_ r: ReportRequest, on db: any Database) async throws -> Model {
        let id = try r.project.requireID()
        var filter = MeasuresReport.Filter()
        filter.from = r.period.from; filter.to = r.period.to; filter.site = r.period.site
        var m = Model(project: Choice(id: id, name: r.project.name), sites: try r.sites.map { Choice(id: try $0.requireID(), name: $0.name) }, state: r.state)
        if r.state.isValid {
            (m.report, m.definitions, m.hidesHealth) = try await compute(project: id, filter: filter, seesHealth: r.access.seesHealthData, on: db)
        } else {
            for instrument in try await InstrumentLibrary.latest(on: db) { m.definitions[instrument.key] = instrument.definition }
        }
        return m
    }

    /// The report with health instruments' lines left out unless `seesHealth` (the page and the API).
    static func compute(
        project: UUID, filter: MeasuresReport.Filter, seesHealth: Bool, on db: any Database
    ) async throws -> (report: MeasuresReport, definitions: [String: InstrumentDefinition], hidesHealth: Bool) {
        var report = try await MeasuresReport.compute(project: project, filter: filter, on: db)
        var definitions: [String: InstrumentDefinition] = [:]
        for instrument in try await InstrumentLibrary.latest(on: db) { definitions[instrument.key] = instrument.definition }
        let health = Set(definitions.filter { $0.value.health }.map(\.key))
        var hides = false
        if !seesHealth {
            hides = report.lines.contains { health.contains($0.key) }
            report.lines.removeAll { health.contains($0.key) }
        }
        return (report, definitions, hides)
    }

    /// The scores a change is shown for, in the instrument's order.
    static func labels(_ d: InstrumentDefinition?, lang: String, t: Texts) -> [(String, String)] {
        guard let d else { return [("total", t("measure.total_short"))] }
        var out: [(String, String)] = []
        if d.hasTotal { out.append(("total", t("measure.total_short"))) }
        if d.scoring.rescale != nil { out.append(("scaled", "0–100")) }
        for dm in d.domains { out.append(("d:" + dm.id, dm.name.text(lang))) }
        if !d.hasTotal { for item in d.items { out.append(("i:" + item.id, item.text?.text(lang) ?? item.id)) } }
        return out
    }
}
