import Testing

@testable import PolkuCore

/// Issue 17's rules: complementary suppression, the financing plan summed, cost per person, and a
/// financing plan read from CSV.
@Suite struct PublicFiguresRulesTests {
    @Test func oneSmallCellHidesItsSmallestNeighbourToo() {
        // Sites: 40, 3, 12, 25 with the total shown: 3 alone would be total − 77.
        let line = ComplementarySuppression.line([40, 3, 12, 25])
        #expect(line.cells == [.exact(40), .suppressed, .suppressed, .exact(25)])
        #expect(line.total == .exact(80))
        // The 12 is not small: it shows as "x", the 3 as "<5".
        #expect(line.complements == [2] && (0..<4).map(line.label) == ["40", "<5", "x", "25"])
    }

    @Test func twoSmallCellsThatSumUnderFiveHideAThird() {
        // 1 + 2 = 3 would still say both are small.
        let line = ComplementarySuppression.line([1, 2, 30, 9])
        #expect(line.cells == [.suppressed, .suppressed, .exact(30), .suppressed])
    }

    @Test func twoSmallCellsThatSumToFiveAreEnough() {
        let line = ComplementarySuppression.line([4, 1, 30])
        #expect(line.cells == [.suppressed, .suppressed, .exact(30)] && line.complements.isEmpty)
        #expect(line.total == .exact(35))
    }

    @Test func nothingSmallHidesNothingAndZerosStay() {
        #expect(ComplementarySuppression.line([0, 7, 5]).cells == [.exact(0), .exact(7), .exact(5)])
        // A zero is no complement: the next non-zero cell is taken instead.
        #expect(ComplementarySuppression.line([2, 0, 9]).cells == [.suppressed, .exact(0), .suppressed])
    }

    @Test func withNoCellLeftTheTotalIsHidden() {
        let line = ComplementarySuppression.line([3, 0])
        #expect(line.cells == [.suppressed, .exact(0)])
        #expect(line.total == .suppressed)
        #expect(ComplementarySuppression.line([0, 0]).total == .exact(0))
    }

    @Test func partysFinancingPlanSumsToTheSeedsFigures() {
        // The seed: EU and state granted 3,361,221, realised 2,992,663; public planned 4,172,355,
        // realised 3,674,629 (the municipalities' part is the difference).
        let summary = FundingSummary([
            FundingLine(year: nil, source: .euState, planned: 3_361_221, realised: 2_992_663),
            FundingLine(year: nil, source: .municipal, planned: 811_134, realised: 681_966),
        ])
        #expect(summary.publicFunding == FundingSummary.Sum(planned: 4_172_355, realised: 3_674_629))
        #expect(summary.bySource[.euState] == FundingSummary.Sum(planned: 3_361_221, realised: 2_992_663))
        #expect(summary.byYear.isEmpty)
    }

    @Test func ownAndPrivateFundingAreNotPublicAndUnreportedIsNotZero() {
        let summary = FundingSummary([
            FundingLine(year: 2024, source: .euState, planned: 100, realised: nil),
            FundingLine(year: 2024, source: .own, planned: 20, realised: 15),
            FundingLine(year: 2025, source: .private, planned: 5, realised: nil),
        ])
        #expect(summary.publicFunding == FundingSummary.Sum(planned: 100, realised: nil))
        #expect(summary.total == FundingSummary.Sum(planned: 125, realised: 15))
        #expect(summary.byYear.map(\.year) == [2024, 2025])
        #expect(summary.byYear[1].sum.realised == nil)
    }

    @Test func costPerPersonIsRoundedAndNeverReducesASmallCount() {
        #expect(CostPerPerson.of(realised: 3_674_629, people: 1_118) == 3_287)
        #expect(CostPerPerson.of(realised: 1_000, people: 4) == nil)
        #expect(CostPerPerson.of(realised: nil, people: 100) == nil)
        #expect(CostPerPerson.of(realised: 1_000, people: 0) == nil)
        #expect(CostPerPerson.completes(.openLabourMarket) && CostPerPerson.completes(.socialRehabilitation))
        #expect(!CostPerPerson.completes(.interrupted) && !CostPerPerson.completes(.movedAway) && !CostPerPerson.completes(nil))
    }

