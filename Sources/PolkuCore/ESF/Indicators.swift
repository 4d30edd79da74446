/// ESF 2014–2020 common indicators for participants (Reg. 1304/2013 Annex I as amended). The entity
/// indicators (CO20–CO23) are not about people and are not here. The household indicators CO12–CO14
/// are left out: the amended Annex I no longer lists them among the participant data.
public enum ESF2014Indicator: String, CaseIterable, Sendable, Comparable {
    case co01 = "CO01", co02 = "CO02", co03 = "CO03", co04 = "CO04", co05 = "CO05", co06 = "CO06", co07 = "CO07"
    case co08 = "CO08", co09 = "CO09", co10 = "CO10", co11 = "CO11", co15 = "CO15", co16 = "CO16", co17 = "CO17"
    case co18 = "CO18", co19 = "CO19"
    case cr01 = "CR01", cr02 = "CR02", cr03 = "CR03", cr04 = "CR04", cr05 = "CR05"
    case cr06 = "CR06", cr07 = "CR07", cr08 = "CR08", cr09 = "CR09"

    public var code: String { rawValue }
    public var isResult: Bool { rawValue.hasPrefix("CR") }
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// ESF+ 2021–2027 common indicators for participants (Reg. 2021/1057 Annex I). EECO18–19 are entities.
public enum ESFPlusIndicator: String, CaseIterable, Sendable, Comparable {
    case eeco01 = "EECO01", eeco02 = "EECO02", eeco03 = "EECO03", eeco04 = "EECO04", eeco05 = "EECO05"
    case eeco06 = "EECO06", eeco07 = "EECO07", eeco08 = "EECO08", eeco09 = "EECO09", eeco10 = "EECO10"
    case eeco11 = "EECO11", eeco12 = "EECO12", eeco13 = "EECO13", eeco14 = "EECO14", eeco15 = "EECO15"
    case eeco16 = "EECO16", eeco17 = "EECO17"
    case eecr01 = "EECR01", eecr02 = "EECR02", eecr03 = "EECR03", eecr04 = "EECR04", eecr05 = "EECR05", eecr06 = "EECR06"

    public var code: String { rawValue }
    public var isResult: Bool { rawValue.hasPrefix("EECR") }
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
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
    public static func esf2014(_ p: Participation) -> Set<ESF2014Indicator> {
        let e = p.entry
        guard e.isComplete, let status = e.labourStatus else { return [] }
        var out: Set<ESF2014Indicator> = []
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
    public static func esfPlus(_ p: Participation) -> Set<ESFPlusIndicator> {
        let e = p.entry
        guard e.isComplete, let status = e.labourStatus else { return [] }
        var out: Set<ESFPlusIndicator> = [.eeco01]
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

/// Counts by indicator and gender, over many participations.
public struct IndicatorTally<Indicator: Hashable & Sendable>: Sendable {
    public private(set) var counts: [Indicator: [ESFGender: Int]] = [:]
    public private(set) var participants = 0
    public private(set) var incomplete = 0
    public private(set) var leavers = 0
    /// Leavers with no situation recorded in the 28 days: counted, but in no result indicator.
    public private(set) var leaversWithoutSituation = 0

    public init() {}

    public mutating func add(_ p: Participation, rule: (Participation) -> Set<Indicator>) {
        participants += 1
        if !p.entry.isComplete { incomplete += 1; return }
        if let exit = p.exit {
            leavers += 1
            if exit.situationUponLeaving == nil { leaversWithoutSituation += 1 }
        }
        guard let gender = p.entry.gender else { return }
        for indicator in rule(p) { counts[indicator, default: [:]][gender, default: 0] += 1 }
    }

    /// Adds only a leaver's results: for reports where outputs count by the entry date and results by
    /// the exit date, so a person may be in one period's outputs and another's results.
    public mutating func addResults(_ p: Participation, rule: (Participation) -> Set<Indicator>) {
        guard p.entry.isComplete, let exit = p.exit, let gender = p.entry.gender else { return }
        leavers += 1
        if exit.situationUponLeaving == nil { leaversWithoutSituation += 1 }
        for indicator in rule(p) { counts[indicator, default: [:]][gender, default: 0] += 1 }
    }

    public func count(_ indicator: Indicator) -> Int { counts[indicator]?.values.reduce(0, +) ?? 0 }
    public func count(_ indicator: Indicator, _ gender: ESFGender) -> Int { counts[indicator]?[gender] ?? 0 }
}
