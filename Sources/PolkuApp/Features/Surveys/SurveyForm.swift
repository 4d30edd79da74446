import Crypto
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A survey as people answer it (issue 16): a public page, no account needed. Each page carries a
/// one-time key (only its hash is kept until used), so a form sends one answer; the answer is
/// stored with its day only and nothing that could point at whoever sent it — no person, account,
/// session, address or time of day, and no audit event. A cookie on the answerer's own browser
/// says they have answered, so the page thanks them instead of asking again.
enum SurveyForm {
    static let cookie = "polku_surveys"
    static let textMax = 2_000

    static func hash(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined() }

    static func survey(_ req: Request) async throws -> Surveys.Row {
        guard let slug = req.parameters.get("slug"), slug.count <= 40,
            let row = try await req.db.sql.raw(
                "SELECT \(Surveys.columns) FROM surveys WHERE slug = \(bind: slug)"
            ).first(decoding: Surveys.Row.self)
        else { throw Abort(.notFound) }
        return row
    }

    static func answered(_ req: Request, _ s: Surveys.Row) -> Bool {
        (req.cookies[cookie]?.string ?? "").split(separator: ".").contains { $0 == s.slug }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let s = try await survey(req)
        guard s.is_open, !answered(req, s) else { return page(s, state: nil, context: req.pageContext).response() }
        return try await form(req, s, state: FormState())
    }

    /// The form with a new one-time key.
    static func form(_ req: Request, _ s: Surveys.Row, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        var state = state
        if state["form_key"].isEmpty {
            let key = FormOnce.base64URL([UInt8].random(count: 16))
            try await req.db.sql.raw(
                "INSERT INTO survey_forms (token_hash, survey_id, created_on) VALUES (\(bind: hash(key)), \(bind: s.id), \(bind: req.today.iso))"
            ).run()
            state.values["form_key"] = key
        }
        return page(s, state: state, context: req.pageContext, status: status).response()
    }

    @Sendable static func answer(req: Request) async throws -> Response {
        let s = try await survey(req)
        guard s.is_open else { return page(s, state: nil, context: req.pageContext).response() }
        let questions = s.parsed
        var state = FormState.read(req, fields: ["form_key"] + questions.map(\.id))
        var ratings: [String: Int] = [:]
        for q in questions where q.kind == .scale && !state[q.id].isEmpty {
            if let v = state.integer(q.id, range: 1...5) { ratings[q.id] = v }
        }
        let text = questions.first { $0.kind == .text }.map { state.text($0.id, max: textMax) } ?? ""
        if state.isValid && ratings.isEmpty && text.isEmpty { state.errors[questions.first?.id ?? "form_key"] = "survey.error.nothing" }
        guard state.isValid else { return try await form(req, s, state: state, status: .unprocessableEntity) }
        struct Stored: Encodable { let ratings: [String: Int]; let text: String? }
        let json = String(decoding: try JSONEncoder().encode(Stored(ratings: ratings, text: text.isEmpty ? nil : text)), as: UTF8.self)
        let key = hash(state["form_key"])
        let stored = try await req.db.writeTransaction { db -> Bool in
            // The key is spent by the one answer that removes it; a second send finds it gone.
            let spent = try await db.sql.raw(
                "DELETE FROM survey_forms WHERE token_hash = \(bind: key) AND survey_id = \(bind: s.id) RETURNING token_hash"
            ).first()
            guard spent != nil else { return false }
            // A random id, not the app's time-ordered one: that would keep the moment of answering.
            try await db.sql.raw(
                """
                INSERT INTO survey_answers (id, survey_id, answers, answered_on)
                VALUES (\(bind: UUID()), \(bind: s.id), \(bind: json), \(bind: req.today.iso))
                """
            ).run()
            return true
        }
        let res = req.redirect(to: .survey(.value(s.slug)))
        let done = ((req.cookies[cookie]?.string ?? "").split(separator: ".").map(String.init).filter { $0 != s.slug } + [s.slug]).suffix(20)
        res.cookies[cookie] = HTTPCookies.Value(
            string: done.joined(separator: "."), maxAge: 365 * 24 * 3600, path: "/s",
            isSecure: req.application.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        if !stored { req.flash("survey.already") }
        return res
    }

    static func page(_ s: Surveys.Row, state: FormState?, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(context, title: s.title, status: status) {
            if !s.intro.isEmpty { h("p", ["class": "lead"]) { s.intro } }
            if let state {
                let f = Fields(t: t, state: state)
                h("p") { t("survey.anonymous") }
                h("form", ["method": "post", "action": SiteURL.survey(.value(s.slug)).relativeURL()]) {
                    csrfField(context)
                    h("input", ["type": "hidden", "name": "form_key", "value": state["form_key"]])
                    f.summary()
                    for q in s.parsed {
                        if q.kind == .scale {
                            h("fieldset", ["class": state.errors[q.id] == nil ? "scale" : "scale invalid", "id": "f-\(q.id)"]) {
                                h("legend") { q.text }
                                f.error(q.id)
                                h("div", ["class": "options"]) {
                                    for value in 1...5 {
                                        h("label", ["class": "option"]) {
                                            h("input", ["type": "radio", "name": q.id, "value": String(value), "checked": state[q.id] == String(value) ? "" : nil])
                                            h("span") { "\(value) – " + t("feedback.rating.\(value)") }
                                        }
                                    }
                                }
                            }
                        } else {
                            f.textarea(q.id, q.text, hint: t("feedback.text_hint"), rows: 3)
                        }
                    }
                    submit(t("survey.send"))
                }
            } else {
                h("p", ["class": "ok", "role": "status"]) { s.is_open ? t("survey.thanks") : t("survey.closed") }
            }
        }
    }
}
