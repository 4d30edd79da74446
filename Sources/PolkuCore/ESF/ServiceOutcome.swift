/// Where a participant went on leaving, in the categories Finnish services use (jatkopolku).
public enum ServiceOutcome: String, CaseIterable, Codable, Sendable {
    case openLabourMarket = "open_labour_market"
    case paySubsidisedWork = "pay_subsidised_work"
    case selfEmployment = "self_employment"
    case educationOrTraining = "education_or_training"
    case apprenticeship
    case workTrial = "work_trial"
    case vocationalRehabilitation = "vocational_rehabilitation"
    case rehabilitativeWorkActivity = "rehabilitative_work_activity"
    case socialRehabilitation = "social_rehabilitation"
    case otherService = "other_service"
    case disabilityPension = "disability_pension"
    case activeJobSeeker = "active_job_seeker"
    case noKnownOutcome = "no_known_outcome"
    case movedAway = "moved_away"
    case interrupted

    /// The ESF situation this outcome implies when nothing more specific was recorded. Pay-subsidised
    /// work and an apprenticeship (a fixed-term employment contract) are employment; a work trial and
    /// rehabilitative work activity are not. Unknown destinations imply nothing.
    public var impliedSituation: SituationOnLeaving? {
        switch self {
        case .openLabourMarket, .paySubsidisedWork, .apprenticeship: .employed
        case .selfEmployment: .selfEmployed
        case .educationOrTraining: .educationOrTraining
        case .activeJobSeeker, .workTrial: .jobSearching
        case .vocationalRehabilitation, .rehabilitativeWorkActivity, .socialRehabilitation, .otherService, .disabilityPension: .inactive
        case .noKnownOutcome, .movedAway, .interrupted: nil
        }
    }

    /// PARTY's "solution": work, study or a disability benefit at the end.
    public var isSolution: Bool {
        switch self {
        case .openLabourMarket, .paySubsidisedWork, .selfEmployment, .educationOrTraining, .apprenticeship, .disabilityPension: true
        default: false
        }
    }
}
