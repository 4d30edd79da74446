import PolkuCore
import Vapor

extension PlanProgress {
    static func view(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        let joint = !m.subProjects.isEmpty
        // A joint project's figures are its sub-projects' summed (and the joint project's own, if any).
        let startedSum = m.total.started + m.subProjects.reduce(0) { $0 + $1.started }
        let plannedSum = m.total.planned ?? (joint ? m.subProjects.compactMap(\.planned).reduce(0, +) : nil)
        func percent(_ n: Int, of d: Int?) -> String {
            guard let d, d > 0 else { return "–" }
            return "\(Int((Double(n) / Double(d) * 100).rounded())) %"
        }
        return PolkuApp.Page(
            context, title: t("progress.title", m.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.name, SiteURL.project(.value(m.project)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("progress.summary", startedSum, plannedSum.map(String.init) ?? "–", percent(startedSum, of: plannedSum)) }
            let rows = (joint ? m.subProjects : m.sites).filter { $0.planned != nil || $0.started > 0 }
            if !rows.isEmpty {
                Chart.profile(
                    title: t(joint ? "progress.chart.sub" : "progress.chart.sites"),
                    rows: rows.map { ($0.name, $0.planned.map(Double.init), Double($0.started)) }, min: 0,
                    max: Double(rows.map { max($0.planned ?? 0, $0.started) }.max() ?? 1), firstLabel: t("progress.planned"),
                    latestLabel: t("progress.started"), id: "progress-chart")
            }
            if joint {
                FigureTable(
                    caption: t("progress.sub"),
                    head: [t("project.subprojects"), t("progress.implementer"), t("progress.planned"), t("progress.started"), t("progress.share")],
                    strings: m.subProjects.map {
                        [$0.name, $0.implementer ?? "", $0.planned.map(String.init) ?? "–", String($0.started), percent($0.started, of: startedSum)]
                    } + [[t("public.total"), "", plannedSum.map(String.init) ?? "–", String(startedSum), "100 %"]]
                ).node
            }
            if !m.sites.isEmpty { sites(m, context: context) }
            FigureTable(
                caption: t("public.figures.gender"), head: [t("participant.gender"), t("progress.started")],
                strings: m.genders.map { [t("gender." + $0.key), String($0.n)] }
            ).node
        }
    }

    static func sites(_ m: Model, context: PageContext) -> Node {
        let t = context.t
        return h("section", ["aria-labelledby": "progress-sites"]) {
            h("h2", ["id": "progress-sites"]) { t("progress.sites") }
            FigureTable(
                caption: t("progress.sites"), head: [t("sites.site"), t("progress.planned"), t("progress.started")],
                strings: m.sites.map { [$0.name, $0.planned.map(String.init) ?? "–", String($0.started)] }
            ).node
            if m.manages {
                h("h3") { t("progress.site.plan") }
                for site in m.sites {
                    let state = m.failed?.site == site.id ? m.failed!.state : FormState(values: ["planned": site.planned.map(String.init) ?? ""])
                    let f = Fields(t: t, state: state, prefix: "site-\(site.id)-")
                    h("form", ["method": "post", "action": SiteURL.projectSitePlan(.value(m.project), .value(site.id)).relativeURL(), "class": "inline"]) {
                        csrfField(context)
                        f.summary()
                        f.text("planned", t("progress.site.planned", site.name), hint: nil)
                        submit(t("progress.site.save"))
                    }
                }
            }
        }
    }
}
