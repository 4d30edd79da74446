import PolkuCore
import Vapor

extension AttendancePage {
    func page(context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let isTraining = kind == .training
        let f = Fields(t: t, state: state)
        var page = Page(
            context, title: t("attendance.title", activityName, t.date(date)),
            breadcrumbs: [(activityName, SiteURL.activity(.value(activityID)).relativeURL())], status: status
        ) {
            if let message { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { message } } }
            h("form", ["method": "post", "action": SiteURL.session(.value(activityID), .value(sessionID)).relativeURL()]) {
                csrfField(context)
                defaultSubmit(t("form.save"))
                h("input", ["type": "hidden", "name": "version", "value": state["version"]])
                f.summary()
                if !isTraining {
                    checklist(f, t)
                } else {
                    f.textarea("organisations", t("attendance.organisations"), hint: t("attendance.organisations.hint"), rows: 5)
                }
                f.textarea("guests", t("attendance.guests"), hint: isTraining ? t("attendance.guests.training_hint") : t("attendance.guests.hint"), rows: 3)
                heads(f, t)
                submit(t("form.save"))
            }
        }
        page.scripts = [.script]
        return page
    }

    @NodeBuilder private func checklist(_ f: Fields, _ t: Texts) -> [Node] {
        h("fieldset", ["class": "checks", "id": "attendance-h", "data-filter-label": t("attendance.filter")]) {
            h("legend") { kind == .group ? t("attendance.members_present") : t("attendance.present") }
            if !people.isEmpty {
                h("p", ["role": "status"]) {
                    t("attendance.count")
                    " "
                    h("strong", ["id": "present-count"]) { String(people.filter { state["p_\($0.id)"] == "on" }.count) }
                    " / \(people.count)"
                }
            }
            if people.isEmpty { h("p") { kind == .group ? t("activity.members.none") : t("participants.none") } }
            if !people.isEmpty {
                h("p") {
                    h("a", ["href": SiteURL.session(.value(activityID), .value(sessionID)).relativeURL([("all", "1")], fragment: "attendance-h")]) {
                        t("attendance.all_present")
                    }
                }
            }
            if allTicked { h("p", ["class": "notice", "role": "status"]) { t("attendance.all_ticked") } }
            f.error("people")
            let labels = Self.labels(people, t)
            for p in people { f.checkbox("p_\(p.id)", labels[p.id] ?? p.last_name) }
        }
        finder(f, t)
    }

    /// Someone else of the project, found by name: the search is a button of this form, so what was
    /// ticked and typed comes back with whom it found, and nothing is saved until "Tallenna".
    @NodeBuilder private func finder(_ f: Fields, _ t: Texts) -> [Node] {
        h("fieldset", ["class": "checks", "id": "attendance-find"]) {
            h("legend") { t("attendance.find") }
            if listIsPartial { h("p", ["class": "notice"]) { t("attendance.list_partial", String(Self.checklistLimit)) } }
            h("div", ["class": "field"]) {
                h("label", ["for": "f-add_q"]) { t("attendance.find.label") }
                h("p", ["class": "hint", "id": "f-add_q-hint"]) { kind == .group ? t("attendance.find.hint_group") : t("attendance.find.hint") }
                h("input", ["type": "search", "id": "f-add_q", "name": "add_q", "value": state["add_q"], "autocomplete": "off", "aria-describedby": "f-add_q-hint"])
            }
            h("button", ["type": "submit", "name": "find", "value": "1", "class": "secondary"]) { t("attendance.find.button") }
            // "Hae" with nothing typed: say what to type, rather than nothing.
            if let search, search.text.isEmpty { h("p", ["role": "status"]) { t("finder.empty") } }
            if let search, !search.text.isEmpty {
                h("div", ["role": "status"]) {
                    h("p") {
                        search.found.isEmpty
                            ? t("attendance.find.none", search.text) : t("attendance.find.found", String(search.found.count), search.text)
                    }
                    if search.more { h("p", ["class": "hint"]) { t("attendance.find.more", String(Self.foundLimit)) } }
                }
                let labels = Self.labels(search.found, t)
                for p in search.found { f.checkbox("p_\(p.id)", labels[p.id] ?? p.last_name) }
            }
        }
    }

    /// "Last, First", and the year of birth where two people on the list share a name (two
    /// "Demonen, Aino" could be told apart only on their own pages).
    static func labels(_ people: [Person], _ t: Texts) -> [UUID: String] {
        let names = Dictionary(grouping: people) { "\($0.last_name), \($0.first_name)" }
        var out: [UUID: String] = [:]
        for (name, same) in names {
            for p in same { out[p.id] = same.count > 1 ? t("attendance.same_name", name, String(p.birth_date.prefix(4))) : name }
        }
        return out
    }

    /// The head count, with the breakdown by gender and age folded unless something is in it.
    private func heads(_ f: Fields, _ t: Texts) -> Node {
        h("fieldset") {
            h("legend") { t("attendance.heads") }
            h("p", ["class": "hint"]) { t("attendance.heads.hint") }
            f.text("head_on_site", t("attendance.head_on_site"), type: "number")
            f.text("head_online", t("attendance.head_online"), type: "number")
            h("details", ["open": (AttendanceController.countFields.dropFirst(2).contains { !state[$0].isEmpty } || !state.isValid) ? "" : nil]) {
                h("summary") { t("attendance.breakdown") }
                h("p", ["class": "hint"]) { t("attendance.breakdown.hint") }
                h("fieldset") {
                    h("legend") { t("attendance.by_gender") }
                    f.text("head_women", t("attendance.women"), type: "number")
                    f.text("head_men", t("attendance.men"), type: "number")
                    f.text("head_other_gender", t("attendance.other_gender"), type: "number")
                }
                h("fieldset") {
                    h("legend") { t("attendance.by_age") }
                    for band in AgeBand.allCases { f.text("head_age_" + band.rawValue, t("report.age_band." + band.rawValue), type: "number") }
                }
            }
        }
    }
}
