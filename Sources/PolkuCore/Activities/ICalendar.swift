import Foundation

/// An activity's sessions as an iCalendar (RFC 5545) feed that calendar programs can subscribe to.
/// Times are local Finnish times with the Europe/Helsinki zone given in the feed, so a moved clock
/// (summer time) never shifts a session.
public struct ICalendar: Sendable {
    public struct Event: Sendable, Equatable {
        public var uid: String
        public var date: CalendarDate
        public var start: ClockTime
        public var end: ClockTime
        public var summary: String
        public var location: String?
        public var description: String?
        public var cancelled: Bool
        /// Bumped whenever the session changes, so that subscribers replace their copy.
        public var sequence: Int

        public init(
            uid: String, date: CalendarDate, start: ClockTime, end: ClockTime, summary: String, location: String? = nil,
            description: String? = nil, cancelled: Bool = false, sequence: Int = 0
        ) {
            self.uid = uid; self.date = date; self.start = start; self.end = end; self.summary = summary
            self.location = location; self.description = description; self.cancelled = cancelled; self.sequence = sequence
        }
    }

    public var name: String
    public var events: [Event]
    /// When the feed was made, as UTC `yyyyMMdd'T'HHmmss'Z'` (DTSTAMP is required on every event).
    public var stamp: String

    public init(name: String, events: [Event], stamp: String) {
        self.name = name; self.events = events; self.stamp = stamp
    }

    /// A moment as iCalendar's UTC date-time (`20260304T101500Z`), for `DTSTAMP`.
    public static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    public static let timeZone = "Europe/Helsinki"

    /// The feed's text: CRLF line ends, long lines folded at 75 octets.
    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Polku//Polku activities//FI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + Self.timeZone,
        ]
        // EU summer time: from the last Sunday of March 03:00 to the last Sunday of October 04:00 local.
        lines += [
            "BEGIN:VTIMEZONE", "TZID:" + Self.timeZone,
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "TZNAME:EEST", "DTSTART:19810329T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "TZNAME:EET", "DTSTART:19961027T040000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
        ]
        for e in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + Self.escape(e.uid), "DTSTAMP:" + stamp,
                "DTSTART;TZID=\(Self.timeZone):" + Self.local(e.date, e.start),
                "DTEND;TZID=\(Self.timeZone):" + Self.local(e.date, e.end),
                "SUMMARY:" + Self.escape(e.summary), "SEQUENCE:\(e.sequence)",
                "STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"),
            ]
            if let l = e.location, !l.isEmpty { lines.append("LOCATION:" + Self.escape(l)) }
            if let d = e.description, !d.isEmpty { lines.append("DESCRIPTION:" + Self.escape(d)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func local(_ d: CalendarDate, _ t: ClockTime) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(d.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + two(d.month) + two(d.day) + "T" + two(t.minutes / 60) + two(t.minutes % 60) + "00"
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11); other
    /// control characters are dropped, as no calendar program shows them.
    public static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8
    /// character (RFC 5545 3.1).
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", current = 0, limit = 75
        for ch in line {
            let n = String(ch).utf8.count
            if current + n > limit {
                out += "\r\n "
                current = 0
                limit = 74
            }
            out.append(ch)
            current += n
        }
        return out
    }
}
