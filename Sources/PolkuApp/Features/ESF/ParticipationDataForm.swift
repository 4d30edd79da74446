import PolkuCore
import Vapor

/// The ESF data form of one participation (entry, exit, six months after) with what the reports still
/// miss; the view needs no request.
struct ParticipationDataForm {
    struct OwnOutcome: Equatable { let id: UUID; let name: String; let mapsTo: ServiceOutcome }

    var participantID: UUID
    var enrolmentID: UUID
    var personName: String
    var projectName: String
    /// The participation's start (ISO): the entry section is "at entry on …".
    var startDate: String
    /// The project's own outcomes, offered before the common ones, each with the one it counts as.
    var ownOutcomes: [OwnOutcome]
    /// What the entry record still lacks, by the reports' own rule.
    var missing: [EntryField]
    var state: FormState

    func page(context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(
            context, title: t("esf.title", personName),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), (personName, SiteURL.participant(.value(participantID)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("esf.intro", projectName) }
            if !missing.isEmpty {
                h("div", ["class": "notice", "role": "note"]) {
                    h("p") { t("esf.missing", missing.count) }
                    h("ul") { for m in missing { h("li") { h("a", ["href": "#f-" + m.formField]) { t("esf.field." + m.rawValue) } } } }
                }
            }
            h("form", ["method": "post", "action": SiteURL.enrolmentESF(.value(participantID), .value(enrolmentID)).relativeURL()]) {
                csrfField(context)
                f.summary()
                entry(f, t)
                exit(f, t)
                followUp(f, t)
                submit(t("form.save"))
            }
        }
    }

    private func answers(_ f: Fields, _ t: Texts, _ name: String, _ label: String, hint: String) -> Node {
        f.select(name, label, options: SensitiveAnswer.allCases.map { ($0.rawValue, t("answer." + $0.rawValue)) }, blank: t("answer.not_asked"), hint: hint)
    }

    private func yesNo(_ f: Fields, _ t: Texts, _ name: String, _ label: String, hint: String) -> Node {
        f.select(name, label, options: [("yes", t("answer.yes")), ("no", t("answer.no"))], blank: t("answer.not_asked"), hint: hint)
    }

    private func entry(_ f: Fields, _ t: Texts) -> Node {
        h("fieldset") {
            h("legend") { t("esf.section.entry", t.date(startDate)) }
            f.select(
                "labour_status", t("esf.field.labour_status"), options: LabourStatus.allCases.map { ($0.rawValue, t("labour." + $0.rawValue)) },
                blank: t("answer.not_asked"), hint: t("esf.hint.labour_status"))
            f.text("unemployed_months", t("esf.field.unemployed_months"), hint: t("esf.hint.unemployed_months"))
            f.select(
                "isced", t("esf.field.education"), options: (0...8).map { (String($0), t("isced.\($0)")) }, blank: t("answer.not_asked"),
                hint: t("esf.hint.education"))
            answers(f, t, "disability", t("esf.field.disability"), hint: t("esf.hint.sensitive"))
            answers(f, t, "foreign_background", t("esf.field.foreign_background"), hint: t("esf.hint.foreign_background"))
            answers(f, t, "minority", t("esf.field.minority"), hint: t("esf.hint.sensitive"))
            answers(f, t, "other_disadvantage", t("esf.field.other_disadvantage"), hint: t("esf.hint.sensitive"))
            yesNo(f, t, "third_country_national", t("esf.field.third_country_national"), hint: t("esf.hint.third_country_national"))
            yesNo(f, t, "homeless", t("esf.field.homeless"), hint: t("esf.hint.homeless"))
            yesNo(f, t, "rural", t("esf.field.rural"), hint: t("esf.hint.rural"))
        }
    }

    private func exit(_ f: Fields, _ t: Texts) -> Node {
        h("fieldset") {
            h("legend") { t("esf.section.exit") }
            f.date("exit_date", t("esf.field.exit_date"))
            f.select(
                "service_outcome", t("esf.field.service_outcome"),
                options: ownOutcomes.map { ("own:\($0.id)", "\($0.name) (\(t("outcome." + $0.mapsTo.rawValue)))") }
                    + ServiceOutcome.allCases.map { ($0.rawValue, t("outcome." + $0.rawValue)) },
                blank: t("answer.not_recorded"))
            f.select(
                "exit_situation", t("esf.field.exit_situation"), options: SituationOnLeaving.allCases.map { ($0.rawValue, t("situation." + $0.rawValue)) },
                blank: t("answer.not_recorded"), hint: t("esf.hint.exit_situation"))
            f.date("exit_situation_date", t("esf.field.exit_situation_date"))
            yesNo(f, t, "qualification_gained", t("esf.field.qualification_gained"), hint: t("esf.hint.qualification_gained"))
        }
    }

    private func followUp(_ f: Fields, _ t: Texts) -> Node {
        h("fieldset") {
            h("legend") { t("esf.section.followup") }
            f.date("followup_date", t("esf.field.followup_date"))
            yesNo(f, t, "followup_employed", t("esf.field.followup_employed"), hint: t("esf.hint.followup_employed"))
            h("fieldset", ["class": "checks"]) {
                h("legend") { t("esf.field.improvements") }
                h("p", ["class": "hint"]) { t("esf.hint.improvements") }
                for i in Improvement.allCases { f.checkbox("improvement_" + i.rawValue, t("improvement." + i.rawValue)) }
            }
        }
    }
}
