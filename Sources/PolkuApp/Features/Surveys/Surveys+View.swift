import PolkuCore
import Vapor

extension Surveys {
    static func listPage(
        project: UUID, name: String, surveys: [Listed], activities: [Activity], state: FormState, context: PageContext, status: HTTPResponseStatus
    ) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(
            context, title: t("survey.list.title", name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (name, SiteURL.project(.value(project)).relativeURL())], status: status
        ) {
            h("p", ["class": "lead"]) { t("survey.list.intro") }
            if surveys.isEmpty { h("p") { t("survey.list.none") } }
            h("ul") {
                for s in surveys {
                    h("li") {
                        h("a", ["href": SiteURL.projectSurvey(.value(project), .value(s.id)).relativeURL()]) { s.title }
                        " – " + t(s.is_open ? "survey.open" : "survey.closed_short") + ", " + t("survey.answer_count", SmallCount(s.answers).description)
                    }
                }
            }
            h("section", ["aria-labelledby": "survey-new"]) {
                h("h2", ["id": "survey-new"]) { t("survey.new") }
                h("form", ["method": "post", "action": SiteURL.projectSurveys(.value(project)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.text("title", t("survey.field.title"), required: true)
                    f.textarea("intro", t("survey.field.intro"), rows: 2)
                    f.textarea("ratings", t("survey.field.ratings"), required: true, hint: t("survey.field.ratings_hint"), rows: 4)
                    f.text("open", t("survey.field.open"), hint: t("survey.field.open_hint"))
                    if !activities.isEmpty {
                        f.select(
                            "activity_id", t("survey.field.activity"), options: activities.map { ($0.id.text, $0.name) },
                            blank: t("survey.field.activity_none"), hint: t("survey.field.activity_hint"))
                    }
                    submit(t("survey.create"))
                }
            }
        }
    }

    static func surveyPage(_ s: Row, projectName: String, link: String, result: SurveyResult, period: FormState, context: PageContext) -> Page {
        let t = context.t
        let f = Fields(t: t, state: period)
        let query = [("from", period["from"]), ("to", period["to"])].filter { !$0.1.isEmpty }
        return Page(
            context, title: s.title,
            breadcrumbs: [
                (projectName, SiteURL.project(.value(s.project_id)).relativeURL()), (t("survey.list.link"), SiteURL.projectSurveys(.value(s.project_id)).relativeURL()),
            ]
        ) {
            h("section", ["aria-labelledby": "survey-share"]) {
                h("h2", ["id": "survey-share"]) { t("survey.share") }
                h("p") { t(s.is_open ? "survey.share_open" : "survey.share_closed") }
                h("p", ["class": "link-text"]) { h("a", ["href": link, "id": "survey-link"]) { link } }
                qrImage(link, label: t("survey.qr"))
                h("form", ["method": "post", "action": SiteURL.projectSurveyState(.value(s.project_id), .value(s.id)).relativeURL()]) {
                    csrfField(context)
                    h("input", ["type": "hidden", "name": "open", "value": s.is_open ? "false" : "true"])
                    h("button", ["type": "submit", "class": "secondary"]) { t(s.is_open ? "survey.close" : "survey.reopen") }
                }
            }
            h("section", ["aria-labelledby": "survey-result"]) {
                h("h2", ["id": "survey-result"]) { t("survey.result", result.answers.description) }
                h("form", ["method": "get", "action": SiteURL.projectSurvey(.value(s.project_id), .value(s.id)).relativeURL(), "class": "inline"]) {
                    f.date("from", t("survey.period.from"))
                    f.date("to", t("survey.period.to"))
                    submit(t("survey.period.show"))
                }
                if !result.isShown { h("p") { t("survey.result.hidden") } }
                if result.isShown {
                    dataTable {
                        h("caption") { t("survey.result.caption") }
                        h("thead") {
                            h("tr") {
                                h("th", ["scope": "col"]) { t("survey.question") }
                                h("th", ["scope": "col", "class": "num"]) { t("feedback.report.answers") }
                                h("th", ["scope": "col", "class": "num"]) { t("feedback.report.mean") }
                                h("th", ["scope": "col", "class": "num"]) { t("feedback.report.good") }
                            }
                        }
                        h("tbody") {
                            for (q, sum) in result.ratings {
                                h("tr") {
                                    h("th", ["scope": "row"]) { q.text }
                                    h("td", ["class": "num"]) { sum.answers.description }
                                    h("td", ["class": "num"]) { sum.mean.map(Chart.number) ?? "–" }
                                    h("td", ["class": "num"]) { sum.goodShare.map { "\($0) %" } ?? "–" }
                                }
                            }
                        }
                    }
                    if let open = s.parsed.first(where: { $0.kind == .text }), !result.texts.isEmpty {
                        h("h3") { open.text }
                        h("ul") { for text in result.texts { h("li") { text } } }
                    }
                    h("p") { h("a", ["href": SiteURL.projectSurveyXLSX(.value(s.project_id), .value(s.id)).relativeURL(query), "download": ""]) { t("survey.xlsx") } }
                }
            }
        }
    }
}
