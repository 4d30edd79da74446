import PolkuCore
import Testing

@Suite struct ICalendarTests {
    let d = { (s: String) in CalendarDate(parsing: s)! }
    let t = { (s: String) in ClockTime(parsing: s)! }

    @Test func textIsEscapedAsRFC5545Says() {
        #expect(ICalendar.escape("Kahvi; pulla, ja \\ kaikki\nmuu") == "Kahvi\\; pulla\\, ja \\\\ kaikki\\nmuu")
        #expect(ICalendar.escape("a\u{0}b\u{7}c\r") == "abc", "control characters would break the feed")
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "Ää", count: 60)
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding gives the line back.
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test func aFeedHasItsSessionsInHelsinkiTime() {
        let cal = ICalendar(
            name: "Reeraa!, ryhmä",
            events: [
                .init(uid: "s1@polku", date: d("2024-03-05"), start: t("10.00"), end: t("12.00"), summary: "Reeraa!", location: "Pihlava"),
                .init(uid: "s2@polku", date: d("2024-03-12"), start: t("9.30"), end: t("11"), summary: "Reeraa!", cancelled: true, sequence: 2),
            ], stamp: "20241124T120000Z")
        let text = cal.render()
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(text.contains("X-WR-CALNAME:Reeraa!\\, ryhmä"))
        #expect(text.contains("DTSTART;TZID=Europe/Helsinki:20240305T100000\r\nDTEND;TZID=Europe/Helsinki:20240305T120000"))
        #expect(text.contains("DTSTART;TZID=Europe/Helsinki:20240312T093000"))
        #expect(text.contains("STATUS:CANCELLED") && text.contains("SEQUENCE:2") && text.contains("LOCATION:Pihlava"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 3 && text.components(separatedBy: "END:VEVENT").count == 3)
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki"))
    }
}
