import PolkuCore
import Vapor

extension MyPlan {
    /// The goals (open first), each with what has been said of it and two short forms, then a form
    /// for a goal of one's own.
    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(context, title: t("plan.title"), breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL())], status: status) {
            h("p", ["class": "lead"]) { t("plan.intro") }
            if m.goals.isEmpty { h("p") { t("plan.none") } }
            for g in m.goals { goal(g, m, context: context) }
            h("section", ["aria-labelledby": "plan-new"]) {
                h("h2", ["id": "plan-new"]) { t("plan.own") }
                let f = Fields(t: t, state: m.failed?.goal == nil ? m.failed?.state ?? FormState() : FormState(), prefix: "new-")
                h("form", ["method": "post", "action": SiteURL.myPlan.relativeURL()]) {
                    csrfField(context)
                    if m.failed != nil && m.failed?.goal == nil { f.summary() }
                    if m.projects.count > 1 {
                        f.select("project_id", t("plan.own.project"), options: m.projects.map { ($0.id.text, $0.name) }, required: true)
                    }
                    f.textarea("text", t("plan.own.text"), required: true, hint: t("plan.own.hint"), rows: 2)
                    f.date("target_date", t("plan.own.date"))
                    submit(t("plan.own.add"))
                }
            }
        }
    }

    static func goal(_ g: GoalRow, _ m: Model, context: PageContext) -> Node {
        let t = context.t
        let failed = m.failed?.goal == g.id ? m.failed?.state : nil
        return h("article", ["class": "card", "id": "goal-\(g.id)", "aria-labelledby": "goal-h-\(g.id)"]) {
            h("h2", ["id": "goal-h-\(g.id)"]) { g.text }
            h("p") {
                t("plan.status." + g.status)
                if let target = g.target_date { " " + t("plan.target", t.date(target)) }
            }
            h("p", ["class": "meta"]) { (g.by_self ? t("plan.by_self") : t("plan.by_team")) + " · " + g.project_name }
            let said = m.comments[g.id] ?? []
            if !said.isEmpty {
                h("ul", ["class": "plain"]) {
                    for c in said where c.kind == Kind.comment.rawValue {
                        h("li") { t("plan.said", t.date(ParticipantShow.dateOnly(c.created_at))) + " " + c.text }
                    }
                }
            }
            if g.status == "open" {
                h("form", ["method": "post", "action": SiteURL.myGoalDone(.value(g.id)).relativeURL(), "class": "inline-button"]) {
                    csrfField(context)
                    h("button", ["type": "submit"]) {
                        t("plan.done")
                        h("span", ["class": "visually-hidden"]) { ": " + g.text }
                    }
                }
            }
            h("details", ["open": failed == nil ? nil : ""]) {
                h("summary") { t("plan.comment") }
                let f = Fields(t: t, state: failed ?? FormState(), prefix: "c\(g.id.text.prefix(8))-")
                h("form", ["method": "post", "action": SiteURL.myGoalComment(.value(g.id)).relativeURL()]) {
                    csrfField(context)
                    if failed != nil { f.summary() }
                    f.textarea("comment", t("plan.comment.text"), required: true, hint: t("plan.comment.hint"), rows: 3)
                    submit(t("plan.comment.send"))
                }
            }
        }
    }
}
