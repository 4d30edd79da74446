import PolkuCore
import Vapor

extension ProjectPageEditor {
    static func view(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        func state(_ form: String) -> FormState? { m.failed?.form == form ? m.failed!.state : nil }
        return PolkuApp.Page(
            context, title: t("public.editor.title", m.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.name, SiteURL.project(.value(m.project)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("public.editor.intro") }
            publication(m, context: context)
            h("section", ["aria-labelledby": "pub-texts"]) {
                h("h2", ["id": "pub-texts"]) { t("public.editor.texts") }
                let f = Fields(t: t, state: state("texts") ?? FormState(values: m.texts.draft), prefix: "text-")
                h("form", ["method": "post", "action": SiteURL.projectPublicPage(.value(m.project)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    for s in ProjectTexts.Section.allCases {
                        f.textarea(s.rawValue, t("public.section." + s.rawValue), hint: t("public.hint." + s.rawValue), rows: 5)
                    }
                    submit(t("public.editor.save"))
                }
            }
            fundingSection(m, context: context, state: state("funding"))
        }
    }

    static func publication(_ m: Model, context: PageContext) -> Node {
        let t = context.t
        let url = SiteURL.publicProject(.value(m.code)).relativeURL()
        return h("section", ["aria-labelledby": "pub-state"]) {
            h("h2", ["id": "pub-state"]) { t("public.editor.state") }
            if m.texts.isPublished {
                h("p") {
                    t("public.editor.published", t.dateTime(m.texts.publishedAt), m.texts.publishedBy ?? "")
                    " "
                    h("a", ["href": url]) { t("public.editor.open") }
                }
                if m.texts.hasChanges { h("p") { t("public.editor.unpublished_changes") } }
            } else {
                h("p") { t("public.editor.draft") }
            }
            if let f = m.figures { h("p", ["class": "hint"]) { t("public.figures.computed", t.dateTime(f.computedAt)) } }
            h("div", ["class": "actions"]) {
                h("form", ["method": "post", "action": SiteURL.projectPublicPagePublish(.value(m.project)).relativeURL()]) {
                    csrfField(context)
                    submit(m.texts.isPublished ? t("public.editor.republish") : t("public.editor.publish"))
                }
                if m.texts.isPublished {
                    h("form", ["method": "post", "action": SiteURL.projectPublicPageUnpublish(.value(m.project)).relativeURL()]) {
                        csrfField(context)
                        h("button", ["type": "submit", "class": "secondary"]) { t("public.editor.unpublish") }
                    }
                }
            }
        }
    }

    static func fundingSection(_ m: Model, context: PageContext, state: FormState?) -> Node {
        let t = context.t
        let summary = FundingSummary(m.funding.compactMap(\.line))
        return h("section", ["aria-labelledby": "pub-funding-edit"]) {
            h("h2", ["id": "pub-funding-edit"]) { t("public.funding") }
            if m.funding.isEmpty {
                h("p") { t("public.funding.none") }
            } else {
                dataTable {
                    h("caption") { t("public.funding") }
                    h("thead") {
                        h("tr") {
                            for head in [t("public.funding.year"), t("public.funding.source"), t("public.funding.planned"), t("public.funding.realised"), ""] {
                                h("th", ["scope": "col"]) { head }
                            }
                        }
                    }
                    h("tbody") {
                        for line in m.funding {
                            h("tr") {
                                h("td") { line.year.map(String.init) ?? t("public.funding.whole") }
                                h("td") { t("funding.source." + line.source) }
                                h("td", ["class": "num"]) { t.euros(line.planned) }
                                h("td", ["class": "num"]) { t.euros(line.realised) }
                                h("td") {
                                    h("form", ["method": "post", "action": SiteURL.projectFundingDelete(.value(m.project), .value(line.id)).relativeURL()]) {
                                        csrfField(context)
                                        h("button", ["type": "submit", "class": "secondary"]) { t("public.funding.remove") }
                                    }
                                }
                            }
                        }
                    }
                }
                h("p") {
                    t("public.funding.public_sum", t.euros(summary.publicFunding.planned), t.euros(summary.publicFunding.realised))
                }
            }
            let f = Fields(t: t, state: state ?? FormState(), prefix: "funding-")
            h("h3") { t("public.funding.add") }
            h("form", ["method": "post", "action": SiteURL.projectFunding(.value(m.project)).relativeURL()]) {
                csrfField(context)
                f.summary()
                f.text("year", t("public.funding.year"), hint: t("public.funding.year_hint"))
                f.select(
                    "source", t("public.funding.source"), options: FundingSource.allCases.map { ($0.rawValue, t("funding.source." + $0.rawValue)) },
                    required: true, blank: "")
                f.text("planned", t("public.funding.planned"), required: true)
                f.text("realised", t("public.funding.realised"), hint: t("public.funding.realised_hint"))
                submit(t("public.funding.save"))
            }
            h("h3") { t("public.funding.import") }
            h("p") { t("public.funding.import_hint") }
            FileUpload.problems(m.importProblems, t: t, columnPrefix: "public.funding.column.", codePrefix: "funding.csv.")
            FileUpload.form(
                context, action: SiteURL.projectFundingImport(.value(m.project)).relativeURL(), label: t("public.funding.file"), accept: ".csv,text/csv",
                submit: t("public.funding.import_submit"))
        }
    }
}
