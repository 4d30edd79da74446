import Foundation
import PolkuCore
import Vapor

extension PublicProjectPage {
    static func view(_ m: Model, context: PageContext) -> PolkuApp.Page {
        let t = context.t
        let p = m.facts
        let texts = m.texts.published ?? [:]
        return PolkuApp.Page(context, title: p.name, breadcrumbs: [(t("public.index.title"), SiteURL.publicProjects.relativeURL())]) {
            h("p", ["class": "lead"]) { "\(p.code) · \(t("project.status." + p.status)) · \(t.date(p.start_date))–\(t.date(p.end_date)) · \(p.region)" }
            paragraphs(p.summary)
            h("section", ["aria-labelledby": "pub-facts"]) {
                h("h2", ["id": "pub-facts"]) { t("project.section.basics") }
                h("dl", ["class": "facts"]) {
                    ProjectShow.fact(t("project.code"), p.code)
                    ProjectShow.fact(t("project.funder"), p.funder)
                    for role in ProjectOrganisation.Role.allCases where role != .funder {
                        let names = m.organisations.filter { $0.role == role.rawValue }.map(\.name)
                        if !names.isEmpty { ProjectShow.fact(t("public.org." + role.rawValue), names.joined(separator: ", ")) }
                    }
                    ProjectShow.fact(t("project.region"), p.region)
                    ProjectShow.fact(t("project.period"), "\(t.date(p.start_date))–\(t.date(p.end_date))")
                    ProjectShow.fact(t("project.budget_band"), p.budget_band)
                    ProjectShow.fact(t("project.priority_axis"), p.priority_axis)
                    ProjectShow.fact(t("project.specific_objective"), p.specific_objective)
                }
                h("h3") { t("project.target_groups") }
                h("ul") { for g in p.target_groups.split(separator: "\n") { h("li") { String(g) } } }
            }
            for section in [ProjectTexts.Section.results, .solution, .goodPractices, .transfer, .transferred] {
                if let text = texts[section.rawValue] {
                    h("section", ["aria-labelledby": "pub-" + section.rawValue]) {
                        h("h2", ["id": "pub-" + section.rawValue]) { t("public.section." + section.rawValue) }
                        paragraphs(text)
                    }
                }
            }
            let growth = [ProjectTexts.Section.before, .during, .after].filter { texts[$0.rawValue] != nil }
            if !growth.isEmpty {
                h("section", ["aria-labelledby": "pub-growth"]) {
                    h("h2", ["id": "pub-growth"]) { t("public.section.growth") }
                    for s in growth {
                        h("h3") { t("public.section." + s.rawValue) }
                        paragraphs(texts[s.rawValue] ?? "")
                    }
                }
            }
            results(m, t: t)
            funding(m, t: t)
            h("section", ["aria-labelledby": "pub-people"]) {
                h("h2", ["id": "pub-people"]) { t("public.partners") }
                let partners = m.organisations.filter { $0.role == ProjectOrganisation.Role.partner.rawValue }.map(\.name)
                if !partners.isEmpty { h("p") { t("public.partners.list", partners.joined(separator: ", ")) } }
                if !m.steering.isEmpty {
                    h("h3") { t("project.steering") }
                    h("ul") { for s in m.steering { h("li") { "\(s.role), \(s.name)" } } }
                }
                if !m.sites.isEmpty {
                    h("h3") { t("project.sites") }
                    h("ul") { for s in m.sites { h("li") { s } } }
                }
                if !m.subProjects.isEmpty {
                    h("h3") { t("project.subprojects") }
                    h("ul") {
                        for s in m.subProjects { h("li") { h("a", ["href": SiteURL.publicProject(.value(s.code)).relativeURL()]) { "\(s.code) \(s.name)" } } }
                    }
                }
            }
            if let at = m.texts.publishedAt { h("p", ["class": "hint"]) { t("public.published_at", t.dateTime(at)) } }
        }
    }

    static func paragraphs(_ text: String) -> Node {
        group { for para in text.split(separator: "\n", omittingEmptySubsequences: true) { h("p") { String(para) } } }
    }

    /// A column of counts with its total, suppressed together (`ComplementarySuppression`).
    static func countTable(caption: String, head: [String], rows: [(String, Int)], totalLabel: String) -> Node {
        let line = ComplementarySuppression.line(rows.map(\.1))
        return FigureTable(
            caption: caption, head: head,
            strings: rows.indices.map { [rows[$0].0, line.label($0)] } + [[totalLabel, line.total.description]]
        ).node
    }

