import PolkuCore
import Vapor

extension Panels {
    static func listPage(project: UUID, name: String, panels: [Panel], state: FormState, context: PageContext, status: HTTPResponseStatus) -> PolkuApp.Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return PolkuApp.Page(
            context, title: t("panel.list.title", name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (name, SiteURL.project(.value(project)).relativeURL())], status: status
        ) {
            h("p", ["class": "lead"]) { t("panel.list.intro") }
            if panels.isEmpty { h("p") { t("panel.list.none") } }
            h("ul") {
                for p in panels {
                    h("li") {
                        h("a", ["href": SiteURL.projectPanel(.value(project), .value(p.id)).relativeURL()]) { p.name }
                        " – " + t("panel.kind." + p.kind) + ", " + t("panel.counts", p.members, p.proposals, p.effects)
                    }
                }
            }
            if !panels.isEmpty { figures(panels, t: t) }
            h("section", ["aria-labelledby": "panel-new"]) {
                h("h2", ["id": "panel-new"]) { t("panel.new") }
                h("form", ["method": "post", "action": SiteURL.projectPanels(.value(project)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.text("name", t("panel.field.name"), required: true)
                    f.select("kind", t("panel.field.kind"), options: Kind.allCases.map { ($0.rawValue, t("panel.kind." + $0.rawValue)) }, required: true)
                    submit(t("panel.create"))
                }
            }
        }
    }

    /// The panels in figures, for the funder's report: counts 1–4 as "<5" (`SmallCount`).
    static func figures(_ panels: [Panel], t: Texts) -> Node {
        let n = { (count: Int) in SmallCount(count).description }
        return h("section", ["aria-labelledby": "panel-figures"]) {
            h("h2", ["id": "panel-figures"]) { t("panel.figures.title") }
            h("p", ["class": "hint"]) { t("report.suppressed") }
            FigureTable(
                caption: t("panel.figures.title"),
                head: [
                    t("panel.field.name"), t("panel.figures.members"), t("panel.figures.meetings"), t("panel.figures.attendance"),
                    t("panel.figures.proposals"), t("panel.figures.effects"),
                ],
                strings: panels.map { [$0.name, n($0.members), n($0.meetings), n($0.attendance), n($0.proposals), n($0.effects)] }
            ).node
        }
    }

    static func view(_ m: Page, context: PageContext, status: HTTPResponseStatus = .ok) -> PolkuApp.Page {
        let t = context.t
        func state(_ form: String) -> FormState { m.failed?.form == form ? m.failed!.state : FormState() }
        return PolkuApp.Page(
            context, title: m.panel.name,
            breadcrumbs: [(m.projectName, SiteURL.project(.value(m.project)).relativeURL()), (t("panel.list.link"), SiteURL.projectPanels(.value(m.project)).relativeURL())],
            status: status
        ) {
            h("p", ["class": "lead"]) { t("panel.kind." + m.panel.kind) }
            h("section", ["aria-labelledby": "panel-proposals"]) {
                h("h2", ["id": "panel-proposals"]) { t("panel.proposals") }
                if m.proposals.isEmpty { h("p") { t("panel.proposals.none") } }
                for p in m.proposals { proposal(p, m, state: state("effect-\(p.id)"), context: context) }
                let f = Fields(t: t, state: state("proposal"), prefix: "proposal-")
                h("form", ["method": "post", "action": SiteURL.projectPanelProposals(.value(m.project), .value(m.panel.id)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.textarea("proposal", t("panel.field.proposal"), required: true, rows: 2)
                    f.date("proposed_on", t("panel.field.proposed_on"))
                    submit(t("panel.add_proposal"))
                }
            }
            h("section", ["aria-labelledby": "panel-meetings"]) {
                h("h2", ["id": "panel-meetings"]) { t("panel.meetings") }
                h("ul") { for x in m.meetings { h("li") { t.date(x.date) + ": " + x.topics + " (" + t("panel.attendees", x.attendees) + ")" } } }
                let f = Fields(t: t, state: state("meeting"), prefix: "meeting-")
                h("form", ["method": "post", "action": SiteURL.projectPanelMeetings(.value(m.project), .value(m.panel.id)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.date("date", t("panel.field.date"), required: true)
                    f.textarea("topics", t("panel.field.topics"), required: true, rows: 2)
                    f.text("attendees", t("panel.field.attendees"), type: "number")
                    submit(t("panel.add_meeting"))
                }
            }
            h("section", ["aria-labelledby": "panel-members"]) {
                h("h2", ["id": "panel-members"]) { t("panel.members", m.members.count) }
                h("ul") { for x in m.members { h("li") { "\(x.last_name), \(x.first_name) – " + t("panel.joined", t.date(x.joined_on)) } } }
                let f = Fields(t: t, state: state("member"), prefix: "member-")
                h(
                    "form",
                    ["method": "post", "action": SiteURL.projectPanelMembers(.value(m.project), .value(m.panel.id)).relativeURL(fragment: "panel-members")]
                ) {
                    csrfField(context)
                    f.summary()
                    PersonFinder(prefix: "member-", legend: t("panel.field.member"), hint: t("panel.eligible.hint"), search: m.search, state: state("member"))
                        .fieldset(t)
                    submit(t("panel.add_member"))
                }
            }
        }
    }

    static func proposal(_ p: Proposal, _ m: Page, state: FormState, context: PageContext) -> Node {
        let t = context.t
        return h("article", ["class": "card", "id": "proposal-\(p.id)", "aria-labelledby": "proposal-h-\(p.id)"]) {
            h("h3", ["id": "proposal-h-\(p.id)"]) { p.proposal }
            h("p", ["class": "meta"]) { t("panel.proposed_on", t.date(p.proposed_on)) }
            if let effect = p.effect {
                h("p") {
                    h("strong") { t("panel.effect", t.date(p.effect_on)) + " " }; effect
                }
            }
            let f = Fields(t: t, state: state, prefix: "effect-\(p.id)-")
            h("details", state.isValid ? [:] : ["open": ""]) {
                h("summary") { p.effect == nil ? t("panel.add_effect") : t("panel.change_effect") }
                h("form", ["method": "post", "action": SiteURL.projectPanelEffect(.value(m.project), .value(m.panel.id), .value(p.id)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.textarea("effect", t("panel.field.effect"), required: true, rows: 2)
                    f.date("effect_on", t("panel.field.effect_on"))
                    submit(t("form.save"))
                }
            }
        }
    }
}
