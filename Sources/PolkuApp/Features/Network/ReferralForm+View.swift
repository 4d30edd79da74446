import PolkuCore
import Vapor

extension ReferralForm {
    func page(context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let name = "\(firstName) \(lastName)"
        return Page(
            context, title: t("referral.new.title", name),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), (name, SiteURL.participant(.value(participantID)).relativeURL())],
            status: status
        ) {
            if let chosen { details(chosen, context: context) } else { finding(t) }
        }
    }

    /// The chosen service: the project, what is shared, and the person's consent.
    @NodeBuilder private func details(_ s: Chosen, context: PageContext) -> [Node] {
        let t = context.t
        let fields = Fields(t: t, state: state)
        h("p", ["class": "lead"]) { t("referral.to", s.name, s.organisation) }
        if !s.active { h("p", ["class": "notice"]) { t("service.inactive") } }
        h("form", ["method": "post", "action": SiteURL.participantReferrals(.value(participantID)).relativeURL()]) {
            csrfField(context)
            h("input", ["type": "hidden", "name": "service", "value": s.id.text])
            fields.summary()
            fields.select("project", t("referral.project"), options: projects.map { ($0.id.text, $0.name) }, required: true)
            h("fieldset", ["class": "checks"]) {
                h("legend") { t("referral.share") }
                h("p", ["class": "hint"]) { t("referral.share.hint") }
                for field in ReferralController.shareable { fields.checkbox("share_\(field)", t("referral.share." + field)) }
            }
            fields.textarea("message", t("referral.message"), hint: t("referral.message.hint"), rows: 3)
            h("fieldset", ["class": "checks"]) {
                h("legend") { t("referral.consent.legend") }
                fields.error("consent")
                fields.checkbox("consent", t("referral.consent", firstName, s.organisation))
            }
            submit(t("referral.send"))
        }
    }

    /// No service yet: suggestions, a search, and what it found.
    @NodeBuilder private func finding(_ t: Texts) -> [Node] {
        let fields = Fields(t: t, state: state)
        let here = SiteURL.participantReferralNew(.value(participantID))
        if !suggestions.isEmpty {
            h("h2") { t("suggestions.title") }
            h("ul", ["class": "services"]) {
                for sug in suggestions {
                    h("li", ["class": "card"]) {
                        h("h3") { h("a", ["href": here.relativeURL([("service", "\(sug.id)")])]) { sug.name } }
                        h("p") { sug.provider + " · " + t("service.threshold." + sug.threshold.rawValue) }
                        h("p", ["class": "hint"]) { t("suggestions.why") + " " + sug.reasons.map { Suggestions.explain($0, t) }.joined(separator: "; ") }
                    }
                }
            }
        }
        h("form", ["method": "get", "action": here.relativeURL(), "role": "search", "class": "inline"]) {
            fields.text("q", t("referral.find"), type: "search")
            submit(t("directory.search"))
        }
        if !found.isEmpty {
            h("ul", ["class": "services"]) {
                for s in found { h("li") { h("a", ["href": here.relativeURL([("service", "\(s.id)")])]) { s.name + " – " + s.organisation } } }
            }
        }
    }
}
