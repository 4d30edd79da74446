import Foundation
import PolkuCore

extension CalendarDate {
    /// The Finnish day of `now` (see `Clock.today`): a note written at 00:30 belongs to the Finnish day, not the UTC one.
    static func inFinland(_ now: Date) -> CalendarDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Helsinki")!
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
