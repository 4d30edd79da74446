import PolkuCore
import Vapor

extension Experiments {
    static func view(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        func state(_ form: String) -> FormState { m.failed?.form == form ? m.failed!.state : FormState() }
        let siteNames = Dictionary(m.sites.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let activityNames = Dictionary(m.activities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return PolkuApp.Page(
            context, title: t("experiment.title", m.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.name, SiteURL.project(.value(m.project)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("experiment.intro") }
            if m.experiments.isEmpty { h("p") { t("experiment.none") } }
            if !m.experiments.isEmpty && !m.sites.isEmpty { comparison(m, t: t) }
            for e in m.experiments {
                h("article", ["class": "card", "aria-labelledby": "exp-\(e.id)"]) {
                    h("h2", ["id": "exp-\(e.id)"]) { e.title }
                    h("p", ["class": "hint"]) {
                        (e.site_id.flatMap { siteNames[$0] } ?? t("sites.none")) + " · " + t.date(e.started_on) + "–" + (e.ended_on.map { t.date($0) } ?? "")
                    }
                    PublicProjectPage.paragraphs(e.what)
                    h("dl", ["class": "facts"]) {
                        ProjectShow.fact(t("experiment.activities"), e.activities.compactMap { activityNames[$0] }.joined(separator: ", "))
                        ProjectShow.fact(t("experiment.measures"), e.measures.joined(separator: ", "))
                        ProjectShow.fact(
                            t("experiment.held"),
                            t(
                                "experiment.held.value", e.activities.reduce(0) { $0 + (m.attendance[$1]?.sessions ?? 0) },
                                e.activities.reduce(0) { $0 + (m.attendance[$1]?.attendances ?? 0) }))
                    }
                    let failed = state("evaluate-\(e.id)")
                    let f = Fields(t: t, state: failed.values.isEmpty ? FormState(values: ["evaluation": e.evaluation, "results": e.results]) : failed, prefix: "exp-\(e.id)-")
                    h("form", ["method": "post", "action": SiteURL.projectExperiment(.value(m.project), .value(e.id)).relativeURL()]) {
                        csrfField(context)
                        f.summary()
                        f.textarea("evaluation", t("experiment.field.evaluation"), hint: t("experiment.hint.evaluation"), rows: 3)
                        f.textarea("results", t("experiment.field.results"), rows: 3)
                        submit(t("experiment.save_evaluation"))
                    }
                }
            }
            newForm(m, state: state("new"), context: context)
        }
    }

    /// Sites compared on their experiments: how many each tried and ended, and the sessions and
    /// attendances of the groups those experiments used. Counts of sessions are not people; the
    /// attendances are shown through `SmallCount`.
    static func comparison(_ m: Model, t: Texts) -> Node {
        let rows: [(name: String, id: UUID?)] = m.sites.map { ($0.name, $0.id) } + [(t("sites.none"), nil)]
        return FigureTable(
            caption: t("experiment.compare"),
            head: [t("sites.site"), t("experiment.compare.count"), t("experiment.compare.ended"), t("experiment.compare.sessions"), t("public.figures.attendances")],
            strings: rows.compactMap { row in
                let mine = m.experiments.filter { $0.site_id == row.id }
                if row.id == nil && mine.isEmpty { return nil }
                let used = Set(mine.flatMap(\.activities))
                return [
                    row.name, String(mine.count), String(mine.filter { $0.ended_on != nil }.count),
                    String(used.reduce(0) { $0 + (m.attendance[$1]?.sessions ?? 0) }),
                    SmallCount(used.reduce(0) { $0 + (m.attendance[$1]?.attendances ?? 0) }).description,
                ]
            }
        ).node
    }

    static func newForm(_ m: Model, state: FormState, context: PageContext) -> Node {
        let t = context.t
        let f = Fields(t: t, state: state, prefix: "new-")
        return h("section", ["aria-labelledby": "exp-new"]) {
            h("h2", ["id": "exp-new"]) { t("experiment.new") }
            h("form", ["method": "post", "action": SiteURL.projectExperiments(.value(m.project)).relativeURL()]) {
                csrfField(context)
                f.summary()
                f.text("title", t("experiment.field.title"), required: true)
                f.textarea("what", t("experiment.field.what"), required: true, rows: 3)
                f.select("site_id", t("sites.site"), options: m.sites.map { ($0.id.text, $0.name) }, blank: t("sites.none"))
                f.date("started_on", t("experiment.field.started_on"), required: true)
                f.date("ended_on", t("experiment.field.ended_on"))
                if !m.activities.isEmpty {
                    h("fieldset") {
                        h("legend") { t("experiment.activities") }
                        for a in m.activities { f.checkbox("a_\(a.id)", a.name) }
                    }
                }
                if !m.measures.isEmpty {
                    h("fieldset") {
                        h("legend") { t("experiment.measures") }
                        for key in m.measures { f.checkbox("m_" + key, key) }
                    }
                }
                submit(t("experiment.create"))
            }
        }
    }
}
