import PolkuCore
import Vapor

/// The form that moves one session to another day or time, cancels it or brings it back: what it
/// shows, without the request.
struct SessionEditPage {
    var projectID: UUID
    var activityID: UUID
    var activityName: String
    var sessionID: UUID
    /// The day the session is on now (ISO), for the title.
    var scheduled: String
    var state: FormState
    /// Why the change was refused, in the reader's language (e.g. attendance is already recorded).
    var message: String?

    func page(context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(
            context, title: t("session.edit.title", activityName, t.date(scheduled)),
            breadcrumbs: [
                (t("activities.link"), SiteURL.projectActivities(.value(projectID)).relativeURL()),
                (activityName, SiteURL.activity(.value(activityID)).relativeURL()),
            ],
            status: status
        ) {
            if let message { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { message } } }
            h("p") { t("session.edit.intro") }
            h("form", ["method": "post", "action": SiteURL.sessionEdit(.value(activityID), .value(sessionID)).relativeURL()]) {
                csrfField(context)
                f.summary()
                f.date("date", t("activity.session.day"), required: true)
                f.text("start", t("activity.start"), required: true, hint: t("activity.time.hint"))
                f.text("end", t("activity.end"), required: true, hint: t("activity.time.hint"))
                f.checkbox("cancelled", t("session.edit.cancelled"))
                submit(t("form.save"))
            }
        }
    }
}
