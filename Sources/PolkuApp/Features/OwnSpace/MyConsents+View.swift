extension MyConsents {
    /// Each purpose as it stands, with a link to change it, then the history.
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("myconsent.title"), breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL())]) {
            h("p", ["class": "lead"]) { t("myconsent.intro") }
            for purpose in Purpose.allCases {
                let now = m.current(purpose)
                h("section", ["class": "card", "aria-labelledby": "c-\(purpose.rawValue)"]) {
                    h("h2", ["id": "c-\(purpose.rawValue)"]) { t("consent.purpose." + purpose.rawValue) }
                    h("p") { t("myconsent.about." + purpose.rawValue) }
                    h("p") { h("strong") { state(now, t: t) } }
                    h("p") {
                        h("a", ["href": SiteURL.myConsent(.value(purpose.rawValue)).relativeURL()]) {
                            t(now?.given == true ? "myconsent.withdraw" : "myconsent.give", t("consent.purpose." + purpose.rawValue))
                        }
                    }
                }
            }
            h("h2", ["id": "history-h"]) { t("myconsent.history") }
            if m.history.isEmpty {
                h("p") { t("consent.none") }
            } else {
                h("ul", ["aria-labelledby": "history-h"]) {
                    for r in m.history {
                        h("li") {
                            t(r.given ? "consent.given_on" : "consent.withdrawn_on", t("consent.purpose." + r.purpose), t.date(r.date)) + " – "
                                + recorder(r, t: t)
                        }
                    }
                }
            }
        }
    }

    /// "Annoit suostumuksen 3.2.2026 (kirjasi: Tiina Työntekijä)" or that none is recorded.
    static func state(_ row: Row?, t: Texts) -> String {
        guard let row else { return t("myconsent.state.none") }
        return t(row.given ? "myconsent.state.given" : "myconsent.state.withdrawn", t.date(row.date), recorder(row, t: t))
    }

    static func recorder(_ row: Row, t: Texts) -> String {
        row.by_self ? t("myconsent.by_self") : t("myconsent.by", row.recorder ?? t("seen.removed_user"))
    }

    /// What the consent is for, what the change means, and one button.
    static func confirmPage(_ m: Model, purpose: Purpose, context: PageContext) -> Page {
        let t = context.t
        let now = m.current(purpose)
        let withdrawing = now?.given == true
        let name = t("consent.purpose." + purpose.rawValue)
        return Page(
            context, title: t(withdrawing ? "myconsent.withdraw" : "myconsent.give", name),
            breadcrumbs: [(t("me.title"), SiteURL.me.relativeURL()), (t("myconsent.title"), SiteURL.myConsents.relativeURL())]
        ) {
            h("p") { t("myconsent.about." + purpose.rawValue) }
            h("p") { h("strong") { state(now, t: t) } }
            h("h2") { t("myconsent.effect") }
            if withdrawing {
                h("p") { t("myconsent.effect.withdraw." + purpose.rawValue) }
                if purpose == .dataSharing { h("p") { t("myconsent.effect.referrals", m.sharedReferrals) } }
            } else {
                h("p") { t("myconsent.effect.give." + purpose.rawValue) }
            }
            h("p") { t("myconsent.effect.team") }
            h("form", ["method": "post", "action": SiteURL.myConsent(.value(purpose.rawValue)).relativeURL()]) {
                csrfField(context)
                h("input", ["type": "hidden", "name": "given", "value": withdrawing ? "false" : "true"])
                submit(t(withdrawing ? "myconsent.withdraw.confirm" : "myconsent.give.confirm"))
            }
            h("p") { h("a", ["href": SiteURL.myConsents.relativeURL()]) { t("myconsent.cancel") } }
        }
    }
}
