import PolkuCore
import Testing

private func d(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }

/// A complete entry record; tests change what they are about.
private func entry(
    born: String = "1980-01-01", entered: String = "2024-03-01", status: LabourStatus = .unemployed,
    months: Int? = 3, isced: Int = 3, gender: ESFGender = .female
) -> EntryData {
    EntryData(
        entryDate: d(entered), birthDate: d(born), gender: gender, labourStatus: status,
        unemployedMonths: status == .unemployed ? months : nil, education: ISCED(isced),
        disability: .no, foreignBackground: .no, minority: .no, otherDisadvantage: .no,
        thirdCountNational: false, homeless: false, rural: false)
}

private func left(_ exit: String = "2024-09-01", _ events: [(String, SituationOnLeaving)], qualification: Bool = false) -> ExitData {
    ExitData(exitDate: d(exit), events: events.map { SituationEvent(date: d($0.0), situation: $0.1) }, qualificationGained: qualification)
}

@Suite struct AgeBandTests {
    @Test func ageIsTakenOnTheEntryDateWithTheBirthdayCounting() {
        // 25th birthday on the day of entry: 25, not under 25.
        let onBirthday = entry(born: "1999-03-01", entered: "2024-03-01")
        #expect(onBirthday.ageAtEntry == 25)
        #expect(!IndicatorRules.esf2014(Participation(entry: onBirthday)).contains(.co06))
        let dayBefore = entry(born: "1999-03-02", entered: "2024-03-01")
        #expect(IndicatorRules.esf2014(Participation(entry: dayBefore)).contains(.co06))
    }

    @Test func above54MeansFiftyFiveOnTheDay() {
        let turns55 = Participation(entry: entry(born: "1969-03-01", entered: "2024-03-01"))
        let still54 = Participation(entry: entry(born: "1969-03-02", entered: "2024-03-01"))
        #expect(IndicatorRules.esf2014(turns55).isSuperset(of: [.co07, .co08]))
        #expect(IndicatorRules.esf2014(still54).isDisjoint(with: [.co07, .co08]))
        #expect(IndicatorRules.esfPlus(turns55).contains(.eeco08))
        #expect(!IndicatorRules.esfPlus(still54).contains(.eeco08))
    }

    @Test func co08NeedsUnemployedOrInactiveNotInEducation() {
        let employed55 = Participation(entry: entry(born: "1960-01-01", status: .employed))
        let studying55 = Participation(entry: entry(born: "1960-01-01", status: .inactiveInEducation))
        let inactive55 = Participation(entry: entry(born: "1960-01-01", status: .inactiveOther))
        #expect(!IndicatorRules.esf2014(employed55).contains(.co08))
        #expect(!IndicatorRules.esf2014(studying55).contains(.co08))
        #expect(IndicatorRules.esf2014(inactive55).contains(.co08))
    }

    @Test(arguments: [("2006-03-02", ESFPlusIndicator.eeco06), ("2006-03-01", .eeco07), ("1994-03-02", .eeco07), ("1994-03-01", nil)])
    func esfPlusYouthBands(born: String, band: ESFPlusIndicator?) {
        let set = IndicatorRules.esfPlus(Participation(entry: entry(born: born, entered: "2024-03-01")))
        #expect(set.intersection([.eeco06, .eeco07]) == (band.map { [$0] } ?? []))
    }
}

@Suite struct LabourStatusTests {
    @Test func longTermUnemploymentDependsOnAge() {
        // SPEC 3.5: a 24-year-old unemployed for 7 months is LTU; a 25-year-old for 7 months is not.
        #expect(entry(born: "2000-01-01", entered: "2024-03-01", months: 7).isLongTermUnemployed)
        #expect(!entry(born: "1999-01-01", entered: "2024-03-01", months: 7).isLongTermUnemployed)
        // "More than": exactly 6 (under 25) or 12 months is not long-term.
        #expect(!entry(born: "2000-01-01", entered: "2024-03-01", months: 6).isLongTermUnemployed)
        #expect(!entry(born: "1980-01-01", months: 12).isLongTermUnemployed)
        #expect(entry(born: "1980-01-01", months: 13).isLongTermUnemployed)
        let ltu = Participation(entry: entry(months: 13))
        #expect(IndicatorRules.esf2014(ltu).isSuperset(of: [.co01, .co02]))
        #expect(IndicatorRules.esfPlus(ltu).isSuperset(of: [.eeco02, .eeco03]))
    }

