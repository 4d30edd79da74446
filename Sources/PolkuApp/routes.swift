import PolkuCore
import Vapor

/// Every route, grouped by who may reach it. A route exists only through `GuardedRoutes`, so its
/// audience is declared here and checked before its handler runs; `SiteURL` gives its path.
func routes(_ app: Application) throws {
    let anyone = GuardedRoutes(app, .anyone)
    anyone.get(.health, use: HealthController.health)
    anyone.get(.styles, use: Stylesheet.serve)
    anyone.get(.cardStyles, use: Stylesheet.serveCards)
    anyone.get(.script, use: PageScript.serve)
    anyone.get(.home) { req in
        req.redirect(to: try await Landing.page(req))
    }
    anyone.get(.login, use: LoginController.show)
    anyone.post(.login, use: LoginController.login)
    anyone.get(.language(.key), use: LoginController.language)
    anyone.get(.directory, use: DirectoryController.index)
    anyone.get(.directoryCSV, use: DirectoryCSV.export)
    anyone.get(.directoryService(.key), use: DirectoryController.show)
    anyone.get(.survey(.key), use: SurveyForm.show)
    anyone.post(.survey(.key), use: SurveyForm.answer)
    anyone.get(.invite(.key), use: OwnSpaceController.accept)
    anyone.post(.invite(.key), use: OwnSpaceController.create)
    anyone.get(.activityFeed(.key), use: ActivityFeedController.feed)
    anyone.get(.publicProjects, use: PublicProjectIndex.index)
    anyone.get(.publicProject(.key), use: PublicProjectPage.show)
    anyone.get(.sitemap, use: PublicProjectIndex.sitemap)

    GuardedRoutes(app, .operatorToken).get(.metrics, use: HealthController.metrics)

    let signedIn = GuardedRoutes(app, .signedIn)
    signedIn.post(.logout, use: LoginController.logout)
    signedIn.get(.accountPassword, use: AccountController.show)
    signedIn.post(.accountPassword, use: AccountController.change)

    let own = GuardedRoutes(app, .participantSelf)
    own.get(.me, use: OwnSpaceController.me)
    own.get(.myMeasure(.key), use: MeasureHistory.own)
    own.get(.mySeen, use: SeenBy.show)
    own.get(.myExport, use: PersonExport.own)
    own.get(.myPlan, use: MyPlan.show)
    own.get(.myAccountClose, use: CloseAccount.show)
    own.get(.mySessionsICS, use: MySessions.ics)
    own.post(.myAccountClose, use: CloseAccount.close)
    own.post(.myPlan, use: MyPlan.addGoal)
    own.post(.myGoalDone(.key), use: MyPlan.markDone)
    own.post(.myGoalComment(.key), use: MyPlan.comment)
    own.get(.mySeenQuestion(.key), use: DataQuestions.form)
    own.post(.mySeenQuestion(.key), use: DataQuestions.ask)
    own.get(.myConsents, use: MyConsents.index)
    own.get(.myConsent(.key), use: MyConsents.confirm)
    own.post(.myConsent(.key), use: MyConsents.change)
    own.get(.myAssessments, use: MyAssessments.index)
    own.get(.myAssessment(.key), use: MyAssessments.form)
    own.post(.myAssessments, use: MyAssessments.save)
    own.post(.myAssessmentComment(.key), use: MyAssessments.comment)
    own.get(.myPortfolio, use: Portfolio.show)
    own.upload(.myPortfolio, maxBody: "11mb", use: Portfolio.add)
    own.post(.myPortfolioMove(.key), use: Portfolio.move)
    own.post(.myPortfolioShare(.key), use: Portfolio.share)
    own.get(.myPortfolioDelete(.key), use: Portfolio.confirmDelete)
    own.post(.myPortfolioDelete(.key), use: Portfolio.delete)
    own.get(.myPortfolioFile(.key), use: Portfolio.file)
    own.get(.myPortfolioExport, use: Portfolio.export)
    own.post(.myPeerMatch(.key), use: PeerMatches.answer)
    own.get(.myFeedback(.key), use: Feedback.form)
    own.post(.myFeedback(.key), use: Feedback.save)

    let staff = GuardedRoutes(app, .staff)
    staff.get(.today, use: TodayPage.show)
    staff.get(.projects, use: ProjectsController.index)
    staff.get(.project(.key), use: ProjectsController.show)
    staff.get(.organisations, use: OrganisationsController.index)
    staff.get(.calendar, use: CalendarController.show)

    let managers = GuardedRoutes(app, .managers)
    managers.get(.projectNew, use: ProjectsController.new)
    managers.post(.projects, use: ProjectsController.create)
    managers.get(.organisationNew, use: OrganisationsController.new)
    managers.post(.organisations, use: OrganisationsController.create)
    managers.get(.network, use: NetworkReport.show)

    let organisationEditor = GuardedRoutes(app, .organisationEditor)
    organisationEditor.get(.organisationEdit(.key), use: OrganisationsController.edit)
    organisationEditor.post(.organisation(.key), use: OrganisationsController.update)

    projectRoutes(app)
    activityRoutes(app)
    networkRoutes(app)
    participantRoutes(app)
    adminRoutes(app)
}

