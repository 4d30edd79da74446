import PolkuCore
import Vapor

extension ActivityPage {
    /// Adding someone to a group: the project's participants are found by name (a search button of
    /// this form, so the date typed stays) and the one to add is chosen from whom the search found.
    static func memberAdding(_ activity: UUID, _ search: AttendancePage.Search?, form: FormState, context: PageContext) -> Node {
        let t = context.t
        let f = Fields(t: t, state: form, prefix: "m-")
        return h("form", ["method": "post", "action": SiteURL.activityMembers(.value(activity)).relativeURL(fragment: "add-member"), "id": "add-member"]) {
            csrfField(context)
            f.summary()
            h("fieldset", ["id": "f-m-participant_id", "tabindex": "-1"]) {
                h("legend") { t("activity.member.add") }
                f.error("participant_id")
                h("div", ["class": "field"]) {
                    h("label", ["for": "f-m-member_q"]) { t("attendance.find.label") }
                    h("input", ["type": "search", "id": "f-m-member_q", "name": "member_q", "value": form["member_q"], "autocomplete": "off"])
                }
                h("button", ["type": "submit", "name": "find", "value": "1", "class": "secondary"]) { t("attendance.find.button") }
                if let search, !search.text.isEmpty {
                    h("p", ["role": "status"]) {
                        search.found.isEmpty
                            ? t("activity.member.find.none", search.text) : t("activity.member.find.found", String(search.found.count), search.text)
                    }
                    if search.more { h("p", ["class": "hint"]) { t("attendance.find.more", String(AttendancePage.foundLimit)) } }
                    let labels = AttendancePage.labels(search.found, t)
                    for p in search.found {
                        h("div", ["class": "field check"]) {
                            h(
                                "input",
                                [
                                    "type": "radio", "id": "f-m-p-\(p.id)", "name": "participant_id", "value": p.id.text,
                                    "checked": form["participant_id"] == p.id.text || search.found.count == 1 ? "" : nil,
                                ])
                            h("label", ["for": "f-m-p-\(p.id)"]) { labels[p.id] ?? p.last_name }
                        }
                    }
                }
            }
            f.date("joined_on", t("activity.member.joined"))
            submit(t("activity.member.add.submit"))
        }
    }
}
