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
        var state = FormState.read(req.query, fields: ["q", "category", "area", "language", "threshold", "after"])
        var f = DirectoryQueries.Filter()
        f.words = SearchKey.make(state.text("q", max: 200)).split(separator: " ").map(String.init)
        f.category = state.choice("category", ServiceCategory.self, required: false)
        f.threshold = state.choice("threshold", Threshold.self, required: false)
        let (areas, languages) = try await DirectoryQueries.choices(on: req.db)
        if !state["area"].isEmpty { if areas.contains(state["area"].lowercased()) { f.area = state["area"] } else { state.errors["area"] = "error.choice" } }
        if !state["language"].isEmpty { if languages.contains(state["language"]) { f.language = state["language"] } else { state.errors["language"] = "error.choice" } }
        var after: (String, UUID)? = nil
        if let id = state.uuid("after", required: false), let s = try await Service.find(id, on: req.db) { after = (s.name, id) }
        let result: (rows: [DirectoryQueries.Row], more: Bool) = state.isValid ? try await DirectoryQueries.search(f, after: after, on: req.db) : ([], false)
        let t = req.t
        let lang = t.lang.rawValue
        let staff = req.actor != nil
        let mine = try await req.authz.providerOrganisations()
        let myOrganisations = mine.isEmpty ? [] : try await Organisation.query(on: req.db).filter(\.$id ~~ mine).sort(\.$name).all()
        let fields = Fields(t: t, state: state)
        func link(after id: UUID) -> String {
            var items = [("after", id.uuidString)]
            for key in ["q", "category", "area", "language", "threshold"] where !state[key].isEmpty { items.append((key, state[key])) }
            return SiteURL.directory.relativeURL(items)
        }
        return req.page(t("directory.title"), status: state.isValid ? .ok : .badRequest) {
            h("p", ["class": "lead"]) { t("directory.intro") }
            for o in myOrganisations {
                h("p", ["class": "notice"]) {
                    o.name + ": "
                    h("a", ["href": SiteURL.organisationServices(.value(o.id!)).relativeURL()]) { t("provider.services.link") }
                    " · "
                    h("a", ["href": SiteURL.organisationReferrals(.value(o.id!)).relativeURL()]) { t("provider.inbox.link") }
                }
            }
            h("form", ["method": "get", "action": SiteURL.directory.relativeURL(), "role": "search", "class": "inline"]) {
                fields.summary()
                fields.text("q", t("directory.q"), type: "search", hint: t("directory.q.hint"))
                fields.select(
                    "category", t("directory.category"), options: ServiceCategory.allCases.map { ($0.rawValue, t("service.category." + $0.rawValue)) }, blank: t("directory.any"))
                fields.select("area", t("directory.area"), options: areas.map { ($0, display($0)) }, blank: t("directory.any_area"))
                fields.select("language", t("directory.language"), options: languages.map { ($0, t("service.language." + $0)) }, blank: t("directory.any"))
                fields.select(
                    "threshold", t("directory.threshold"), options: Threshold.allCases.map { ($0.rawValue, t("service.threshold." + $0.rawValue)) }, blank: t("directory.any"))
                submit(t("directory.search"))
            }
            h("h2", ["id": "results"]) { result.rows.isEmpty ? t("directory.none") : t("directory.results") }
            h("ul", ["class": "services", "aria-labelledby": "results"]) {
                for s in result.rows {
                    h("li", ["class": "card"]) {
                        h("h3") { h("a", ["href": SiteURL.directoryService(.value(s.id)).relativeURL()]) { (lang == "sv" ? s.name_sv : lang == "en" ? s.name_en : nil) ?? s.name } }
                        h("p") { s.organisation_name + " · " + t("service.category." + s.category) }
                        h("p") {
                            h("strong") { t("service.threshold." + s.threshold) }
                            " · " + Service.listItems(s.areas).map(display).joined(separator: ", ")
                            " · " + Service.listItems(s.languages).map { t("service.language." + $0) }.joined(separator: ", ")
                        }
                        if staff, let checked = CalendarDate(parsing: s.checked_on), ServiceFreshness.isStale(checked: checked, today: req.today) {
                            h("p", ["class": "notice"]) { t("service.stale", t.date(s.checked_on)) }
                        }
                    }
                }
            }
            if result.more, let last = result.rows.last { h("p") { h("a", ["href": link(after: last.id)]) { t("directory.more") } } }
            h("p") { h("a", ["href": SiteURL.directoryCSV.relativeURL()]) { t("directory.csv") } }
            if let actor = req.actor, actor.isAdmin || !actor.projectsManaged.isEmpty { h("p") { h("a", ["href": SiteURL.network.relativeURL()]) { t("network.link") } } }
        }
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
