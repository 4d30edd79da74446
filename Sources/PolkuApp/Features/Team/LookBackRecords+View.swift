import PolkuCore
import Vapor

extension LookBackRecords {
    static func view(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return PolkuApp.Page(
            context, title: t("before.title", m.name),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), (m.name, SiteURL.participant(.value(m.participant)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("before.intro") }
            if m.rows.isEmpty {
                h("p") { t("before.none") }
            } else {
                FigureTable(
                    caption: t("before.records"), head: [t("before.field.kind"), t("before.field.what"), t("before.field.from_date"), t("before.field.to_date")],
                    strings: m.rows.map { [t("before.kind." + $0.kind), $0.what, t.date($0.from_date), $0.to_date.map { t.date($0) } ?? t("before.ongoing")] }
                ).node
            }
            if !m.projects.isEmpty {
                h("section", ["aria-labelledby": "before-new"]) {
                    h("h2", ["id": "before-new"]) { t("before.add") }
                    h("form", ["method": "post", "action": SiteURL.participantBefore(.value(m.participant)).relativeURL()]) {
                        csrfField(context)
                        f.summary()
                        f.select("project_id", t("team.field.project"), options: m.projects.map { ($0.id.text, $0.name) }, required: true)
                        f.select(
                            "kind", t("before.field.kind"), options: LookBack.Kind.allCases.map { ($0.rawValue, t("before.kind." + $0.rawValue)) },
                            required: true, blank: "")
                        f.text("what", t("before.field.what"), required: true, hint: t("before.hint.what"))
                        f.date("from_date", t("before.field.from_date"), required: true)
                        f.date("to_date", t("before.field.to_date"))
                        submit(t("before.save"))
                    }
                }
            }
        }
    }

    static func reportView(_ r: Report, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        let n = { (count: Int) in SmallCount(count).description }
        return PolkuApp.Page(
            context, title: t("before.report.title", r.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (r.name, SiteURL.project(.value(r.project)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("before.report.intro", n(r.people)) }
            FigureTable(
                caption: t("before.report.kinds"), head: [t("before.field.kind"), t("public.figures.people")],
                strings: LookBack.Kind.allCases.map { [t("before.kind." + $0.rawValue), n(r.before[$0] ?? 0)] }
            ).node
            let line = ComplementarySuppression.line(LookBack.Band.allCases.map { r.bands[$0] ?? 0 })
            FigureTable(
                caption: t("before.report.unemployed"), head: [t("before.report.length"), t("public.figures.people")],
                strings: LookBack.Band.allCases.indices.map { [t("before.band." + LookBack.Band.allCases[$0].rawValue), line.label($0)] }
                    + [[t("public.total"), line.total.description]]
            ).node
            h("p") { r.medianDays.map { t("before.report.median", $0) } ?? t("before.report.median.none") }
            h("p", ["class": "hint"]) { t("report.suppressed") + " " + t("public.complement") }
            if r.canImport {
                h("section", ["aria-labelledby": "before-import"]) {
                    h("h2", ["id": "before-import"]) { t("before.import") }
                    h("p") { t("before.import.hint") }
                    FileUpload.problems(r.importProblems, t: t, columnPrefix: "before.column.", codePrefix: "before.csv.")
                    FileUpload.form(
                        context, action: SiteURL.projectBeforeImport(.value(r.project)).relativeURL(), label: t("public.funding.file"),
                        accept: ".csv,text/csv", submit: t("public.funding.import_submit"))
                }
            }
        }
    }
}
