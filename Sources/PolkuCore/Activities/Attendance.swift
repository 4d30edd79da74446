/// Attendance of one session: named participants, or an anonymous head count (open events), or both.
/// The rules that decide what may be recorded and how it adds up.
public struct HeadCount: Sendable, Equatable {
    public var onSite: Int
    public var online: Int
    /// Optional breakdowns of the same people. Whoever is left out of a breakdown is "not known"; a
    /// breakdown may leave people out but never count more people than came.
    public var byGender: [ESFGender: Int]
    public var byAge: [AgeBand: Int]

    public init(onSite: Int, online: Int = 0, byGender: [ESFGender: Int] = [:], byAge: [AgeBand: Int] = [:]) {
        self.onSite = onSite; self.online = online; self.byGender = byGender; self.byAge = byAge
    }

    public var total: Int { onSite + online }
    public var unknownGender: Int { total - byGender.values.reduce(0, +) }
    public var unknownAge: Int { total - byAge.values.reduce(0, +) }

    /// Over this many people at one session is a typing error, not an event (the largest seed event
    /// had a few hundred; a city festival some thousands).
    public static let plausibleMaximum = 50_000

    public var problem: AttendanceProblem? {
        if onSite < 0 || online < 0 || byGender.values.contains(where: { $0 < 0 }) || byAge.values.contains(where: { $0 < 0 }) { return .negative }
        if total > Self.plausibleMaximum { return .implausible }
        if unknownGender < 0 || unknownAge < 0 { return .breakdownMismatch }
        return nil
    }
}

public enum AttendanceProblem: String, Sendable, Equatable {
    case negative = "attendance.negative"
    case implausible = "attendance.implausible"
    case breakdownMismatch = "attendance.breakdown"
    case cancelledSession = "attendance.cancelled"
    case futureSession = "attendance.future"
    case recordedCannotCancel = "attendance.recorded_cancel"
    case recordedCannotMoveAhead = "attendance.recorded_future"
}

public enum AttendanceRules {
    /// Attendance can be recorded for a session that was held: not cancelled, and not in the future.
    public static func problem(sessionDate: CalendarDate, cancelled: Bool, today: CalendarDate) -> AttendanceProblem? {
        if cancelled { return .cancelledSession }
        if sessionDate > today { return .futureSession }
        return nil
    }

    /// A session with attendance recorded cannot be cancelled or moved to a day still to come: the
    /// attendance would stop counting without anyone deciding so. Clear the attendance first.
    public static func changeProblem(hasAttendance: Bool, cancelling: Bool, newDate: CalendarDate, today: CalendarDate) -> AttendanceProblem? {
        guard hasAttendance else { return nil }
        if cancelling { return .recordedCannotCancel }
        if newDate > today { return .recordedCannotMoveAhead }
        return nil
    }

    /// A participant's attendance rate in a group: sessions attended of the sessions held while they
    /// were in the group (cancelled and future sessions do not count). Nil when none were held.
    public static func rate(attended: Int, held: Int) -> Double? {
        guard held > 0 else { return nil }
        return Double(min(attended, held)) / Double(held)
    }

    /// One member's time in a group and the sessions they came to.
    public struct Membership: Sendable, Equatable {
        public var joined: CalendarDate
        public var left: CalendarDate?
        public var attended: Set<CalendarDate>
        public init(joined: CalendarDate, left: CalendarDate? = nil, attended: Set<CalendarDate>) {
            self.joined = joined; self.left = left; self.attended = attended
        }

        /// The held sessions that fell inside the membership.
        public func covers(_ date: CalendarDate) -> Bool {
            date >= joined && (left.map { date <= $0 } ?? true)
        }

        public func heldDuring(_ held: [CalendarDate]) -> Int {
            held.filter(covers).count
        }

        /// A member who came to a session outside their membership (before joining, after leaving)
        /// still counts as having come; the rate is capped at 100 %.
        public func attendedDuring(_ held: Set<CalendarDate>) -> Int {
            attended.filter { held.contains($0) && covers($0) }.count
        }

        public func rate(held: [CalendarDate]) -> Double? {
            AttendanceRules.rate(attended: attendedDuring(Set(held)), held: heldDuring(held))
        }
    }

    /// A group's attendance rate: of all the member-sessions it held (each member times each session
    /// held while they were a member), the share attended. Nil when no member had a session.
    public static func groupRate(held: [CalendarDate], members: [Membership]) -> Double? {
        let heldSet = Set(held)
        var possible = 0, came = 0
        for m in members {
            let during = m.heldDuring(held)
            possible += during
            came += m.attendedDuring(heldSet)
        }
        guard possible > 0 else { return nil }
        return Double(came) / Double(possible)
    }
}

/// The figures the seeds report for activities ("125 sessions, 74 participants"), for one period.
/// Generic over how a person is identified (the app uses UUIDs; hashing strings cost time at a
/// million records).
public struct ActivityTally<Person: Hashable & Sendable>: Sendable, Equatable {
    public private(set) var sessionsHeld = 0
    public private(set) var namedAttendances = 0
    public private(set) var headCount = 0
    public private(set) var onlineHeadCount = 0
    /// Head counts by gender and age band where they were given; the rest of `headCount` is not known.
    public private(set) var headByGender: [ESFGender: Int] = [:]
    public private(set) var headByAge: [AgeBand: Int] = [:]
    /// People at the sessions who are not participants: guests by name and trainees by organisation.
    public private(set) var guests = 0
    private var people = Set<Person>()

    public init() {}

    /// Unique named participants: a person who came to 40 sessions is one participant.
    public var uniqueParticipants: Int { people.count }
    /// Everyone who came: named attendances, guests and anonymous heads.
    public var totalAttendances: Int { namedAttendances + guests + headCount }

    /// Adds one held session with its named attendees (any stable identifier) and head count.
    public mutating func addSession(attendees: [Person], guests: Int = 0, headCount count: HeadCount? = nil) {
        sessionsHeld += 1
        namedAttendances += Set(attendees).count
        people.formUnion(attendees)
        self.guests += max(0, guests)
        if let count {
            headCount += count.total
            onlineHeadCount += count.online
            for (g, n) in count.byGender { headByGender[g, default: 0] += n }
            for (a, n) in count.byAge { headByAge[a, default: 0] += n }
        }
    }

    /// New participants recruited through events: their first contact was at an event and they were
    /// enrolled later (on a later day). Inputs: first event date per person, enrolment date per person.
    public static func recruited(firstEventContact: [Person: CalendarDate], enrolled: [Person: CalendarDate]) -> Int {
        firstEventContact.filter { person, contact in enrolled[person].map { $0 > contact } ?? false }.count
    }
}
