/// A group's recurring schedule ("weekly on Tuesdays 10–12 from … to …") and the sessions it
/// generates, with single sessions cancelled or moved. Pure, so that the calendar, the attendance
/// pages and the reports all agree on which sessions exist.
public struct Schedule: Sendable, Equatable {
    /// ISO weekdays: 1 = Monday … 7 = Sunday.
    public var weekdays: Set<Int>
    /// Every `interval` weeks (1 = weekly, 2 = every other week), counted from the week of `from`.
    public var interval: Int
    public var from: CalendarDate
    public var to: CalendarDate
    public var start: ClockTime
    public var end: ClockTime
    public var cancelled: Set<CalendarDate>
    /// A session moved from one date to another (and possibly another time).
    public var moved: [CalendarDate: (date: CalendarDate, start: ClockTime, end: ClockTime)]

    public init(
        weekdays: Set<Int>, interval: Int = 1, from: CalendarDate, to: CalendarDate, start: ClockTime, end: ClockTime,
        cancelled: Set<CalendarDate> = [], moved: [CalendarDate: (date: CalendarDate, start: ClockTime, end: ClockTime)] = [:]
    ) {
        self.weekdays = weekdays; self.interval = interval; self.from = from; self.to = to; self.start = start; self.end = end
        self.cancelled = cancelled; self.moved = moved
    }

    public static func == (a: Schedule, b: Schedule) -> Bool {
        a.weekdays == b.weekdays && a.interval == b.interval && a.from == b.from && a.to == b.to && a.start == b.start
            && a.end == b.end && a.cancelled == b.cancelled && a.moved.mapValues { "\($0.date)\($0.start)\($0.end)" } == b.moved.mapValues { "\($0.date)\($0.start)\($0.end)" }
    }

    /// Why a schedule cannot be used, or nil.
    public var problem: ScheduleProblem? {
        if weekdays.isEmpty || !weekdays.allSatisfy({ (1...7).contains($0) }) { return .noWeekdays }
        if interval < 1 || interval > 8 { return .badInterval }
        if to < from { return .endBeforeStart }
        if end <= start { return .endBeforeStartTime }
        if to.dayNumber - from.dayNumber > 3 * 366 { return .tooLong }
        return nil
    }

    public struct Occurrence: Sendable, Equatable, Hashable {
        /// The date the schedule gave it, which identifies it even when it was moved.
        public let scheduledDate: CalendarDate
        public let date: CalendarDate
        public let start: ClockTime
        public let end: ClockTime
        public let isCancelled: Bool
    }

    /// Every session of the schedule, cancelled ones included (marked), in date order.
    public func occurrences() -> [Occurrence] {
        guard problem == nil else { return [] }
        let firstWeek = from.dayNumber - (from.weekday - 1)
        var out: [Occurrence] = []
        var day = from
        while day <= to {
            let week = (day.dayNumber - firstWeek) / 7
            if weekdays.contains(day.weekday) && week % interval == 0 {
                if let move = moved[day] {
                    out.append(Occurrence(scheduledDate: day, date: move.date, start: move.start, end: move.end, isCancelled: cancelled.contains(day)))
                } else {
                    out.append(Occurrence(scheduledDate: day, date: day, start: start, end: end, isCancelled: cancelled.contains(day)))
                }
            }
            day = day.adding(days: 1)
        }
        return out.sorted { ($0.date, $0.start) < ($1.date, $1.start) }
    }
}

public enum ScheduleProblem: String, Sendable, Equatable {
    case noWeekdays = "schedule.no_weekdays"
    case badInterval = "schedule.interval"
    case endBeforeStart = "schedule.end_before_start"
    case endBeforeStartTime = "schedule.end_time"
    case tooLong = "schedule.too_long"
}

/// A time of day to the minute, as a schedule states it ("10.00", "10:00").
public struct ClockTime: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let minutes: Int
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        guard (1...2).contains(parts.count), let h = Int(parts[0]), let m = parts.count == 2 ? Int(parts[1]) : 0,
            parts.count == 1 || parts[1].count == 2
        else { return nil }
        self.init(hour: h, minute: m)
    }
    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }
}

extension CalendarDate {
    /// Days since 1970-01-01 (proleptic Gregorian), for weekday and interval arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }
}
