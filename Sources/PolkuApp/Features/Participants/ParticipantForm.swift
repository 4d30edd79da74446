import Fluent
import PolkuCore
import Vapor

/// The participant's own facts: names, birth date, gender, municipality, language, contact.
struct ParticipantForm {
    static let fields = ["first_name", "last_name", "birth_date", "gender", "municipality", "language", "email", "phone"]
    /// The extra fields of a new participant: where they are enrolled, and their consent.
    static let enrolFields = ["project_id", "site_id", "start_date", "consent_service"]
    static let languages = ["fi", "sv", "en", "ru", "et", "ar", "so", "fa", "ku", "uk", "other"]

    var state: FormState

    static func from(_ p: Participant) -> ParticipantForm {
        var s = FormState()
        s.values = [
            "first_name": p.firstName, "last_name": p.lastName, "birth_date": p.birthDate,
            "gender": p.gender.rawValue, "municipality": p.municipality, "language": p.language,
            "email": p.email ?? "", "phone": p.phone ?? "",
        ]
        return ParticipantForm(state: s)
    }

    mutating func apply(to p: Participant, today: CalendarDate) -> Bool {
        p.firstName = state.text("first_name", required: true, max: 100)
        p.lastName = state.text("last_name", required: true, max: 100)
        p.searchKey = SearchKey.make(p.lastName, p.firstName)
        if let birth = state.date("birth_date", required: true) {
            if let d = CalendarDate(parsing: birth), d > today { state.errors["birth_date"] = "error.future" }
            p.birthDate = birth
        }
        if let g = state.choice("gender", Participant.Gender.self) { p.gender = g }
        p.municipality = state.text("municipality", required: true, max: 100)
        let lang = state.text("language", required: true, max: 10)
        if !lang.isEmpty && !Self.languages.contains(lang) { state.errors["language"] = "error.choice" }
        p.language = lang
        let email = state.text("email", max: 200)
        if !email.isEmpty && !Self.looksLikeEmail(email) { state.errors["email"] = "error.email" }
        p.email = email.isEmpty ? nil : email
        let phone = state.text("phone", max: 40)
        if !phone.isEmpty && !phone.allSatisfy({ $0.isNumber || " +-()".contains($0) }) { state.errors["phone"] = "error.phone" }
        p.phone = phone.isEmpty ? nil : phone
        return state.isValid
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(where: \.isWhitespace)
    }

    func fieldsNodes(_ t: Texts) -> Node {
        let f = Fields(t: t, state: state)
        return h("fieldset") {
            h("legend") { t("participant.section.person") }
            f.text("first_name", t("participant.first_name"), required: true, autocomplete: "off")
            f.text("last_name", t("participant.last_name"), required: true, autocomplete: "off")
            f.date("birth_date", t("participant.birth_date"), required: true)
            f.select("gender", t("participant.gender"), options: Participant.Gender.allCases.map { ($0.rawValue, t("gender." + $0.rawValue)) }, required: true, blank: "")
            f.text("municipality", t("participant.municipality"), required: true)
            f.select("language", t("participant.language"), options: Self.languages.map { ($0, t("language." + $0)) }, required: true, blank: "")
            f.text("email", t("participant.email"), type: "email", autocomplete: "off")
            f.text("phone", t("participant.phone"), type: "tel", autocomplete: "off")
        }
    }
}
