/// The participant data the ESF indicators are computed from: what is recorded at entry, on leaving,
/// and six months after. Plain values, so the rules can be tested without a database.

/// Labour-market status at entry. Each participant has exactly one (EC guidance: CO01 + CO03 + CO05 is
/// the total). Pay-subsidised work is employment; rehabilitative work activity (kuntouttava
/// työtoiminta) is not (Act 189/2001 §2): such a person is recorded as unemployed or inactive.
public enum LabourStatus: String, CaseIterable, Codable, Sendable {
    case employed
    case selfEmployed = "self_employed"
    case unemployed
    case inactiveInEducation = "inactive_in_education"
    case inactiveOther = "inactive_other"

    public var isEmployed: Bool { self == .employed || self == .selfEmployed }
    public var isInactive: Bool { self == .inactiveInEducation || self == .inactiveOther }
}

/// An answer to a special-category question (disability, foreign background, minority, other
/// disadvantage). "Declined" keeps the record valid and documents that the question was asked;
/// the person is then not counted in that indicator.
public enum SensitiveAnswer: String, CaseIterable, Codable, Sendable {
    case yes, no, declined
}

/// Gender as the ESF+ breakdown has it: women, men, non-binary persons.
public enum ESFGender: String, CaseIterable, Codable, Sendable {
    case female, male
    case nonBinary = "non_binary"
}

/// Highest education completed (with a certificate) before entry, ISCED 2011 level 0–8.
public struct ISCED: Comparable, Hashable, Codable, Sendable {
    public let level: Int
    public init?(_ level: Int) {
        guard (0...8).contains(level) else { return nil }
        self.level = level
    }
    public static func < (a: ISCED, b: ISCED) -> Bool { a.level < b.level }
}

public struct EntryData: Sendable, Equatable {
    public var entryDate: CalendarDate
    public var birthDate: CalendarDate
    public var gender: ESFGender?
    public var labourStatus: LabourStatus?
    /// Continuous unemployment before entry, in whole months; needed when unemployed.
    public var unemployedMonths: Int?
    public var education: ISCED?
    public var disability: SensitiveAnswer?
    public var foreignBackground: SensitiveAnswer?
    public var minority: SensitiveAnswer?
    public var otherDisadvantage: SensitiveAnswer?
    public var thirdCountNational: Bool?
    public var homeless: Bool?
    public var rural: Bool?

    public init(
        entryDate: CalendarDate, birthDate: CalendarDate, gender: ESFGender? = nil, labourStatus: LabourStatus? = nil,
        unemployedMonths: Int? = nil, education: ISCED? = nil, disability: SensitiveAnswer? = nil,
        foreignBackground: SensitiveAnswer? = nil, minority: SensitiveAnswer? = nil,
        otherDisadvantage: SensitiveAnswer? = nil, thirdCountNational: Bool? = nil, homeless: Bool? = nil, rural: Bool? = nil
    ) {
        self.entryDate = entryDate; self.birthDate = birthDate; self.gender = gender; self.labourStatus = labourStatus
        self.unemployedMonths = unemployedMonths; self.education = education; self.disability = disability
        self.foreignBackground = foreignBackground; self.minority = minority; self.otherDisadvantage = otherDisadvantage
        self.thirdCountNational = thirdCountNational; self.homeless = homeless; self.rural = rural
    }

    public var ageAtEntry: Int { birthDate.age(on: entryDate) }

    /// Long-term unemployed: under 25, more than 6 months; 25 and over, more than 12 months of
    /// continuous unemployment (EC guidance; "more than": exactly 6 or 12 months is not long-term).
    public var isLongTermUnemployed: Bool {
        guard labourStatus == .unemployed, let months = unemployedMonths else { return false }
        return ageAtEntry < 25 ? months > 6 : months > 12
    }

    /// The fields without which the record cannot be reported (EC: complete for every
    /// non-sensitive variable). Special-category questions only need an answer, which may be "declined".
    public var missingFields: [EntryField] {
        var missing: [EntryField] = []
        if gender == nil { missing.append(.gender) }
        if labourStatus == nil { missing.append(.labourStatus) }
        if labourStatus == .unemployed && unemployedMonths == nil { missing.append(.unemployedMonths) }
        if education == nil { missing.append(.education) }
        if disability == nil { missing.append(.disability) }
        if foreignBackground == nil { missing.append(.foreignBackground) }
        if minority == nil { missing.append(.minority) }
        if otherDisadvantage == nil { missing.append(.otherDisadvantage) }
        if thirdCountNational == nil { missing.append(.thirdCountNational) }
        if homeless == nil { missing.append(.homeless) }
        if rural == nil { missing.append(.rural) }
        return missing
    }

    public var isComplete: Bool { missingFields.isEmpty }
}

public enum EntryField: String, CaseIterable, Sendable {
    case gender, labourStatus = "labour_status", unemployedMonths = "unemployed_months", education
    case disability, foreignBackground = "foreign_background", minority, otherDisadvantage = "other_disadvantage"
    case thirdCountNational = "third_country_national", homeless, rural
}

/// The participant's situation in the result indicators' categories.
public enum SituationOnLeaving: String, CaseIterable, Codable, Sendable {
    case employed
    case selfEmployed = "self_employed"
    case jobSearching = "job_searching"
    case educationOrTraining = "education_or_training"
    case inactive
}

/// A situation and the day it began, as recorded for the weeks after leaving.
public struct SituationEvent: Sendable, Equatable {
    public let date: CalendarDate
    public let situation: SituationOnLeaving
    public init(date: CalendarDate, situation: SituationOnLeaving) { self.date = date; self.situation = situation }
}

public struct ExitData: Sendable, Equatable {
    public var exitDate: CalendarDate
    /// Situations recorded after leaving; only the last one within 28 days counts.
    public var events: [SituationEvent]
    public var qualificationGained: Bool

    public init(exitDate: CalendarDate, events: [SituationEvent] = [], qualificationGained: Bool = false) {
        self.exitDate = exitDate; self.events = events; self.qualificationGained = qualificationGained
    }

    public static let windowDays = 28

    /// The situation "upon leaving": the last one that began from the day of leaving up to and
    /// including the 28th day after (SFC FAQ: several events in the window, only the last counts).
    public var situationUponLeaving: SituationOnLeaving? {
        let end = exitDate.adding(days: Self.windowDays)
        return events.filter { $0.date >= exitDate && $0.date <= end }
            .enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element.situation
    }
}

/// What a person did to their job that counts as an improved labour-market situation (SFC FAQ).
/// A pay rise alone does not count, so it is not here.
public enum Improvement: String, CaseIterable, Codable, Sendable {
    case precariousToStable = "precarious_to_stable"
    case underToFullEmployment = "under_to_full_employment"
    case higherSkilledJob = "higher_skilled_job"
    case promotion
}

public struct FollowUp: Sendable, Equatable {
    public var date: CalendarDate
    public var employed: Bool
    public var improvements: Set<Improvement>

    public init(date: CalendarDate, employed: Bool, improvements: Set<Improvement> = []) {
        self.date = date; self.employed = employed; self.improvements = improvements
    }
}
