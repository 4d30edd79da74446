import Foundation

/// The readable half of a person's data export: one HTML file that opens anywhere, in the staff
/// member's language, with every section of `PersonExport` as a table.
enum PersonExportDocument {
    static func render(_ e: PersonExport, context: PageContext) -> String {
        let t = context.t
        func table(_ caption: String, _ headers: [String], _ rows: [[String]]) -> Node {
            h("section") {
                h("h2") { caption }
                if rows.isEmpty {
                    h("p") { t("export.none") }
                } else {
                    dataTable {
                        h("thead") { h("tr") { for x in headers { h("th", ["scope": "col"]) { x } } } }
                        h("tbody") { for r in rows { h("tr") { for x in r { h("td") { x } } } } }
                    }
                }
            }
        }
        func yes(_ b: Bool?) -> String { b.map { t($0 ? "export.yes" : "export.no") } ?? "" }
        let p = e.person
        let body = h("body") {
            h("h1") { t("export.title", "\(p.first_name) \(p.last_name)") }
            h("p") { t("export.intro", t.dateTime(e.generated_at), e.projects.map { "\($0.code) \($0.name)" }.joined(separator: ", ")) }
            h("p") { t(e.includes_health_notes ? "export.health.included" : "export.health.excluded") }
            table(
                t("export.person"), [t("export.field"), t("export.value")],
                [
                    [t("export.first_name"), p.first_name], [t("export.last_name"), p.last_name], [t("export.birth_date"), t.date(p.birth_date)],
                    [t("export.gender"), p.gender], [t("export.municipality"), p.municipality], [t("export.language"), p.language],
                    [t("export.email"), p.email ?? ""], [t("export.phone"), p.phone ?? ""],
                ])
            table(t("export.consents"), [t("export.purpose"), t("export.date"), t("export.given")], e.consents.map { [$0.purpose, t.date($0.date), yes($0.given)] })
            table(
                t("export.enrolments"), [t("export.project"), t("export.phase"), t("export.start"), t("export.end"), t("export.esf")],
                e.enrolments.map { x in
                    let esf: [(String, String?)] = [
                        ("labour_status", x.labour_status), ("unemployed_months", x.unemployed_months.map(String.init)), ("isced", x.isced.map(String.init)),
                        ("disability", x.disability), ("foreign_background", x.foreign_background), ("minority", x.minority),
                        ("other_disadvantage", x.other_disadvantage), ("homeless", x.homeless.map(yes)), ("rural", x.rural.map(yes)),
                        ("exit_situation", x.exit_situation), ("service_outcome", x.service_outcome),
                    ]
                    return [x.project_code, x.phase, t.date(x.start_date), t.date(x.end_date), esf.compactMap { k, v in v.map { "\(k)=\($0)" } }.joined(separator: "; ")]
                })
            table(
                t("export.phase_changes"), [t("export.project"), t("export.from"), t("export.to"), t("export.date")],
                e.phase_changes.map { [$0.project_code, $0.from_phase ?? "", $0.to_phase, t.date($0.date)] })
            table(
                t("export.goals"), [t("export.project"), t("export.goal"), t("export.status"), t("export.target")],
                e.goals.map { [$0.project_code, $0.text, $0.status, t.date($0.target_date)] })
            table(
                t("export.notes"), [t("export.project"), t("export.date"), t("export.kind"), t("export.note")],
                e.notes.map { [$0.project_code, t.dateTime($0.created_at), $0.sensitivity, $0.body] })
            table(
                t("export.assessments"), [t("export.project"), t("export.instrument"), t("export.date"), t("export.total"), t("export.own_comment")],
                e.assessments.map { [$0.project_code, $0.instrument, t.date($0.date), $0.total.map { String(format: "%.1f", $0) } ?? "", $0.own_comment ?? ""] })
            table(
                t("export.attendance"), [t("export.project"), t("export.activity"), t("export.date")],
                e.attendance.map { [$0.project_code, $0.activity, t.date($0.date)] })
            table(
                t("export.referrals"), [t("export.project"), t("export.service"), t("export.state"), t("export.date"), t("export.message")],
                e.referrals.map { [$0.project_code, $0.service, $0.state, t.dateTime($0.created_at), $0.message] })
            table(
                t("export.portfolio"), [t("export.title_col"), t("export.text"), t("export.file"), t("export.shared"), t("export.date")],
                e.portfolio.map {
                    [$0.title, [$0.body, $0.url ?? ""].filter { !$0.isEmpty }.joined(separator: " "), $0.file_name ?? "", yes($0.shared), t.dateTime($0.created_at)]
                })
            table(
                t("export.feedback"), [t("export.date"), t("export.rating"), t("export.text")],
                e.feedback.map { [t.dateTime($0.created_at), String($0.rating), $0.text] })
            table(
                t("export.viewed_by"), [t("export.date"), t("export.who"), t("export.what")],
                e.viewed_by.map { [t.dateTime($0.at), $0.actor_email, $0.action] })
        }
        return standalone(title: t("export.title", "\(p.first_name) \(p.last_name)"), lang: context.lang, body: body)
    }

    /// A page that opens anywhere without Polku: its own small style, nothing fetched.
    static func standalone(title: String, lang: Lang, body: Node) -> String {
        let document = h("html", ["lang": lang.rawValue]) {
            h("head") {
                h("meta", ["charset": "utf-8"])
                h("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                h("title") { title }
                h("style") {
                    "body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}img{max-width:100%;height:auto}"
                }
            }
            body
        }
        return "<!DOCTYPE html>" + document.html
    }
}
