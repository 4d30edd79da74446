/// How long a project keeps a participant's personal data (GDPR Art. 5(1)(e)): a number of months
/// after the participant's exit from the project, or after the project's end. ESF rules keep
/// documents for years after a project closes, so each project sets its own rule as data.
public struct RetentionRule: Equatable, Sendable {
    public enum Basis: String, CaseIterable, Sendable {
        /// Counted from the end of the participant's enrolment.
        case exit
        /// Counted from the project's end date (the funder's retention of project documents).
        case projectEnd = "project_end"
    }

    public var months: Int
    public var basis: Basis

    public init(months: Int, basis: Basis) {
        self.months = months
        self.basis = basis
    }

    /// The range a project may set: none at all up to 30 years.
    public static let allowedMonths = 0...360
}

/// One enrolment as retention sees it.
public struct RetainedEnrolment: Sendable {
    public var exit: CalendarDate?
    public var projectEnd: CalendarDate?
    public var rule: RetentionRule?

    public init(exit: CalendarDate?, projectEnd: CalendarDate?, rule: RetentionRule?) {
        self.exit = exit
        self.projectEnd = projectEnd
        self.rule = rule
    }

    /// The first day this enrolment no longer needs the person's data; nil while it may (an open
    /// enrolment, a project without a rule, or a rule counted from an end date not yet set).
    public var releasedOn: CalendarDate? {
        guard let rule, let exit else { return nil }
        switch rule.basis {
        case .exit: return exit.adding(months: rule.months).adding(days: 1)
        case .projectEnd: return projectEnd.map { max($0, exit).adding(months: rule.months).adding(days: 1) }
        }
    }
}

public enum Retention {
    /// The day a participant's personal data are due for anonymisation: when the last of their
    /// enrolments releases them. A person enrolled twice is kept for the longer of the two; one who
    /// has an open enrolment, or one in a project without a rule, is kept.
    public static func dueOn(_ enrolments: [RetainedEnrolment]) -> CalendarDate? {
        guard !enrolments.isEmpty else { return nil }
        var latest: CalendarDate? = nil
        for e in enrolments {
            guard let released = e.releasedOn else { return nil }
            latest = max(latest ?? released, released)
        }
        return latest
    }

    /// A birth date as coarse as the reports allow: the reports need only the age at each entry, so
    /// the day (and, where it can, the month) is dropped while every such age stays the same.
    /// Tried in order: 1 January, the first of the birth month, and the date itself.
    public static func coarseBirthDate(_ birth: CalendarDate, keepingAgesAt entries: [CalendarDate]) -> CalendarDate {
        let candidates = [CalendarDate(year: birth.year, month: 1, day: 1), CalendarDate(year: birth.year, month: birth.month, day: 1)]
        for case let candidate? in candidates where entries.allSatisfy({ candidate.age(on: $0) == birth.age(on: $0) }) {
            return candidate
        }
        return birth
    }
}

extension CalendarDate {
    /// The same day `months` later; the 31st becomes the month's last day where the month is shorter.
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.days(in: m, of: y)))!
    }
}
