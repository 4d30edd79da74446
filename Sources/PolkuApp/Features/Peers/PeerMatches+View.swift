import PolkuCore
import Vapor

extension PeerMatches {
    static func reasonText(_ reasons: [PeerMatching.Reason], t: Texts) -> String {
        reasons.map { r in
            switch r {
            case .language(let l): t("peer.reason.language", l.joined(separator: ", "))
            case .interests(let i): t("peer.reason.interests", i.joined(separator: ", "))
            case .area(let a): t("peer.reason.area", a)
            case .days(let d): t("peer.reason.days", d.joined(separator: ", "))
            }
        }.joined(separator: "; ")
    }

    static func suggestionsPage(
        participant: UUID, name: String, state: FormState, suggestions: [(Peers.Row, [PeerMatching.Reason])], existing: [Match], context: PageContext
    ) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(
            context, title: t("peer.suggest.title", name),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), (name, SiteURL.participant(.value(participant)).relativeURL())]
        ) {
            if !existing.isEmpty {
                h("section", ["aria-labelledby": "peer-existing"]) {
                    h("h2", ["id": "peer-existing"]) { t("peer.suggest.existing") }
                    h("ul") { for m in existing { h("li") { m.peer_name + " (" + t("peer.kind." + m.peer_kind) + "): " + t("peer.state." + m.state) } } }
                }
            }
            h("form", ["method": "get", "action": SiteURL.participantPeers(.value(participant)).relativeURL()]) {
                f.text("interests", t("peer.field.interests"), hint: t("peer.field.words_hint"))
                f.text("languages", t("peer.field.languages"), hint: t("peer.field.languages_hint"))
                f.text("area", t("peer.field.area"))
                f.text("days", t("peer.field.days"), hint: t("peer.field.days_hint"))
                submit(t("peer.suggest.search"))
            }
            h("section", ["aria-labelledby": "peer-suggestions"]) {
                h("h2", ["id": "peer-suggestions"]) { t("peer.suggest.list") }
                if suggestions.isEmpty { h("p") { t("peer.suggest.none") } }
                for (peer, reasons) in suggestions {
                    let why = reasonText(reasons, t: t)
                    h("article", ["class": "card", "aria-labelledby": "s-\(peer.id)"]) {
                        h("h3", ["id": "s-\(peer.id)"]) { peer.name + " – " + t("peer.kind." + peer.kind) }
                        h("p") {
                            h("strong") { t("peer.suggest.why") + " " }; why
                        }
                        h("form", ["method": "post", "action": SiteURL.participantPeers(.value(participant)).relativeURL()]) {
                            csrfField(context)
                            h("input", ["type": "hidden", "name": "peer_id", "value": peer.id.text])
                            h("input", ["type": "hidden", "name": "reasons", "value": why])
                            submit(t("peer.suggest.propose", peer.name))
                        }
                    }
                }
            }
        }
    }

    /// The participant's own space: a proposed peer to say yes or no to, and their peers.
    static func section(_ matches: [Match], context: PageContext) -> Node {
        let t = context.t
        let shown = matches.filter { ["proposed", "consented", "active"].contains($0.state) }
        guard !shown.isEmpty else { return .empty }
        return h("section", ["aria-labelledby": "my-peers"]) {
            h("h2", ["id": "my-peers"]) { t("peer.me.title") }
            for m in shown {
                h("article", ["class": "card"]) {
                    h("p") { t("peer.me." + m.state, m.peer_name, t("peer.kind." + m.peer_kind)) }
                    h("p") { t("peer.me.why") + " " + m.reasons }
                    if m.state == "proposed" {
                        h("div", ["class": "actions"]) {
                            for answer in ["yes", "no"] {
                                h("form", ["method": "post", "action": SiteURL.myPeerMatch(.value(m.id)).relativeURL(), "class": "inline"]) {
                                    csrfField(context)
                                    h("input", ["type": "hidden", "name": "answer", "value": answer])
                                    h("button", ["type": "submit", "class": answer == "yes" ? nil : "secondary"]) {
                                        t(answer == "yes" ? "peer.me.answer_yes" : "peer.me.answer_no")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The peer's page of a match.
    static func peerPage(
        _ m: Match, language: String, area: String, meetings: [(String, String)], state: FormState, context: PageContext, status: HTTPResponseStatus
    ) -> Page {
        let t = context.t
        let f = Fields(t: t, state: state)
        return Page(context, title: t("peer.match.title", m.first_name), breadcrumbs: [(t("today.title"), SiteURL.today.relativeURL())], status: status) {
            h("p", ["class": "lead"]) { t("peer.match.shared") }
            h("dl") {
                h("dt") { t("peer.match.language") }; h("dd") { language }
                h("dt") { t("peer.match.area") }; h("dd") { area }
                h("dt") { t("peer.suggest.why") }; h("dd") { m.reasons }
                h("dt") { t("peer.match.state") }; h("dd") { t("peer.state." + m.state) + (m.started_on.map { " " + t.date($0) } ?? "") }
                if let ended = m.ended_on {
                    h("dt") { t("peer.match.ended") }; h("dd") { t.date(ended) + (m.outcome.map { ": " + t("peer.outcome." + $0) } ?? "") }
                }
            }
            if m.state == "consented" {
                h("form", ["method": "post", "action": SiteURL.peerMatchAccept(.value(m.id)).relativeURL()]) {
                    csrfField(context)
                    submit(t("peer.match.accept", m.first_name))
                }
            }
            if m.state == "active" {
                h("section", ["aria-labelledby": "peer-meetings"]) {
                    h("h2", ["id": "peer-meetings"]) { t("peer.meetings") }
                    if meetings.isEmpty { h("p") { t("peer.meetings.none") } }
                    h("ul") {
                        for (date, note) in meetings {
                            h("li") {
                                h("strong") { t.date(date) + ": " }; note
                            }
                        }
                    }
                    h("form", ["method": "post", "action": SiteURL.peerMatchMeetings(.value(m.id)).relativeURL()]) {
                        csrfField(context)
                        f.summary()
                        f.date("date", t("peer.field.meeting_date"), required: true)
                        f.textarea("note", t("peer.field.note"), required: true, hint: t("peer.field.note_hint"), rows: 3)
                        submit(t("peer.add_meeting"))
                    }
                }
            }
            if ["consented", "active"].contains(m.state) {
                h("section", ["aria-labelledby": "peer-end"]) {
                    h("h2", ["id": "peer-end"]) { t("peer.end.title") }
                    h("form", ["method": "post", "action": SiteURL.peerMatchEnd(.value(m.id)).relativeURL()]) {
                        csrfField(context)
                        f.select(
                            "outcome", t("peer.field.outcome"), options: PeerMatches.Outcome.allCases.map { ($0.rawValue, t("peer.outcome." + $0.rawValue)) },
                            required: true)
                        submit(t("peer.end.submit", m.first_name))
                    }
                }
            }
        }
    }

    /// A peer's "Tänään": the people matched to them, first names only.
    static func todaySection(_ matches: [Match], _ t: Texts) -> Node {
        h("section", ["aria-labelledby": "today-peers"]) {
            h("h2", ["id": "today-peers"]) { t("peer.today") }
            h("ul") {
                for m in matches {
                    h("li") {
                        h("a", ["href": SiteURL.peerMatch(.value(m.id)).relativeURL()]) { m.first_name }; " – " + t("peer.state." + m.state)
                    }
                }
            }
        }
    }
}
