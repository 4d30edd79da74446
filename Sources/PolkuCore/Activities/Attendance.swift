/// Attendance of one session: named participants, or an anonymous head count (open events), or both.
/// The rules that decide what may be recorded and how it adds up.
public struct HeadCount: Sendable, Equatable {
    public var onSite: Int
    public var online: Int
    /// Optional breakdowns; when given they must add up to the total.
    public var byGender: [ESFGender: Int]
    public var unknownGender: Int

    public init(onSite: Int, online: Int = 0, byGender: [ESFGender: Int] = [:], unknownGender: Int = 0) {
        self.onSite = onSite; self.online = online; self.byGender = byGender; self.unknownGender = unknownGender
    }

    public var total: Int { onSite + online }

    /// Over this many people at one session is a typing error, not an event (the largest seed event
    /// had a few hundred; a city festival some thousands).
    public static let plausibleMaximum = 50_000

    public var problem: AttendanceProblem? {
        if onSite < 0 || online < 0 || unknownGender < 0 || byGender.values.contains(where: { $0 < 0 }) { return .negative }
        if total > Self.plausibleMaximum { return .implausible }
        if !byGender.isEmpty && byGender.values.reduce(unknownGender, +) != total { return .breakdownMismatch }
        return nil
    }
}

public enum AttendanceProblem: String, Sendable, Equatable {
    case negative = "attendance.negative"
    case implausible = "attendance.implausible"
    case breakdownMismatch = "attendance.breakdown"
    case cancelledSession = "attendance.cancelled"
    case futureSession = "attendance.future"
}

public enum AttendanceRules {
    /// Attendance can be recorded for a session that was held: not cancelled, and not in the future.
    public static func problem(sessionDate: CalendarDate, cancelled: Bool, today: CalendarDate) -> AttendanceProblem? {
        if cancelled { return .cancelledSession }
        if sessionDate > today { return .futureSession }
        return nil
    }

    /// A participant's attendance rate in a group: sessions attended of the sessions held while they
    /// were in the group (cancelled and future sessions do not count). Nil when none were held.
    public static func rate(attended: Int, held: Int) -> Double? {
        guard held > 0 else { return nil }
        return Double(min(attended, held)) / Double(held)
    }
}

/// The figures the seeds report for activities ("125 sessions, 74 participants"), for one period.
public struct ActivityTally: Sendable, Equatable {
    public private(set) var sessionsHeld = 0
    public private(set) var namedAttendances = 0
    public private(set) var headCount = 0
    public private(set) var onlineHeadCount = 0
    private var people = Set<String>()

    public init() {}

    /// Unique named participants: a person who came to 40 sessions is one participant.
    public var uniqueParticipants: Int { people.count }
    /// Everyone who came: named attendances plus anonymous heads.
    public var totalAttendances: Int { namedAttendances + headCount }

    /// Adds one held session with its named attendees (any stable identifier) and head count.
    public mutating func addSession(attendees: [String], headCount count: HeadCount? = nil) {
        sessionsHeld += 1
        namedAttendances += Set(attendees).count
        people.formUnion(attendees)
        if let count {
            headCount += count.total
            onlineHeadCount += count.online
        }
    }

    /// New participants recruited through events: their first contact was at an event and they were
    /// enrolled later (on a later day). Inputs: first event date per person, enrolment date per person.
    public static func recruited(firstEventContact: [String: CalendarDate], enrolled: [String: CalendarDate]) -> Int {
        firstEventContact.filter { person, contact in enrolled[person].map { $0 > contact } ?? false }.count
    }
}
