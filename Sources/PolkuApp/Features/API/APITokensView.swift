import Foundation
import Vapor

/// The API tokens page: the token just made (once), the form to make one, and the user's tokens.
enum APITokensView {
    static func page(_ m: APITokens.Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(context, title: t("api.tokens.title"), status: status) {
            h("p") {
                t("api.tokens.intro")
                " "
                h("a", ["href": SiteURL.apiDocs.relativeURL()]) { t("api.tokens.docs") }
            }
            if let token = m.madeToken {
                h("section", ["class": "notice", "aria-labelledby": "made-h"]) {
                    h("h2", ["id": "made-h"]) { t("api.tokens.made") }
                    h("p") { t("api.tokens.made.once") }
                    h("p") { h("code", ["id": "made-token", "class": "token"]) { token } }
                }
            }
            h("section", ["aria-labelledby": "new-h"]) {
                h("h2", ["id": "new-h"]) { t("api.tokens.new") }
                h("form", ["method": "post", "action": SiteURL.accountTokens.relativeURL(), "class": "narrow"]) {
                    csrfField(context)
                    f.summary()
                    f.text("name", t("api.tokens.name"), required: true, hint: t("api.tokens.name.hint"))
                    h("fieldset") {
                        h("legend") { t("api.tokens.scopes") }
                        f.error(APITokens.field(APIScope.allCases[0]))
                        for scope in APIScope.allCases { f.checkbox(APITokens.field(scope), t("api.scope." + scope.rawValue)) }
                    }
                    f.select(
                        "days", t("api.tokens.days"), options: APIToken.lifetimes.map { (String($0), t("api.tokens.days.n", $0)) },
                        required: true)
                    submit(t("api.tokens.create"))
                }
            }
            h("section", ["aria-labelledby": "list-h"]) {
                h("h2", ["id": "list-h"]) { t("api.tokens.list") }
                if m.tokens.isEmpty {
                    h("p") { t("api.tokens.none") }
                } else {
                    h("div", ["class": "stack"]) {
                        h("table") {
                            h("thead") {
                                h("tr") {
                                    for key in ["name", "scopes", "created", "expires", "state"] { h("th", ["scope": "col"]) { t("api.tokens.col." + key) } }
                                    h("th", ["scope": "col"]) { h("span", ["class": "visually-hidden"]) { t("api.tokens.revoke") } }
                                }
                            }
                            h("tbody") { for row in m.tokens { tokenRow(row, m, context) } }
                        }
                    }
                }
            }
        }
    }

    private static func tokenRow(_ row: APITokens.Row, _ m: APITokens.Model, _ context: PageContext) -> Node {
        let t = context.t
        let usable = row.revoked_at == nil && row.expires_at > m.now
        let state = row.revoked_at != nil ? t("api.tokens.revoked.state") : usable ? t("api.tokens.active") : t("api.tokens.expired")
        return h("tr") {
            h("td", ["data-label": t("api.tokens.col.name")]) { row.name }
            h("td", ["data-label": t("api.tokens.col.scopes")]) {
                APIScope.parse(row.scopes).map { t("api.scope." + $0.rawValue) }.joined(separator: ", ")
            }
            h("td", ["data-label": t("api.tokens.col.created")]) { t.dateTime(row.created_at) }
            h("td", ["data-label": t("api.tokens.col.expires")]) { t.dateTime(row.expires_at) }
            h("td", ["data-label": t("api.tokens.col.state")]) { state }
            h("td") {
                if usable {
                    removeButton(context, SiteURL.accountTokenRevoke(.value(row.id)).relativeURL(), t("api.tokens.revoke"), row.name)
                }
            }
        }
    }
}
