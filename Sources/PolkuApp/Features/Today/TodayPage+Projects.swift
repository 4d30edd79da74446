import PolkuCore
import Vapor

/// "Tänään" for those who run projects or read their figures (issue 14): a manager sees each project's
/// progress against plan and what is due, with links to the report's incomplete records and the
/// follow-ups; a viewer sees the reports they may read.
extension TodayPage {
    static func managedSection(_ projects: [TodayQueries.ProjectRow], _ t: Texts) -> Node {
        h("section", ["aria-labelledby": "today-managed"]) {
            h("h2", ["id": "today-managed"]) { t("today.managed") }
            for p in projects {
                h("article", ["class": "card"]) {
                    h("h3") { h("a", ["href": SiteURL.project(.value(p.id)).relativeURL()]) { p.name } }
                    h("p") {
                        if let planned = p.planned_participants, planned > 0 {
                            t("today.managed.progress", String(p.started), String(planned), String(Int((Double(p.started) / Double(planned) * 100).rounded())))
                        } else {
                            t("today.managed.started", String(p.started))
                        }
                    }
                    h("ul", ["class": "plain"]) {
                        h("li") { h("a", ["href": SiteURL.projectReport(.value(p.id)).relativeURL(fragment: "missing-h")]) { t("today.managed.incomplete") } }
                        h("li") {
                            h("a", ["href": SiteURL.projectFollowUps(.value(p.id)).relativeURL()]) { t("today.managed.followups", String(p.followups_due)) }
                        }
                        if let open = p.open_questions {
                            h("li") { h("a", ["href": SiteURL.projectQuestions(.value(p.id)).relativeURL()]) { t("today.managed.questions", String(open)) } }
                        }
                    }
                }
            }
        }
    }

    static func reportsSection(_ projects: [(id: UUID, name: String)], _ t: Texts) -> Node {
        h("section", ["aria-labelledby": "today-reports"]) {
            h("h2", ["id": "today-reports"]) { t("today.reports") }
            h("ul", ["class": "plain"]) {
                for p in projects {
                    h("li") {
                        h("a", ["href": SiteURL.projectReport(.value(p.id)).relativeURL()]) { t("today.reports.esf", p.name) }
                        " · "
                        h("a", ["href": SiteURL.projectActivityReport(.value(p.id)).relativeURL()]) { t("today.reports.activities") }
                    }
                }
            }
        }
    }
}
