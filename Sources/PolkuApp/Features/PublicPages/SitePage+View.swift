import PolkuCore
import Vapor

extension SitePage {
    static func view(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        func state(_ form: String) -> FormState? { m.failed?.form == form ? m.failed!.state : nil }
        return PolkuApp.Page(
            context, title: m.site.name,
            breadcrumbs: [(m.projectName, SiteURL.project(.value(m.project)).relativeURL()), (t("sites.link"), SiteURL.projectSites(.value(m.project)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { "\(m.site.municipality) · \(t("site.kind." + m.site.kind))" }
            h("section", ["aria-labelledby": "site-plan"]) {
                h("h2", ["id": "site-plan"]) { t("site.plan") }
                if let plan = m.site.development_plan { PublicProjectPage.paragraphs(plan) } else { h("p") { t("site.plan.none") } }
                if m.manages {
                    let f = Fields(t: t, state: state("plan") ?? FormState(values: ["development_plan": m.site.development_plan ?? ""]), prefix: "plan-")
                    h("form", ["method": "post", "action": SiteURL.projectSitePlanText(.value(m.project), .value(m.site.id)).relativeURL()]) {
                        csrfField(context)
                        f.summary()
                        f.textarea("development_plan", t("site.plan.field"), hint: t("site.plan.hint"), rows: 5)
                        submit(t("site.plan.save"))
                    }
                }
            }
            if !m.figures.isEmpty {
                FigureTable(caption: t("site.figures"), strings: m.figures.map { [t("sites.column." + $0.column.rawValue), $0.label] }).node
                h("p", ["class": "hint"]) { t("sites.suppressed") }
            }
            h("section", ["aria-labelledby": "site-partners"]) {
                h("h2", ["id": "site-partners"]) { t("site.partners") }
                if m.partners.isEmpty {
                    h("p") { t("site.partners.none") }
                } else {
                    FigureTable(
                        caption: t("site.partners.by_kind"), head: [t("site.partner.kind"), t("site.partners.count")],
                        strings: PartnerKind.allCases.compactMap { k in
                            let n = m.partners.filter { $0.kind == k.rawValue }.count
                            return n == 0 ? nil : [t("site.partner.kind." + k.rawValue), String(n)]
                        } + [[t("public.total"), String(m.partners.count)]]
                    ).node
                    h("ul") { for p in m.partners { h("li") { "\(p.name) (\(t("site.partner.kind." + p.kind)))" } } }
                }
                if m.manages {
                    let f = Fields(t: t, state: state("partner") ?? FormState(), prefix: "partner-")
                    h("form", ["method": "post", "action": SiteURL.projectSitePartners(.value(m.project), .value(m.site.id)).relativeURL()]) {
                        csrfField(context)
                        f.summary()
                        f.text("name", t("site.partner.name"), required: true)
                        f.select(
                            "kind", t("site.partner.kind"), options: PartnerKind.allCases.map { ($0.rawValue, t("site.partner.kind." + $0.rawValue)) },
                            required: true, blank: "")
                        submit(t("site.partner.add"))
                    }
                }
            }
            h("section", ["aria-labelledby": "site-activities"]) {
                h("h2", ["id": "site-activities"]) { t("site.activities") }
                if m.activities.isEmpty { h("p") { t("site.activities.none") } }
                h("ul") {
                    for a in m.activities {
                        h("li") {
                            h("a", ["href": SiteURL.activity(.value(a.id)).relativeURL()]) { a.name }
                            " – " + t("site.activity.held", a.held)
                        }
                    }
                }
            }
        }
    }
}
