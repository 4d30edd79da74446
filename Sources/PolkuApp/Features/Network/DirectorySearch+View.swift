import PolkuCore

extension DirectorySearch {
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        let lang = t.lang.rawValue
        let fields = Fields(t: t, state: m.state)
        let display = DirectoryController.display
        return Page(context, title: t("directory.title"), status: m.state.isValid ? .ok : .badRequest) {
            h("p", ["class": "lead"]) { t("directory.intro") }
            for o in m.providerOf {
                h("p", ["class": "notice"]) {
                    o.name + ": "
                    h("a", ["href": SiteURL.organisationServices(.value(o.id)).relativeURL()]) { t("provider.services.link") }
                    " · "
                    h("a", ["href": SiteURL.organisationReferrals(.value(o.id)).relativeURL()]) { t("provider.inbox.link") }
                }
            }
            h("form", ["method": "get", "action": SiteURL.directory.relativeURL(), "role": "search", "class": "inline"]) {
                fields.summary()
                fields.text("q", t("directory.q"), type: "search", hint: t("directory.q.hint"))
                fields.select(
                    "category", t("directory.category"), options: ServiceCategory.allCases.map { ($0.rawValue, t("service.category." + $0.rawValue)) }, blank: t("directory.any"))
                fields.select("area", t("directory.area"), options: m.areas.map { ($0, display($0)) }, blank: t("directory.any_area"))
                fields.select("language", t("directory.language"), options: m.languages.map { ($0, t("service.language." + $0)) }, blank: t("directory.any"))
                fields.select(
                    "threshold", t("directory.threshold"), options: Threshold.allCases.map { ($0.rawValue, t("service.threshold." + $0.rawValue)) }, blank: t("directory.any"))
                submit(t("directory.search"))
            }
            h("h2", ["id": "results"]) { m.rows.isEmpty ? t("directory.none") : t("directory.results") }
            h("ul", ["class": "services", "aria-labelledby": "results"]) {
                for s in m.rows {
                    h("li", ["class": "card"]) {
                        h("h3") { h("a", ["href": SiteURL.directoryService(.value(s.id)).relativeURL()]) { (lang == "sv" ? s.name_sv : lang == "en" ? s.name_en : nil) ?? s.name } }
                        h("p") { s.organisation_name + " · " + t("service.category." + s.category) }
                        h("p") {
                            h("strong") { t("service.threshold." + s.threshold) }
                            " · " + Service.listItems(s.areas).map(display).joined(separator: ", ")
                            " · " + Service.listItems(s.languages).map { t("service.language." + $0) }.joined(separator: ", ")
                        }
                        if m.staff, let checked = CalendarDate(parsing: s.checked_on), ServiceFreshness.isStale(checked: checked, today: context.today) {
                            h("p", ["class": "notice"]) { t("service.stale", t.date(s.checked_on)) }
                        }
                    }
                }
            }
            if m.more, let last = m.rows.last { h("p") { h("a", ["href": m.next(after: last.id)]) { t("directory.more") } } }
            h("p") { h("a", ["href": SiteURL.directoryCSV.relativeURL()]) { t("directory.csv") } }
            h("p") { h("a", ["href": SiteURL.directoryHSDS.relativeURL()]) { t("hsds.link") } }
            if m.showsNetworkLink { h("p") { h("a", ["href": SiteURL.network.relativeURL()]) { t("network.link") } } }
        }
    }
}