    @Test func eachParticipantHasExactlyOneStatus() {
        for status in LabourStatus.allCases {
            let set = IndicatorRules.esf2014(Participation(entry: entry(status: status)))
            #expect(set.intersection([.co01, .co03, .co05]).count == 1, "\(status)")
            let plus = IndicatorRules.esfPlus(Participation(entry: entry(status: status)))
            #expect(plus.intersection([.eeco02, .eeco04, .eeco05]).count == 1, "\(status)")
            #expect(plus.contains(.eeco01))
        }
    }

    @Test func inactiveNotInEducation() {
        #expect(IndicatorRules.esf2014(Participation(entry: entry(status: .inactiveOther))).isSuperset(of: [.co03, .co04]))
        #expect(!IndicatorRules.esf2014(Participation(entry: entry(status: .inactiveInEducation))).contains(.co04))
    }

    @Test func paySubsidisedWorkIsEmploymentRehabilitativeWorkActivityIsNot() {
        #expect(ServiceOutcome.paySubsidisedWork.impliedSituation == .employed)
        #expect(ServiceOutcome.rehabilitativeWorkActivity.impliedSituation != .employed)
        #expect(ServiceOutcome.workTrial.impliedSituation != .employed)
        #expect(ServiceOutcome.apprenticeship.impliedSituation == .employed)
    }
}

@Suite struct EducationTests {
    @Test(arguments: 0...8)
    func iscedGrouping(level: Int) {
        let p = Participation(entry: entry(isced: level))
        let old = IndicatorRules.esf2014(p).intersection([.co09, .co10, .co11])
        let new = IndicatorRules.esfPlus(p).intersection([.eeco09, .eeco10, .eeco11])
        switch level {
        case 0: #expect(old.isEmpty); #expect(new == [.eeco09])  // ESF+ puts ISCED 0 with 1–2
        case 1, 2: #expect(old == [.co09]); #expect(new == [.eeco09])
        case 3, 4: #expect(old == [.co10]); #expect(new == [.eeco10])
        default: #expect(old == [.co11]); #expect(new == [.eeco11])
        }
    }

    @Test func levelsOutsideIscedAreRefused() {
        #expect(ISCED(9) == nil && ISCED(-1) == nil)
    }
}

@Suite struct SpecialCategoryTests {
    @Test func declinedKeepsTheRecordValidButCountsNowhere() {
        var e = entry()
        e.disability = .declined
        e.foreignBackground = .declined
        e.minority = .declined
        #expect(e.isComplete)
        let p = Participation(entry: e)
        #expect(!IndicatorRules.esfPlus(p).contains(.eeco12))
        #expect(IndicatorRules.esfPlus(p).contains(.eeco01))
        #expect(IndicatorRules.esf2014(p).isDisjoint(with: [.co15, .co16]))
    }

    @Test func unansweredMakesTheRecordIncomplete() {
        var e = entry()
        e.disability = nil
        e.labourStatus = .unemployed
        e.unemployedMonths = nil
        #expect(e.missingFields == [.unemployedMonths, .disability])
        #expect(IndicatorRules.esfPlus(Participation(entry: e)).isEmpty)
    }

    @Test func yesAnswersCount() {
        var e = entry()
        e.disability = .yes; e.foreignBackground = .yes; e.minority = .yes; e.thirdCountNational = true
        e.homeless = true; e.rural = true; e.otherDisadvantage = .yes
        let plus = IndicatorRules.esfPlus(Participation(entry: e))
        #expect(plus.isSuperset(of: [.eeco12, .eeco13, .eeco14, .eeco15, .eeco16, .eeco17]))
        let old = IndicatorRules.esf2014(Participation(entry: e))
        #expect(old.isSuperset(of: [.co15, .co16, .co17, .co18, .co19]))
    }
}

@Suite struct ResultWindowTests {
    @Test func onlyTheLastSituationInTheWindowCounts() {
        // SPEC 3.5: job found on day 20 after a job-search start → EECR04 only.
        let found = Participation(entry: entry(status: .inactiveOther), exit: left("2024-09-01", [("2024-09-02", .jobSearching), ("2024-09-21", .employed)]))
        let r1 = IndicatorRules.esfPlus(found)
        #expect(r1.contains(.eecr04) && !r1.contains(.eecr01))
        // Job lost on day 25 → EECR01 only.
        let lost = Participation(entry: entry(), exit: left("2024-09-01", [("2024-09-05", .employed), ("2024-09-26", .jobSearching)]))
        let r2 = IndicatorRules.esfPlus(lost)
        #expect(r2.contains(.eecr01) && !r2.contains(.eecr04))
    }

