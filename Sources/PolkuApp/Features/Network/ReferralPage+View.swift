import PolkuCore
import Vapor

extension ReferralPage {
    func page(context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let who = withdrawn && isProvider ? t("referral.withdrawn.person") : person.map { "\($0.first_name) \($0.last_name)" } ?? "–"
        return Page(
            context, title: t("referral.title", service),
            breadcrumbs: isProvider
                ? [(t("provider.inbox.link"), SiteURL.organisationReferrals(.value(organisationID)).relativeURL())]
                : [(who, SiteURL.participant(.value(participantID)).relativeURL())], status: status
        ) {
            if let refusal { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { refusal } } }
            facts(who, t)
            h("h2") { t("referral.history") }
            h("ol", ["class": "timeline"]) {
                for e in events {
                    h("li") {
                        t.dateTime(e.at) + " · " + t("referral.state." + e.state.rawValue)
                        if let reason = e.reason { " – " + reason }
                        if let u = e.user { " · " + u }
                    }
                }
            }
            forms(context)
        }
    }

    private func facts(_ who: String, _ t: Texts) -> Node {
        h("dl", ["class": "facts"]) {
            h("dt") { t("referral.person") }; h("dd") { who }
            if !(withdrawn && isProvider), let p = person {
                if shared.contains("phone") { h("dt") { t("participant.phone") }; h("dd") { p.phone ?? "–" } }
                if shared.contains("email") { h("dt") { t("participant.email") }; h("dd") { p.email ?? "–" } }
                if shared.contains("language") { h("dt") { t("participant.language") }; h("dd") { t("language." + p.language) } }
                if shared.contains("message") && !message.isEmpty { h("dt") { t("referral.message") }; h("dd") { message } }
            }
            h("dt") { t("referral.service") }
            h("dd") { h("a", ["href": SiteURL.directoryService(.value(serviceID)).relativeURL()]) { service + " – " + organisation } }
            h("dt") { t("referral.state") }
            h("dd") {
                h("strong") { t("referral.state." + state.rawValue) }; if let reason { " – " + reason }
            }
            h("dt") { t("referral.consent.on") }
            h("dd") { t.date(consentOn) + (withdrawn ? " · " + t("referral.consent.withdrawn", t.date(consentWithdrawnOn)) : "") }
        }
    }

    /// The provider moves an open referral on; the referring side can withdraw the consent.
    @NodeBuilder private func forms(_ context: PageContext) -> [Node] {
        let t = context.t
        if isProvider && state.isOpen && !withdrawn {
            let f = Fields(t: t, state: form)
            h("h2") { t("referral.update") }
            h("form", ["method": "post", "action": SiteURL.referralState(.value(id)).relativeURL()]) {
                csrfField(context)
                f.summary()
                f.select("to", t("referral.new_state"), options: state.next.map { ($0.rawValue, t("referral.state." + $0.rawValue)) }, required: true)
                f.textarea("reason", t("referral.reason"), hint: t("referral.reason.hint"), rows: 2)
                submit(t("form.save"))
            }
        }
        if !isProvider && !withdrawn {
            h("form", ["method": "post", "action": SiteURL.referralWithdraw(.value(id)).relativeURL()]) {
                csrfField(context)
                h("p", ["class": "hint"]) { t("referral.withdraw.hint") }
                h("button", ["type": "submit", "class": "secondary"]) { t("referral.withdraw") }
            }
        }
    }
}
