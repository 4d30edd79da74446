import PolkuCore
import Vapor

extension Feedback {
    /// The form: one question with five answers, room for words, and whether to give one's name.
    static func page(_ s: Subject, state: FormState, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(context, title: t("feedback.title"), breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL())], status: status) {
            h("p", ["class": "lead"]) { t("feedback.about." + s.kind, s.name, t.date(s.date)) }
            h("form", ["method": "post", "action": SiteURL.myFeedback(.value(s.id)).relativeURL()]) {
                csrfField(context)
                f.summary()
                h("fieldset", ["class": state.errors["rating"] == nil ? "scale" : "scale invalid", "id": "f-rating"]) {
                    h("legend") { t("feedback.rating") }
                    f.error("rating")
                    h("div", ["class": "options"]) {
                        for value in 1...5 {
                            h("label", ["class": "option"]) {
                                h("input", ["type": "radio", "name": "rating", "value": String(value), "checked": state["rating"] == String(value) ? "" : nil])
                                h("span") { "\(value) – " + t("feedback.rating.\(value)") }
                            }
                        }
                    }
                }
                f.textarea("text", t("feedback.text"), hint: t("feedback.text_hint"), rows: 3)
                f.checkbox("anonymous", t("feedback.anonymous"))
                h("p", ["class": "hint"]) { t("feedback.anonymous_hint") }
                submit(t("feedback.send"))
            }
        }
    }

    /// The /me section: what the participant can still give feedback on.
    static func section(_ subjects: [Subject], t: Texts) -> Node {
        guard !subjects.isEmpty else { return .empty }
        return h("section", ["aria-labelledby": "my-feedback"]) {
            h("h2", ["id": "my-feedback"]) { t("feedback.section") }
            h("ul") {
                for s in subjects.prefix(5) {
                    h("li") { h("a", ["href": SiteURL.myFeedback(.value(s.id)).relativeURL()]) { t("feedback.link", s.name, t.date(s.date)) } }
                }
            }
        }
    }
}
