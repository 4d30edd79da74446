import Foundation

/// One of a project's participants chosen by name (a group's new member, a café's participant):
/// a search button of the form itself, so that what else was typed stays, and the one to add chosen
/// from whom the search found. Never a list of the whole project: at 10,000 people a group's page
/// drew 10,036 names, and a list cut at 500 left the rest out of reach.
struct PersonFinder {
    /// The form's field prefix (`Fields.prefix`, for the ids); the fields are `person_q` and `participant_id`.
    var prefix: String
    var legend: String
    /// Who can be found, where not all of the project's participants can (a panel's consent).
    var hint: String? = nil
    /// The label of choosing no one, where the choice may be left empty (a peer's former participant).
    var noOne: String? = nil
    var search: AttendancePage.Search?
    var state: FormState

    /// The search's field name in the form.
    static let searchField = "person_q"

    /// What the form sent back asks to search for, if anything.
    static func search(in state: FormState) -> String? { state[searchField].isEmpty ? nil : state[searchField] }

    func fieldset(_ t: Texts) -> Node {
        let f = Fields(t: t, state: state, prefix: prefix)
        let q = Self.searchField
        return h("fieldset", ["id": "f-\(prefix)participant_id", "tabindex": "-1"]) {
            h("legend") { legend }
            if let hint { h("p", ["class": "hint"]) { hint } }
            f.error("participant_id")
            h("div", ["class": "field"]) {
                h("label", ["for": "f-\(prefix)\(q)"]) { t("attendance.find.label") }
                h("input", ["type": "search", "id": "f-\(prefix)\(q)", "name": q, "value": state[q], "autocomplete": "off"])
            }
            h("button", ["type": "submit", "name": "find", "value": "1", "class": "secondary"]) { t("attendance.find.button") }
            // "Hae" with nothing typed: say what to type, rather than nothing.
            if let search, search.text.isEmpty { h("p", ["role": "status"]) { t("finder.empty") } }
            if let search, !search.text.isEmpty {
                h("p", ["role": "status"]) {
                    search.found.isEmpty ? t("finder.none", search.text) : t("finder.found", String(search.found.count), search.text)
                }
                if search.more { h("p", ["class": "hint"]) { t("attendance.find.more", String(AttendancePage.foundLimit)) } }
                let labels = AttendancePage.labels(search.found, t)
                if let noOne, !search.found.isEmpty {
                    h("div", ["class": "field check"]) {
                        h("input", ["type": "radio", "id": "f-\(prefix)p-none", "name": "participant_id", "value": "", "checked": state["participant_id"].isEmpty ? "" : nil])
                        h("label", ["for": "f-\(prefix)p-none"]) { noOne }
                    }
                }
                for p in search.found {
                    h("div", ["class": "field check"]) {
                        h(
                            "input",
                            [
                                "type": "radio", "id": "f-\(prefix)p-\(p.id)", "name": "participant_id", "value": p.id.text,
                                "checked": state["participant_id"] == p.id.text || (noOne == nil && search.found.count == 1) ? "" : nil,
                            ])
                        h("label", ["for": "f-\(prefix)p-\(p.id)"]) { labels[p.id] ?? p.last_name }
                    }
                }
            }
        }
    }
}