    @Test func theWindowEndsOnTheTwentyEighthDay() {
        let onDay28 = left("2024-01-31", [("2024-01-31", .jobSearching), ("2024-02-28", .employed)])
        #expect(onDay28.situationUponLeaving == .employed)
        let onDay29 = left("2024-01-31", [("2024-01-31", .jobSearching), ("2024-02-29", .employed)])
        #expect(onDay29.situationUponLeaving == .jobSearching)
        let before = left("2024-01-31", [("2024-01-30", .employed)])
        #expect(before.situationUponLeaving == nil)
    }

    @Test func leaversWithNoSituationAreCountedAsLeaversOnly() {
        var tally = IndicatorTally<ESFPlusIndicator>()
        tally.add(Participation(entry: entry(), exit: left("2024-09-01", [])), rule: IndicatorRules.esfPlus)
        tally.add(Participation(entry: entry(), exit: left("2024-09-01", [("2024-09-01", .employed)])), rule: IndicatorRules.esfPlus)
        #expect(tally.leavers == 2 && tally.leaversWithoutSituation == 1)
        #expect(tally.count(.eecr04) == 1)
    }

    @Test func cr01AndCr04HaveTheirReferencePopulations() {
        // CR01 is for those inactive at entry; CR04 for those not employed at entry.
        let unemployedSearching = Participation(entry: entry(status: .unemployed), exit: left("2024-09-01", [("2024-09-02", .jobSearching)]))
        #expect(!IndicatorRules.esf2014(unemployedSearching).contains(.cr01))
        let inactiveSearching = Participation(entry: entry(status: .inactiveOther), exit: left("2024-09-01", [("2024-09-02", .jobSearching)]))
        #expect(IndicatorRules.esf2014(inactiveSearching).contains(.cr01))
        let employedStillEmployed = Participation(entry: entry(status: .employed), exit: left("2024-09-01", [("2024-09-02", .employed)]))
        #expect(!IndicatorRules.esf2014(employedStillEmployed).contains(.cr04))
        #expect(IndicatorRules.esfPlus(employedStillEmployed).contains(.eecr04))
    }

    @Test func qualificationCountsBesideAnotherResult() {
        let p = Participation(entry: entry(), exit: left("2024-09-01", [("2024-09-03", .educationOrTraining)], qualification: true))
        #expect(IndicatorRules.esfPlus(p).isSuperset(of: [.eecr02, .eecr03]))
        #expect(IndicatorRules.esf2014(p).isSuperset(of: [.cr02, .cr03]))
    }
}

@Suite struct SixMonthTests {
    @Test func employmentSixMonthsAfter() {
        let p = Participation(entry: entry(born: "1960-01-01"), exit: left("2024-03-01", []), followUp: FollowUp(date: d("2024-09-01"), employed: true))
        #expect(IndicatorRules.esfPlus(p).contains(.eecr05))
        #expect(IndicatorRules.esf2014(p).isSuperset(of: [.cr06, .cr08]))
    }

    @Test func improvedSituationOnlyForThoseEmployedAtEntry() {
        let improved = FollowUp(date: d("2024-09-01"), employed: true, improvements: [.precariousToStable])
        let wasEmployed = Participation(entry: entry(status: .employed), exit: left("2024-03-01", []), followUp: improved)
        let wasUnemployed = Participation(entry: entry(status: .unemployed), exit: left("2024-03-01", []), followUp: improved)
        #expect(IndicatorRules.esfPlus(wasEmployed).contains(.eecr06))
        #expect(IndicatorRules.esf2014(wasEmployed).contains(.cr07))
        #expect(!IndicatorRules.esfPlus(wasUnemployed).contains(.eecr06))
        let noChange = Participation(entry: entry(status: .employed), exit: left("2024-03-01", []), followUp: FollowUp(date: d("2024-09-01"), employed: true))
        #expect(!IndicatorRules.esfPlus(noChange).contains(.eecr06), "a pay rise alone is no improvement")
    }

