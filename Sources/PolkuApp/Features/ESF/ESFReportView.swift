import PolkuCore
import Vapor

enum ESFReportView {
    /// The report page for `r`; `incomplete` is the first of the incomplete records by name, with the
    /// count of all (only for those who see people; empty for others).
    static func page(
        _ ctx: ESFReportController.Context, _ r: ESFReport, incomplete: (rows: [(missing: ESFReport.Missing, name: String)], total: Int), context: PageContext
    ) -> Page {
        let t = context.t
        let p = ctx.project
        let f = Fields(t: t, state: ctx.state)
        let base = SiteURL.projectReport(.value(p.id!)).relativeURL()
        let query = queryString(ctx.state)
        /// A figure: exact with a link for those who see people, 1–4 marked as what the exports will
        /// show as "<5"; "<5" for 1–4 for everyone else.
        func figure(_ n: Int, code: String, gender: ESFGender? = nil) -> Node {
            guard ctx.seesPeople else { return .text(SmallCount(n).description) }
            guard n > 0 else { return .text("0") }
            var state = ctx.state
            if let gender { state.values["gender"] = gender.rawValue }
            let link = h("a", ["href": "\(base)/people?code=\(code)&\(queryString(state))"]) { String(n) }
            guard n < SmallCount.threshold else { return link }
            return group {
                link
                h("span", ["class": "small-mark", "aria-hidden": "true"]) { "*" }
                h("span", ["class": "visually-hidden"]) { " (\(t("report.small.mark")))" }
            }
        }
        func plain(_ n: Int) -> String { ctx.seesPeople ? String(n) : SmallCount(n).description }
        func table<I: IndicatorCode>(_ caption: String, _ indicators: [I], _ tally: IndicatorTally<I>, code: (I) -> String) -> Node {
            dataTable {
                h("caption", ["class": "visually-hidden"]) { caption }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("report.code") }
                        h("th", ["scope": "col"]) { t("report.indicator") }
                        h("th", ["scope": "col", "class": "num"]) { t("report.women") }
                        h("th", ["scope": "col", "class": "num"]) { t("report.men") }
                        h("th", ["scope": "col", "class": "num"]) { t("report.non_binary") }
                        h("th", ["scope": "col", "class": "num"]) { t("report.total") }
                    }
                }
                h("tbody") {
                    for i in indicators {
                        h("tr") {
                            h("th", ["scope": "row"]) { code(i) }
                            h("td") { t("indicator." + code(i)) }
                            for g in ESFGender.allCases { h("td", ["class": "num"]) { figure(tally.count(i, g), code: code(i), gender: g) } }
                            h("td", ["class": "num"]) { figure(tally.count(i), code: code(i)) }
                        }
                    }
                }
            }
        }
        return Page(
            context, title: t("report.title", p.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (p.name, SiteURL.project(.value(p.id!)).relativeURL())],
            status: ctx.state.isValid ? .ok : .badRequest
        ) {
            h("form", ["method": "get", "action": base, "class": "inline"]) {
                f.date("from", t("report.from"))
                f.date("to", t("report.to"))
                f.select("site", t("report.site"), options: ctx.sites.map { ($0.id!.text, $0.name) }, blank: t("report.site.all"))
                f.select(
                    "gender", t("report.gender"),
                    options: ESFGender.allCases.map { ($0.rawValue, t("report." + ($0 == .nonBinary ? "non_binary" : $0 == .female ? "women" : "men"))) },
                    blank: t("report.gender.all"))
                f.select(
                    "age_band", t("report.age_band"), options: ESFReport.AgeBand.allCases.map { ($0.rawValue, t("report.age_band." + $0.rawValue)) },
                    blank: t("report.age_band.all"))
                submit(t("report.show"))
            }
            h("p", ["class": "hint"]) { t("report.period_rule") }
            h("p", ["class": "hint"]) { ctx.seesPeople ? t("report.small.legend") : t("report.suppressed") }
            h("p") {
                h("a", ["href": "\(base).csv?\(query)", "download": ""]) { "\(t("report.download")) CSV" }
                " · "
                h("a", ["href": "\(base).xlsx?\(query)", "download": ""]) { "\(t("report.download")) XLSX" }
            }
            if ctx.managesProject {
                h("p") {
                    t("eura.export") + ": "
                    h("a", ["href": SiteURL.projectEURACSV(.value(p.id!)).relativeURL(), "download": ""]) { "CSV" }
                    " · "
                    h("a", ["href": SiteURL.projectEURAXLSX(.value(p.id!)).relativeURL(), "download": ""]) { "XLSX" }
                }
            }
            h("section", ["aria-labelledby": "progress-h"]) {
                h("h2", ["id": "progress-h"]) { t("project.progress") }
                h("p") {
                    if let planned = p.plannedParticipants, planned > 0 {
                        t("report.progress", plain(r.entered), planned, Int((Double(r.entered) / Double(planned) * 100).rounded()), plain(r.leavers))
                    } else {
                        t("report.progress.noplan", plain(r.entered), plain(r.leavers))
                    }
                }
                // "60 started" beside EECO01's 56: the difference is records still incomplete.
                let counted = r.plus.count(ESFPlusIndicator.eeco01)
                if r.entered > counted {
                    h("p", ["class": "notice"]) {
                        t("report.incomplete_explained", plain(counted), plain(r.entered - counted))
                        " "
                        h("a", ["href": "#missing-h"]) { t("report.incomplete_link") }
                    }
                }
            }
            h("section", ["aria-labelledby": "plus-h"]) {
                h("h2", ["id": "plus-h"]) { t("report.esfplus") }
                table(t("report.esfplus"), ESFPlusIndicator.allCases, r.plus, code: \.code)
            }
            h("section", ["aria-labelledby": "outcomes-h"]) {
                h("h2", ["id": "outcomes-h"]) { t("report.outcomes") }
                let recorded = r.outcomes.values.reduce(0, +)
                dataTable {
                    h("caption", ["class": "visually-hidden"]) { t("report.outcomes") }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("report.outcome") }
                            h("th", ["scope": "col", "class": "num"]) { t("report.count") }
                            h("th", ["scope": "col", "class": "num"]) { t("report.share") }
                        }
                    }
                    h("tbody") {
                        for o in ServiceOutcome.allCases where (r.outcomes[o] ?? 0) > 0 {
                            let n = r.outcomes[o]!
                            h("tr") {
                                h("th", ["scope": "row"]) { t("outcome." + o.rawValue) }
                                h("td", ["class": "num"]) { figure(n, code: o.rawValue) }
                                h("td", ["class": "num"]) { ctx.seesPeople || n >= SmallCount.threshold ? percent(n, of: recorded) : "–" }
                            }
                        }
                        if r.leaversWithoutOutcome > 0 {
                            h("tr") {
                                h("th", ["scope": "row"]) { t("report.outcome.none") }
                                h("td", ["class": "num"]) { figure(r.leaversWithoutOutcome, code: "no_outcome") }
                                h("td", ["class": "num"]) { "" }
                            }
                        }
                    }
                }
                if !ctx.ownOutcomes.isEmpty {
                    dataTable {
                        h("caption") { t("report.own_outcomes") }
                        h("thead") {
                            h("tr") {
                                h("th", ["scope": "col"]) { t("report.outcome") }
                                h("th", ["scope": "col"]) { t("report.maps_to") }
                                h("th", ["scope": "col", "class": "num"]) { t("report.count") }
                            }
                        }
                        h("tbody") {
                            for own in ctx.ownOutcomes {
                                h("tr") {
                                    h("th", ["scope": "row"]) { own.name }
                                    h("td") { t("outcome." + own.mapsTo.rawValue) }
                                    h("td", ["class": "num"]) { plain(r.ownOutcomes[own.id!] ?? 0) }
                                }
                            }
                        }
                    }
                }
                if recorded > 0 {
                    h("p") { t("report.solutions", plain(r.solutionCount), plain(recorded), percent(r.solutionCount, of: recorded).replacingOccurrences(of: " %", with: "")) }
                }
            }
            h("section", ["aria-labelledby": "esf2014-h"]) {
                h("h2", ["id": "esf2014-h"]) { t("report.esf2014") }
                table(t("report.esf2014"), ESF2014Indicator.allCases, r.esf2014, code: \.code)
            }
            h("section", ["aria-labelledby": "missing-h"]) {
                h("h2", ["id": "missing-h"]) { t("report.completeness") }
                if r.missing.isEmpty {
                    h("p") { t("report.completeness.none") }
                } else {
                    h("p") { t("report.completeness.count", plain(r.missing.count)) }
                    if ctx.seesPeople, !incomplete.rows.isEmpty {
                        if incomplete.total > incomplete.rows.count { h("p") { t("report.completeness.shown", String(incomplete.rows.count)) } }
                        incompleteTable(incomplete.rows, t: t)
                        if incomplete.total > incomplete.rows.count {
                            h("p") { h("a", ["href": "\(base)/people?code=incomplete&\(query)"]) { t("report.completeness.all", String(incomplete.total)) } }
                        }
                    }
                }
            }
        }
    }

    /// The incomplete records: whose, what is missing, and a link to complete each.
    static func incompleteTable(_ rows: [(missing: ESFReport.Missing, name: String)], t: Texts) -> Node {
        dataTable {
            h("thead") {
                h("tr") {
                    h("th", ["scope": "col"]) { t("participant.name") }
                    h("th", ["scope": "col"]) { t("report.completeness") }
                    h("th", ["scope": "col"]) { t("form.actions") }
                }
            }
            h("tbody") {
                for (m, name) in rows {
                    h("tr") {
                        h("td") { name }
                        h("td") { m.fields.map { t("esf.field." + $0.rawValue) }.joined(separator: ", ") }
                        h("td") {
                            h(
                                "a",
                                [
                                    "href": SiteURL.enrolmentESF(.value(m.participant), .value(m.enrolment)).relativeURL(),
                                    "aria-label": "\(t("report.completeness.fix")): \(name)",
                                ]
                            ) { t("report.completeness.fix") }
                        }
                    }
                }
            }
        }
    }

    static func percent(_ n: Int, of total: Int) -> String {
        guard total > 0 else { return "–" }
        return "\(Int((Double(n) / Double(total) * 100).rounded())) %"
    }

    static func queryString(_ state: FormState) -> String {
        queryItems(state).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    /// The report's filter as query items (for links that keep it).
    static func queryItems(_ state: FormState) -> [(String, String)] {
        ["from", "to", "site", "gender", "age_band"].compactMap { key in state[key].isEmpty ? nil : (key, state[key]) }
    }
}
