import Foundation
import PolkuCore

/// The period and site every project report is filtered by, read the same way everywhere: an end
/// before the start and a site of another project are refused with a message beside the field.
struct ReportPeriod: Sendable {
    var from: CalendarDate?
    var to: CalendarDate?
    var site: UUID?

    static func read(_ state: inout FormState, sites: [Site]) -> ReportPeriod {
        var p = ReportPeriod()
        p.from = state.date("from").flatMap(CalendarDate.init(parsing:))
        p.to = state.date("to").flatMap(CalendarDate.init(parsing:))
        if let from = p.from, let to = p.to, to < from { state.errors["to"] = "error.end_before_start" }
        p.site = state.uuid("site", required: false)
        if let site = p.site, !sites.contains(where: { $0.id == site }) { state.errors["site"] = "error.choice" }
        return p
    }
}
