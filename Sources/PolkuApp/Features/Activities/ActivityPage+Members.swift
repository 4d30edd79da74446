import PolkuCore
import Vapor

extension ActivityPage {
    /// Adding someone to a group: found by name (`PersonFinder`), with the day they joined.
    static func memberAdding(_ activity: UUID, _ search: AttendancePage.Search?, form: FormState, context: PageContext) -> Node {
        let t = context.t
        let f = Fields(t: t, state: form, prefix: "m-")
        return h("form", ["method": "post", "action": SiteURL.activityMembers(.value(activity)).relativeURL(fragment: "add-member"), "id": "add-member"]) {
            csrfField(context)
            f.summary()
            PersonFinder(prefix: "m-", legend: t("activity.member.add"), search: search, state: form).fieldset(t)
            f.date("joined_on", t("activity.member.joined"))
            submit(t("activity.member.add.submit"))
        }
    }
}