private func projectRoutes(_ app: Application) {
    let aggregates = GuardedRoutes(app, .project(.aggregates))
    aggregates.get(.projectReport(.key), use: ESFReportController.show)
    aggregates.get(.projectReportCSV(.key), use: ESFReportController.csv)
    aggregates.get(.projectReportXLSX(.key), use: ESFReportController.xlsx)
    aggregates.get(.projectActivities(.key), use: ActivitiesController.index)
    aggregates.get(.projectActivityReport(.key), use: ActivityReportController.show)
    aggregates.get(.projectActivityReportCSV(.key), use: ActivityReportController.csv)
    aggregates.get(.projectActivityReportXLSX(.key), use: ActivityReportController.xlsx)
    aggregates.get(.projectMeasures(.key), use: MeasuresReportController.show)
    aggregates.get(.projectInstruments(.key), use: InstrumentsController.project)
    aggregates.get(.projectFeedback(.key), use: FeedbackReport.show)
    aggregates.get(.projectSites(.key), use: SitesCompared.show)

    GuardedRoutes(app, .project(.people)).get(.projectReportPeople(.key), use: ESFReportController.people)

    let pageKeepers = GuardedRoutes(app, .project(.manages))
    pageKeepers.get(.projectPublicPage(.key), use: ProjectPageEditor.show)
    pageKeepers.post(.projectPublicPage(.key), maxBody: "256kb", use: ProjectPageEditor.saveTexts)
    pageKeepers.post(.projectPublicPagePublish(.key), use: ProjectPageEditor.publish)
    pageKeepers.post(.projectPublicPageUnpublish(.key), use: ProjectPageEditor.unpublish)
    pageKeepers.post(.projectFunding(.key), use: ProjectPageEditor.addFunding)
    pageKeepers.post(.projectFundingDelete(.key, .key), use: ProjectPageEditor.deleteFunding)
    pageKeepers.upload(.projectFundingImport(.key), maxBody: "1mb", use: ProjectPageEditor.importFunding)

    let writers = GuardedRoutes(app, .project(.writes))
    writers.get(.projectFollowUps(.key), use: FollowUpController.index)
    writers.get(.projectCards(.key), use: ProfileCards.index)
    writers.upload(.projectCards(.key), maxBody: "11mb", use: ProfileCards.add)
    writers.get(.projectCardsPrint(.key), use: ProfileCards.print)
    writers.get(.projectCardImage(.key, .key), use: ProfileCards.image)
    writers.post(.projectCardDelete(.key, .key), use: ProfileCards.remove)
    writers.get(.projectCafes(.key), use: LearningCafe.index)
    writers.post(.projectCafes(.key), use: LearningCafe.create)
    writers.get(.projectCafe(.key, .key), use: LearningCafe.show)
    writers.post(.projectCafeIdeas(.key, .key), use: LearningCafe.addIdea)
    writers.post(.projectCafeAttendees(.key, .key), use: LearningCafe.addAttendee)
    writers.get(.projectPanels(.key), use: Panels.index)
    writers.post(.projectPanels(.key), use: Panels.create)
    writers.get(.projectPanel(.key, .key), use: Panels.show)
    writers.post(.projectPanelMembers(.key, .key), use: Panels.addMember)
    writers.post(.projectPanelMeetings(.key, .key), use: Panels.addMeeting)
    writers.post(.projectPanelProposals(.key, .key), use: Panels.addProposal)
    writers.post(.projectPanelEffect(.key, .key, .key), use: Panels.recordEffect)
    writers.post(.projectActivities(.key), use: ActivitiesController.create)

    let managers = GuardedRoutes(app, .project(.manages))
    managers.get(.projectEdit(.key), use: ProjectsController.edit)
    managers.get(.projectQuestions(.key), use: DataQuestions.list)
    managers.post(.projectQuestion(.key, .key), use: DataQuestions.answer)
    managers.get(.projectPeers(.key), use: Peers.index)
    managers.post(.projectPeers(.key), use: Peers.create)
    managers.post(.projectPeerApprove(.key, .key), use: Peers.approve)
    managers.post(.projectPeerSupervisions(.key), use: PeerSupervisions.create)
    managers.get(.projectSurveys(.key), use: Surveys.index)
    managers.post(.projectSurveys(.key), use: Surveys.create)
    managers.get(.projectSurvey(.key, .key), use: Surveys.show)
    managers.post(.projectSurveyState(.key, .key), use: Surveys.setState)
    managers.get(.projectSurveyXLSX(.key, .key), use: Surveys.xlsx)
    managers.post(.project(.key), use: ProjectsController.update)
    managers.post(.projectInstruments(.key), use: InstrumentsController.saveProject)
    managers.get(.projectImport(.key), use: ImportController.show)
    // A spreadsheet of 100,000 rows is about 20 MB.
    managers.upload(.projectImport(.key), maxBody: "64mb", use: ImportController.upload)
    managers.get(.projectImportRun(.key, .key), use: ImportController.run)
    for part in SiteURL.ProjectPart.allCases {
        managers.post(.projectPart(.key, part), use: ProjectPartsController.add(part))
        managers.post(.projectPartDelete(.key, part, .key), use: ProjectPartsController.remove(part))
    }
}

