import Fluent
import Foundation
import PolkuCore

package final class Participant: Model, @unchecked Sendable {
    package static let schema = "participants"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @Field(key: "first_name") package var firstName: String
    @Field(key: "last_name") package var lastName: String
    /// `SearchKey` of last and first name: what list search and ordering use.
    @Field(key: "search_key") package var searchKey: String
    @Field(key: "birth_date") package var birthDate: String
    @Field(key: "gender") package var gender: Gender
    @Field(key: "municipality") package var municipality: String
    @Field(key: "language") package var language: String
    @OptionalField(key: "email") package var email: String?
    @OptionalField(key: "phone") package var phone: String?

    package init() {}

    package enum Gender: String, Codable, CaseIterable, Sendable {
        case female, male, other, unknown
    }
}

/// Consent for one purpose; a withdrawal is a new row, so the history stays.
package final class Consent: Model, @unchecked Sendable {
    package static let schema = "consents"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "participant_id") package var participant: Participant
    @Field(key: "purpose") package var purpose: Purpose
    @Field(key: "date") package var date: String
    @Field(key: "given") package var given: Bool
    @OptionalParent(key: "recorded_by") package var recordedBy: User?

    package init() {}

    package enum Purpose: String, Codable, CaseIterable, Sendable {
        case service
        case esfReporting = "esf_reporting"
        case dataSharing = "data_sharing"
        case research
        /// May be asked to develop the services: a client panel or a developer group (issue 16).
        case development
    }
}

/// One participation in one project: the ESF rule is one record per participant and operation.
package final class Enrolment: Model, @unchecked Sendable {
    package static let schema = "enrolments"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "participant_id") package var participant: Participant
    @Parent(key: "project_id") package var project: Project
    @OptionalParent(key: "site_id") package var site: Site?
    @Field(key: "phase") package var phase: String
    @Field(key: "start_date") package var startDate: String
    /// The exit date (the last exit, when the person left more than once).
    @OptionalField(key: "end_date") package var endDate: String?

    // Entry data (ESF): see PolkuCore's EntryData.
    @OptionalField(key: "labour_status") package var labourStatus: LabourStatus?
    @OptionalField(key: "unemployed_months") package var unemployedMonths: Int?
    @OptionalField(key: "isced") package var isced: Int?
    @OptionalField(key: "disability") package var disability: SensitiveAnswer?
    @OptionalField(key: "foreign_background") package var foreignBackground: SensitiveAnswer?
    @OptionalField(key: "minority") package var minority: SensitiveAnswer?
    @OptionalField(key: "other_disadvantage") package var otherDisadvantage: SensitiveAnswer?
    @OptionalField(key: "third_country_national") package var thirdCountNational: Bool?
    @OptionalField(key: "homeless") package var homeless: Bool?
    @OptionalField(key: "rural") package var rural: Bool?
    // Exit data.
    @OptionalField(key: "exit_situation") package var exitSituation: SituationOnLeaving?
    @OptionalField(key: "exit_situation_date") package var exitSituationDate: String?
    @OptionalField(key: "qualification_gained") package var qualificationGained: Bool?
    @OptionalField(key: "service_outcome") package var serviceOutcome: ServiceOutcome?
    // Six months after leaving.
    @OptionalField(key: "followup_date") package var followUpDate: String?
    @OptionalField(key: "followup_employed") package var followUpEmployed: Bool?
    /// Comma-separated `Improvement` values.
    @OptionalField(key: "followup_improvements") package var followUpImprovements: String?
    /// The participant ID of the spreadsheet this participation was imported from, if any.
    @OptionalField(key: "import_key") package var importKey: String?
    /// The project's own outcome category, when one was chosen; `serviceOutcome` holds what it maps to.
    @OptionalField(key: "project_outcome_id") package var projectOutcomeID: UUID?

    package init() {}
}

package final class PhaseChange: Model, @unchecked Sendable {
    package static let schema = "phase_changes"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "enrolment_id") package var enrolment: Enrolment
    @OptionalField(key: "from_phase") package var fromPhase: String?
    @Field(key: "to_phase") package var toPhase: String
    @Field(key: "date") package var date: String
    @OptionalParent(key: "changed_by") package var changedBy: User?

    package init() {}
}

/// A goal in the participant's personal plan, set in one project.
package final class Goal: Model, @unchecked Sendable {
    package static let schema = "goals"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "participant_id") package var participant: Participant
    @Parent(key: "project_id") package var project: Project
    @Field(key: "text") package var text: String
    @Field(key: "status") package var status: Status
    @OptionalField(key: "target_date") package var targetDate: String?
    @OptionalParent(key: "created_by") package var createdBy: User?

    package init() {}

    package enum Status: String, Codable, CaseIterable, Sendable {
        case open, achieved, dropped
    }
}

/// A note written in one project; health notes are read only by that project's health professionals.
package final class Note: Model, @unchecked Sendable {
    package static let schema = "notes"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "participant_id") package var participant: Participant
    @Parent(key: "project_id") package var project: Project
    @Field(key: "sensitivity") package var sensitivity: Sensitivity
    @Field(key: "body") package var body: String
    @OptionalParent(key: "author_id") package var author: User?

    package init() {}
}

extension Enrolment {
    /// Starts a participation: the enrolment in the project's first phase and its first phase change.
    @discardableResult
    package static func start(
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
