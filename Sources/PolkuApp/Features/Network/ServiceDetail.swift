import Foundation
import PolkuCore

/// One service in the directory, in plain language: what it is, who provides it, how to get there.
/// Staff also see the provider's sector and whether the details are out of date.
struct ServiceDetail: Equatable {
    var id: UUID
    var name: String
    var description: String
    var provider: String
    var sector: Sector
    var category: ServiceCategory
    var threshold: Threshold
    var targetGroups: String
    var areas: [String]
    var languages: [String]
    var cost: String
    var whereWhen: String
    var contact: String
    var checkedOn: String
    var active: Bool
    var staff: Bool
    var canEdit: Bool
}

extension ServiceDetail {
    /// From a service read with its organisation, in the reader's language where it has one.
    init(_ s: Service, lang: String, staff: Bool, canEdit: Bool) throws {
        self.init(
            id: try s.requireID(), name: s.localizedName(lang), description: s.localizedDescription(lang), provider: s.organisation.name,
            sector: s.organisation.sector ?? NetworkVocabulary.sector(of: s.organisation.kind), category: s.category, threshold: s.threshold,
            targetGroups: s.targetGroups, areas: Service.listItems(s.areas), languages: Service.listItems(s.languages), cost: s.cost, whereWhen: s.whereWhen,
            contact: s.contact, checkedOn: s.checkedOn, active: s.active, staff: staff, canEdit: canEdit)
    }

    static func page(_ m: ServiceDetail, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: m.name, breadcrumbs: [(t("directory.title"), SiteURL.directory.relativeURL())]) {
            if !m.active { h("p", ["class": "notice"]) { t("service.inactive") } }
            h("p", ["class": "lead"]) { m.description }
            h("dl", ["class": "facts"]) {
                h("dt") { t("service.provider") }; h("dd") { m.provider + (m.staff ? " (\(t("sector." + m.sector.rawValue)))" : "") }
                h("dt") { t("directory.category") }; h("dd") { t("service.category." + m.category.rawValue) }
                h("dt") { t("directory.threshold") }
                h("dd") { t("service.threshold." + m.threshold.rawValue) + " – " + t("service.threshold." + m.threshold.rawValue + ".explain") }
                if !m.targetGroups.isEmpty { h("dt") { t("service.target_groups") }; h("dd") { m.targetGroups } }
                h("dt") { t("directory.area") }; h("dd") { m.areas.map(DirectoryController.display).joined(separator: ", ") }
                h("dt") { t("directory.language") }; h("dd") { m.languages.map { t("service.language." + $0) }.joined(separator: ", ") }
                if !m.cost.isEmpty { h("dt") { t("service.cost") }; h("dd") { m.cost } }
                if !m.whereWhen.isEmpty { h("dt") { t("service.where_when") }; h("dd") { m.whereWhen } }
                h("dt") { t("service.contact") }; h("dd") { m.contact }
                h("dt") { t("service.checked") }; h("dd") { t.date(m.checkedOn) }
            }
            if m.staff, let checked = CalendarDate(parsing: m.checkedOn), ServiceFreshness.isStale(checked: checked, today: context.today) {
                h("p", ["class": "notice"]) { t("service.stale", t.date(m.checkedOn)) }
            }
            if m.canEdit { h("p") { h("a", ["href": SiteURL.serviceEdit(.value(m.id)).relativeURL()]) { t("service.edit") } } }
        }
    }
}