private func activityRoutes(_ app: Application) {
    GuardedRoutes(app, .activity(.aggregates)).get(.activity(.key), use: ActivityPage.show)
    let writers = GuardedRoutes(app, .activity(.writes))
    writers.post(.activityMembers(.key), use: ActivityPage.addMember)
    writers.post(.activityMemberLeave(.key, .key), use: ActivityPage.leave)
    writers.post(.activitySessions(.key), use: ActivityPage.addSession)
    writers.get(.sessionEdit(.key, .key), use: SessionController.edit)
    writers.post(.sessionEdit(.key, .key), use: SessionController.update)
    writers.get(.session(.key, .key), use: AttendanceController.show)
    writers.post(.session(.key, .key), use: AttendanceController.save)
}

private func networkRoutes(_ app: Application) {
    let keepers = GuardedRoutes(app, .provider(allowsAdmin: true))
    keepers.get(.organisationServices(.key), use: ServiceEditor.index)
    keepers.post(.organisationServices(.key), use: ServiceEditor.create)
    GuardedRoutes(app, .provider(allowsAdmin: false)).get(.organisationReferrals(.key), use: ReferralController.inbox)

    let service = GuardedRoutes(app, .serviceKeeper)
    service.get(.serviceEdit(.key), use: ServiceEditor.edit)
    service.post(.service(.key), use: ServiceEditor.update)
    service.post(.serviceChecked(.key), use: ServiceEditor.checked)

    GuardedRoutes(app, .referral(.either)).get(.referral(.key), use: ReferralController.show)
    GuardedRoutes(app, .referral(.provider)).post(.referralState(.key), use: ReferralController.move)
    GuardedRoutes(app, .referral(.referrer)).post(.referralWithdraw(.key), use: ReferralController.withdraw)

    GuardedRoutes(app, .peopleWriters).get(.referrals, use: ReferralController.open)
}

