import PolkuCore
import Foundation
import Vapor

/// A path parameter: `.key` when a route is registered, `.value` when a link is built (as Swift
/// Package Index's `SiteURL` does), so the route and every link to it come from one case.
package enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// Every path Polku answers. Routes are registered from these cases and every link, redirect and
/// form action is built from them: a renamed path cannot leave a dead link or an unguarded twin.
package enum SiteURL: Sendable {
    case home, health, metrics, styles, script, cardStyles
    /// A coach's day: the landing page after login for staff who write participants' data.
    case today
    case login, logout, language(Parameter<String>)
    case accountPassword
    /// Personal API tokens (issue 18), and the API's contract and its readable form.
    case accountTokens, accountTokenRevoke(Parameter<UUID>)
    case apiContract, apiDocs

    case organisations, organisationNew
    case organisation(Parameter<UUID>), organisationEdit(Parameter<UUID>)
    case organisationServices(Parameter<UUID>), organisationReferrals(Parameter<UUID>)
    /// The organisation's webhook endpoints and their delivery log (issue 18).
    case organisationWebhooks(Parameter<UUID>), organisationWebhookRemove(Parameter<UUID>, Parameter<UUID>)

    case projects, projectNew
    case project(Parameter<UUID>), projectEdit(Parameter<UUID>)
    case projectReport(Parameter<UUID>), projectReportPeople(Parameter<UUID>)
    case projectReportCSV(Parameter<UUID>), projectReportXLSX(Parameter<UUID>)
    /// The participants' start and exit data in EURA 2021's shape (issue 18), for managers.
    case projectEURACSV(Parameter<UUID>), projectEURAXLSX(Parameter<UUID>)
    case projectFollowUps(Parameter<UUID>), projectActivities(Parameter<UUID>)
    /// Participants' questions about who has handled their data, and a manager's answer to one.
    case projectQuestions(Parameter<UUID>), projectQuestion(Parameter<UUID>, Parameter<UUID>)
    case projectActivityReport(Parameter<UUID>), projectActivityReportCSV(Parameter<UUID>), projectActivityReportXLSX(Parameter<UUID>)
    case projectInstruments(Parameter<UUID>), projectMeasures(Parameter<UUID>), projectImport(Parameter<UUID>)
    /// A participant import's progress and outcome (a background job).
    case projectImportRun(Parameter<UUID>, Parameter<UUID>)
    case projectPart(Parameter<UUID>, ProjectPart), projectPartDelete(Parameter<UUID>, ProjectPart, Parameter<UUID>)

    case activity(Parameter<UUID>), activityMembers(Parameter<UUID>), activityMemberLeave(Parameter<UUID>, Parameter<UUID>)
    case activitySessions(Parameter<UUID>), session(Parameter<UUID>, Parameter<UUID>), sessionEdit(Parameter<UUID>, Parameter<UUID>)
    case calendar, activityFeed(Parameter<String>)

    case directory, directoryCSV, directoryService(Parameter<UUID>)
    /// The directory as an Open Referral HSDS 3.0 package, and its import (issue 18).
    case directoryHSDS, adminDirectoryImportHSDS, adminDirectoryImportPTV
    case serviceEdit(Parameter<UUID>), service(Parameter<UUID>), serviceChecked(Parameter<UUID>)
    case referrals, referral(Parameter<UUID>), referralState(Parameter<UUID>), referralWithdraw(Parameter<UUID>)
    case network

    case participants, participantNew
    case participant(Parameter<UUID>), participantEdit(Parameter<UUID>)
    case participantConsents(Parameter<UUID>), participantEnrolments(Parameter<UUID>)
    case enrolmentPhase(Parameter<UUID>, Parameter<UUID>), enrolmentESF(Parameter<UUID>, Parameter<UUID>)
    case participantGoals(Parameter<UUID>), participantGoal(Parameter<UUID>, Parameter<UUID>), participantNotes(Parameter<UUID>)
    case participantReferralNew(Parameter<UUID>), participantReferrals(Parameter<UUID>)
    case participantAssessmentNew(Parameter<UUID>), participantAssessments(Parameter<UUID>)
    case participantMeasure(Parameter<UUID>, Parameter<String>), participantInvite(Parameter<UUID>), participantExport(Parameter<UUID>)

    case invite(Parameter<String>), me, myMeasure(Parameter<String>), mySeen, mySeenQuestion(Parameter<UUID>), myExport, myConsents,
        myPlan, myGoalDone(Parameter<UUID>), myGoalComment(Parameter<UUID>), myAccountClose, mySessionsICS, myConsent(Parameter<String>)
    case myAssessments, myAssessment(Parameter<String>), myAssessmentComment(Parameter<UUID>)
    case myPortfolio, myPortfolioMove(Parameter<UUID>), myPortfolioShare(Parameter<UUID>),
        myPortfolioDelete(Parameter<UUID>), myPortfolioFile(Parameter<UUID>), myPortfolioExport
    case myFeedback(Parameter<UUID>)
    /// A portfolio entry's file as the coach fetches it (shared entries only).
    case participantPortfolioFile(Parameter<UUID>, Parameter<UUID>)
    case projectFeedback(Parameter<UUID>)
    case projectSurveys(Parameter<UUID>), projectSurvey(Parameter<UUID>, Parameter<UUID>), projectSurveyState(Parameter<UUID>, Parameter<UUID>),
        projectSurveyXLSX(Parameter<UUID>, Parameter<UUID>)
    case projectPanels(Parameter<UUID>), projectPanel(Parameter<UUID>, Parameter<UUID>), projectPanelMembers(Parameter<UUID>, Parameter<UUID>),
        projectPanelMeetings(Parameter<UUID>, Parameter<UUID>), projectPanelProposals(Parameter<UUID>, Parameter<UUID>),
        projectPanelEffect(Parameter<UUID>, Parameter<UUID>, Parameter<UUID>)
    case projectPeers(Parameter<UUID>), projectPeerApprove(Parameter<UUID>, Parameter<UUID>), projectPeerSupervisions(Parameter<UUID>)
    case participantPeers(Parameter<UUID>), myPeerMatch(Parameter<UUID>)
    case peerMatch(Parameter<UUID>), peerMatchAccept(Parameter<UUID>), peerMatchMeetings(Parameter<UUID>), peerMatchEnd(Parameter<UUID>)
    case projectCafes(Parameter<UUID>), projectCafe(Parameter<UUID>, Parameter<UUID>), projectCafeIdeas(Parameter<UUID>, Parameter<UUID>),
        projectCafeAttendees(Parameter<UUID>, Parameter<UUID>)
    case projectCards(Parameter<UUID>), projectCardsPrint(Parameter<UUID>), projectCardImage(Parameter<UUID>, Parameter<UUID>),
        projectCardDelete(Parameter<UUID>, Parameter<UUID>)
    /// A survey's public form (issue 16).
    case survey(Parameter<String>)
    /// Public project pages and their index (issue 17), the public sitemap, and the manager's side.
    case publicProjects, publicProject(Parameter<String>), sitemap
    case projectPublicPage(Parameter<UUID>), projectPublicPagePublish(Parameter<UUID>), projectPublicPageUnpublish(Parameter<UUID>)
    case projectFunding(Parameter<UUID>), projectFundingDelete(Parameter<UUID>, Parameter<UUID>), projectFundingImport(Parameter<UUID>)
    /// A project's sites side by side (issue 17).
    case projectSites(Parameter<UUID>)
    /// Progress against the plan, and a site's planned participants.
    case projectProgress(Parameter<UUID>), projectSitePlan(Parameter<UUID>, Parameter<UUID>)
    /// The team's records about a participant: consultations, situation assessments, observation visits.
    case participantTeam(Parameter<UUID>), participantTeamAnswer(Parameter<UUID>, Parameter<UUID>)
    /// What came before a participant's path, and the project's report of it.
    case participantBefore(Parameter<UUID>), projectBefore(Parameter<UUID>), projectBeforeImport(Parameter<UUID>)
    /// A project's experiments and one experiment's evaluation.
    case projectExperiments(Parameter<UUID>), projectExperiment(Parameter<UUID>, Parameter<UUID>)
    /// A site's own page, its development plan and its partners.
    case projectSite(Parameter<UUID>, Parameter<UUID>), projectSitePlanText(Parameter<UUID>, Parameter<UUID>),
        projectSitePartners(Parameter<UUID>, Parameter<UUID>)

    case adminUsers, adminUserNew, adminUser(Parameter<UUID>)
    case adminUserMemberships(Parameter<UUID>), adminUserMembershipDelete(Parameter<UUID>, Parameter<UUID>), adminUserActive(Parameter<UUID>)
    case adminAudit, adminInstruments, adminDirectoryImport, adminJobs, adminJobRun(Parameter<UUID>), adminErasure

    /// The parts a project manager adds to and removes from a project's page.
    package enum ProjectPart: String, Sendable, CaseIterable { case sites, organisations, outcomes, steering }

    /// One piece of a path: a fixed word, or a named parameter with its value when a link is built.
    enum Segment: Equatable {
        case constant(String)
        case parameter(String, String?)
    }

    var segments: [Segment] {
        func c(_ words: String...) -> [Segment] { words.map { .constant($0) } }
        // Typed, so that a link does not pass through `String(describing:)` and its dynamic casts.
        func p(_ name: String, _ v: Parameter<UUID>) -> Segment {
            if case .value(let value) = v { return .parameter(name, value.text) }
            return .parameter(name, nil)
        }
        func p(_ name: String, _ v: Parameter<String>) -> Segment {
            if case .value(let value) = v { return .parameter(name, value) }
            return .parameter(name, nil)
        }
        switch self {
        case .home: return []
        case .cardStyles: return c("cards.css")
        case .health: return c("health")
        case .metrics: return c("metrics")
        case .styles: return c("styles.css")
        case .script: return c("polku.js")
        case .login: return c("login")
        case .logout: return c("logout")
        case .language(let l): return c("lang") + [p("lang", l)]
        case .accountPassword: return c("account", "password")
        case .accountTokens: return c("account", "tokens")
        case .accountTokenRevoke(let id): return c("account", "tokens") + [p("id", id)] + c("revoke")
        case .apiContract: return c("api", "v1", "openapi.yaml")
        case .apiDocs: return c("api", "v1", "docs")
        case .organisations: return c("organisations")
        case .organisationNew: return c("organisations", "new")
        case .organisation(let o): return c("organisations") + [p("id", o)]
        case .organisationEdit(let o): return c("organisations") + [p("id", o)] + c("edit")
        case .organisationServices(let o): return c("organisations") + [p("id", o)] + c("services")
        case .organisationReferrals(let o): return c("organisations") + [p("id", o)] + c("referrals")
        case .organisationWebhooks(let o): return c("organisations") + [p("id", o)] + c("webhooks")
        case .organisationWebhookRemove(let o, let w): return c("organisations") + [p("id", o)] + c("webhooks") + [p("hook", w)] + c("remove")
        case .projects: return c("projects")
        case .projectNew: return c("projects", "new")
        case .project(let i): return c("projects") + [p("id", i)]
        case .projectEdit(let i): return Self.project(i).segments + c("edit")
        case .projectReport(let i): return Self.project(i).segments + c("report")
        case .projectReportPeople(let i): return Self.project(i).segments + c("report", "people")
        case .projectReportCSV(let i): return Self.project(i).segments + c("report.csv")
        case .projectReportXLSX(let i): return Self.project(i).segments + c("report.xlsx")
        case .projectEURACSV(let i): return Self.project(i).segments + c("eura2021.csv")
        case .projectEURAXLSX(let i): return Self.project(i).segments + c("eura2021.xlsx")
        case .projectFollowUps(let i): return Self.project(i).segments + c("followups")
        case .projectQuestions(let i): return Self.project(i).segments + c("questions")
        case .projectQuestion(let i, let q): return Self.project(i).segments + c("questions") + [p("question", q)]
        case .projectActivities(let i): return Self.project(i).segments + c("activities")
        case .projectActivityReport(let i): return Self.project(i).segments + c("activities", "report")
        case .projectActivityReportCSV(let i): return Self.project(i).segments + c("activities", "report.csv")
        case .projectActivityReportXLSX(let i): return Self.project(i).segments + c("activities", "report.xlsx")
        case .projectInstruments(let i): return Self.project(i).segments + c("instruments")
        case .projectMeasures(let i): return Self.project(i).segments + c("measures")
        case .projectImport(let i): return Self.project(i).segments + c("import")
        case .projectImportRun(let i, let j): return Self.project(i).segments + c("import") + [p("job", j)]
        case .projectPart(let i, let part): return Self.project(i).segments + c(part.rawValue)
        case .projectPartDelete(let i, let part, let x): return Self.project(i).segments + c(part.rawValue) + [p("part", x)] + c("delete")
        case .activity(let a): return c("activities") + [p("id", a)]
        case .activityMembers(let a): return Self.activity(a).segments + c("members")
        case .activityMemberLeave(let a, let m): return Self.activity(a).segments + c("members") + [p("member", m)] + c("leave")
        case .activitySessions(let a): return Self.activity(a).segments + c("sessions")
        case .session(let a, let s): return Self.activity(a).segments + c("sessions") + [p("session", s)]
        case .sessionEdit(let a, let s): return Self.session(a, s).segments + c("edit")
        case .calendar: return c("calendar")
        case .activityFeed(let token): return c("feeds", "activities") + [p("token", token)]
        case .directory: return c("directory")
        case .directoryCSV: return c("directory.csv")
        case .directoryHSDS: return c("directory", "hsds.json")
        case .adminDirectoryImportHSDS: return c("admin", "directory", "import", "hsds")
        case .adminDirectoryImportPTV: return c("admin", "directory", "import", "ptv")
        case .directoryService(let s): return c("directory") + [p("id", s)]
        case .serviceEdit(let s): return c("services") + [p("id", s)] + c("edit")
        case .service(let s): return c("services") + [p("id", s)]
        case .serviceChecked(let s): return c("services") + [p("id", s)] + c("checked")
        case .referrals: return c("referrals")
        case .referral(let r): return c("referrals") + [p("id", r)]
        case .referralState(let r): return c("referrals") + [p("id", r)] + c("state")
        case .referralWithdraw(let r): return c("referrals") + [p("id", r)] + c("withdraw")
        case .network: return c("network")
        case .participants: return c("participants")
        case .participantNew: return c("participants", "new")
        case .participant(let i): return c("participants") + [p("id", i)]
        case .participantEdit(let i): return Self.participant(i).segments + c("edit")
        case .participantConsents(let i): return Self.participant(i).segments + c("consents")
        case .participantEnrolments(let i): return Self.participant(i).segments + c("enrolments")
        case .enrolmentPhase(let i, let e): return Self.participant(i).segments + c("enrolments") + [p("enrolment", e)] + c("phase")
        case .enrolmentESF(let i, let e): return Self.participant(i).segments + c("enrolments") + [p("enrolment", e)] + c("esf")
        case .participantGoals(let i): return Self.participant(i).segments + c("goals")
        case .participantGoal(let i, let g): return Self.participant(i).segments + c("goals") + [p("goal", g)]
        case .participantExport(let i): return Self.participant(i).segments + c("personal-data.zip")
        case .participantNotes(let i): return Self.participant(i).segments + c("notes")
        case .participantReferralNew(let i): return Self.participant(i).segments + c("referrals", "new")
        case .participantReferrals(let i): return Self.participant(i).segments + c("referrals")
        case .participantAssessmentNew(let i): return Self.participant(i).segments + c("assessments", "new")
        case .participantAssessments(let i): return Self.participant(i).segments + c("assessments")
        case .participantMeasure(let i, let k): return Self.participant(i).segments + c("measures") + [p("key", k)]
        case .participantInvite(let i): return Self.participant(i).segments + c("invite")
        case .invite(let token): return c("invite") + [p("token", token)]
        case .me: return c("me")
        case .today: return c("today")
        case .myMeasure(let k): return c("me", "measures") + [p("key", k)]
        case .mySeen: return c("me", "seen")
        case .myExport: return c("me", "export")
        case .myPlan: return c("me", "plan")
        case .myAccountClose: return c("me", "close")
        case .mySessionsICS: return c("me", "sessions.ics")
        case .myGoalDone(let g): return c("me", "plan") + [p("goal", g)] + c("done")
        case .myGoalComment(let g): return c("me", "plan") + [p("goal", g)] + c("comments")
        case .mySeenQuestion(let e): return c("me", "seen") + [p("event", e)] + c("question")
        case .myConsents: return c("me", "consents")
        case .myConsent(let purpose): return c("me", "consents") + [p("purpose", purpose)]
        case .myAssessments: return c("me", "assessments")
        case .myAssessment(let k): return c("me", "assessments") + [p("key", k)]
        case .myAssessmentComment(let a): return c("me", "assessments") + [p("assessment", a)] + c("comment")
        case .myPortfolio: return c("me", "portfolio")
        case .myPortfolioMove(let e): return c("me", "portfolio") + [p("entry", e)] + c("move")
        case .myPortfolioShare(let e): return c("me", "portfolio") + [p("entry", e)] + c("share")
        case .myPortfolioDelete(let e): return c("me", "portfolio") + [p("entry", e)] + c("delete")
        case .myPortfolioFile(let e): return c("me", "portfolio") + [p("entry", e)] + c("file")
        case .myPortfolioExport: return c("me", "portfolio.zip")
        case .myFeedback(let s): return c("me", "feedback") + [p("subject", s)]
        case .participantPortfolioFile(let i, let e): return Self.participant(i).segments + c("portfolio") + [p("entry", e)]
        case .projectFeedback(let i): return Self.project(i).segments + c("feedback")
        case .projectSurveys(let i): return Self.project(i).segments + c("surveys")
        case .projectSurvey(let i, let s): return Self.project(i).segments + c("surveys") + [p("survey", s)]
        case .projectSurveyState(let i, let s): return Self.projectSurvey(i, s).segments + c("state")
        case .projectSurveyXLSX(let i, let s): return Self.projectSurvey(i, s).segments + c("results.xlsx")
        case .survey(let slug): return c("s") + [p("slug", slug)]
        case .projectPeers(let i): return Self.project(i).segments + c("peers")
        case .projectPeerSupervisions(let i): return Self.project(i).segments + c("peers", "supervisions")
        case .projectPeerApprove(let i, let peer): return Self.project(i).segments + c("peers") + [p("peer", peer)] + c("approve")
        case .participantPeers(let i): return Self.participant(i).segments + c("peers")
        case .myPeerMatch(let m): return c("me", "peers") + [p("match", m)]
        case .peerMatch(let m): return c("peer", "matches") + [p("id", m)]
        case .peerMatchAccept(let m): return Self.peerMatch(m).segments + c("accept")
        case .peerMatchMeetings(let m): return Self.peerMatch(m).segments + c("meetings")
        case .peerMatchEnd(let m): return Self.peerMatch(m).segments + c("end")
        case .projectCards(let i): return Self.project(i).segments + c("cards")
        case .projectCardsPrint(let i): return Self.project(i).segments + c("cards", "print")
        case .projectCardImage(let i, let card): return Self.project(i).segments + c("cards") + [p("card", card)] + c("image")
        case .projectCardDelete(let i, let card): return Self.project(i).segments + c("cards") + [p("card", card)] + c("delete")
        case .projectCafes(let i): return Self.project(i).segments + c("cafes")
        case .projectCafe(let i, let cafe): return Self.project(i).segments + c("cafes") + [p("cafe", cafe)]
        case .projectCafeIdeas(let i, let cafe): return Self.projectCafe(i, cafe).segments + c("ideas")
        case .projectCafeAttendees(let i, let cafe): return Self.projectCafe(i, cafe).segments + c("attendees")
        case .projectPanels(let i): return Self.project(i).segments + c("panels")
        case .publicProjects: return c("p")
        case .publicProject(let code): return c("p") + [p("code", code)]
        case .sitemap: return c("sitemap.xml")
        case .projectPublicPage(let i): return Self.project(i).segments + c("public")
        case .projectPublicPagePublish(let i): return Self.project(i).segments + c("public", "publish")
        case .projectPublicPageUnpublish(let i): return Self.project(i).segments + c("public", "unpublish")
        case .projectFunding(let i): return Self.project(i).segments + c("funding")
        case .projectFundingDelete(let i, let l): return Self.project(i).segments + c("funding") + [p("line", l)] + c("delete")
        case .projectFundingImport(let i): return Self.project(i).segments + c("funding", "import")
        case .projectSites(let i): return Self.project(i).segments + c("sites")
        case .projectProgress(let i): return Self.project(i).segments + c("progress")
        case .projectSitePlan(let i, let s): return Self.project(i).segments + c("progress", "sites") + [p("site", s)]
        case .participantTeam(let i): return Self.participant(i).segments + c("team")
        case .participantBefore(let i): return Self.participant(i).segments + c("before")
        case .projectBefore(let i): return Self.project(i).segments + c("before")
        case .projectBeforeImport(let i): return Self.project(i).segments + c("before", "import")
        case .projectExperiments(let i): return Self.project(i).segments + c("experiments")
        case .projectSite(let i, let s): return Self.project(i).segments + c("site") + [p("site", s)]
        case .projectSitePlanText(let i, let s): return Self.project(i).segments + c("site") + [p("site", s)] + c("plan")
        case .projectSitePartners(let i, let s): return Self.project(i).segments + c("site") + [p("site", s)] + c("partners")
        case .projectExperiment(let i, let e): return Self.project(i).segments + c("experiments") + [p("experiment", e)]
        case .participantTeamAnswer(let i, let r): return Self.participant(i).segments + c("team") + [p("record", r)] + c("answer")
        case .projectPanel(let i, let panel): return Self.project(i).segments + c("panels") + [p("panel", panel)]
        case .projectPanelMembers(let i, let panel): return Self.projectPanel(i, panel).segments + c("members")
        case .projectPanelMeetings(let i, let panel): return Self.projectPanel(i, panel).segments + c("meetings")
        case .projectPanelProposals(let i, let panel): return Self.projectPanel(i, panel).segments + c("proposals")
        case .projectPanelEffect(let i, let panel, let proposal):
            return Self.projectPanelProposals(i, panel).segments + [p("proposal", proposal)] + c("effect")
        case .adminUsers: return c("admin", "users")
        case .adminUserNew: return c("admin", "users", "new")
        case .adminUser(let u): return c("admin", "users") + [p("id", u)]
        case .adminUserMemberships(let u): return Self.adminUser(u).segments + c("memberships")
        case .adminUserMembershipDelete(let u, let m): return Self.adminUser(u).segments + c("memberships") + [p("membership", m)] + c("delete")
        case .adminUserActive(let u): return Self.adminUser(u).segments + c("active")
        case .adminAudit: return c("admin", "audit")
        case .adminInstruments: return c("admin", "instruments")
        case .adminDirectoryImport: return c("admin", "directory", "import")
        case .adminJobs: return c("admin", "jobs")
        case .adminErasure: return c("admin", "erasure")
        case .adminJobRun(let j): return c("admin", "jobs") + [p("id", j)] + c("run")
        }
    }

    /// The components a route is registered with (`:id` for each parameter).
    var pathComponents: [PathComponent] {
        segments.map {
            switch $0 {
            case .constant(let word): return .constant(word)
            case .parameter(let name, _): return .parameter(name)
            }
        }
    }

    /// The path of a link, with an optional query (encoded here, never by hand).
    package func relativeURL(_ query: [(String, String)] = []) -> String {
        // Written into one string: a list builds a few links per row (3 % of a list view).
        var path = ""
        path.reserveCapacity(64)
        for segment in segments {
            path += "/"
            switch segment {
            case .constant(let word): path += word
            case .parameter(let name, let value): path += value.map(Self.encode) ?? ":" + name
            }
        }
        if path.isEmpty { path = "/" }
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
    }

    /// A link to a place on the page (`#fragment`), with an optional query.
    func relativeURL(_ query: [(String, String)] = [], fragment: String) -> String { relativeURL(query) + "#" + fragment }

    /// Percent-encodes all but RFC 3986's unreserved characters. Most values (ids, dates, codes) are
    /// unreserved already and are returned as they are: links are built for every row of a list.
    static func encode(_ s: String) -> String {
        func unreserved(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
        }
        if s.utf8.allSatisfy(unreserved) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in s.utf8 {
            if unreserved(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 0xF)]))
            }
        }
        return out
    }
}

extension Request {
    /// A redirect to one of Polku's own pages (303: a form post is followed by a GET).
    func redirect(to url: SiteURL, query: [(String, String)] = []) -> Response {
        redirect(to: url.relativeURL(query), redirectType: .normal)
    }
}
