/// One participant's participation in one operation (project), as the ESF rules count it: once,
/// however often the person entered and left.
public struct Participation: Sendable, Equatable {
    public var entry: EntryData
    public var exit: ExitData?
    public var followUp: FollowUp?

    public init(entry: EntryData, exit: ExitData? = nil, followUp: FollowUp? = nil) {
        self.entry = entry; self.exit = exit; self.followUp = followUp
    }

    /// Several spells in one project become one participation: the first entry's date and data, the
    /// last exit (only if the last spell has ended) and the follow-up after that exit.
    public static func merging(_ spells: [Participation]) -> Participation? {
        let ordered = spells.sorted { $0.entry.entryDate < $1.entry.entryDate }
        guard let first = ordered.first, let last = ordered.last else { return nil }
        return Participation(entry: first.entry, exit: last.exit, followUp: last.exit == nil ? nil : last.followUp)
    }

    public var hasLeft: Bool { exit != nil }
}

extension CalendarDate {
    /// The date `days` later, across months and years.
    public func adding(days: Int) -> CalendarDate {
        var y = year, m = month, d = day + days
        while d > CalendarDate.days(in: m, of: y) {
            d -= CalendarDate.days(in: m, of: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += CalendarDate.days(in: m, of: y)
        }
        return CalendarDate(year: y, month: m, day: d)!
    }
}
