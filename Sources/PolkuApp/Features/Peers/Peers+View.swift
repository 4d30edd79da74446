import PolkuCore
import Vapor

extension Peers {
    static func listPage(
        project: UUID, name: String, peers: [Row], candidates: [Candidate], figures: PeerFigures, supervisions: [PeerSupervisions.Row],
        training: [UUID: Training], choices: (programmes: [Option], former: AttendancePage.Search?), state: FormState,
        context: PageContext,
        status: HTTPResponseStatus
    ) -> Page {
        let t = context.t
        let failedApproval = state.values["peer"]
        let failedSupervision = state.values["form"] == "supervision"
        var page = Page(
            context, title: t("peer.list.title", name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (name, SiteURL.project(.value(project)).relativeURL())], status: status
        ) {
            h("p", ["class": "lead"]) { t("peer.list.intro") }
            if peers.isEmpty { h("p") { t("peer.list.none") } }
            for p in peers {
                h("article", ["class": "card", "id": "peer-\(p.id)", "aria-labelledby": "peer-h-\(p.id)"]) {
                    h("h2", ["id": "peer-h-\(p.id)"]) { p.name }
                    h("p") { t("peer.kind." + p.kind) + " · " + [p.interests, p.languages, p.area, p.days].filter { !$0.isEmpty }.joined(separator: " · ") }
                    for line in trainingLines(training[p.id], context: context) { line }
                    if let approved = p.approved_on {
                        h("p", ["class": "meta"]) {
                            t("peer.approved_on", t.date(approved), t.date(p.trained_on)) + (p.ends_on.map { " " + t("peer.ends_on", t.date($0)) } ?? "")
                                + " " + t("peer.matches", p.matches)
                        }
                    } else {
                        let f = Fields(t: t, state: failedApproval == p.id.text ? state : FormState(), prefix: "approve-\(p.id)-")
                        h("p", ["class": "notice"]) { t("peer.not_approved") }
                        h("form", ["method": "post", "action": SiteURL.projectPeerApprove(.value(project), .value(p.id)).relativeURL()]) {
                            csrfField(context)
                            f.date("trained_on", t("peer.field.trained_on"), required: true)
                            submit(t("peer.approve", p.name))
                        }
                    }
                }
            }
            figures.node(t)
            PeerSupervisions.section(project: project, rows: supervisions, peers: peers, state: failedSupervision ? state : FormState(), context: context)
            h("section", ["aria-labelledby": "peer-new"]) {
                h("h2", ["id": "peer-new"]) { t("peer.new") }
                if candidates.isEmpty { h("p") { t("peer.candidates.none") } }
                if !candidates.isEmpty {
                    let f = Fields(t: t, state: failedApproval == nil && !failedSupervision ? state : FormState(), prefix: "new-")
                    h("form", ["method": "post", "action": SiteURL.projectPeers(.value(project)).relativeURL(fragment: "peer-new")]) {
                        csrfField(context)
                        defaultSubmit(t("peer.add"))
                        f.summary()
                        f.select("user_id", t("peer.field.user"), options: candidates.map { ($0.id.text, $0.name) }, required: true)
                        f.select("kind", t("peer.field.kind"), options: Kind.allCases.map { ($0.rawValue, t("peer.kind." + $0.rawValue)) }, required: true)
                        f.text("interests", t("peer.field.interests"), hint: t("peer.field.words_hint"))
                        f.text("languages", t("peer.field.languages"), hint: t("peer.field.languages_hint"))
                        f.text("area", t("peer.field.area"))
                        f.text("days", t("peer.field.days"), hint: t("peer.field.days_hint"))
                        f.date("ends_on", t("peer.field.ends_on"))
                        f.select(
                            "training_activity_id", t("peer.field.programme"), options: choices.programmes.map { ($0.id.text, $0.name) },
                            blank: t("peer.field.none"), hint: t("peer.field.programme_hint"))
                        PersonFinder(
                            prefix: "new-", legend: t("peer.field.former"), hint: t("peer.field.former_hint"), noOne: t("peer.field.none"),
                            search: choices.former, state: f.state
                        ).fieldset(t)
                        submit(t("peer.add"))
                    }
                }
            }
        }
        // Enter in the search for a former participant searches (the form's first button saves).
        page.scripts = [.script]
        return page
    }
}
