import Vapor

/// Every route, one block per feature.
func routes(_ app: Application) throws {
    app.get("health", use: HealthController.health)
    app.get("metrics", use: HealthController.metrics)
    app.get("styles.css", use: Stylesheet.serve)

    app.get { req -> Response in req.redirect(req.actor == nil ? "/login" : "/projects") }
    app.get("login", use: LoginController.show)
    app.post("login", use: LoginController.login)
    app.post("logout", use: LoginController.logout)
    app.get("lang", ":lang", use: LoginController.language)

    app.get("account", "password", use: AccountController.show)
    app.post("account", "password", use: AccountController.change)

    app.get("organisations", use: OrganisationsController.index)
    app.get("organisations", "new", use: OrganisationsController.new)
    app.post("organisations", use: OrganisationsController.create)
    app.get("organisations", ":id", "edit", use: OrganisationsController.edit)
    app.post("organisations", ":id", use: OrganisationsController.update)

    app.get("projects", use: ProjectsController.index)
    app.get("projects", "new", use: ProjectsController.new)
    app.post("projects", use: ProjectsController.create)
    app.get("projects", ":id", use: ProjectsController.show)
    app.get("projects", ":id", "edit", use: ProjectsController.edit)
    app.post("projects", ":id", use: ProjectsController.update)
    app.get("projects", ":id", "report", use: ESFReportController.show)
    app.get("projects", ":id", "report", "people", use: ESFReportController.people)
    app.get("projects", ":id", "report.csv", use: ESFReportController.csv)
    app.get("projects", ":id", "report.xlsx", use: ESFReportController.xlsx)
    app.get("projects", ":id", "followups", use: FollowUpController.index)
    app.get("projects", ":id", "activities", use: ActivitiesController.index)
    app.post("projects", ":id", "activities", use: ActivitiesController.create)
    app.get("projects", ":id", "activities", "report", use: ActivityReportController.show)
    app.get("projects", ":id", "activities", "report.csv", use: ActivityReportController.csv)
    app.get("projects", ":id", "activities", "report.xlsx", use: ActivityReportController.xlsx)
    app.get("activities", ":id", use: ActivityPage.show)
    app.get("calendar", use: CalendarController.show)
    app.get("projects", ":id", "instruments", use: InstrumentsController.project)
    app.post("projects", ":id", "instruments", use: InstrumentsController.saveProject)
    app.get("projects", ":id", "measures", use: MeasuresReportController.show)
    app.get("admin", "instruments", use: InstrumentsController.library)
    app.post("admin", "instruments", use: InstrumentsController.upload)
    app.get("participants", ":id", "assessments", "new", use: AssessmentController.new)
    app.post("participants", ":id", "assessments", use: AssessmentController.save)
    app.get("participants", ":id", "measures", ":key", use: MeasureHistory.show)
    app.get("feeds", "activities", ":token", use: ActivityFeedController.feed)
    app.post("activities", ":id", "members", use: ActivityPage.addMember)
    app.post("activities", ":id", "members", ":member", "leave", use: ActivityPage.leave)
    app.post("activities", ":id", "sessions", use: ActivityPage.addSession)
    app.get("activities", ":id", "sessions", ":session", "edit", use: SessionController.edit)
    app.post("activities", ":id", "sessions", ":session", "edit", use: SessionController.update)
    app.get("activities", ":id", "sessions", ":session", use: AttendanceController.show)
    app.post("activities", ":id", "sessions", ":session", use: AttendanceController.save)
    app.get("projects", ":id", "import", use: ImportController.show)
    // A spreadsheet of 100,000 rows is about 20 MB.
    app.on(.POST, "projects", ":id", "import", body: .collect(maxSize: "64mb"), use: ImportController.upload)
    app.post("projects", ":id", "sites", use: ProjectPartsController.addSite)
    app.post("projects", ":id", "sites", ":part", "delete", use: ProjectPartsController.removeSite)
    app.post("projects", ":id", "organisations", use: ProjectPartsController.addOrganisation)
    app.post("projects", ":id", "organisations", ":part", "delete", use: ProjectPartsController.removeOrganisation)
    app.post("projects", ":id", "outcomes", use: ProjectPartsController.addOutcome)
    app.post("projects", ":id", "outcomes", ":part", "delete", use: ProjectPartsController.removeOutcome)
    app.post("projects", ":id", "steering", use: ProjectPartsController.addSteeringMember)
    app.post("projects", ":id", "steering", ":part", "delete", use: ProjectPartsController.removeSteeringMember)

    app.get("participants", use: ParticipantsController.index)
    app.get("participants", "new", use: ParticipantsController.new)
    app.post("participants", use: ParticipantsController.create)
    app.get("participants", ":id", use: ParticipantsController.show)
    app.get("participants", ":id", "edit", use: ParticipantsController.edit)
    app.post("participants", ":id", use: ParticipantsController.update)
    app.post("participants", ":id", "consents", use: PathController.recordConsent)
    app.post("participants", ":id", "enrolments", use: PathController.enrol)
    app.post("participants", ":id", "enrolments", ":enrolment", "phase", use: PathController.changePhase)
    app.get("participants", ":id", "enrolments", ":enrolment", "esf", use: ParticipationDataController.show)
    app.post("participants", ":id", "enrolments", ":enrolment", "esf", use: ParticipationDataController.save)
    app.post("participants", ":id", "goals", use: PathController.addGoal)
    app.post("participants", ":id", "goals", ":goal", use: PathController.updateGoal)
    app.post("participants", ":id", "notes", use: PathController.addNote)

    app.get("admin", "users", use: UsersController.index)
    app.get("admin", "users", "new", use: UsersController.new)
    app.post("admin", "users", use: UsersController.create)
    app.get("admin", "users", ":id", use: UsersController.show)
    app.post("admin", "users", ":id", "memberships", use: UsersController.grant)
    app.post("admin", "users", ":id", "memberships", ":membership", "delete", use: UsersController.revoke)
    app.post("admin", "users", ":id", "active", use: UsersController.setActive)
    app.get("admin", "audit", use: AuditLogController.index)
}

extension Request {
    /// A UUID path parameter; a malformed one is a 404, never a 500.
    func id(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }
}