    @Test func disadvantagedResults() {
        var e = entry()
        e.disability = .yes
        let p = Participation(entry: e, exit: left("2024-03-01", [("2024-03-10", .jobSearching)]), followUp: FollowUp(date: d("2024-09-01"), employed: true))
        #expect(IndicatorRules.esf2014(p).isSuperset(of: [.cr05, .cr09]))
        let notDisadvantaged = Participation(entry: entry(), exit: left("2024-03-01", [("2024-03-10", .jobSearching)]))
        #expect(!IndicatorRules.esf2014(notDisadvantaged).contains(.cr05))
    }
}

@Suite struct ParticipationMergeTests {
    @Test func twoSpellsInOneProjectCountOnceWithFirstEntryAndLastExit() {
        let first = Participation(entry: entry(born: "2000-02-01", entered: "2024-01-15", months: 7), exit: left("2024-03-01", [("2024-03-02", .jobSearching)]))
        var laterEntry = entry(born: "2000-02-01", entered: "2024-06-01", months: 12)
        laterEntry.education = ISCED(5)
        let second = Participation(entry: laterEntry, exit: left("2024-10-01", [("2024-10-05", .employed)]))
        let merged = Participation.merging([second, first])!
        #expect(merged.entry.entryDate == d("2024-01-15"))
        #expect(merged.entry.ageAtEntry == 23)
        #expect(merged.entry.education == ISCED(3), "the first entry's data")
        #expect(merged.exit?.exitDate == d("2024-10-01"), "the last exit")
        #expect(IndicatorRules.esfPlus(merged).contains(.eecr04))
        var tally = IndicatorTally<ESFPlusIndicator>()
        tally.add(merged, rule: IndicatorRules.esfPlus)
        #expect(tally.count(.eeco01) == 1)
    }

    @Test func aReturnThatIsStillOpenHasNotLeft() {
        let first = Participation(entry: entry(entered: "2024-01-15"), exit: left("2024-03-01", []))
        let open = Participation(entry: entry(entered: "2024-06-01"))
        #expect(Participation.merging([first, open])?.hasLeft == false)
    }
}

@Suite struct TallyTests {
    @Test func countsByGenderWithThreeValues() {
        var tally = IndicatorTally<ESFPlusIndicator>()
        for g in ESFGender.allCases { tally.add(Participation(entry: entry(gender: g)), rule: IndicatorRules.esfPlus) }
        var incomplete = entry(); incomplete.gender = nil
        tally.add(Participation(entry: incomplete), rule: IndicatorRules.esfPlus)
        #expect(tally.count(.eeco01) == 3)
        #expect(tally.count(.eeco01, .nonBinary) == 1)
        #expect(tally.participants == 4 && tally.incomplete == 1)
    }

    @Test func partySolutionShare() {
        let solutions = ServiceOutcome.allCases.filter(\.isSolution)
        #expect(Set(solutions) == [.openLabourMarket, .paySubsidisedWork, .selfEmployment, .educationOrTraining, .apprenticeship, .disabilityPension])
    }

    @Test func datesAddAcrossMonthsAndYears() {
        #expect(d("2024-01-31").adding(days: 28) == d("2024-02-28"))
        #expect(d("2023-12-20").adding(days: 28) == d("2024-01-17"))
        #expect(d("2024-03-01").adding(days: -1) == d("2024-02-29"))
    }
}

@Suite struct IndicatorSetTests {
    @Test func resultsAreTheCRCodes() {
        for i in ESF2014Indicator.allCases { #expect(i.isResult == i.code.hasPrefix("CR"), "\(i.code)") }
        for i in ESFPlusIndicator.allCases { #expect(i.isResult == i.code.hasPrefix("EECR"), "\(i.code)") }
    }

    @Test func itBehavesAsASetOfTheIndicators() {
        var set: IndicatorSet<ESFPlusIndicator> = [.eecr06, .eeco01]
        #expect(set.insert(.eeco10).inserted && !set.insert(.eeco10).inserted)
        #expect(Array(set) == [.eeco01, .eeco10, .eecr06], "in the indicators' order")
        #expect(set.count == 3 && set.filter(\.isResult) == [.eecr06] && set.results == [.eecr06])
        #expect(set.remove(.eeco01) == .eeco01 && set.remove(.eeco01) == nil && set == [.eeco10, .eecr06])
        #expect(Set(ESFPlusIndicator.allCases) == Set(IndicatorSet<ESFPlusIndicator>(ESFPlusIndicator.allCases)))
        #expect(IndicatorSet<ESF2014Indicator>(ESF2014Indicator.allCases).count == ESF2014Indicator.allCases.count)
    }
}
