import PolkuCore
import Vapor

extension TeamRecords {
    static func view(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        func state(_ form: String) -> FormState { m.failed?.form == form ? m.failed!.state : FormState() }
        let names = Dictionary(m.projects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return PolkuApp.Page(
            context, title: t("team.title", m.name),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), (m.name, SiteURL.participant(.value(m.participant)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("team.intro") }
            h("section", ["aria-labelledby": "team-records"]) {
                h("h2", ["id": "team-records"]) { t("team.records") }
                if m.records.isEmpty { h("p") { t("team.none") } }
                for r in m.records { record(r, m, projectName: names[r.project_id], state: state("answer-\(r.id)"), context: context) }
            }
            for kind in Kind.allCases where !m.projects.isEmpty { form(kind, m, state: state(kind.rawValue), context: context) }
        }
    }

    static func record(_ r: Record, _ m: Model, projectName: String?, state: FormState, context: PageContext) -> Node {
        let t = context.t
        let values = r.values
        return h("article", ["class": "card", "id": "team-\(r.id)", "aria-labelledby": "team-\(r.id)-h"]) {
            h("h3", ["id": "team-\(r.id)-h"]) {
                t("team.kind." + r.kind) + " " + t.date(r.date)
                if r.urgency == Urgency.urgent.rawValue { " – " + t("team.urgency.urgent") }
                if r.sensitivity == Sensitivity.health.rawValue { " – " + t("team.health") }
            }
            h("p", ["class": "hint"]) { t("team.by", r.author ?? "–", projectName ?? "") }
            if let professions = r.professions, !professions.isEmpty {
                h("p") { t("team.asked_of", professions.split(separator: ",").map { t("team.profession." + $0) }.joined(separator: ", ")) }
            }
            h("dl", ["class": "facts"]) {
                for field in (Kind(rawValue: r.kind)?.fields ?? []) + ["next_review"] {
                    if let v = values[field], !v.isEmpty {
                        ProjectShow.fact(t("team.field." + field), field == "next_review" ? t.date(v) : v)
                    }
                }
            }
            if r.kind == Kind.consultation.rawValue {
                if let answer = r.answer {
                    // A second answer refused: said here, where the first one is.
                    Fields(t: t, state: state, prefix: "answer-\(r.id)-").summary()
                    h("h4") { t("team.answer_by", r.answerer ?? "–", t.dateTime(r.answered_at)) }
                    h("p") { answer }
                } else if m.projects.contains(where: { $0.id == r.project_id }) {
                    let f = Fields(t: t, state: state, prefix: "answer-\(r.id)-")
                    h("form", ["method": "post", "action": SiteURL.participantTeamAnswer(.value(m.participant), .value(r.id)).relativeURL()]) {
                        csrfField(context)
                        f.summary()
                        f.textarea("answer", t("team.field.answer"), required: true, rows: 3)
                        submit(t("team.answer"))
                    }
                } else {
                    h("p") { t("team.waiting") }
                }
            }
        }
    }

    static func form(_ kind: Kind, _ m: Model, state: FormState, context: PageContext) -> Node {
        let t = context.t
        var values = state
        if values["date"].isEmpty { values.values["date"] = t.date(context.today.iso) }
        let f = Fields(t: t, state: values, prefix: kind.rawValue + "-")
        return h("section", ["aria-labelledby": "team-new-\(kind.rawValue)"]) {
            h("h2", ["id": "team-new-\(kind.rawValue)"]) { t("team.new." + kind.rawValue) }
            h("form", ["method": "post", "action": SiteURL.participantTeam(.value(m.participant)).relativeURL()]) {
                csrfField(context)
                h("input", ["type": "hidden", "name": "kind", "value": kind.rawValue])
                f.summary()
                f.select("project_id", t("team.field.project"), options: m.projects.map { ($0.id.text, $0.name) }, required: true)
                f.date("date", t("team.field.date"), required: true)
                for field in kind.fields {
                    f.textarea(field, t("team.field." + field), required: field == kind.required, rows: 3)
                }
                if kind == .situationAssessment { f.date("next_review", t("team.field.next_review")) }
                if kind == .consultation {
                    f.select("urgency", t("team.field.urgency"), options: Urgency.allCases.map { ($0.rawValue, t("team.urgency." + $0.rawValue)) }, required: true)
                    h("fieldset") {
                        h("legend") { t("team.field.professions") }
                        f.error("p_" + professions[0])
                        for p in professions { f.checkbox("p_" + p, t("team.profession." + p)) }
                    }
                }
                f.select(
                    "sensitivity", t("team.field.sensitivity"),
                    options: Sensitivity.allCases.map { ($0.rawValue, t("team.sensitivity." + $0.rawValue)) }, required: true,
                    hint: t("team.sensitivity.hint"))
                submit(t("team.save." + kind.rawValue))
            }
        }
    }
}
