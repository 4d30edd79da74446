/// The service network's vocabulary and rules: what kind of provider, what a service is about, how
/// easy it is to get in, how a referral moves, when a service's details are stale, and why a service
/// is suggested for a participant.
public enum Sector: String, CaseIterable, Codable, Sendable {
    case publicSector = "public"
    case thirdSector = "third_sector"
    case parish
    case company
    case education
    case socialEnterprise = "social_enterprise"
}

public enum ServiceCategory: String, CaseIterable, Codable, Sendable {
    case workCoaching = "work_coaching"
    case socialRehabilitation = "social_rehabilitation"
    case health
    case substanceAbuse = "substance_abuse"
    case debtAndFinances = "debt_finances"
    case housing
    case education
    case peerSupport = "peer_support"
    case leisureAndCulture = "leisure_culture"
    case sports
}

/// How a person gets in: anyone can come, it is easy to come (no appointment, no referral), or a
/// referral is needed.
public enum Threshold: String, CaseIterable, Codable, Sendable {
    case open
    case low
    case referral
}

/// A referral's life: sent → received → accepted or declined (with a reason) → started → completed or
/// interrupted (with a reason). No state is skipped and nothing comes back from an end.
public enum ReferralState: String, CaseIterable, Codable, Sendable {
    case sent, received, accepted, declined, started, completed, interrupted

    public var next: [ReferralState] {
        switch self {
        case .sent: [.received]
        case .received: [.accepted, .declined]
        case .accepted: [.started]
        case .started: [.completed, .interrupted]
        case .declined, .completed, .interrupted: []
        }
    }

    public var isOpen: Bool { !next.isEmpty }
    /// Declining and interrupting say why.
    public var needsReason: Bool { self == .declined || self == .interrupted }

    public enum Problem: String, Error, Sendable, Equatable {
        case skipsStates = "referral.skips"
        case ended = "referral.ended"
        case reasonMissing = "referral.reason"
    }

    public func move(to target: ReferralState, reason: String) -> Problem? {
        if next.isEmpty { return .ended }
        if !next.contains(target) { return .skipsStates }
        if target.needsReason && reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .reasonMissing }
        return nil
    }
}

public enum ServiceFreshness {
    /// Details not checked for half a year are flagged to their owner.
    public static let staleAfterDays = 183

    public static func isStale(checked: CalendarDate, today: CalendarDate) -> Bool {
        today.dayNumber - checked.dayNumber > staleAfterDays
    }
}

/// Why a service is suggested for a participant, each reason a point towards its rank.
public enum SuggestionReason: Equatable, Sendable, Hashable {
    case goal(word: String)
    case area(String)
    case language(String)
    case weakDomain(String)
    case lowThreshold
}

public enum ServiceSuggestion {
    public struct Person: Sendable {
        public var goalWords: Set<String>
        public var municipality: String?
        public var language: String
        /// Categories that fit the participant's weak assessment results (e.g. a low WHO-5 → health).
        public var weakCategories: [ServiceCategory: String]
        public init(goalWords: Set<String>, municipality: String?, language: String, weakCategories: [ServiceCategory: String] = [:]) {
            self.goalWords = goalWords; self.municipality = municipality; self.language = language; self.weakCategories = weakCategories
        }
    }

    public struct Candidate: Sendable {
        public var words: Set<String>
        public var category: ServiceCategory
        public var areas: Set<String>
        public var languages: Set<String>
        public var threshold: Threshold
        public init(words: Set<String>, category: ServiceCategory, areas: Set<String>, languages: Set<String>, threshold: Threshold) {
            self.words = words; self.category = category; self.areas = areas; self.languages = languages; self.threshold = threshold
        }
    }

    /// The reasons a service fits, or nil when it does not fit at all: a service the person cannot
    /// reach (another area) or understand (none of their languages) is never suggested; one that fits
    /// neither a goal nor a weak result is not suggested either.
    public static func reasons(for person: Person, _ c: Candidate) -> [SuggestionReason]? {
        let inArea = c.areas.isEmpty || person.municipality.map { m in c.areas.contains { $0.caseInsensitiveCompare(m) == .orderedSame } } ?? true
        guard inArea else { return nil }
        guard c.languages.isEmpty || c.languages.contains(person.language) else { return nil }
        var out: [SuggestionReason] = []
        let stems = categoryStems[c.category] ?? []
        for g in person.goalWords.sorted() where stems.contains(where: { g.hasPrefix($0) }) || c.words.contains(where: { sharedPrefix(g, $0) >= 5 }) {
            out.append(.goal(word: g))
        }
        if let domain = person.weakCategories[c.category] { out.append(.weakDomain(domain)) }
        guard !out.isEmpty else { return nil }
        if let m = person.municipality, !c.areas.isEmpty { out.append(.area(m)) }
        if c.languages.contains(person.language) && person.language != "fi" { out.append(.language(person.language)) }
        if c.threshold != .referral { out.append(.lowThreshold) }
        return out
    }

    /// Finnish words inflect ("työkokeiluun", "työkokeilu"): two words match when they share their
    /// first five letters, and a goal matches a category when it starts with one of its stems.
    public static func sharedPrefix(_ a: String, _ b: String) -> Int {
        var n = 0
        for (x, y) in zip(a, b) { if x == y { n += 1 } else { break } }
        return n
    }

    public static let categoryStems: [ServiceCategory: [String]] = [
        .workCoaching: ["työ", "työnhak", "työkokeil", "ansio", "palkkatuk"],
        .socialRehabilitation: ["päivärytm", "arki", "arjen", "osallisuu", "kuntouttav"],
        .health: ["terve", "jaksa", "mielenterv", "uni", "unen", "kipu", "lääkär"],
        .substanceAbuse: ["päihte", "päihde", "alkoholi", "huume", "raittiu", "peliri"],
        .debtAndFinances: ["velk", "velat", "raha", "talou", "ulosot", "budjet"],
        .housing: ["asun", "asumi", "koti", "vuokra"],
        .education: ["koulu", "opisk", "opinno", "tutkin", "ammatilli", "kieli", "suomen kiel"],
        .peerSupport: ["vertai", "yksinä", "ystäv", "kaveri"],
        .leisureAndCulture: ["harrast", "kulttuur", "vapaa-aja", "taide", "musiik"],
        .sports: ["liikun", "kunto", "urheil", "sali", "uinti"],
    ]

    /// Words of a text as search matches them: lower-cased, letters and digits only, 3 or more
    /// characters, common Finnish endings kept (a later step may stem).
    public static func words(_ text: String) -> Set<String> {
        let folded = SearchKey.make(text)
        return Set(folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 3 })
    }
}

public enum ReferralTiming {
    /// Whole days from a referral being sent to the service starting, for those that started.
    public static func days(sentDay: CalendarDate, startedDay: CalendarDate) -> Int { max(0, startedDay.dayNumber - sentDay.dayNumber) }

    /// The median (the lower middle for an even count), or nil for none.
    public static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}
