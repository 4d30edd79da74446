import PolkuCore
import Testing

@Suite struct NetworkTests {
    let d = { (s: String) in CalendarDate(parsing: s)! }

    @Test func referralsMoveOneStepAtATimeAndSayWhyWhenTheyStop() {
        #expect(ReferralState.sent.move(to: .received, reason: "") == nil)
        #expect(ReferralState.sent.move(to: .accepted, reason: "") == .skipsStates)
        #expect(ReferralState.sent.move(to: .started, reason: "") == .skipsStates)
        #expect(ReferralState.received.move(to: .declined, reason: "  ") == .reasonMissing)
        #expect(ReferralState.received.move(to: .declined, reason: "Ei tilaa syksyn ryhmässä") == nil)
        #expect(ReferralState.accepted.move(to: .completed, reason: "") == .skipsStates)
        #expect(ReferralState.started.move(to: .interrupted, reason: "") == .reasonMissing)
        #expect(ReferralState.started.move(to: .completed, reason: "") == nil)
        for end in [ReferralState.declined, .completed, .interrupted] {
            #expect(!end.isOpen)
            for target in ReferralState.allCases { #expect(end.move(to: target, reason: "x") == .ended) }
        }
        #expect(ReferralState.sent.move(to: .sent, reason: "") == .skipsStates, "no standing still")
        // Every state can be reached from "sent" by allowed steps.
        var reached: Set<ReferralState> = [.sent], frontier: [ReferralState] = [.sent]
        while let s = frontier.popLast() { for n in s.next where reached.insert(n).inserted { frontier.append(n) } }
        #expect(reached == Set(ReferralState.allCases))
    }

    @Test func servicesGoStaleAfterHalfAYear() {
        #expect(!ServiceFreshness.isStale(checked: d("2026-11-24"), today: d("2026-11-24")))
        #expect(!ServiceFreshness.isStale(checked: d("2026-05-25"), today: d("2026-11-24")), "183 days is still fresh")
        #expect(ServiceFreshness.isStale(checked: d("2026-05-24"), today: d("2026-11-24")), "184 days is stale")
    }

    @Test func suggestionsFitGoalsAreaLanguageAndWeakResultsAndSayWhy() {
        let person = ServiceSuggestion.Person(
            goalWords: ServiceSuggestion.words("Velat järjestykseen ja työkokeiluun keväällä"),
            municipality: "Pori", language: "fi", weakCategories: [.health: "WHO-5"])
        let debt = ServiceSuggestion.Candidate(
            words: ServiceSuggestion.words("Velkaneuvonta ja talousneuvonta"), category: .debtAndFinances,
            areas: ["Pori", "Ulvila"], languages: ["fi", "sv"], threshold: .low)
        #expect(ServiceSuggestion.reasons(for: person, debt) == [.goal(word: "velat"), .area("Pori"), .lowThreshold])
        let trial = ServiceSuggestion.Candidate(
            words: ServiceSuggestion.words("Työkokeilu yhdistyksen kahvilassa"), category: .socialRehabilitation,
            areas: [], languages: [], threshold: .referral)
        #expect(ServiceSuggestion.reasons(for: person, trial) == [.goal(word: "työkokeiluun")])
        let gym = ServiceSuggestion.Candidate(
            words: ServiceSuggestion.words("Matalan kynnyksen kuntosali"), category: .health,
            areas: ["pori"], languages: ["fi"], threshold: .open)
        #expect(ServiceSuggestion.reasons(for: person, gym) == [.weakDomain("WHO-5"), .area("Pori"), .lowThreshold])
        // Another town, or only in languages the person does not speak: never suggested.
        var elsewhere = debt; elsewhere.areas = ["Oulu"]
        #expect(ServiceSuggestion.reasons(for: person, elsewhere) == nil)
        var swedish = debt; swedish.languages = ["sv"]
        #expect(ServiceSuggestion.reasons(for: person, swedish) == nil)
        // Nothing in common: not suggested.
        let choir = ServiceSuggestion.Candidate(words: ServiceSuggestion.words("Kuoro"), category: .leisureAndCulture, areas: [], languages: [], threshold: .open)
        #expect(ServiceSuggestion.reasons(for: person, choir) == nil)
        // An Arabic speaker is told that the service speaks Arabic.
        let arabic = ServiceSuggestion.Person(goalWords: ["asunto"], municipality: "Oulu", language: "ar")
        let housing = ServiceSuggestion.Candidate(words: ["asumisneuvonta"], category: .housing, areas: ["Oulu"], languages: ["fi", "ar"], threshold: .low)
        #expect(ServiceSuggestion.reasons(for: arabic, housing) == [.goal(word: "asunto"), .area("Oulu"), .language("ar"), .lowThreshold])
    }
}

@Suite struct ReferralTimingTests {
    @Test func daysAndMedian() {
        let d = { (s: String) in CalendarDate(parsing: s)! }
        #expect(ReferralTiming.days(sentDay: d("2024-02-27"), startedDay: d("2024-03-02")) == 4, "across a leap day")
        #expect(ReferralTiming.days(sentDay: d("2024-03-02"), startedDay: d("2024-03-02")) == 0)
        #expect(ReferralTiming.median([]) == nil)
        #expect(ReferralTiming.median([9, 1, 5]) == 5)
        #expect(ReferralTiming.median([4, 1, 10, 7]) == 4, "the lower middle of an even count")
    }
}