    static func results(_ m: Model, t: Texts) -> Node {
        let f = m.figures
        let n = { (count: Int) in SmallCount(count).description }
        return h("section", ["aria-labelledby": "pub-figures"]) {
            h("h2", ["id": "pub-figures"]) { t("public.figures") }
            h("p", ["class": "hint"]) { t("public.figures.computed", t.dateTime(f.computedAt)) }
            h("p") {
                if let planned = m.facts.planned_participants, planned > 0 {
                    t("public.figures.started_of", n(f.started), String(planned))
                } else {
                    t("public.figures.started", n(f.started))
                }
            }
            countTable(
                caption: t("project.by_phase"), head: [t("project.phase"), t("project.participants")],
                rows: f.byPhase.map { (PhaseNames.label($0.key, t), $0.n) }, totalLabel: t("public.total"))
            countTable(
                caption: t("public.figures.gender"), head: [t("participant.gender"), t("project.participants")],
                rows: f.byGender.map { (t("gender." + $0.key), $0.n) }, totalLabel: t("public.total"))
            h("h3") { t("public.figures.outcomes") }
            h("p") { t("public.figures.leavers", n(f.leavers), n(f.solutions)) }
            if !f.outcomes.isEmpty {
                countTable(
                    caption: t("public.figures.outcomes"), head: [t("public.figures.outcome"), t("public.figures.people")],
                    rows: f.outcomes.map { (t("outcome." + $0.key), $0.n) }, totalLabel: t("public.figures.with_outcome"))
            }
            h("h3") { t("public.figures.activities") }
            if f.activities.isEmpty {
                h("p") { t("public.figures.none") }
            } else {
                FigureTable(
                    caption: t("public.figures.activities"),
                    head: [t("public.figures.category"), t("public.figures.sessions"), t("public.figures.attendances"), t("public.figures.people")],
                    strings: f.activities.map {
                        [$0.key.isEmpty ? t("activity.category.none") : t("activity.category." + $0.key), n($0.sessions), n($0.attendances), n($0.people)]
                    } + [[t("public.total"), n(f.activityTotal.sessions), n(f.activityTotal.attendances), n(f.activityTotal.people)]]
                ).node
            }
            h("h3") { t("public.figures.measures") }
            if f.measures.isEmpty {
                h("p") { t("public.figures.none") }
            } else {
                FigureTable(
                    caption: t("public.figures.measures"),
                    head: [t("public.figures.instrument"), t("public.figures.measured"), t("public.figures.repeated"), t("public.figures.improved"), t("public.figures.worsened")],
                    strings: f.measures.map { [$0.name.text(t.lang.rawValue), n($0.measured), n($0.repeated), n($0.improved), n($0.worsened)] }
                ).node
            }
            h("p", ["class": "hint"]) { t("report.suppressed") + " " + t("public.complement") }
        }
    }

    static func funding(_ m: Model, t: Texts) -> Node {
        let s = m.funding
        return group {
            if !s.isEmpty {
                h("section", ["aria-labelledby": "pub-funding"]) {
                    h("h2", ["id": "pub-funding"]) { t("public.funding") }
                    FigureTable(
                        caption: t("public.funding"), head: [t("public.funding.source"), t("public.funding.planned"), t("public.funding.realised")],
                        strings: FundingSource.allCases.compactMap { src in
                            s.bySource[src].map { [t("funding.source." + src.rawValue), t.euros($0.planned), t.euros($0.realised)] }
                        }
                            + [
                                [t("public.funding.public"), t.euros(s.publicFunding.planned), t.euros(s.publicFunding.realised)],
                                [t("public.total"), t.euros(s.total.planned), t.euros(s.total.realised)],
                            ]
                    ).node
                    if !s.byYear.isEmpty {
                        FigureTable(
                            caption: t("public.funding.by_year"), head: [t("public.funding.year"), t("public.funding.planned"), t("public.funding.realised")],
                            strings: s.byYear.map { [String($0.year), t.euros($0.sum.planned), t.euros($0.sum.realised)] }
                        ).node
                    }
                    h("dl", ["class": "facts"]) {
                        ProjectShow.fact(t("public.cost.started"), CostPerPerson.of(realised: s.total.realised, people: m.figures.started).map { t.euros($0) } ?? "–")
                        ProjectShow.fact(t("public.cost.completed"), CostPerPerson.of(realised: s.total.realised, people: m.figures.completed).map { t.euros($0) } ?? "–")
                    }
                    h("p", ["class": "hint"]) { t("public.cost.rule") }
                }
            }
        }
    }
}
