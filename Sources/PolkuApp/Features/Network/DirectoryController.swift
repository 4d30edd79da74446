import Fluent
import Foundation
import PolkuCore
import Vapor

/// The public directory: anyone, without logging in, finds services by words, category, area,
/// language and threshold, in plain language. Staff see the same with the provider's sector and when
/// the details were last checked.
enum DirectoryController {
    static func display(_ area: String) -> String { area.prefix(1).uppercased() + area.dropFirst() }

    @Sendable static func index(req: Request) async throws -> Response {
        let state = FormState.read(req.query, fields: DirectorySearch.fields)
        let model = try await DirectorySearch.query(state, actor: req.actor, providerOf: try await req.authz.providerOrganisations(), on: req.db)
        return DirectorySearch.page(model, context: req.pageContext).response()
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let s = try await Service.query(on: req.db).filter(\.$id == (try req.id())).with(\.$organisation).first() else { throw Abort(.notFound) }
        let staff = req.actor != nil
        guard s.active || staff else { throw Abort(.notFound) }
        let t = req.t
        let lang = t.lang.rawValue
        let sector = s.organisation.sector ?? NetworkVocabulary.sector(of: s.organisation.kind)
        let canEdit = try await req.actor.asyncMap { $0.isAdmin ? true : try await req.authz.isProviderStaff($0, s.$organisation.id) } ?? false
        return req.page(s.localizedName(lang), breadcrumbs: [(t("directory.title"), SiteURL.directory.relativeURL())]) {
            if !s.active { h("p", ["class": "notice"]) { t("service.inactive") } }
            h("p", ["class": "lead"]) { s.localizedDescription(lang) }
            h("dl", ["class": "facts"]) {
                h("dt") { t("service.provider") }; h("dd") { s.organisation.name + (staff ? " (\(t("sector." + sector.rawValue)))" : "") }
                h("dt") { t("directory.category") }; h("dd") { t("service.category." + s.category.rawValue) }
                h("dt") { t("directory.threshold") };
                h("dd") { t("service.threshold." + s.threshold.rawValue) + " – " + t("service.threshold." + s.threshold.rawValue + ".explain") }
                if !s.targetGroups.isEmpty { h("dt") { t("service.target_groups") }; h("dd") { s.targetGroups } }
                h("dt") { t("directory.area") }; h("dd") { Service.listItems(s.areas).map(display).joined(separator: ", ") }
                h("dt") { t("directory.language") }; h("dd") { Service.listItems(s.languages).map { t("service.language." + $0) }.joined(separator: ", ") }
                if !s.cost.isEmpty { h("dt") { t("service.cost") }; h("dd") { s.cost } }
                if !s.whereWhen.isEmpty { h("dt") { t("service.where_when") }; h("dd") { s.whereWhen } }
                h("dt") { t("service.contact") }; h("dd") { s.contact }
                h("dt") { t("service.checked") }; h("dd") { t.date(s.checkedOn) }
            }
            if staff, let checked = CalendarDate(parsing: s.checkedOn), ServiceFreshness.isStale(checked: checked, today: req.today) {
                h("p", ["class": "notice"]) { t("service.stale", t.date(s.checkedOn)) }
            }
            if canEdit {
                h("p") { h("a", ["href": SiteURL.serviceEdit(.value(s.id!)).relativeURL()]) { t("service.edit") } }
            }
        }
    }
}

/// Which sector a provider is in when it has not said: from the kind of organisation.
enum NetworkVocabulary {
    static func sector(of kind: Organisation.Kind) -> Sector {
        switch kind {
        case .municipality, .state: .publicSector
        case .foundation, .association: .thirdSector
        case .parish: .parish
        case .company: .company
        case .university: .education
        case .other: .thirdSector
        }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
