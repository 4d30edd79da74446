import Vapor

extension InstrumentPages {
    static func projectPage(_ m: Choice, context: PageContext) -> Page {
        let t = context.t
        func label(_ i: Listed) -> String {
            var text = i.name.text(t.lang.rawValue) + " (v\(i.version))"
            if i.health { text += " · " + t("instruments.health") }
            if let licence = i.licence { text += " · " + t("instruments.licence." + licence) }
            return text
        }
        return Page(
            context, title: t("instruments.project.title", m.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.name, SiteURL.project(.value(m.id)).relativeURL())]
        ) {
            if let message = m.message { h("p", ["class": "ok", "role": "status"]) { message } }
            h("p") { h("a", ["href": SiteURL.projectMeasures(.value(m.id)).relativeURL()]) { t("measures_report.link") } }
            if m.canManage {
                h("form", ["method": "post", "action": SiteURL.projectInstruments(.value(m.id)).relativeURL()]) {
                    csrfField(context)
                    // Marks a post as this form's: boxes left unticked are not sent, this is.
                    h("input", ["type": "hidden", "name": "instruments_form", "value": "1"])
                    h("fieldset", ["class": "checks"]) {
                        h("legend") { t("instruments.project.legend") }
                        for i in m.all {
                            h("div", ["class": "field check"]) {
                                h("input", ["type": "checkbox", "id": "i-\(i.key)", "name": "use_\(i.key)", "value": "on", "checked": m.used.contains(i.key) ? "" : nil])
                                h("label", ["for": "i-\(i.key)"]) { label(i) }
                            }
                            if i.selfReportable {
                                h("div", ["class": "field check sub"]) {
                                    h(
                                        "input",
                                        [
                                            "type": "checkbox", "id": "s-\(i.key)", "name": "self_\(i.key)", "value": "on",
                                            "checked": m.selfReport.contains(i.key) ? "" : nil,
                                        ])
                                    h("label", ["for": "s-\(i.key)"]) { t("instruments.project.self_report", i.name.text(t.lang.rawValue)) }
                                }
                            }
                        }
                    }
                    submit(t("form.save"))
                }
            } else {
                h("h2") { t("instruments.project.legend") }
                let chosen = m.all.filter { m.used.contains($0.key) }
                if chosen.isEmpty { h("p") { t("measures_report.none") } }
                h("ul") {
                    for i in chosen { h("li") { label(i) + (m.selfReport.contains(i.key) ? " · " + t("instruments.project.self_report_short") : "") } }
                }
            }
        }
    }

    static func libraryPage(_ m: Library, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(context, title: t("instruments.library.title"), status: status) {
            if let message = m.message { h("p", ["class": "ok", "role": "status"]) { message } }
            if !m.problems.isEmpty {
                h("div", ["class": "error-summary", "role": "alert"]) {
                    h("p") { t("instruments.upload.refused") }
                    h("ul") { for p in m.problems { h("li") { h("code") { p } } } }
                }
            }
            dataTable {
                h("caption", ["class": "visually-hidden"]) { t("instruments.library.title") }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("instruments.key") }
                        h("th", ["scope": "col", "class": "num"]) { t("instruments.version") }
                        h("th", ["scope": "col"]) { t("activity.name") }
                        h("th", ["scope": "col"]) { t("instruments.origin") }
                        h("th", ["scope": "col", "class": "num"]) { t("instruments.answers") }
                    }
                }
                h("tbody") {
                    for i in m.instruments {
                        h("tr") {
                            h("td") { h("code") { i.key } }
                            h("td", ["class": "num"]) { String(i.version) }
                            h("td") { i.name.text(t.lang.rawValue) + (i.health ? " · " + t("instruments.health") : "") }
                            h("td") { t("instruments.origin." + i.origin) }
                            h("td", ["class": "num"]) { String(m.answers[i.id] ?? 0) }
                        }
                    }
                }
            }
            h("h2") { t("instruments.upload") }
            h("p") { t("instruments.upload.hint") }
            FileUpload.form(
                context, action: SiteURL.adminInstruments.relativeURL(), label: t("instruments.upload.file"), accept: ".json,application/json",
                submit: t("instruments.upload.submit"))
        }
    }
}
