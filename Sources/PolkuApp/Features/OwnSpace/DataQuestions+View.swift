import Foundation
import Vapor

extension DataQuestions {
    /// The participant's question form: the event it is about, then one text box.
    static func askPage(_ e: SeenBy.Event, state: FormState, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(
            context, title: t("question.title"),
            breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL()), (t("seen.title"), SiteURL.mySeen.relativeURL())], status: status
        ) {
            h("p") { t("question.intro") }
            h("p", ["class": "card"]) { t.dateTime(e.at) + " · " + (e.actor_name ?? t("seen.system")) + " · " + t(SeenBy.what(e.action)) }
            h("form", ["method": "post", "action": SiteURL.mySeenQuestion(.value(e.id)).relativeURL()]) {
                csrfField(context)
                f.summary()
                f.textarea("question", t("question.text"), required: true, hint: t("question.hint", maxLength), rows: 5)
                submit(t("question.send"))
            }
        }
    }

    /// The participant's own questions and their answers, on "who has seen my data".
    static func ownSection(_ rows: [Row], t: Texts) -> Node {
        h("section", ["aria-labelledby": "questions-h"]) {
            h("h2", ["id": "questions-h"]) { t("question.mine") }
            for q in rows {
                h("article", ["class": "card"]) {
                    h("p", ["class": "meta"]) { t("question.asked", t.dateTime(q.created_at)) + (q.event_at.map { " · " + t("question.about", t.dateTime($0)) } ?? "") }
                    h("p") { q.question }
                    answered(q, t: t) ?? h("p") { t("question.waiting") }
                }
            }
        }
    }

    /// The answer under its date, a paragraph per line; nil while unanswered.
    static func answered(_ q: Row, t: Texts) -> Node? {
        guard let answer = q.answer else { return nil }
        return group {
            h("p") { h("strong") { t("question.answer", t.dateTime(q.answered_at)) } }
            for line in answer.split(separator: "\n") { h("p") { String(line) } }
        }
    }

    struct List {
        var project: UUID
        var projectName: String
        var rows: [Row]
        /// The question whose answer failed, shown again with what was typed.
        var answering: UUID?
        var state: FormState
    }

    /// The manager's page: each question with the person, the event and an answer box until answered.
    static func listPage(_ m: List, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(
            context, title: t("question.list.title"),
            breadcrumbs: [(m.projectName, SiteURL.project(.value(m.project)).relativeURL())], status: status
        ) {
            h("p") { t("question.list.intro") }
            h("p", ["class": "hint"]) { t("question.list.kept", answeredShownDays) }
            if m.rows.isEmpty { h("p") { t("question.list.none") } }
            for q in m.rows {
                h("article", ["class": "card", "id": "q-\(q.id)"]) {
                    h("h2") {
                        h("a", ["href": SiteURL.participant(.value(q.participant_id)).relativeURL()]) { "\(q.last_name ?? ""), \(q.first_name ?? "")" }
                    }
                    h("p", ["class": "meta"]) {
                        t("question.asked", t.dateTime(q.created_at))
                            + (q.event_at.map { " · " + t("question.about", t.dateTime($0)) + " · " + (q.event_actor ?? t("seen.system")) } ?? "")
                            + (q.event_action.map { " · " + t(SeenBy.what($0)) } ?? "")
                    }
                    for line in q.question.split(separator: "\n") { h("p") { String(line) } }
                    if let answer = answered(q, t: t) {
                        answer
                    } else {
                        let f = Fields(t: t, state: m.answering == q.id ? m.state : FormState(), prefix: "q\(q.id.text.prefix(8))-")
                        h("form", ["method": "post", "action": SiteURL.projectQuestion(.value(m.project), .value(q.id)).relativeURL()]) {
                            csrfField(context)
                            if m.answering == q.id { f.summary() }
                            f.textarea("answer", t("question.answer.text"), required: true, hint: t("question.answer.hint"), rows: 4)
                            submit(t("question.answer.send"))
                        }
                    }
                }
            }
        }
    }
}
