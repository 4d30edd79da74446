/// Where a project's money comes from, in the categories of EURA's financing plan: EU and state
/// funding (granted together by the intermediate body), the municipalities' share (both public),
/// the implementer's own and private funding.
public enum FundingSource: String, CaseIterable, Codable, Sendable {
    case euState = "eu_state"
    case municipal
    case own
    case `private`

    /// EURA's "julkinen rahoitus": the EU and state part and the municipalities' part.
    public var isPublic: Bool { self == .euState || self == .municipal }
}

/// One line of a financing plan: planned (granted) and realised euros of one source, for one year
/// or, when `year` is nil, for the whole project (the seeds report most budgets only as totals).
public struct FundingLine: Equatable, Sendable, Codable {
    public var year: Int?
    public var source: FundingSource
    public var planned: Int
    /// Nil until something is realised (reported to the funder).
    public var realised: Int?

    public init(year: Int?, source: FundingSource, planned: Int, realised: Int?) {
        self.year = year; self.source = source; self.planned = planned; self.realised = realised
    }
}

/// The financing plan summed: by source, the public part, the whole, and by year.
public struct FundingSummary: Equatable, Sendable {
    public struct Sum: Equatable, Sendable {
        public var planned = 0
        /// Nil when no line of the sum has a realised figure: "not reported" is not zero.
        public var realised: Int?
        public init(planned: Int = 0, realised: Int? = nil) { self.planned = planned; self.realised = realised }
        mutating func add(_ line: FundingLine) {
            planned += line.planned
            if let r = line.realised { realised = (realised ?? 0) + r }
        }
    }

    public private(set) var bySource: [FundingSource: Sum] = [:]
    public private(set) var publicFunding = Sum()
    public private(set) var total = Sum()
    /// Per year, in order; lines without a year are in the totals only.
    public private(set) var byYear: [(year: Int, sum: Sum)] = []

    public init(_ lines: [FundingLine]) {
        var years: [Int: Sum] = [:]
        for line in lines {
            bySource[line.source, default: Sum()].add(line)
            if line.source.isPublic { publicFunding.add(line) }
            total.add(line)
            if let y = line.year { years[y, default: Sum()].add(line) }
        }
        byYear = years.keys.sorted().map { ($0, years[$0]!) }
    }

    public static func == (a: FundingSummary, b: FundingSummary) -> Bool {
        a.bySource == b.bySource && a.publicFunding == b.publicFunding && a.total == b.total
            && a.byYear.map(\.year) == b.byYear.map(\.year) && a.byYear.map(\.sum) == b.byYear.map(\.sum)
    }

    public var isEmpty: Bool { bySource.isEmpty }
}

/// Cost per person: realised euros divided by the people, to the euro. A count from 1 to 4 gives
/// no figure: with the realised sum public, the quotient would give the suppressed count away.
public enum CostPerPerson {
    public static func of(realised: Int?, people: Int) -> Int? {
        guard let realised, people >= SmallCount.threshold else { return nil }
        return Int((Double(realised) / Double(people)).rounded())
    }

    /// A completed path: the person left with a known destination. An interrupted path, one whose
    /// person moved away, and one whose outcome is unknown or not recorded are not completed.
    public static func completes(_ outcome: ServiceOutcome?) -> Bool {
        guard let outcome else { return false }
        return ![.interrupted, .movedAway, .noKnownOutcome].contains(outcome)
    }
}
