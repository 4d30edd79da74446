import Foundation
import Vapor

/// The webhooks page: what is sent and how it is signed, the endpoints, the form to add one, and
/// the last 50 deliveries with their answers.
enum WebhookEndpointsView {
    struct Model {
        let organisation: (id: UUID, name: String)
        let endpoints: [WebhookEndpoints.Endpoint]
        let deliveries: [WebhookEndpoints.Delivery]
        let state: FormState
        let secret: String?
    }

    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(context, title: t("webhooks.title", m.organisation.name), status: status) {
            h("p") { t("webhooks.intro") }
            if let secret = m.secret {
                h("section", ["class": "notice", "aria-labelledby": "secret-h"]) {
                    h("h2", ["id": "secret-h"]) { t("webhooks.secret") }
                    h("p") { t("webhooks.secret.once") }
                    h("p") { h("code", ["id": "webhook-secret", "class": "token"]) { secret } }
                }
            }
            h("h2") { t("webhooks.endpoints") }
            if m.endpoints.isEmpty { h("p") { t("webhooks.none") } }
            h("ul") {
                for e in m.endpoints {
                    h("li") {
                        h("code", ["class": "token"]) { e.url }
                        " "
                        removeButton(
                            context, SiteURL.organisationWebhookRemove(.value(m.organisation.id), .value(e.id)).relativeURL(), t("webhooks.remove"), e.url)
                    }
                }
            }
            h("form", ["method": "post", "action": SiteURL.organisationWebhooks(.value(m.organisation.id)).relativeURL(), "class": "narrow"]) {
                csrfField(context)
                f.summary()
                f.text("url", t("webhooks.url"), type: "url", required: true, hint: t("webhooks.url.hint"))
                submit(t("webhooks.add"))
            }
            h("h2") { t("webhooks.log") }
            if m.deliveries.isEmpty {
                h("p") { t("webhooks.log.none") }
            } else {
                h("div", ["class": "stack"]) {
                    h("table") {
                        h("thead") {
                            h("tr") {
                                for key in ["time", "event", "url", "state", "attempts", "answer"] { h("th", ["scope": "col"]) { t("webhooks.col." + key) } }
                            }
                        }
                        h("tbody") {
                            for d in m.deliveries {
                                h("tr") {
                                    h("td", ["data-label": t("webhooks.col.time")]) { t.dateTime(d.created_at) }
                                    h("td", ["data-label": t("webhooks.col.event")]) { t(d.event) + " (\(d.event))" }
                                    h("td", ["data-label": t("webhooks.col.url")]) { d.url }
                                    h("td", ["data-label": t("webhooks.col.state")]) { t("webhooks.state." + d.state) }
                                    h("td", ["data-label": t("webhooks.col.attempts")]) { String(d.attempts) }
                                    h("td", ["data-label": t("webhooks.col.answer")]) { d.last_status.map(String.init) ?? d.last_error ?? "–" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
