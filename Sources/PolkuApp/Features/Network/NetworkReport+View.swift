import PolkuCore

extension NetworkReport {
    /// The report: a filter form (GET) and its tables. Referral counts of 1–4 show as "<5"; an area's
    /// median waiting time only when at least five referrals started there.
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        func n(_ v: Int) -> String { SmallCount(v).description }
        let median = ReferralTiming.median(m.days)
        return Page(
            context, title: t("network.title"), breadcrumbs: [(t("directory.title"), SiteURL.directory.relativeURL())],
            status: m.state.isValid ? .ok : .badRequest
        ) {
            h("form", ["method": "get", "action": SiteURL.network.relativeURL(), "class": "inline"]) {
                f.summary()
                f.date("from", t("report.from"))
                f.date("to", t("report.to"))
                f.select("project", t("calendar.project"), options: m.projects.map { ($0.id.text, $0.name) }, blank: t("network.all_projects"))
                submit(t("report.show"))
            }
            h("p", ["class": "hint"]) { t("network.filter_hint") + " " + t("report.suppressed") }
            FigureTable(
                caption: t("network.providers_by_sector"), head: [t("network.sector"), t("network.providers")],
                strings: Sector.allCases.map { [t("sector." + $0.rawValue), String(m.providersBySector[$0] ?? 0)] }
            ).node
            FigureTable(
                caption: t("network.services_by_category"), head: [t("directory.category"), t("network.services")],
                strings: ServiceCategory.allCases.map { [t("service.category." + $0.rawValue), String(m.servicesByCategory[$0.rawValue] ?? 0)] }
            ).node
            FigureTable(
                caption: t("network.referrals_by_state"), head: [t("referral.state"), t("network.referrals")],
                strings: ReferralState.allCases.map { [t("referral.state." + $0.rawValue), n(m.referralsByState[$0.rawValue] ?? 0)] }
            ).node
            FigureTable(
                caption: t("network.referrals_by_sector"), head: [t("network.sector"), t("network.referrals")],
                strings: Sector.allCases.map { [t("sector." + $0.rawValue), n(m.referralsBySector[$0] ?? 0)] }
            ).node
            FigureTable(
                caption: t("network.referrals_by_provider"), head: [t("service.provider"), t("network.referrals")],
                strings: m.referralsByProvider.map { [$0.name, n($0.n)] }
            ).node
            h("p") { t("network.median_days", median.map(String.init) ?? "–", n(m.days.count)) }
            FigureTable(
                caption: t("network.areas"), head: [t("directory.area"), t("network.services"), t("network.referrals"), t("network.started"), t("network.median")],
                strings: m.areas.sorted { $0.key < $1.key }.map { a in
                    [
                        DirectoryController.display(a.key), String(a.value.services), n(a.value.referrals), n(a.value.started),
                        a.value.days.count >= SmallCount.threshold ? ReferralTiming.median(a.value.days).map(String.init) ?? "–" : "–",
                    ]
                }
            ).node
        }
    }
}
