import PolkuCore
import Testing

/// When personal data fall due for anonymisation, and how coarse a birth date may become while every
/// report's age at entry stays the same (issue 13).
@Suite struct RetentionTests {
    func d(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }

    @Test func countedFromExitOrFromTheProjectsEnd() {
        let fromExit = RetentionRule(months: 12, basis: .exit)
        #expect(Retention.dueOn([RetainedEnrolment(exit: d("2024-03-15"), projectEnd: d("2026-12-31"), rule: fromExit)]) == d("2025-03-16"))
        let fromEnd = RetentionRule(months: 60, basis: .projectEnd)
        #expect(Retention.dueOn([RetainedEnrolment(exit: d("2024-03-15"), projectEnd: d("2026-12-31"), rule: fromEnd)]) == d("2032-01-01"))
        // A project end not yet set keeps the data; so does a project without a rule.
        #expect(Retention.dueOn([RetainedEnrolment(exit: d("2024-03-15"), projectEnd: nil, rule: fromEnd)]) == nil)
        #expect(Retention.dueOn([RetainedEnrolment(exit: d("2024-03-15"), projectEnd: d("2026-12-31"), rule: nil)]) == nil)
        // Zero months: due the day after the exit.
        #expect(Retention.dueOn([RetainedEnrolment(exit: d("2024-03-15"), projectEnd: nil, rule: RetentionRule(months: 0, basis: .exit))]) == d("2024-03-16"))
    }

    @Test func aPersonEnrolledTwiceIsKeptForTheLongerAndAnOpenEnrolmentKeepsThem() {
        let rule = RetentionRule(months: 6, basis: .exit)
        let first = RetainedEnrolment(exit: d("2023-01-31"), projectEnd: nil, rule: rule)
        let second = RetainedEnrolment(exit: d("2024-05-10"), projectEnd: nil, rule: RetentionRule(months: 24, basis: .exit))
        #expect(Retention.dueOn([first, second]) == d("2026-05-11"))
        #expect(Retention.dueOn([first, RetainedEnrolment(exit: nil, projectEnd: nil, rule: rule)]) == nil)
        #expect(Retention.dueOn([]) == nil)
    }

    @Test func monthsEndOnTheLastDayOfAShorterMonth() {
        #expect(d("2024-01-31").adding(months: 1) == d("2024-02-29"))
        #expect(d("2023-01-31").adding(months: 1) == d("2023-02-28"))
        #expect(d("2023-11-30").adding(months: 3) == d("2024-02-29"))
        #expect(d("2020-02-29").adding(months: 12) == d("2021-02-28"))
    }

    @Test func aBirthDateLosesWhatNoReportNeeds() {
        let birth = d("1990-06-15")
        // Every entry after the birthday in its year: the year alone gives the same ages.
        #expect(Retention.coarseBirthDate(birth, keepingAgesAt: [d("2024-08-01"), d("2025-12-31")]) == d("1990-01-01"))
        // An entry on the birthday itself: the birthday counts as reached, so the year still does.
        #expect(Retention.coarseBirthDate(birth, keepingAgesAt: [d("2024-06-15")]) == d("1990-01-01"))
        // The day before the birthday (24 then, 25 with 1 January), in an earlier month: the month stays.
        #expect(Retention.coarseBirthDate(birth, keepingAgesAt: [d("2015-05-20")]) == d("1990-06-01"))
        // The day before, in the same month: only the date itself keeps the age of 24.
        #expect(Retention.coarseBirthDate(birth, keepingAgesAt: [d("2015-06-14")]) == birth)
        #expect(Retention.coarseBirthDate(birth, keepingAgesAt: []) == d("1990-01-01"))
    }
}
