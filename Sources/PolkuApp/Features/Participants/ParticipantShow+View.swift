import Foundation
import PolkuCore
import Vapor

extension ParticipantShow {
    struct TimelineEntry {
        let date: String
        let order: Date
        let text: String
        let project: String?
    }

    /// The page for `m`; a failed form on it comes back in `form` with what was typed.
    static func page(_ m: Model, context: PageContext, form: FormState = FormState(), status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let d = m.data, scope = m.scope
        let p = d.person
        let pid = p.id
        let projectNames = Dictionary(d.enrolments.map { ($0.project_id, $0.project_name) }, uniquingKeysWith: { a, _ in a })
        // Each form on the page shows a failed submission only if it was the one sent (`_form`).
        func fields(_ name: String) -> Fields { Fields(t: t, state: form["_form"] == name ? form : FormState(), prefix: name + "-") }
        let age = CalendarDate(parsing: p.birth_date).map { $0.age(on: context.today) }
        let writable = m.writableProjects
        let writableEnrolments = d.enrolments.filter { writable.contains($0.project_id) }
        let enrollable = m.enrollable
        let enrollableIDs = Set(enrollable.map(\.id))
        let enrollableNames = Dictionary(enrollable.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Page(context, title: "\(p.first_name) \(p.last_name)", breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL())], status: status) {
            Fields(t: t, state: form, prefix: form["_form"].isEmpty ? "" : form["_form"] + "-").summary()
            summary(m, context: context)
            h("section", ["aria-labelledby": "person-h"]) {
                h("h2", ["id": "person-h"]) { t("participant.section.person") }
                h("dl", ["class": "facts"]) {
                    ProjectShow.fact(t("participant.birth_date"), t.date(p.birth_date) + (age.map { " (\(t("participant.age", $0)))" } ?? ""))
                    ProjectShow.fact(t("participant.gender"), t("gender." + p.gender))
                    ProjectShow.fact(t("participant.municipality"), p.municipality)
                    ProjectShow.fact(t("participant.language"), t("language." + p.language))
                    ProjectShow.fact(t("participant.email"), p.email ?? "")
                    ProjectShow.fact(t("participant.phone"), p.phone ?? "")
                }
                if !writable.isEmpty {
                    h("p") { h("a", ["href": SiteURL.participantEdit(.value(pid)).relativeURL()]) { t("participant.edit") } }
                    h("p") {
                        h("a", ["href": SiteURL.participantExport(.value(pid)).relativeURL(), "download": "", "aria-describedby": "export-hint"]) {
                            t("export.download")
                        }
                    }
                    h("p", ["class": "hint", "id": "export-hint"]) { t("export.download.hint") }
                    h("p") { h("a", ["href": SiteURL.participantPeers(.value(pid)).relativeURL()]) { t("peer.suggest.link") } }
                }
                if !writable.isEmpty {
                    if m.hasAccount {
                        h("p", ["class": "hint"]) { t("own.has_account") }
                    } else {
                        h("form", ["method": "post", "action": SiteURL.participantInvite(.value(pid)).relativeURL()]) {
                            csrfField(context)
                            h("button", ["type": "submit", "class": "secondary"]) { t("own.invite.button") }
                        }
                    }
                }
            }
            h("section", ["aria-labelledby": "enrol-h"]) {
                h("h2", ["id": "enrol-h"]) { t("participant.section.enrolments") }
                for e in d.enrolments {
                    let plan = PhasePlan(lines: e.phases) ?? PhasePlan(phases: PhasePlan.defaultPhases)
                    h("article", ["class": "card"]) {
                        h("h3") { e.project_name }
                        h("p") {
                            t("enrolment.summary", PhaseNames.label(e.phase, t), t.date(e.start_date))
                            if let site = e.site_name { " · \(site)" }
                        }
                        h("ol", ["class": "phases", "aria-label": t("enrolment.phases")]) {
                            for phase in plan.phases {
                                h("li", ["aria-current": phase == e.phase ? "step" : nil]) { PhaseNames.label(phase, t) }
                            }
                        }
                        if writable.contains(e.project_id) {
                            let missing = d.participations[e.id]?.entry?.missingFields.count ?? 0
                            h("p") {
                                h("a", ["href": SiteURL.enrolmentESF(.value(pid), .value(e.id)).relativeURL()]) {
                                    missing > 0 ? t("esf.link.missing", missing) : t("esf.link")
                                }
                            }
                        }
                        if writable.contains(e.project_id) && e.phase != plan.exit {
                            h("form", ["method": "post", "action": SiteURL.enrolmentPhase(.value(pid), .value(e.id)).relativeURL(), "class": "inline"]) {
                                csrfField(context)
                                formMarker("phase-\(e.id)")
                                fields("phase-\(e.id)").select(
                                    "to_phase", t("enrolment.move_to"),
                                    options: plan.phases.filter { $0 != e.phase }.map { ($0, PhaseNames.label($0, t)) }, required: true)
                                fields("phase-\(e.id)").date("phase_date", t("enrolment.phase_date"), required: true)
                                submit(t("enrolment.move"))
                            }
                        }
                    }
                }
                if !enrollable.isEmpty {
                    h("details") {
                        h("summary") { t("enrolment.add") }
                        h("form", ["method": "post", "action": SiteURL.participantEnrolments(.value(pid)).relativeURL()]) {
                            csrfField(context)
                            formMarker("enrol")
                            let f = fields("enrol")
                            f.select("project_id", t("enrolment.project"), options: enrollable.map { ($0.id.text, $0.name) }, required: true, blank: "")
                            f.select(
                                "site_id", t("enrolment.site"),
                                options: d.sites.filter { enrollableIDs.contains($0.project_id) }.map { ($0.id.text, "\(enrollableNames[$0.project_id] ?? ""): \($0.name)") },
                                blank: t("enrolment.site.none"))
                            f.date("start_date", t("enrolment.start"), required: true)
                            submit(t("enrolment.add.submit"))
                        }
                    }
                }
            }
            h("section", ["aria-labelledby": "consent-h"]) {
                h("h2", ["id": "consent-h"]) { t("participant.section.consents") }
                if d.consents.isEmpty {
                    h("p") { t("consent.none") }
                } else {
                    h("ul") {
                        for c in d.consents {
                            h("li") {
                                t(c.given ? "consent.given_on" : "consent.withdrawn_on", t("consent.purpose." + c.purpose), t.date(c.date))
                                    + (c.by_self ? " – " + t("consent.by_participant") : "")
                            }
                        }
                    }
                }
                if !writable.isEmpty {
                    h("form", ["method": "post", "action": SiteURL.participantConsents(.value(pid)).relativeURL(), "class": "inline"]) {
                        csrfField(context)
                        formMarker("consent")
                        let f = fields("consent")
                        f.select("purpose", t("consent.purpose"), options: Consent.Purpose.allCases.map { ($0.rawValue, t("consent.purpose." + $0.rawValue)) }, required: true)
                        f.select("given", t("consent.state"), options: [("yes", t("consent.given")), ("no", t("consent.withdrawn"))], required: true)
                        f.date("consent_date", t("consent.date"), required: true)
                        submit(t("consent.record"))
                    }
                }
            }
            if !m.referrals.isEmpty || !writable.isEmpty {
                h("section", ["aria-labelledby": "referrals-h"]) {
                    h("h2", ["id": "referrals-h"]) { t("participant.section.referrals") }
                    if !m.referrals.isEmpty {
                        h("ul") {
                            for r in m.referrals {
                                h("li") {
                                    h("a", ["href": SiteURL.referral(.value(r.id)).relativeURL()]) { r.service + " – " + r.provider }
                                    " · " + t("referral.state." + r.state) + " · " + t.date(r.consent_on)
                                }
                            }
                        }
                    }
                    if !m.suggestions.isEmpty {
                        h("h3") { t("suggestions.title") }
                        h("ul") {
                            for s in m.suggestions {
                                h("li") {
                                    h("a", ["href": SiteURL.participantReferralNew(.value(pid)).relativeURL([("service", "\(s.id)")])]) { s.name + " – " + s.provider }
                                    h("span", ["class": "hint"]) { " " + t("suggestions.why") + " " + s.reasons.map { Suggestions.explain($0, t) }.joined(separator: "; ") }
                                }
                            }
                        }
                    }
                    if !writable.isEmpty { h("p") { h("a", ["class": "button", "href": SiteURL.participantReferralNew(.value(pid)).relativeURL()]) { t("referral.new.link") } } }
                }
            }
            if !m.measures.isEmpty || !m.measureChoices.isEmpty {
                h("section", ["aria-labelledby": "measures-h"]) {
                    h("h2", ["id": "measures-h"]) { t("participant.section.measures") }
                    if !m.measures.isEmpty {
                        h("ul") {
                            for key in Array(Set(m.measures.map(\.key))).sorted() {
                                let rows = m.measures.filter { $0.key == key }
                                h("li") {
                                    h("a", ["href": SiteURL.participantMeasure(.value(pid), .value(key)).relativeURL()]) { rows[0].name }
                                    " – " + t("measure.summary", rows.map(\.n).reduce(0, +), t.date(rows.map(\.last).max()))
                                }
                            }
                        }
                    }
                    if !m.measureChoices.isEmpty {
                        h("form", ["method": "get", "action": SiteURL.participantAssessmentNew(.value(pid)).relativeURL(), "class": "inline"]) {
                            h("div", ["class": "field"]) {
                                h("label", ["for": "f-pick"]) { t("measure.start") }
                                h("select", ["id": "f-pick", "name": "pick"]) {
                                    for c in m.measureChoices { h("option", ["value": "\(c.project):\(c.key)"]) { c.label } }
                                }
                            }
                            submit(t("measure.start.submit"))
                        }
                    }
                }
            }
            if !m.activities.isEmpty {
                h("section", ["aria-labelledby": "activities-h"]) {
                    h("h2", ["id": "activities-h"]) { t("participant.section.activities") }
                    dataTable {
                        h("thead") {
                            h("tr") {
                                h("th", ["scope": "col"]) { t("activity.name") }
                                h("th", ["scope": "col"]) { t("activity.kind") }
                                h("th", ["scope": "col"]) { t("activity.member.joined") }
                                h("th", ["scope": "col", "class": "num"]) { t("activity.member.came") }
                                h("th", ["scope": "col", "class": "num"]) { t("activity.member.rate") }
                            }
                        }
                        h("tbody") {
                            for a in m.activities {
                                h("tr") {
                                    h("th", ["scope": "row"]) { h("a", ["href": SiteURL.activity(.value(a.row.activity_id)).relativeURL()]) { a.row.name } }
                                    h("td") { t("activity.kind." + a.row.kind) + (projectNames.count > 1 ? " · " + (projectNames[a.row.project_id] ?? "") : "") }
                                    h("td") { a.row.joined_on.map { t.date($0) + (a.row.left_on.map { "–" + t.date($0) } ?? "") } ?? "–" }
                                    h("td", ["class": "num"]) { a.heldWhileMember.map { t("activity.member.came_of", a.attended, $0) } ?? String(a.attended) }
                                    h("td", ["class": "num"]) { a.rate.map(ActivityPage.percent) ?? "–" }
                                }
                            }
                        }
                    }
                }
            }
            h("section", ["aria-labelledby": "goals-h"]) {
                h("h2", ["id": "goals-h"]) { t("participant.section.goals") }
                if d.goals.isEmpty { h("p") { t("goal.none") } }
                let said = Dictionary(grouping: d.goalComments.filter(\.by_self), by: \.goal_id)
                h("ul", ["class": "goals"]) {
                    for g in d.goals {
                        h("li") {
                            h("span", ["class": "goal-text"]) { g.text }
                            " — \(t("goal.status." + g.status))"
                            if let target = g.target_date { " · \(t("goal.target", t.date(target)))" }
                            for c in said[g.id] ?? [] {
                                h("p", ["class": "meta"]) { t("goal.participant." + c.kind, t.dateTime(c.created_at), c.text) }
                            }
                            if writable.contains(g.project_id) {
                                h("form", ["method": "post", "action": SiteURL.participantGoal(.value(pid), .value(g.id)).relativeURL(), "class": "inline-button"]) {
                                    csrfField(context)
                                    h("label", ["for": "goal-\(g.id)", "class": "visually-hidden"]) { t("goal.status.change", g.text) }
                                    h("select", ["id": "goal-\(g.id)", "name": "status"]) {
                                        for s in Goal.Status.allCases {
                                            h("option", ["value": s.rawValue, "selected": s.rawValue == g.status ? "" : nil]) { t("goal.status." + s.rawValue) }
                                        }
                                    }
                                    h("button", ["type": "submit", "class": "secondary"]) { t("form.save") }
                                }
                            }
                        }
                    }
                }
                if !writableEnrolments.isEmpty {
                    h("form", ["method": "post", "action": SiteURL.participantGoals(.value(pid)).relativeURL()]) {
                        csrfField(context)
                        formMarker("goal")
                        let f = fields("goal")
                        projectChoice(f, t, writableEnrolments)
                        f.textarea("goal_text", t("goal.text"), required: true, rows: 2)
                        f.date("target_date", t("goal.target_date"))
                        submit(t("goal.add"))
                    }
                }
            }
            if !d.portfolio.isEmpty { sharedPortfolio(d.portfolio, participant: pid, t: t) }
            TeamAround.node(m.team, t: t, own: false)
            if !writableEnrolments.isEmpty {
                h("p") { h("a", ["href": SiteURL.participantTeam(.value(pid)).relativeURL()]) { t("team.link") + " (\(d.team.count))" } }
                h("p") { h("a", ["href": SiteURL.participantBefore(.value(pid)).relativeURL()]) { t("before.link") + " (\(d.before.count))" } }
            }
            h("section", ["aria-labelledby": "notes-h"]) {
                h("h2", ["id": "notes-h"]) { t("participant.section.notes") }
                if !writableEnrolments.isEmpty {
                    h("form", ["method": "post", "action": SiteURL.participantNotes(.value(pid)).relativeURL()]) {
                        csrfField(context)
                        formMarker("note")
                        let f = fields("note")
                        projectChoice(f, t, writableEnrolments)
                        let canHealth = writableEnrolments.contains { scope.writes(.health, in: $0.project_id) }
                        f.select(
                            "sensitivity", t("note.sensitivity"),
                            options: Sensitivity.allCases
                                .filter { $0 == .normal || canHealth }.map { ($0.rawValue, t("note.sensitivity." + $0.rawValue)) }, required: true)
                        f.textarea("body", t("note.body"), required: true, rows: 4)
                        submit(t("note.add"))
                    }
                }
                if d.notes.isEmpty { h("p") { t("note.none") } }
                for n in d.notes {
                    h("article", ["class": n.sensitivity == "health" ? "note health" : "note"]) {
                        h("p", ["class": "meta"]) {
                            t.dateTime(n.created_at) + " · " + (n.author_name ?? "") + " · " + (projectNames[n.project_id] ?? "")
                            if n.sensitivity == "health" { h("strong") { " · " + t("note.sensitivity.health") } }
                        }
                        for line in n.body.split(separator: "\n") { h("p") { String(line) } }
                    }
                }
                Pager(
                    label: t("note.paging"),
                    first: d.notesBefore == nil ? nil : (t("note.newest"), SiteURL.participant(.value(pid)).relativeURL(fragment: "notes-h")),
                    next: d.notesHaveMore
                        ? d.notes.last.map {
                            (t("note.older", d.noteEvents.count), SiteURL.participant(.value(pid)).relativeURL([("notes_before", $0.id.text)], fragment: "notes-h"))
                        } : nil
                ).node
            }
            h("section", ["aria-labelledby": "timeline-h"]) {
                h("h2", ["id": "timeline-h"]) { t("participant.section.timeline") }
                let entries = timeline(d, t: t, projectNames: projectNames)
                h("ol", ["class": "timeline", "reversed": ""]) {
                    for entry in m.timelineAll ? entries : Array(entries.prefix(timelineShown)) {
                        h("li") {
                            h("time", ["datetime": entry.date]) { t.date(entry.date) }
                            " " + entry.text
                            if let project = entry.project { h("span", ["class": "meta"]) { " · " + project } }
                        }
                    }
                }
                if !m.timelineAll && entries.count > timelineShown {
                    h("p") {
                        h("a", ["href": SiteURL.participant(.value(pid)).relativeURL([("all", "1")], fragment: "timeline-h")]) { t("timeline.all", entries.count) }
                    }
                }
            }
        }
    }

    /// A long path shows its newest notes and events; the rest is one link away.
    static let timelineShown = 30

    static func formMarker(_ name: String) -> Node {
        h("input", ["type": "hidden", "name": "_form", "value": name])
    }

    static func projectChoice(_ f: Fields, _ t: Texts, _ enrolments: [ParticipantQueries.EnrolmentRow]) -> Node {
        if enrolments.count == 1 {
            return h("input", ["type": "hidden", "name": "project_id", "value": enrolments[0].project_id.text])
        }
        return f.select("project_id", t("note.project"), options: enrolments.map { ($0.project_id.text, $0.project_name) }, required: true)
    }

    /// The whole path, newest first, built from what the page already read: no extra queries.
    static func timeline(_ d: ParticipantQueries.Show, t: Texts, projectNames: [UUID: String]) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        let enrolmentProject = Dictionary(uniqueKeysWithValues: d.enrolments.map { ($0.id, $0.project_name) })
        for e in d.enrolments {
            entries.append(.init(date: e.start_date, order: .distantPast, text: t("timeline.enrolled"), project: e.project_name))
        }
        for c in d.phaseChanges where c.from_phase != nil {
            entries.append(
                .init(
                    date: c.date, order: c.created_at ?? .distantPast,
                    text: t("timeline.phase", PhaseNames.label(c.to_phase, t)), project: enrolmentProject[c.enrolment_id]))
        }
        for c in d.consents {
            entries.append(
                .init(
                    date: c.date, order: c.created_at ?? .distantPast,
                    text: t(c.given ? "timeline.consent_given" : "timeline.consent_withdrawn", t("consent.purpose." + c.purpose)), project: nil))
        }
        for g in d.goals {
            entries.append(
                .init(
                    date: dateOnly(g.created_at), order: g.created_at ?? .distantPast,
                    text: t("timeline.goal", g.text), project: projectNames[g.project_id]))
        }
        for b in d.before {
            entries.append(
                .init(
                    date: b.from_date, order: .distantPast, text: t("timeline.before", t("before.kind." + b.kind), b.what),
                    project: projectNames[b.project_id]))
        }
        for r in d.team {
            entries.append(.init(date: r.date, order: r.created_at, text: t("timeline.team." + r.kind), project: projectNames[r.project_id]))
        }
        for n in d.noteEvents {
            entries.append(
                .init(
                    date: dateOnly(n.created_at), order: n.created_at ?? .distantPast,
                    text: t(n.sensitivity == "health" ? "timeline.health_note" : "timeline.note"), project: projectNames[n.project_id]))
        }
        return entries.sorted { ($0.date, $0.order) > ($1.date, $1.order) }
    }

    /// The Finnish day of a moment; a row without one sorts first and shows no day.
    static func dateOnly(_ date: Date?) -> String {
        date.map { CalendarDate.inFinland($0).iso } ?? ""
    }

    /// What the participant shares from their portfolio (issue 15); nothing else of it is shown.
    static func sharedPortfolio(_ entries: [Portfolio.Entry], participant pid: UUID, t: Texts) -> Node {
        h("section", ["aria-labelledby": "portfolio-h"]) {
            h("h2", ["id": "portfolio-h"]) { t("participant.section.portfolio") }
            h("p", ["class": "hint"]) { t("participant.portfolio.hint") }
            for e in entries {
                h("article", ["class": "card", "aria-labelledby": "portfolio-\(e.id)"]) {
                    h("h3", ["id": "portfolio-\(e.id)"]) { e.title }
                    Portfolio.content(e, t: t, fileURL: SiteURL.participantPortfolioFile(.value(pid), .value(e.id)).relativeURL())
                }
            }
        }
    }
}
