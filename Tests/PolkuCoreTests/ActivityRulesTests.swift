import PolkuCore
import Testing

private func d(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }
private func t(_ s: String) -> ClockTime { ClockTime(parsing: s)! }

@Suite struct ScheduleTests {
    @Test func weekdaysAreRight() {
        #expect(d("1970-01-01").weekday == 4)  // Thursday
        #expect(d("2024-03-05").weekday == 2)  // a Tuesday
        #expect(d("2026-11-24").weekday == 2)
        #expect(d("2024-02-29").dayNumber - d("2024-02-28").dayNumber == 1)
        #expect(d("2000-03-01").dayNumber - d("2000-02-28").dayNumber == 2, "2000 was a leap year")
        #expect(d("1900-03-01").dayNumber - d("1900-02-28").dayNumber == 1, "1900 was not")
    }

    @Test func weeklyOnTuesdaysWithOneCancelledAndOneMoved() {
        let s = Schedule(weekdays: [2], from: d("2024-03-01"), to: d("2024-03-31"), start: t("10.00"), end: t("12.00"),
                         cancelled: [d("2024-03-12")], moved: [d("2024-03-19"): (d("2024-03-21"), t("13:00"), t("15:00"))])
        let o = s.occurrences()
        #expect(o.map(\.date) == [d("2024-03-05"), d("2024-03-12"), d("2024-03-21"), d("2024-03-26")])
        #expect(o.map(\.isCancelled) == [false, true, false, false])
        #expect(o[2].scheduledDate == d("2024-03-19") && o[2].start == t("13.00"))
        #expect(o[0].start.description == "10:00" && o[0].end.description == "12:00")
    }

    @Test func everyOtherWeekCountsFromTheFirstWeek() {
        let s = Schedule(weekdays: [1, 3], interval: 2, from: d("2024-03-06"), to: d("2024-03-27"), start: t("9"), end: t("10"))
        #expect(s.occurrences().map(\.date) == [d("2024-03-06"), d("2024-03-18"), d("2024-03-20")])
    }

    @Test func badSchedulesAreRefusedWithAReason() {
        #expect(Schedule(weekdays: [], from: d("2024-01-01"), to: d("2024-02-01"), start: t("10"), end: t("12")).problem == .noWeekdays)
        #expect(Schedule(weekdays: [8], from: d("2024-01-01"), to: d("2024-02-01"), start: t("10"), end: t("12")).problem == .noWeekdays)
        #expect(Schedule(weekdays: [1], from: d("2024-02-01"), to: d("2024-01-01"), start: t("10"), end: t("12")).problem == .endBeforeStart)
        #expect(Schedule(weekdays: [1], from: d("2024-01-01"), to: d("2024-02-01"), start: t("12"), end: t("10")).problem == .endBeforeStartTime)
        #expect(Schedule(weekdays: [1], from: d("2020-01-01"), to: d("2024-02-01"), start: t("10"), end: t("12")).problem == .tooLong)
        #expect(Schedule(weekdays: [1], from: d("2020-01-01"), to: d("2020-02-01"), start: t("10"), end: t("12")).occurrences().count == 4, "the Mondays of January 2020")
    }

    @Test(arguments: ["25:00", "10:60", "10.5", "ten", "", "1:2:3"])
    func clockTimesMustBeReal(_ s: String) {
        #expect(ClockTime(parsing: s) == nil)
    }
}

@Suite struct AttendanceTests {
    @Test func headCountsMustBePlausibleAndAddUp() {
        #expect(HeadCount(onSite: 100, online: 60).problem == nil)
        #expect(HeadCount(onSite: 100, online: 60).total == 160)
        #expect(HeadCount(onSite: -1).problem == .negative)
        #expect(HeadCount(onSite: 1_000_000).problem == .implausible)
        #expect(HeadCount(onSite: 10, byGender: [.female: 6, .male: 3]).problem == .breakdownMismatch)
        #expect(HeadCount(onSite: 10, byGender: [.female: 6, .male: 3], unknownGender: 1).problem == nil)
    }

    @Test func onlyHeldSessionsTakeAttendance() {
        let today = d("2024-03-20")
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-19"), cancelled: false, today: today) == nil)
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-20"), cancelled: false, today: today) == nil)
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-21"), cancelled: false, today: today) == .futureSession)
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-19"), cancelled: true, today: today) == .cancelledSession)
    }

    @Test func tallyCountsUniquePeopleOnceAndHeadsApart() {
        var tally = ActivityTally()
        tally.addSession(attendees: ["a", "b", "a"])
        tally.addSession(attendees: ["a", "c"])
        tally.addSession(attendees: [], headCount: HeadCount(onSite: 100, online: 60))
        #expect(tally.sessionsHeld == 3)
        #expect(tally.uniqueParticipants == 3)
        #expect(tally.namedAttendances == 4, "a recorded twice in one session counts once")
        #expect(tally.headCount == 160 && tally.onlineHeadCount == 60)
        #expect(tally.totalAttendances == 164)
        #expect(AttendanceRules.rate(attended: 3, held: 4) == 0.75)
        #expect(AttendanceRules.rate(attended: 0, held: 0) == nil)
    }

    @Test func recruitedThroughEventsMeansEnrolledAfterTheFirstContact() {
        let contact = ["a": d("2024-03-01"), "b": d("2024-03-01"), "c": d("2024-03-01")]
        let enrolled = ["a": d("2024-03-15"), "b": d("2024-02-01")]
        #expect(ActivityTally.recruited(firstEventContact: contact, enrolled: enrolled) == 1)
    }
}
