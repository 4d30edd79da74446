/// What came before a participant's enrolment (issue 17): earlier services, periods and steps, and
/// the rules that count them for a report. PARTY's TTP asked what had happened before 300 days of
/// unemployment; a report asks how many had a health check before and how long they had been
/// unemployed when they entered.
public enum LookBack {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case unemployment, healthCheck = "health_check", rehabilitation, education, work
        case workTrial = "work_trial", socialService = "social_service", other
    }

    public struct Record: Equatable, Sendable {
        public var kind: Kind
        public var from: CalendarDate
        /// Nil: still going on.
        public var to: CalendarDate?
        public init(kind: Kind, from: CalendarDate, to: CalendarDate?) { self.kind = kind; self.from = from; self.to = to }
    }

    /// The kinds of record that began before the day of entry (a step begun on the day of entry is
    /// part of the path, not before it).
    public static func before(_ records: [Record], entry: CalendarDate) -> Set<Kind> {
        Set(records.filter { $0.from < entry }.map(\.kind))
    }

    /// Days unemployed on the day of entry: the longest unemployment period that began before entry
    /// and had not ended before it; nil when there is none.
    public static func unemployedDays(_ records: [Record], entry: CalendarDate) -> Int? {
        records.filter { $0.kind == .unemployment && $0.from < entry && ($0.to.map { $0 >= entry } ?? true) }
            .map { entry.dayNumber - $0.from.dayNumber }.max()
    }

    /// The bands a report shows: under 300 days, 300 days to a year, one to two years, over two.
    public enum Band: String, CaseIterable, Sendable {
        case under300 = "under_300", to1Year = "300_364", to2Years = "1_2_years", over2Years = "over_2_years"
        public init(days: Int) {
            switch days {
            case ..<300: self = .under300
            case ..<365: self = .to1Year
            case ..<730: self = .to2Years
            default: self = .over2Years
            }
        }
    }
}