private func participantRoutes(_ app: Application) {
    GuardedRoutes(app, .peopleReaders).get(.participants, use: ParticipantsController.index)
    let creators = GuardedRoutes(app, .peopleWriters)
    creators.get(.participantNew, use: ParticipantsController.new)
    creators.post(.participants, use: ParticipantsController.create)

    let readers = GuardedRoutes(app, .participant(.reads))
    readers.get(.participant(.key), use: ParticipantsController.show)
    readers.get(.participantMeasure(.key, .key), use: MeasureHistory.show)
    readers.get(.participantPortfolioFile(.key, .key), use: Portfolio.staffFile)

    let writers = GuardedRoutes(app, .participant(.writes))
    writers.get(.participantEdit(.key), use: ParticipantsController.edit)
    writers.post(.participant(.key), use: ParticipantsController.update)
    writers.post(.participantConsents(.key), use: PathController.recordConsent)
    writers.post(.participantEnrolments(.key), use: PathController.enrol)
    writers.post(.enrolmentPhase(.key, .key), use: PathController.changePhase)
    writers.get(.enrolmentESF(.key, .key), use: ParticipationDataController.show)
    writers.post(.enrolmentESF(.key, .key), use: ParticipationDataController.save)
    writers.post(.participantGoals(.key), use: PathController.addGoal)
    writers.post(.participantGoal(.key, .key), use: PathController.updateGoal)
    writers.post(.participantNotes(.key), use: PathController.addNote)
    writers.get(.participantExport(.key), use: PersonExport.download)
    writers.get(.participantReferralNew(.key), use: ReferralController.new)
    writers.post(.participantReferrals(.key), use: ReferralController.create)
    writers.get(.participantAssessmentNew(.key), use: AssessmentController.new)
    writers.post(.participantAssessments(.key), use: AssessmentController.save)
    writers.post(.participantInvite(.key), use: OwnSpaceController.invite)
    writers.get(.participantPeers(.key), use: PeerMatches.suggest)
    writers.post(.participantPeers(.key), use: PeerMatches.propose)
    writers.get(.participantTeam(.key), use: TeamRecords.show)
    writers.post(.participantTeam(.key), use: TeamRecords.create)
    writers.post(.participantTeamAnswer(.key, .key), use: TeamRecords.answer)

    let peer = GuardedRoutes(app, .peerMatch)
    peer.get(.peerMatch(.key), use: PeerMatches.show)
    peer.post(.peerMatchAccept(.key), use: PeerMatches.accept)
    peer.post(.peerMatchMeetings(.key), use: PeerMatches.addMeeting)
    peer.post(.peerMatchEnd(.key), use: PeerMatches.end)
}

private func adminRoutes(_ app: Application) {
    let admin = GuardedRoutes(app, .admin)
    admin.get(.adminUsers, use: UsersController.index)
    admin.get(.adminUserNew, use: UsersController.new)
    admin.post(.adminUsers, use: UsersController.create)
    admin.get(.adminUser(.key), use: UsersController.show)
    admin.post(.adminUserMemberships(.key), use: UsersController.grant)
    admin.post(.adminUserMembershipDelete(.key, .key), use: UsersController.revoke)
    admin.post(.adminUserActive(.key), use: UsersController.setActive)
    admin.get(.adminAudit, use: AuditLogController.index)
    admin.get(.adminInstruments, use: InstrumentsController.library)
    admin.post(.adminInstruments, use: InstrumentsController.upload)
    admin.get(.adminDirectoryImport, use: DirectoryCSV.importPage)
    admin.upload(.adminDirectoryImport, maxBody: "16mb", use: DirectoryCSV.importFile)
    admin.get(.adminJobs, use: JobsPage.index)
    admin.post(.adminJobRun(.key), use: JobsPage.runNow)
    admin.get(.adminErasure, use: ErasurePage.show)
    admin.post(.adminErasure, use: ErasurePage.erase)
}

extension Request {
    /// A UUID path parameter; a malformed one is a 404, never a 500.
    func id(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(text: raw) else { throw Abort(.notFound) }
        return id
    }
}
