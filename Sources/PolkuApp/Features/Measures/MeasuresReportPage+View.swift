import Foundation
import PolkuCore

extension MeasuresReportPage {
    /// The report: a filter form (GET) and a section per instrument. Counts under 5 show as "<5"; an
    /// average change only when at least five people were measured twice.
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        let lang = t.lang.rawValue
        let f = Fields(t: t, state: m.state)
        func n(_ v: Int) -> String { SmallCount(v).description }
        let id = m.project.id
        return Page(
            context, title: t("measures_report.title", m.project.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.project.name, SiteURL.project(.value(id)).relativeURL())],
            status: m.state.isValid ? .ok : .badRequest
        ) {
            h("form", ["method": "get", "action": SiteURL.projectMeasures(.value(id)).relativeURL(), "class": "inline"]) {
                f.summary()
                f.date("from", t("report.from"))
                f.date("to", t("report.to"))
                f.select("site", t("enrolment.site"), options: m.sites.map { ($0.id.text, $0.name) }, blank: t("report.site.all"))
                submit(t("report.show"))
            }
            h("p", ["class": "hint"]) { t("measures_report.rule") }
            if m.hidesHealth { h("p", ["class": "notice"]) { t("measures_report.health_hidden") } }
            if m.report.lines.isEmpty { h("p") { t("measures_report.none") } }
            for line in m.report.lines {
                let d = m.definitions[line.key]
                h("section", ["aria-labelledby": "m-\(line.key)"]) {
                    h("h2", ["id": "m-\(line.key)"]) { line.name.text(lang) }
                    h("p") { t("measures_report.counts", n(line.measured), n(line.repeated)) }
                    if line.repeated >= SmallCount.threshold {
                        if let rule = d?.change {
                            h("p") { t("measures_report.meaningful", n(line.meaningfulUp), n(line.meaningfulDown), Chart.number(rule.meaningful)) }
                        }
                        FigureTable(
                            caption: t("measures_report.change_caption", line.name.text(lang)),
                            head: [t("measures_report.score"), t("measures_report.average_change"), t("measures_report.people")],
                            strings: labels(d, lang: lang, t: t).compactMap { scoreID, label in
                                guard let avg = line.average(scoreID), let count = line.changeCounts[scoreID], count >= SmallCount.threshold else { return nil }
                                return [label, (avg > 0 ? "+" : "") + String(format: "%.1f", avg).replacingOccurrences(of: ".", with: ","), String(count)]
                            }
                        ).node
                    } else {
                        h("p", ["class": "hint"]) { t("measures_report.too_few") }
                    }
                }
            }
        }
    }
}
