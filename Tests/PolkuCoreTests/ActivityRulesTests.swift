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
        let s = Schedule(
            weekdays: [2], from: d("2024-03-01"), to: d("2024-03-31"), start: t("10.00"), end: t("12.00"),
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
        // A breakdown may leave people out (they are "not known") but never count more than came.
        #expect(HeadCount(onSite: 10, byGender: [.female: 6, .male: 3]).problem == nil)
        #expect(HeadCount(onSite: 10, byGender: [.female: 6, .male: 3]).unknownGender == 1)
        #expect(HeadCount(onSite: 10, byGender: [.female: 8, .male: 3]).problem == .breakdownMismatch)
        #expect(HeadCount(onSite: 6, online: 4, byGender: [.female: 8, .male: 2]).problem == nil, "online people are in the breakdown too")
        #expect(HeadCount(onSite: 10, byAge: [.under18: 4, .from55: 7]).problem == .breakdownMismatch)
        #expect(HeadCount(onSite: 10, byAge: [.from18to29: -1]).problem == .negative)
        #expect(HeadCount(onSite: 50_000).problem == nil && HeadCount(onSite: 49_999, online: 2).problem == .implausible)
    }

    @Test func groupAttendanceRateCountsOnlySessionsWhileAMember() {
        let held = ["2024-03-05", "2024-03-12", "2024-03-19", "2024-03-26"].map(d)
        // Joined for the whole group, came to 3 of 4.
        let all = AttendanceRules.Membership(joined: d("2024-03-01"), attended: [d("2024-03-05"), d("2024-03-12"), d("2024-03-26")])
        #expect(all.rate(held: held) == 0.75)
        // Joined on the day of the third session (inclusive), came to both: 100 %; a visit before
        // joining does not push the rate over 100 %.
        let late = AttendanceRules.Membership(joined: d("2024-03-19"), attended: [d("2024-03-05"), d("2024-03-19"), d("2024-03-26")])
        #expect(late.heldDuring(held) == 2 && late.rate(held: held) == 1.0)
        // Left after the first session and came to it.
        let left = AttendanceRules.Membership(joined: d("2024-03-01"), left: d("2024-03-05"), attended: [d("2024-03-05")])
        #expect(left.rate(held: held) == 1.0)
        // The group: (3 + 2 + 1) of (4 + 2 + 1) member-sessions.
        #expect(AttendanceRules.groupRate(held: held, members: [all, late, left]) == 6.0 / 7.0)
        #expect(AttendanceRules.groupRate(held: [], members: [all]) == nil)
        #expect(AttendanceRules.groupRate(held: held, members: []) == nil)
        // A session not held (cancelled, or in the future) is not in `held`, and attending it cannot count.
        let ghost = AttendanceRules.Membership(joined: d("2024-03-01"), attended: [d("2024-04-02")])
        #expect(ghost.rate(held: held) == 0)
    }

    @Test func aSessionWithAttendanceIsNotCancelledOrMovedAhead() {
        let today = d("2024-03-20")
        #expect(AttendanceRules.changeProblem(hasAttendance: false, cancelling: true, newDate: d("2024-04-01"), today: today) == nil)
        #expect(AttendanceRules.changeProblem(hasAttendance: true, cancelling: true, newDate: d("2024-03-19"), today: today) == .recordedCannotCancel)
        #expect(AttendanceRules.changeProblem(hasAttendance: true, cancelling: false, newDate: d("2024-03-21"), today: today) == .recordedCannotMoveAhead)
        #expect(AttendanceRules.changeProblem(hasAttendance: true, cancelling: false, newDate: d("2024-03-20"), today: today) == nil, "today is not ahead")
    }

    @Test func onlyHeldSessionsTakeAttendance() {
        let today = d("2024-03-20")
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-19"), cancelled: false, today: today) == nil)
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-20"), cancelled: false, today: today) == nil)
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-21"), cancelled: false, today: today) == .futureSession)
        #expect(AttendanceRules.problem(sessionDate: d("2024-03-19"), cancelled: true, today: today) == .cancelledSession)
    }

    @Test func tallyCountsUniquePeopleOnceAndHeadsApart() {
        var tally = ActivityTally<String>()
        tally.addSession(attendees: ["a", "b", "a"])
        tally.addSession(attendees: ["a", "c"])
        tally.addSession(attendees: [], headCount: HeadCount(onSite: 100, online: 60))
        #expect(tally.sessionsHeld == 3)
        #expect(tally.uniqueParticipants == 3)
        #expect(tally.namedAttendances == 4, "a recorded twice in one session counts once")
        #expect(tally.headCount == 160 && tally.onlineHeadCount == 60)
        tally.addSession(attendees: [], guests: 3, headCount: HeadCount(onSite: 20, byGender: [.female: 12, .male: 5], byAge: [.from55: 9]))
        #expect(tally.headByGender == [.female: 12, .male: 5] && tally.headByAge == [.from55: 9] && tally.guests == 3)
        #expect(tally.totalAttendances == 4 + 160 + 3 + 20, "named, heads and guests")
        #expect(AttendanceRules.rate(attended: 3, held: 4) == 0.75)
        #expect(AttendanceRules.rate(attended: 0, held: 0) == nil)
    }

    @Test func recruitedThroughEventsMeansEnrolledAfterTheFirstContact() {
        let contact = ["a": d("2024-03-01"), "b": d("2024-03-01"), "c": d("2024-03-01")]
        let enrolled = ["a": d("2024-03-15"), "b": d("2024-02-01")]
        #expect(ActivityTally<String>.recruited(firstEventContact: contact, enrolled: enrolled) == 1)
    }
}
