import Fluent
import Vapor

/// Every migration, in the order it runs. A landed migration is never edited; add a new one.
enum Migrations {
    static let all: [any Migration] = [
        CreateOrganisations(),
        CreateProjects(),
        CreateUsers(),
        CreateParticipants(),
        CreateAuditEvents(),
        SessionRecord.migration,
        CreateIndexes(),
        AddNameTrigramIndex(),
        AddMembershipOrganisation(),
        AddParticipationData(),
        AddImportKey(),
        CreateProjectOutcomes(),
        AddSessionEpoch(),
        CreateActivities(),
        AddActivityCategory(),
        ExtendActivities(),
        CreateMeasures(),
        CreateServiceNetwork(),
        AddParticipantAccounts(),
        AddNameSearchIndexSQLite(),
        CreateFormSubmissions(),
        CreateJobs(),
        AddRetention(),
        IndexNameSearchRows(),
        CreateStoredFiles(),
        AddStoredFilePath(),
        IndexBirthDates(),
        CreateDataQuestions(),
        CreateGoalComments(),
        CreateOwnWork(),
        CreateSurveys(),
        CreatePanels(),
        CreatePeers(),
        CreateLearningCafes(),
        CreateProfileCards(),
        AddSurveyActivity(),
        CreatePeerSupervisions(),
        AddPeerTraining(),
        CreateCafeAttendees(),
        CreateProjectPages(),
        CreateTeamRecords(),
        AddSitePlans(),
        CreateLookBack(),
        CreateExperiments(),
        AddSitePages(),
        CreateAPITokens(),
        AddPTVIDs(),
        CreateWebhooks(),
        PartitionAuditEvents(),
        IndexAuditByActorEmail(),
        IndexNameGramsSQLite(),
        IndexNameGramsPostgres(),
    ]

    static func register(on app: Application) {
        for migration in all { app.migrations.add(migration) }
    }
}
