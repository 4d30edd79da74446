/// ESF 2014–2020 common indicators for participants (Reg. 1304/2013 Annex I as amended). The entity
/// indicators (CO20–CO23) are not about people and are not here. The household indicators CO12–CO14
/// are left out: the amended Annex I no longer lists them among the participant data.
public enum ESF2014Indicator: IndicatorCode {
    case co01, co02, co03, co04, co05, co06, co07, co08
    case co09, co10, co11, co15, co16, co17, co18, co19
    case cr01, cr02, cr03, cr04, cr05, cr06, cr07, cr08
    case cr09

    public var code: String {
        switch self {
        case .co01: "CO01"
        case .co02: "CO02"
        case .co03: "CO03"
        case .co04: "CO04"
        case .co05: "CO05"
        case .co06: "CO06"
        case .co07: "CO07"
        case .co08: "CO08"
        case .co09: "CO09"
        case .co10: "CO10"
        case .co11: "CO11"
        case .co15: "CO15"
        case .co16: "CO16"
        case .co17: "CO17"
        case .co18: "CO18"
        case .co19: "CO19"
        case .cr01: "CR01"
        case .cr02: "CR02"
        case .cr03: "CR03"
        case .cr04: "CR04"
        case .cr05: "CR05"
        case .cr06: "CR06"
        case .cr07: "CR07"
        case .cr08: "CR08"
        case .cr09: "CR09"
        }
    }

    public var ordinal: Int {
        switch self {
        case .co01: 0
        case .co02: 1
        case .co03: 2
        case .co04: 3
        case .co05: 4
        case .co06: 5
        case .co07: 6
        case .co08: 7
        case .co09: 8
        case .co10: 9
        case .co11: 10
        case .co15: 11
        case .co16: 12
        case .co17: 13
        case .co18: 14
        case .co19: 15
        case .cr01: 16
        case .cr02: 17
        case .cr03: 18
        case .cr04: 19
        case .cr05: 20
        case .cr06: 21
        case .cr07: 22
        case .cr08: 23
        case .cr09: 24
        }
    }

    /// CR01–CR09 follow CO19.
    public static let firstResultOrdinal = 16
}

/// ESF+ 2021–2027 common indicators for participants (Reg. 2021/1057 Annex I). EECO18–19 are entities.
public enum ESFPlusIndicator: IndicatorCode {
    case eeco01, eeco02, eeco03, eeco04, eeco05, eeco06, eeco07, eeco08
    case eeco09, eeco10, eeco11, eeco12, eeco13, eeco14, eeco15, eeco16
    case eeco17, eecr01, eecr02, eecr03, eecr04, eecr05, eecr06

    public var code: String {
        switch self {
        case .eeco01: "EECO01"
        case .eeco02: "EECO02"
        case .eeco03: "EECO03"
        case .eeco04: "EECO04"
        case .eeco05: "EECO05"
        case .eeco06: "EECO06"
        case .eeco07: "EECO07"
        case .eeco08: "EECO08"
        case .eeco09: "EECO09"
        case .eeco10: "EECO10"
        case .eeco11: "EECO11"
        case .eeco12: "EECO12"
        case .eeco13: "EECO13"
        case .eeco14: "EECO14"
        case .eeco15: "EECO15"
        case .eeco16: "EECO16"
        case .eeco17: "EECO17"
        case .eecr01: "EECR01"
        case .eecr02: "EECR02"
        case .eecr03: "EECR03"
        case .eecr04: "EECR04"
        case .eecr05: "EECR05"
        case .eecr06: "EECR06"
        }
    }

    public var ordinal: Int {
        switch self {
        case .eeco01: 0
        case .eeco02: 1
        case .eeco03: 2
        case .eeco04: 3
        case .eeco05: 4
        case .eeco06: 5
        case .eeco07: 6
        case .eeco08: 7
        case .eeco09: 8
        case .eeco10: 9
        case .eeco11: 10
        case .eeco12: 11
        case .eeco13: 12
        case .eeco14: 13
        case .eeco15: 14
        case .eeco16: 15
        case .eeco17: 16
        case .eecr01: 17
        case .eecr02: 18
        case .eecr03: 19
        case .eecr04: 20
        case .eecr05: 21
        case .eecr06: 22
        }
    }

