import PolkuCore

enum CalendarDateFormatter {
    static func parse(_ text: String) -> CalendarDate? { CalendarDate(parsing: text) }
}
