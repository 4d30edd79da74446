import Foundation
import PolkuCore
import Vapor

/// "Tänään": a coach's landing page after login (issue 14). What is on today and this week, each
/// item one click from its task: a session to its attendance, a person to their page, a referral
/// to its steps.
enum TodayPage {
    struct Model: Equatable {
        var today: CalendarDate
        var sessions: [TodayQueries.SessionRow]
        var unrecorded: [TodayQueries.SessionRow] = []
        var people: [TodayQueries.PersonRow]
        var referrals: [TodayQueries.ReferralRow]
        var goals: [TodayQueries.GoalRow]
        /// The participants' own words about their plans (issue 15).
        var planWords: [TodayQueries.PlanWordRow] = []
        /// Projects the person manages or works in, with progress and what is due.
        var managed: [TodayQueries.ProjectRow] = []
        /// Projects the person only reads figures of (a viewer): their reports.
        var reports: [(id: UUID, name: String)] = []
        /// Whether the person works with participants (the coach's sections are shown).
        var coaches = true
        /// A peer's matches: to accept, and going on (issue 16).
        var peerMatches: [PeerMatches.Match] = []

        static func == (a: Model, b: Model) -> Bool {
            a.today == b.today && a.sessions == b.sessions && a.unrecorded == b.unrecorded && a.people == b.people && a.referrals == b.referrals
                && a.goals == b.goals && a.managed == b.managed && a.reports.map(\.id) == b.reports.map(\.id) && a.coaches == b.coaches
                && a.planWords == b.planWords && a.peerMatches == b.peerMatches
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let projects = actor.projectsWritingPeople
        let today = req.today
        let since = req.now.addingTimeInterval(-30 * 86_400)
        var model = try await req.reading { db in
            let sql = db.sql
            return Model(
                today: today,
                sessions: try await TodayQueries.sessions(projects: projects, from: today, on: sql),
                unrecorded: try await TodayQueries.unrecorded(projects: projects, before: today, on: sql),
                people: try await TodayQueries.recentPeople(actor: actor.userID, projects: actor.projectsSeeingPeople, since: since, on: sql),
                referrals: try await TodayQueries.openReferrals(actor: actor.userID, projects: projects, on: sql),
                goals: try await TodayQueries.goalsDue(projects: projects, today: today, on: sql),
                planWords: try await TodayQueries.planWords(projects: projects, since: req.now.addingTimeInterval(-14 * 86_400), on: sql))
        }
        model.coaches = !projects.isEmpty
        // The projects one works in, with follow-ups and records due: a manager's and a coach's alike.
        let managed = Set(actor.projectsManaged + projects)
        model.managed = try await req.reading { db in try await TodayQueries.managed(projects: Array(managed), managing: actor.projectsManaged, today: today, on: db.sql) }
        model.peerMatches = try await PeerMatches.matches(
            "p.user_id = \(bind: actor.userID) AND m.state IN ('consented', 'active')", on: req.db.sql)
        model.reports = actor.named(actor.rolesByProject.keys.filter { !managed.contains($0) && !projects.contains($0) })
        let shown = Array(Set(model.people.map(\.id) + model.goals.map(\.participant_id) + model.planWords.map(\.participant_id)))
        if !shown.isEmpty {
            try await req.audit.record(.participantList, participants: shown, project: nil, detail: "today")
        }
        return page(model, context: req.pageContext).response()
    }

    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("today.title")) {
            h("p", ["class": "lead"]) { t("today.date", t.date(m.today.iso)) }
            // A coach's day first; the projects' figures after it (or alone, for a manager).
            if !m.peerMatches.isEmpty { PeerMatches.todaySection(m.peerMatches, t) }
            if m.coaches { coachSections(m, t) }
            if !m.managed.isEmpty { managedSection(m.managed, t) }
            if !m.reports.isEmpty { reportsSection(m.reports, t) }
        }
    }

    /// A coach's part: this week's sessions, attendance owed, people, referrals, goals.
    @NodeBuilder static func coachSections(_ m: Model, _ t: Texts) -> [Node] {
        h("section", ["aria-labelledby": "today-sessions"]) {
            h("h2", ["id": "today-sessions"]) { t("today.sessions") }
            if m.sessions.isEmpty { h("p") { t("today.no_sessions") } }
            let days = Dictionary(grouping: m.sessions, by: \.date).sorted { $0.key < $1.key }
            for (day, sessions) in days {
                h("h3") { day == m.today.iso ? t("today.today", t.date(day)) : t.date(day) }
                h("ul", ["class": "plain"]) {
                    for s in sessions { session(s, today: m.today, t) }
                }
            }
        }
        if !m.unrecorded.isEmpty {
            h("section", ["aria-labelledby": "today-unrecorded"]) {
                h("h2", ["id": "today-unrecorded"]) { t("today.unrecorded") }
                h("ul", ["class": "plain"]) {
                    for s in m.unrecorded {
                        h("li") {
                            h("a", ["href": SiteURL.session(.value(s.activity_id), .value(s.session_id)).relativeURL()]) {
                                t("today.unrecorded.session", t.date(s.date), s.start_time, s.end_time, s.name)
                            }
                        }
                    }
                }
            }
        }
        h("section", ["aria-labelledby": "today-people"]) {
            h("h2", ["id": "today-people"]) { t("today.people") }
            if m.people.isEmpty { h("p") { t("today.no_people") } }
            h("ul", ["class": "plain"]) {
                for p in m.people {
                    h("li") {
                        h("a", ["href": SiteURL.participant(.value(p.id)).relativeURL()]) { "\(p.last_name), \(p.first_name)" }
                        " (\(t.date(p.birth_date)))"
                    }
                }
            }
        }
        h("section", ["aria-labelledby": "today-referrals"]) {
            h("h2", ["id": "today-referrals"]) { t("today.referrals") }
            if m.referrals.isEmpty { h("p") { t("today.no_referrals") } }
            h("ul", ["class": "plain"]) {
                for r in m.referrals {
                    h("li") {
                        h("a", ["href": SiteURL.referral(.value(r.id)).relativeURL()]) { "\(r.last_name), \(r.first_name) → \(r.service)" }
                        " – \(t("referral.state." + r.state))"
                    }
                }
            }
        }
        if !m.planWords.isEmpty { planSection(m.planWords, t) }
        h("section", ["aria-labelledby": "today-goals"]) {
            h("h2", ["id": "today-goals"]) { t("today.goals") }
            if m.goals.isEmpty { h("p") { t("today.no_goals") } }
            h("ul", ["class": "plain"]) {
                for g in m.goals {
                    h("li") {
                        h("a", ["href": SiteURL.participant(.value(g.participant_id)).relativeURL(fragment: "goals-h")]) { "\(g.last_name), \(g.first_name)" }
                        ": \(g.text) (\(t("today.goal_date", t.date(g.target_date))))"
                    }
                }
            }
        }
    }

    /// A session today opens its attendance; one still to come opens its activity (attendance is
    /// recorded afterwards; there it can be moved or cancelled).
    private static func session(_ s: TodayQueries.SessionRow, today: CalendarDate, _ t: Texts) -> Node {
        h("li") {
            if s.date <= today.iso {
                h("a", ["href": SiteURL.session(.value(s.activity_id), .value(s.session_id)).relativeURL()]) {
                    t("today.session", s.start_time, s.end_time, s.name)
                }
            } else {
                h("a", ["href": SiteURL.activity(.value(s.activity_id)).relativeURL(fragment: "upcoming")]) {
                    t("today.session.coming", s.start_time, s.end_time, s.name)
                }
            }
            if s.cancelled { " – \(t("today.cancelled"))" }
        }
    }
}
