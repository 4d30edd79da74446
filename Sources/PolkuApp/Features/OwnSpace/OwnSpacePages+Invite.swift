import PolkuCore
import Vapor

extension OwnSpacePages {
    /// The invitation (issue 14): the full link to copy, and a one-page letter to print for the
    /// participant in their language, with the link as a QR code; the worker can make a new one.
    static func invitePage(_ m: Invite, context: PageContext) -> Page {
        let t = context.t
        var page = Page(
            context, title: t("own.invite.title"),
            breadcrumbs: [
                (t("participants.title"), SiteURL.participants.relativeURL()), (t("participant.page"), SiteURL.participant(.value(m.participant)).relativeURL()),
            ]
        ) {
            if let message = m.message { h("p", ["class": "notice"]) { message } }
            if let link = m.link {
                h("div", ["class": "no-print"]) {
                    h("p") { t("own.invite.give", m.days) }
                    h("div", ["class": "field"]) {
                        h("label", ["for": "invite-link"]) { t("own.invite.link") }
                        h("input", ["type": "text", "id": "invite-link", "value": link, "readonly": "", "class": "wide"])
                    }
                    h("p") {
                        h("button", ["type": "button", "class": "secondary", "data-copy": "invite-link", "data-copied": t("own.invite.copied"), "hidden": ""]) {
                            t("own.invite.copy")
                        }
                        " "
                        h("span", ["role": "status", "id": "invite-link-status"]) {}
                    }
                    h("p", ["class": "hint"]) { t("own.invite.once") }
                    h("p") { t("own.invite.print") }
                }
                if let letter = m.letter { self.letter(letter, link: link) }
            }
            if m.message == nil {
                h("form", ["method": "post", "action": SiteURL.participantInvite(.value(m.participant)).relativeURL(), "class": "no-print"]) {
                    csrfField(context)
                    h("p", ["class": "hint"]) { t("own.invite.again.hint") }
                    h("button", ["type": "submit", "class": "secondary"]) { t("own.invite.again") }
                }
            }
        }
        page.scripts = [.script]
        return page
    }

    /// The letter: plain sentences in the participant's language, the QR code and the link.
    private static func letter(_ l: Invite.Letter, link: String) -> Node {
        let t = Texts(lang: l.lang)
        return h("article", ["class": "letter", "lang": l.lang.rawValue, "aria-labelledby": "letter-h"]) {
            h("h2", ["id": "letter-h"]) { t("own.letter.title", l.firstName) }
            h("p") { t("own.letter.what") }
            h("p") { t("own.letter.how") }
            qrImage(link, label: t("own.letter.qr"))
            h("p", ["class": "letter-link"]) { h("code") { link } }
            h("p") { t("own.letter.valid", t.date(l.expires.iso)) }
            h("p") { t("own.letter.help") }
        }
    }
}
