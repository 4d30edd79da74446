import Foundation
import Vapor

/// A form post that could not be accepted as sent (its token was old, or its session had ended)
/// is answered with what was typed, so that nothing is lost: the same fields, a fresh token and a
/// button that sends them again to the same place. Nothing is stored on the server in between.
enum FormReplay {
    /// The fields of a url-encoded body, in order, without the token.
    static func fields(of req: Request) -> [(String, String)] {
        req.formPairs.filter { !$0.0.hasPrefix("_") }
    }

    static func field(_ name: String, in req: Request) -> String? {
        if req.headers.contentType == .urlEncodedForm, req.body.data != nil {
            return req.formPairs.first { $0.0 == name }?.1
        }
        return try? req.content.get(String.self, at: name)
    }

    /// The fields kept in a form's `_replay` value (the same encoding as a body).
    static func decode(_ body: String) -> [(String, String)] { FormBody.pairs(body.utf8) }

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { SiteURL.encode($0.0) + "=" + SiteURL.encode($0.1) }.joined(separator: "&")
    }

    /// The answer to a post whose token did not match: the login page when the session has ended
    /// on a page that needs one, otherwise the form's fields to send again.
    static func refusal(_ req: Request) async throws -> Response {
        let fields = fields(of: req)
        let target = req.url.path + (req.url.query.map { "?" + $0 } ?? "")
        let isPublic = req.route?.audience == .anyone
        if req.actor == nil && !isPublic {
            return LoginController.form(
                req, state: FormState(), status: .unauthorized, message: req.t("replay.session"),
                replay: (target, fields))
        }
        return page(action: target, fields: fields, message: req.t("replay.csrf"), context: req.pageContext, status: .forbidden).response()
    }

    /// The kept fields, shown so the person sees what will be sent, and a button to send them.
    /// `token` keeps the token the form was sent with, where the session could not be read to make one.
    static func page(
        action: String, fields: [(String, String)], message: String, context: PageContext, status: HTTPResponseStatus, token: String? = nil
    ) -> Page {
        let t = context.t
        // What a person typed, not the form's own codes (ids, choices): those ride along hidden.
        let visible = fields.filter { name, value in
            name != "password" && !value.isEmpty && UUID(text: value) == nil
                && !(value.count <= 24 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        }
        return Page(context, title: t("replay.title"), status: status) {
            h("div", ["class": "notice", "role": "alert"]) { h("p") { message } }
            h("form", ["method": "post", "action": LoginController.safeNext(action)]) {
                formFields(token: token ?? context.csrfToken, context: context)
                for (name, value) in fields where name != "password" {
                    h("input", ["type": "hidden", "name": name, "value": value])
                }
                if fields.isEmpty {
                    h("p") { t("replay.nothing") }
                } else if !visible.isEmpty {
                    h("details", ["open": ""]) {
                        h("summary") { t("replay.kept") }
                        h("ul", ["class": "replay"]) {
                            for (_, value) in visible.prefix(200) {
                                h("li") { value.count > 400 ? String(value.prefix(400)) + " …" : value }
                            }
                        }
                    }
                }
                if !fields.isEmpty { h("button", ["type": "submit"]) { t("replay.send") } }
            }
        }
    }
}
