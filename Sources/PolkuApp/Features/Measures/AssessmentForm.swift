import PolkuCore
import Vapor

/// The form that fills in one instrument for one participant: the instrument's items (or, for a goal
/// scale, the participant's goals), with the scale of each; the view needs no request.
struct AssessmentForm {
    struct Goal: Equatable { let id: UUID; let text: String }

    var participantID: UUID
    /// Filled in by the participant in their own space (issue 15): posted there, led back there.
    var own = false
    var project: UUID
    var personName: String
    var definition: InstrumentDefinition
    /// The participant's goals in the project, for a goal scale; empty otherwise.
    var goals: [Goal]
    var state: FormState

    /// Item rows: the instrument's items, or for a goal scale the participant's goals.
    static func rows(_ d: InstrumentDefinition, goals: [Goal], t: Texts) -> [(field: String, label: String, hint: String?, item: InstrumentDefinition.Item)] {
        let lang = t.lang.rawValue
        if d.scoring.method == .goals, let item = d.items.first {
            return goals.map { ("a_\($0.id)", $0.text, item.text?.text(lang), item) }
        }
        return d.items.map { item in
            let domain = item.domain.flatMap { id in d.domains.first { $0.id == id } }?.name.text(lang)
            // Without licensed texts the form shows the item's code and domain.
            let label = item.text?.text(lang) ?? ([item.id, domain].compactMap { $0 }.joined(separator: " – "))
            return ("a_\(item.id)", label, item.text == nil ? t("measure.item_code_only") : nil, item)
        }
    }

    func page(context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let d = definition
        let lang = t.lang.rawValue
        let f = Fields(t: t, state: state)
        let pid = participantID
        return Page(
            context, title: d.name.text(lang),
            breadcrumbs: own
                ? [(t("me.title"), SiteURL.me.relativeURL()), (t("me.assessments.title"), SiteURL.myAssessments.relativeURL())]
                : [(t("participants.title"), SiteURL.participants.relativeURL()), (personName, SiteURL.participant(.value(pid)).relativeURL())],
            status: status
        ) {
            if let desc = d.description { h("p", ["class": "lead"]) { desc.text(lang) } }
            if d.licence.kind == .external { h("p", ["class": "notice"]) { t("measure.external") } }
            if d.scoring.method == .goals && goals.isEmpty { h("p", ["class": "notice"]) { t("measure.no_goals") } }
            if own { h("p", ["class": "lead"]) { t("me.assessments.form_intro") } }
            h("form", ["method": "post", "action": (own ? SiteURL.myAssessments : SiteURL.participantAssessments(.value(pid))).relativeURL()]) {
                csrfField(context)
                h("input", ["type": "hidden", "name": "project", "value": project.text])
                h("input", ["type": "hidden", "name": "instrument", "value": d.key])
                f.summary()
                // The participant answers for today; a worker may type in an earlier day's answers.
                if own { h("input", ["type": "hidden", "name": "date", "value": state["date"]]) } else { f.date("date", t("measure.date"), required: true) }
                for row in Self.rows(d, goals: goals, t: t) {
                    let scale = d.scale(of: row.item)!
                    let whole = (scale.step ?? 1) >= 1 && scale.min == scale.min.rounded()
                    let count = Int(scale.max - scale.min) + 1
                    if whole && count <= 11 && d.scoring.method != .measurements && d.scoring.method != .entered {
                        h("fieldset", ["class": state.errors[row.field] == nil ? "scale" : "scale invalid", "id": "f-" + row.field]) {
                            h("legend") { row.label }
                            if let hint = row.hint { h("p", ["class": "hint"]) { hint } }
                            f.error(row.field)
                            h("div", ["class": "options"]) {
                                for v in 0..<count {
                                    let value = Int(scale.min) + v
                                    let label = scale.labels?[String(value)]?.text(lang)
                                    h("label", ["class": "option"]) {
                                        h("input", ["type": "radio", "name": row.field, "value": String(value), "checked": state[row.field] == String(value) ? "" : nil])
                                        h("span") { label.map { "\(value) – \($0)" } ?? String(value) }
                                    }
                                }
                            }
                        }
                    } else {
                        f.text(row.field, row.label + (scale.unit.map { " (\($0))" } ?? ""), hint: t("measure.range", Chart.number(scale.min), Chart.number(scale.max)))
                    }
                    if d.scoring.method == .profile {
                        let id = String(row.field.dropFirst(2))
                        h("div", ["class": "profile-extras"]) {
                            f.checkbox("important_\(id)", t("measure.important", row.label))
                            f.text("goal_\(id)", t("measure.area_goal", row.label))
                        }
                    }
                }
                submit(t("form.save"))
            }
            h("p", ["class": "meta"]) { d.licence.notice.text(lang) }
        }
    }

}