    /// EECR01–EECR06 follow EECO17.
    public static let firstResultOrdinal = 17
}

/// What the two indicator lists share. Plain enums (no raw values): their equality and hashing use
/// the case itself, not a string, which counts for 100,000-row reports.
public protocol IndicatorCode: CaseIterable, Hashable, Sendable, Comparable {
    var code: String { get }
    var ordinal: Int { get }
    /// The result indicators are the last cases, from this ordinal on.
    static var firstResultOrdinal: Int { get }
}

extension IndicatorCode {
    public init?(code: String) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }
    public static func < (a: Self, b: Self) -> Bool { a.ordinal < b.ordinal }
    /// A result (CR, EECR) rather than an output: a comparison, not a string test, as reports ask it per person.
    public var isResult: Bool { ordinal >= Self.firstResultOrdinal }
}

/// The indicator rules: one implementation of each, applied by every report and export.
public enum IndicatorRules {
    /// 2014–2020 "disadvantaged" (CR05, CR09): the characteristics of CO15–CO17 and homelessness
    /// (CO18). Member States define "other disadvantaged"; rural residence alone is not disadvantage.
    public static func isDisadvantaged(_ e: EntryData) -> Bool {
        isMigrantOrMinority(e) || e.disability == .yes || e.otherDisadvantage == .yes || e.homeless == true
    }

    /// CO15: migrants, participants with a foreign background, minorities. A declined answer counts
    /// for nothing; third-country nationality is a fact, not a sensitive answer.
    public static func isMigrantOrMinority(_ e: EntryData) -> Bool {
        e.foreignBackground == .yes || e.minority == .yes || e.thirdCountNational == true
    }

    /// The 2014–2020 indicators a participation counts in. An incomplete record counts in none: the
    /// report lists it among the records to complete instead.
    public static func esf2014(_ p: Participation) -> IndicatorSet<ESF2014Indicator> {
        let e = p.entry
        guard e.isComplete, let status = e.labourStatus else { return [] }
        var out: IndicatorSet<ESF2014Indicator> = []
        let age = e.ageAtEntry
        let inactiveNotInEducation = status == .inactiveOther
        switch status {
        case .unemployed: out.insert(.co01); if e.isLongTermUnemployed { out.insert(.co02) }
        case .inactiveInEducation: out.insert(.co03)
        case .inactiveOther: out.formUnion([.co03, .co04])
        case .employed, .selfEmployed: out.insert(.co05)
        }
        if age < 25 { out.insert(.co06) }
        if age >= 55 {
            out.insert(.co07)
            if status == .unemployed || inactiveNotInEducation { out.insert(.co08) }
        }
        if let level = e.education?.level {
            // Annex I names ISCED 1 and 2 for CO09; ISCED 0 (no completed primary) is in none of CO09–CO11
            // under 2014–2020 (ESF+ groups 0–2 together).
            switch level {
            case 1...2: out.insert(.co09)
            case 3...4: out.insert(.co10)
            case 5...8: out.insert(.co11)
            default: break
            }
        }
        if isMigrantOrMinority(e) { out.insert(.co15) }
        if e.disability == .yes { out.insert(.co16) }
        if e.otherDisadvantage == .yes { out.insert(.co17) }
        if e.homeless == true { out.insert(.co18) }
        if e.rural == true { out.insert(.co19) }

        if let exit = p.exit {
            let upon = exit.situationUponLeaving
            if e.labourStatus?.isInactive == true, upon == .jobSearching { out.insert(.cr01) }
            if upon == .educationOrTraining { out.insert(.cr02) }
            if exit.qualificationGained { out.insert(.cr03) }
            let employedUpon = upon == .employed || upon == .selfEmployed
            if !status.isEmployed, employedUpon { out.insert(.cr04) }
            if isDisadvantaged(e), upon == .jobSearching || upon == .educationOrTraining || employedUpon || exit.qualificationGained {
                out.insert(.cr05)
            }
            if let f = p.followUp {
                if f.employed { out.insert(.cr06) }
                if status.isEmployed, f.employed, !f.improvements.isEmpty { out.insert(.cr07) }
                if age >= 55, f.employed { out.insert(.cr08) }
                if isDisadvantaged(e), f.employed { out.insert(.cr09) }
            }
        }
        return out
    }

