import Fluent
import Foundation
import PolkuCore
import Vapor

/// The participant's own results page (issue 15): the plain-words page with, for the participant,
/// the change since last time, the charts and table the staff see, and their word on the result.
extension MeasureHistory {
    /// The participant's own results, in plain words, from their own account.
    @Sendable static func own(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        return try await ownPage(req, participant: pid, key: req.parameters.get("key") ?? "")
    }

    /// The own page; `comment` is a comment form that came back with a problem, as typed.
    static func ownPage(_ req: Request, participant pid: UUID, key: String, comment: (UUID, FormState)? = nil) async throws -> Response {
        guard let latestDefinition = try await Instrument.query(on: req.db).filter(\.$key == key).sort(\.$version, .descending).first()?.definition
        else { throw Abort(.notFound) }
        let history = try await MeasureQueries.ownHistory(participant: pid, key: key, on: req.db)
        try await req.audit.record(.participantView, participant: pid, detail: "own measures \(key)")
        guard var model = try await query(participant: pid, key: key, history: history, latestDefinition: latestDefinition, on: req.db)
        else { throw Abort(.notFound) }
        model.saved = try? req.query.get(UUID.self, at: "saved")
        model.comment = comment
        return forParticipant(model, own: true, context: req.pageContext, status: comment == nil ? .ok : .unprocessableEntity).response()
    }

    /// "Compared with last time": the latest result against the one before, by the same rule as the
    /// change since the first time (shown when there are three or more, else the two are the same).
    static func sinceLastTime(_ m: Model, t: Texts) -> Node {
        let h2 = m.history.suffix(2)
        guard let before = h2.first, let latest = h2.last,
            let change = InstrumentScoring.change(m.latestDefinitionUsed, first: before.scores, latest: latest.scores)
        else { return .empty }
        return h("p", ["class": "score"]) {
            t("me.assessments.since_last", t.date(before.date), Chart.number(change.from), Chart.number(change.to)) + " "
                + (change.delta == 0
                    ? t("measure.for_participant.same")
                    : t(
                        change.delta > 0
                            ? (change.meaningful == true ? "measure.for_participant.up_clear" : "measure.for_participant.up")
                            : (change.meaningful == true ? "measure.for_participant.down_clear" : "measure.for_participant.down")))
        }
    }

    /// The participant's word on their latest result: what they said, and the form to say it.
    static func ownComment(_ m: Model, context: PageContext) -> Node {
        let t = context.t
        guard let latest = m.history.last else { return .empty }
        var state = FormState()
        state.values["comment"] = latest.ownComment ?? ""
        if let failed = m.comment, failed.assessment == latest.id { state = failed.state }
        let f = Fields(t: t, state: state)
        return h("section", ["aria-labelledby": "own-comment-h", "id": "own-comment"]) {
            h("h2", ["id": "own-comment-h"]) { t("me.assessments.comment_title") }
            if let said = latest.ownComment {
                h("p") {
                    h("strong") { t("me.assessments.your_comment") + " " }; said
                }
            }
            h("form", ["method": "post", "action": SiteURL.myAssessmentComment(.value(latest.id)).relativeURL()]) {
                csrfField(context)
                f.summary()
                f.textarea("comment", t("me.assessments.comment_label"), hint: t("me.assessments.comment_hint"), rows: 3)
                submit(t("me.assessments.comment_submit"))
            }
        }
    }
}
