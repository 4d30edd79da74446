import Fluent
import Foundation
import PolkuCore

final class Participant: Model, @unchecked Sendable {
    static let schema = "participants"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    /// `SearchKey` of last and first name: what list search and ordering use.
    @Field(key: "search_key") var searchKey: String
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "gender") var gender: Gender
    @Field(key: "municipality") var municipality: String
    @Field(key: "language") var language: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?

    init() {}

    enum Gender: String, Codable, CaseIterable, Sendable {
        case female, male, other, unknown
    }
}

/// Consent for one purpose; a withdrawal is a new row, so the history stays.
final class Consent: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "participant_id") var participant: Participant
    @Field(key: "purpose") var purpose: Purpose
    @Field(key: "date") var date: String
    @Field(key: "given") var given: Bool
    @OptionalParent(key: "recorded_by") var recordedBy: User?

    init() {}

    enum Purpose: String, Codable, CaseIterable, Sendable {
        case service
        case esfReporting = "esf_reporting"
        case dataSharing = "data_sharing"
        case research
    }
}

/// One participation in one project: the ESF rule is one record per participant and operation.
final class Enrolment: Model, @unchecked Sendable {
    static let schema = "enrolments"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "participant_id") var participant: Participant
    @Parent(key: "project_id") var project: Project
    @OptionalParent(key: "site_id") var site: Site?
    @Field(key: "phase") var phase: String
    @Field(key: "start_date") var startDate: String
    /// The exit date (the last exit, when the person left more than once).
    @OptionalField(key: "end_date") var endDate: String?

    // Entry data (ESF): see PolkuCore's EntryData.
    @OptionalField(key: "labour_status") var labourStatus: LabourStatus?
    @OptionalField(key: "unemployed_months") var unemployedMonths: Int?
    @OptionalField(key: "isced") var isced: Int?
    @OptionalField(key: "disability") var disability: SensitiveAnswer?
    @OptionalField(key: "foreign_background") var foreignBackground: SensitiveAnswer?
    @OptionalField(key: "minority") var minority: SensitiveAnswer?
    @OptionalField(key: "other_disadvantage") var otherDisadvantage: SensitiveAnswer?
    @OptionalField(key: "third_country_national") var thirdCountNational: Bool?
    @OptionalField(key: "homeless") var homeless: Bool?
    @OptionalField(key: "rural") var rural: Bool?
    // Exit data.
    @OptionalField(key: "exit_situation") var exitSituation: SituationOnLeaving?
    @OptionalField(key: "exit_situation_date") var exitSituationDate: String?
    @OptionalField(key: "qualification_gained") var qualificationGained: Bool?
    @OptionalField(key: "service_outcome") var serviceOutcome: ServiceOutcome?
    // Six months after leaving.
    @OptionalField(key: "followup_date") var followUpDate: String?
    @OptionalField(key: "followup_employed") var followUpEmployed: Bool?
    /// Comma-separated `Improvement` values.
    @OptionalField(key: "followup_improvements") var followUpImprovements: String?
    /// The participant ID of the spreadsheet this participation was imported from, if any.
    @OptionalField(key: "import_key") var importKey: String?
    /// The project's own outcome category, when one was chosen; `serviceOutcome` holds what it maps to.
    @OptionalField(key: "project_outcome_id") var projectOutcomeID: UUID?

    init() {}
}

final class PhaseChange: Model, @unchecked Sendable {
    static let schema = "phase_changes"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @OptionalField(key: "from_phase") var fromPhase: String?
    @Field(key: "to_phase") var toPhase: String
    @Field(key: "date") var date: String
    @OptionalParent(key: "changed_by") var changedBy: User?

    init() {}
}

/// A goal in the participant's personal plan, set in one project.
final class Goal: Model, @unchecked Sendable {
    static let schema = "goals"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "participant_id") var participant: Participant
    @Parent(key: "project_id") var project: Project
    @Field(key: "text") var text: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "target_date") var targetDate: String?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}

    enum Status: String, Codable, CaseIterable, Sendable {
        case open, achieved, dropped
    }
}

/// A note written in one project; health notes are read only by that project's health professionals.
final class Note: Model, @unchecked Sendable {
    static let schema = "notes"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "participant_id") var participant: Participant
    @Parent(key: "project_id") var project: Project
    @Field(key: "sensitivity") var sensitivity: Sensitivity
    @Field(key: "body") var body: String
    @OptionalParent(key: "author_id") var author: User?

    init() {}
}

extension Enrolment {
    /// Starts a participation: the enrolment in the project's first phase and its first phase change.
    @discardableResult
    static func start(
        participant: UUID, project: Project, site: UUID?, date: String, by user: UUID,
        on db: any Database
    ) async throws -> Enrolment {
        let e = Enrolment()
        e.$participant.id = participant; e.$project.id = try project.requireID(); e.$site.id = site
        e.phase = project.phasePlan.first; e.startDate = date
        try await e.create(on: db)
        let c = PhaseChange()
        c.$enrolment.id = try e.requireID(); c.toPhase = e.phase; c.date = date; c.$changedBy.id = user
        try await c.create(on: db)
        return e
    }
}