    @Test func aFinancingPlanFromASpreadsheet() throws {
        let csv = "\u{FEFF}Vuosi;Lähde;Suunniteltu;Toteutunut\n2024;EU ja valtio;\"3 361 221\";2 992 663 €\n;kunta;811134,00;\n"
        let lines = try FundingCSV.parse(csv).get()
        #expect(
            lines == [
                FundingLine(year: 2024, source: .euState, planned: 3_361_221, realised: 2_992_663),
                FundingLine(year: nil, source: .municipal, planned: 811_134, realised: nil),
            ])
    }

    @Test func aBadSpreadsheetListsEveryProblemAndGivesNothing() {
        let csv = "year,source,planned,realised\n20x4,eu_state,100,\n2024,lottery,-5,abc\n2025,own,10,\n2025,own,11,\n"
        guard case .failure(let problems) = FundingCSV.parse(csv) else { Issue.record("accepted"); return }
        #expect(
            problems.all == [
                .init(line: 2, column: "year", code: "year"),
                .init(line: 3, column: "source", code: "source"), .init(line: 3, column: "planned", code: "amount"),
                .init(line: 3, column: "realised", code: "amount"),
                .init(line: 5, column: "source", code: "duplicate"),
            ])
        guard case .failure(let missing) = FundingCSV.parse("vuosi;summa\n2024;5\n") else { Issue.record("accepted"); return }
        #expect(missing.all.map(\.column) == ["source", "planned"])
        guard case .failure(let empty) = FundingCSV.parse("") else { Issue.record("accepted"); return }
        #expect(empty.all.map(\.code) == ["empty"])
    }
}

/// What came before (issue 17): records begun before the day of entry count; the unemployment
/// going on at entry gives its length, and its band.
@Suite struct LookBackRulesTests {
    static func day(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }

    @Test func onlyWhatBeganBeforeEntryIsBefore() {
        let entry = Self.day("2016-03-01")
        let records = [
            LookBack.Record(kind: .healthCheck, from: Self.day("2016-02-29"), to: Self.day("2016-02-29")),
            LookBack.Record(kind: .workTrial, from: entry, to: nil),
            LookBack.Record(kind: .rehabilitation, from: Self.day("2017-01-01"), to: nil),
        ]
        #expect(LookBack.before(records, entry: entry) == [.healthCheck])
    }

    @Test func unemployedDaysAtEntryCountTheLongestPeriodGoingOn() {
        let entry = Self.day("2016-03-01")
        let records = [
            // 2015 was not a leap year, 2016 is: 2015-03-01 → 2016-03-01 is 366 days.
            LookBack.Record(kind: .unemployment, from: Self.day("2015-03-01"), to: nil),
            LookBack.Record(kind: .unemployment, from: Self.day("2016-01-01"), to: Self.day("2016-03-01")),
            // Ended the day before entry: not going on.
            LookBack.Record(kind: .unemployment, from: Self.day("2010-01-01"), to: Self.day("2016-02-29")),
        ]
        #expect(LookBack.unemployedDays(records, entry: entry) == 366)
        #expect(LookBack.unemployedDays([], entry: entry) == nil)
        #expect(LookBack.Band(days: 299) == .under300 && LookBack.Band(days: 300) == .to1Year)
        #expect(LookBack.Band(days: 365) == .to2Years && LookBack.Band(days: 730) == .over2Years)
    }
}

/// Earlier steps from a spreadsheet (issue 17): names in Finnish, both date forms, every problem.
@Suite struct LookBackCSVTests {
    @Test func aGoodFileAndABadOne() throws {
        let good = try LookBackCSV.parse("Tunnus;Laji;Mikä;Alkoi;Päättyi\nP1;Terveystarkastus;Työterveys;15.1.2024;2024-01-15\n").get()
        #expect(good.map(\.kind) == [.healthCheck] && good[0].from == CalendarDate(year: 2024, month: 1, day: 15) && good[0].to == good[0].from)
        let (lines, problems) = LookBackCSV.read("tunnus;laji;mikä;alkoi;päättyi\nP1;työ;Kesätyö;1.6.2020;31.5.2020\n;muu;;x;\nP2;työ;Kesätyö;1.6.2021;\n")
        #expect(lines.map(\.key) == ["P2"])
        #expect(
            problems.map { "\($0.line) \($0.column) \($0.code)" } == [
                "2 to_date order", "3 participant_id required", "3 what required", "3 from_date date",
            ])
    }
}
