import Foundation

/// A moment as the clock on the wall in Finland shows it, for the times pages print (a note's
/// "8.5.2026 klo 14.05"). A `DateFormatter` made per call cost more than the rest of a participant
/// page's rendering (issue 11), and one shared formatter is not safe across threads on Linux; this is
/// the EU rule Finland follows: UTC+2, and UTC+3 from the last Sunday of March 01:00 UTC to the last
/// Sunday of October 01:00 UTC (the same instant in every EU zone since 1996).
public struct HelsinkiTime: Equatable, Sendable {
    public let year: Int, month: Int, day: Int, hour: Int, minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year; self.month = month; self.day = day; self.hour = hour; self.minute = minute
    }

    /// nil before 1996, when the rule was different; callers fall back to Foundation's zone data.
    public init?(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let utc = Self.civil(days: Self.floorDiv(seconds, 86_400))
        guard utc.year >= 1996 else { return nil }
        let summerStart = Self.lastSundayOneAM(year: utc.year, month: 3)
        let summerEnd = Self.lastSundayOneAM(year: utc.year, month: 10)
        let offset = seconds >= summerStart && seconds < summerEnd ? 3 * 3_600 : 2 * 3_600
        let local = seconds + offset
        let c = Self.civil(days: Self.floorDiv(local, 86_400))
        let inDay = local - Self.floorDiv(local, 86_400) * 86_400
        year = c.year; month = c.month; day = c.day; hour = inDay / 3_600; minute = inDay % 3_600 / 60
    }

    /// Finnish style: "8.5.2026 klo 14.05".
    public var finnish: String { "\(day).\(month).\(year) klo \(Self.two(hour)).\(Self.two(minute))" }
    /// ISO style for English pages: "2026-05-08 14:05".
    public var iso: String { "\(year)-\(Self.two(month))-\(Self.two(day)) \(Self.two(hour)):\(Self.two(minute))" }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Seconds since 1970 of 01:00 UTC on the last Sunday of `month` (31 days in March and October).
    private static func lastSundayOneAM(year: Int, month: Int) -> Int {
        let last = days(year: year, month: month, day: 31)
        let weekday = (last + 4) % 7  // 1970-01-01 was a Thursday; 0 = Sunday
        return (last - weekday) * 86_400 + 3_600
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(days z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
