import Foundation
import PolkuCore
import Testing

@Suite struct BusinessIDTests {
    @Test(arguments: [
        "0138780-9", "2759165-6", "0220266-9", "0153082-0", "0204819-8", "0132322-3",
        "0132239-4", "2430975-8", "0941232-7", "0139533-1",
    ])
    func seedBusinessIDsAreValid(_ id: String) {
        #expect(BusinessID(id)?.value == id)
    }

    @Test func wrongCheckDigitIsRefused() {
        #expect(BusinessID("0138780-8") == nil)
        #expect(BusinessID("0138780") == nil)
        #expect(BusinessID("abcdefg-1") == nil)
        #expect(BusinessID("") == nil)
    }

    @Test func sixDigitFormIsPadded() {
        #expect(BusinessID("138780-9")?.value == "0138780-9")
    }
}

@Suite struct CalendarDateTests {
    @Test func parsesISOAndFinnish() {
        #expect(CalendarDate(parsing: "2024-03-01")?.iso == "2024-03-01")
        #expect(CalendarDate(parsing: "1.3.2024")?.iso == "2024-03-01")
        #expect(CalendarDate(parsing: "01.03.2024")?.iso == "2024-03-01")
    }

    @Test(arguments: ["2024-02-30", "31.4.2024", "2023-02-29", "2024-13-01", "1.3.24", "yesterday", "", "2024-3-1", "0.1.2024"])
    func refusesImpossibleDates(_ text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func leapDayExists() {
        #expect(CalendarDate(parsing: "29.2.2024") != nil)
    }

    @Test func ageCountsTheBirthdayItself() {
        let birth = CalendarDate(parsing: "2000-06-15")!
        #expect(birth.age(on: CalendarDate(parsing: "2025-06-14")!) == 24)
        #expect(birth.age(on: CalendarDate(parsing: "2025-06-15")!) == 25)
    }

    @Test func leapDayBirthdayIsReachedOnFirstOfMarch() {
        let birth = CalendarDate(parsing: "2004-02-29")!
        #expect(birth.age(on: CalendarDate(parsing: "2025-02-28")!) == 20)
        #expect(birth.age(on: CalendarDate(parsing: "2025-03-01")!) == 21)
    }
}

@Suite struct PhasePlanTests {
    @Test func defaultPlanEndsInExit() {
        let plan = PhasePlan(phases: PhasePlan.defaultPhases)
        #expect(plan.first == "intake")
        #expect(plan.exit == "exit")
    }

    @Test func ownPhasesDropBlanksAndDuplicates() {
        let plan = PhasePlan(lines: "Tulo\n\n  Starttivaihe \ntulo\nPäättö")
        #expect(plan?.phases == ["Tulo", "Starttivaihe", "Päättö"])
        #expect(PhasePlan(lines: "Yksi") == nil)
    }

    @Test func movesAreCheckedAgainstThePlan() {
        let plan = PhasePlan(phases: PhasePlan.defaultPhases)
        #expect(plan.refusal(from: "intake", to: "coaching") == nil)
        #expect(plan.refusal(from: "coaching", to: "start") == nil)
        #expect(plan.refusal(from: "intake", to: "intake") == .samePhase)
        #expect(plan.refusal(from: "intake", to: "holiday") == .unknownPhase)
        #expect(plan.refusal(from: "exit", to: "coaching") == .alreadyExited)
    }
}

@Suite struct SmallCountTests {
    @Test func countsFromOneToFourAreSuppressed() {
        #expect(SmallCount(0).description == "0")
        for n in 1...4 { #expect(SmallCount(n) == .suppressed) }
        #expect(SmallCount(4).description == "<5")
        #expect(SmallCount(5).description == "5")
    }
}

@Suite struct ProjectAccessTests {
    @Test(arguments: Role.allCases)
    func healthNotesOnlyForHealthProfessionals(_ role: Role) {
        let access = ProjectAccess(roles: [role])
        #expect(access.reads(.health) == (role == .healthProfessional))
        #expect(access.writes(.health) == (role == .healthProfessional))
    }

    @Test(arguments: Role.allCases)
    func whoSeesPeople(_ role: Role) {
        let sees = ProjectAccess(roles: [role]).seesParticipants
        #expect(sees == [.projectManager, .worker, .healthProfessional].contains(role))
    }

    @Test func noRoleSeesNothing() {
        let none = ProjectAccess(roles: [])
        #expect(!none.seesAggregates && !none.seesParticipants && !none.reads(.normal))
    }
}

@Suite struct SearchKeyTests {
    @Test func keepsNordicLettersAndFoldsCase() {
        #expect(SearchKey.make("Nguyễn-Øster", "  Åke ") == "nguyễn-øster åke")
    }
}

@Suite struct UUIDTextTests {
    /// 256 fixed ids whose bytes run through every value, so every hex digit is met in both cases.
    static let ids = (0..<256).map { n in
        let b = (0..<16).map { UInt8(truncatingIfNeeded: n &* 37 &+ $0 &* 17) }
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }

    @Test func parsesWhatFoundationParsesAndRefusesTheRest() {
        for id in Self.ids {
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.uuidString.lowercased()) == id)
            #expect(UUID(text: Substring(id.uuidString)) == id)
        }
        for bad in [
            "", "00010203-0405-0607-0809-ABCDEF10FEF", "00010203-0405-0607-0809-ABCDEF10FEFFF", "00010203x0405-0607-0809-ABCDEF10FEFF",
            "0001020G-0405-0607-0809-ABCDEF10FEFF", "{00010203-0405-0607-0809-ABCDEF10FE}", "00010203-0405-0607-0809-ABCDEF10FEFÄ",
        ] {
            #expect(UUID(text: bad) == nil, "\(bad)")
            #expect(UUID(uuidString: bad) == nil, "Foundation agrees: \(bad)")
        }
    }

    @Test func textIsFoundationsUUIDString() {
        for id in Self.ids { #expect(id.text == id.uuidString) }
        let fixed = UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xAB, 0xCD, 0xEF, 0x10, 0xFE, 0xFF))
        #expect(fixed.text == "00010203-0405-0607-0809-ABCDEF10FEFF")
    }
}

@Suite struct TimeOrderedUUIDTests {
    @Test func idsSortByTimeAndCarryVersionSeven() {
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let ids = (0..<500).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.002)) }
        // Upper-case text, as SQLite stores ids, sorts as the times do (later milliseconds later).
        #expect(ids.map(\.text) == ids.map(\.text).sorted())
        #expect(Set(ids).count == 500)
        for id in ids {
            let t = id.text
            #expect(t[t.index(t.startIndex, offsetBy: 14)] == "7")
            #expect("89AB".contains(t[t.index(t.startIndex, offsetBy: 19)]))
        }
        #expect(UUID.timeOrdered(at: start).text.hasPrefix("01A2"), "1,796,000,000,000 ms is 0x01A2_29F1_2800")
    }

    /// A list view's 25 events take their random bits in one draw, each id its own ten bytes.
    @Test func aBatchDrawsItsRandomBitsOnceAndEachIdHasItsOwn() {
        let at = Date(timeIntervalSince1970: 1_796_000_000)
        var draws: [Int] = []
        let ids = UUID.timeOrdered(count: 25, at: at) { buffer in
            draws.append(buffer.count)
            for i in buffer.indices { buffer[i] = UInt8(truncatingIfNeeded: i) }
        }
        #expect(draws == [250])
        #expect(ids.count == 25)
        // The time, then version 7 over the first byte's low bits, the variant over the third's.
        #expect(ids[0].text == "01A229F1-2800-7001-8203-040506070809")
        #expect(ids[1].text == "01A229F1-2800-7A0B-8C0D-0E0F10111213")
        #expect(ids[24].text == "01A229F1-2800-70F1-B2F3-F4F5F6F7F8F9")
        #expect(UUID.timeOrdered(count: 0, at: at) { _ in Issue.record("nothing to draw for no ids") }.isEmpty)
        let drawn = UUID.timeOrdered(count: 300, at: at)
        #expect(Set(drawn).count == 300, "the system's bytes differ id to id")
    }
}

@Suite struct HelsinkiTimeTests {
    /// Foundation's zone data is the reference: every hour and the minutes around each change.
    @Test func matchesTheZoneDataAroundEveryChange() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Helsinki"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = Date(timeIntervalSince1970: 1_420_070_400)  // 2015-01-01
        for hour in stride(from: 0, to: 24 * 365 * 13, by: 1) {
            let date = start.addingTimeInterval(Double(hour) * 3_600 + 59 * 60 + 59)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let h = try #require(HelsinkiTime(date))
            #expect(h == HelsinkiTime(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!), "\(date)")
        }
    }

    @Test func printsTheWaysPagesShowIt() throws {
        // 2026-03-29 00:59 UTC is the last minute of winter time; a minute later it is 04:00.
        let before = try #require(HelsinkiTime(Date(timeIntervalSince1970: 1_774_745_940)))
        let after = try #require(HelsinkiTime(Date(timeIntervalSince1970: 1_774_746_000)))
        #expect(before.finnish == "29.3.2026 klo 02.59")
        #expect(after.finnish == "29.3.2026 klo 04.00")
        #expect(after.iso == "2026-03-29 04:00")
        #expect(HelsinkiTime(Date(timeIntervalSince1970: 0)) == nil)
    }
}

@Suite struct PlaceholderTests {
    @Test func fillsEachNumberedPlaceholderOnce() {
        #expect(Placeholders.fill("{0} / {1} – {0}", ["a", "b"]) == "a / b – a")
        #expect(Placeholders.fill("Hei {0}!", ["Åsa {1}"]) == "Hei Åsa {1}!")
    }

    @Test func keepsWhatIsNotAPlaceholder() {
        #expect(Placeholders.fill("{2} {x} {} { {0}", ["a"]) == "{2} {x} {} { a")
        #expect(Placeholders.fill("{-0} {+0} {00} {0}", ["a"]) == "{-0} {+0} {00} a")
        #expect(Placeholders.fill("no braces", ["a"]) == "no braces")
        #expect(Placeholders.fill("{0}", []) == "{0}")
    }
}
