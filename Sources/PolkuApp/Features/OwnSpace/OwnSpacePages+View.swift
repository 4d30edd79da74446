import Vapor

extension OwnSpacePages {
    /// An invitation that is unknown, used or expired: one plain sentence, 404.
    static func invalidInvitation(context: PageContext) -> Page {
        Page(context, title: context.t("own.invite.title"), status: .notFound) { h("p") { context.t("own.invite.invalid") } }
    }

    static func acceptPage(_ m: Accept, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        return Page(context, title: t("own.accept.title"), status: status) {
            h("p", ["class": "lead"]) { t("own.accept.intro", m.firstName) }
            h("form", ["method": "post", "action": m.action]) {
                csrfField(context)
                f.summary()
                f.text("email", t("login.email"), type: "email", required: true, autocomplete: "username")
                f.text("password", t("own.accept.password"), type: "password", required: true, hint: t("own.accept.password.hint"), autocomplete: "new-password")
                f.text("again", t("own.accept.again"), type: "password", required: true, autocomplete: "new-password")
                submit(t("own.accept.submit"))
            }
        }
    }

    static func mePage(_ m: Me, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("me.title")) {
            h("p", ["class": "lead"]) { t("me.hello", m.firstName) }
            h("section", ["aria-labelledby": "my-sessions"]) {
                h("h2", ["id": "my-sessions"]) { t("me.sessions") }
                if m.sessions.isEmpty { h("p") { t("me.sessions.none") } }
                h("ul") {
                    for s in m.sessions {
                        h("li") {
                            t("me.session", t.date(s.date), s.start_time, s.name) + (s.site_name.map { ", " + $0 } ?? "")
                            if s.cancelled { h("strong") { " " + t("me.session.cancelled") } }
                        }
                    }
                }
                if !m.sessions.isEmpty {
                    h("p") { h("a", ["href": SiteURL.mySessionsICS.relativeURL(), "download": ""]) { t("me.sessions.ics") } }
                }
            }
            h("section", ["aria-labelledby": "my-results"]) {
                h("h2", ["id": "my-results"]) { t("me.results") }
                if m.results.isEmpty { h("p") { t("me.results.none") } }
                h("ul") {
                    for r in m.results {
                        h("li") {
                            h("a", ["href": SiteURL.myMeasure(.value(r.key)).relativeURL()]) { r.name }; " – " + t("measure.summary", r.n, t.date(r.last))
                        }
                    }
                }
            }
            h("section", ["aria-labelledby": "my-activities"]) {
                h("h2", ["id": "my-activities"]) { t("me.activities") }
                if m.activities.isEmpty { h("p") { t("me.activities.none") } }
                h("ul") {
                    for a in m.activities {
                        h("li") { a.row.name + " – " + (a.heldWhileMember.map { t("me.came_of", a.attended, $0) } ?? t("me.came", a.attended)) }
                    }
                }
            }
            if !m.referrals.isEmpty {
                h("section", ["aria-labelledby": "my-services"]) {
                    h("h2", ["id": "my-services"]) { t("me.services") }
                    h("ul") {
                        for r in m.referrals { h("li") { t("me.service", r.service, t.date(ParticipantShow.dateOnly(r.created_at))) + " " + t("me.service.state." + r.state) } }
                    }
                }
            }
            Feedback.section(m.feedback, t: t)
            if !m.surveys.isEmpty {
                h("section", ["aria-labelledby": "my-surveys"]) {
                    h("h2", ["id": "my-surveys"]) { t("survey.me") }
                    h("ul") { for s in m.surveys { h("li") { h("a", ["href": SiteURL.survey(.value(s.slug)).relativeURL()]) { s.title } } } }
                }
            }
            Panels.section(m.panels, t: t)
            TeamAround.node(m.team, t: t, own: true)
            PeerMatches.section(m.peers, context: context)
            h("section", ["aria-labelledby": "my-data"]) {
                h("h2", ["id": "my-data"]) { t("me.data") }
                h("ul") {
                    h("li") { h("a", ["href": SiteURL.myPlan.relativeURL()]) { t("plan.title") } }
                    h("li") { h("a", ["href": SiteURL.myAssessments.relativeURL()]) { t("me.assessments.title") } }
                    h("li") { h("a", ["href": SiteURL.myPortfolio.relativeURL()]) { t("portfolio.title") } }
                    h("li") { h("a", ["href": SiteURL.myConsents.relativeURL()]) { t("myconsent.title") } }
                    h("li") { h("a", ["href": SiteURL.mySeen.relativeURL()]) { t("seen.title") } }
                    h("li") {
                        h("a", ["href": SiteURL.myExport.relativeURL(), "download": ""]) { t("me.export") }
                        h("span", ["class": "hint"]) { " – " + t("me.export.hint") }
                    }
                }
            }
            h("p") { h("a", ["href": SiteURL.directory.relativeURL()]) { t("me.directory") } }
            h("p") { h("a", ["href": SiteURL.myAccountClose.relativeURL()]) { t("close.title") } }
        }
    }
}