    /// The ESF+ indicators a participation counts in.
    public static func esfPlus(_ p: Participation) -> IndicatorSet<ESFPlusIndicator> {
        let e = p.entry
        guard e.isComplete, let status = e.labourStatus else { return [] }
        var out: IndicatorSet<ESFPlusIndicator> = [.eeco01]
        switch status {
        case .unemployed: out.insert(.eeco02); if e.isLongTermUnemployed { out.insert(.eeco03) }
        case .inactiveInEducation, .inactiveOther: out.insert(.eeco04)
        case .employed, .selfEmployed: out.insert(.eeco05)
        }
        let age = e.ageAtEntry
        if age < 18 { out.insert(.eeco06) } else if age <= 29 { out.insert(.eeco07) }
        if age >= 55 { out.insert(.eeco08) }
        if let level = e.education?.level {
            switch level {
            case 0...2: out.insert(.eeco09)
            case 3...4: out.insert(.eeco10)
            default: out.insert(.eeco11)
            }
        }
        if e.disability == .yes { out.insert(.eeco12) }
        if e.thirdCountNational == true { out.insert(.eeco13) }
        if e.foreignBackground == .yes { out.insert(.eeco14) }
        if e.minority == .yes { out.insert(.eeco15) }
        if e.homeless == true { out.insert(.eeco16) }
        if e.rural == true { out.insert(.eeco17) }

        if let exit = p.exit {
            // One status upon leaving, so EECR01 and EECR04 exclude each other by construction.
            switch exit.situationUponLeaving {
            case .jobSearching: out.insert(.eecr01)
            case .educationOrTraining: out.insert(.eecr02)
            case .employed, .selfEmployed: out.insert(.eecr04)
            case .inactive, nil: break
            }
            if exit.qualificationGained { out.insert(.eecr03) }
            if let f = p.followUp {
                if f.employed { out.insert(.eecr05) }
                if status.isEmployed, f.employed, !f.improvements.isEmpty { out.insert(.eecr06) }
            }
        }
        return out
    }
}

/// Counts by indicator and gender, over many participations. Flat arrays, not dictionaries: this is
/// the inner loop of every report.
public struct IndicatorTally<Indicator: IndicatorCode>: Sendable {
    private var counts: [Int] = Array(repeating: 0, count: Indicator.allCases.count * 3)
    public private(set) var participants = 0
    public private(set) var incomplete = 0
    public private(set) var leavers = 0
    /// Leavers with no situation recorded in the 28 days: counted, but in no result indicator.
    public private(set) var leaversWithoutSituation = 0

    public init() {}

    private static func column(_ g: ESFGender) -> Int {
        switch g {
        case .female: 0
        case .male: 1
        case .nonBinary: 2
        }
    }

    private static func slot(_ i: Indicator, _ g: ESFGender) -> Int { i.ordinal * 3 + column(g) }

    public mutating func add(_ p: Participation, rule: (Participation) -> IndicatorSet<Indicator>) {
        participants += 1
        if !p.entry.isComplete { incomplete += 1; return }
        if let exit = p.exit {
            leavers += 1
            if exit.situationUponLeaving == nil { leaversWithoutSituation += 1 }
        }
        guard let gender = p.entry.gender else { return }
        let g = Self.column(gender)
        for ordinal in rule(p).ordinals { counts[ordinal * 3 + g] += 1 }
    }

    /// Adds only a leaver's results: for reports where outputs count by the entry date and results by
    /// the exit date, so a person may be in one period's outputs and another's results.
    public mutating func addResults(_ p: Participation, rule: (Participation) -> IndicatorSet<Indicator>) {
        guard p.entry.isComplete, let exit = p.exit, let gender = p.entry.gender else { return }
        leavers += 1
        if exit.situationUponLeaving == nil { leaversWithoutSituation += 1 }
        let g = Self.column(gender)
        for ordinal in rule(p).ordinals { counts[ordinal * 3 + g] += 1 }
    }

    public func count(_ indicator: Indicator) -> Int {
        ESFGender.allCases.reduce(0) { $0 + counts[Self.slot(indicator, $1)] }
    }
    public func count(_ indicator: Indicator, _ gender: ESFGender) -> Int { counts[Self.slot(indicator, gender)] }
}
