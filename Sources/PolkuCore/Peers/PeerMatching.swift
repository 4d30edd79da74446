/// Suggestions of a peer (a buddy, a peer coach, an experience expert) for a participant (issue 16),
/// ranked by what they share, each with its reasons, as the service suggestions give theirs. Only
/// approved peers whose time has not ended are suggested.
public enum PeerMatching {
    /// What the participant would like their peer to share with them.
    public struct Wish: Equatable, Sendable {
        public var interests: Set<String>
        public var languages: Set<String>
        public var area: String
        /// Weekday words ("ma", "ti", …) the participant can meet on.
        public var days: Set<String>
        public init(interests: Set<String>, languages: Set<String>, area: String, days: Set<String>) {
            self.interests = interests; self.languages = languages; self.area = area; self.days = days
        }
    }

    public struct Peer: Equatable, Sendable {
        public var id: String
        public var interests: Set<String>
        public var languages: Set<String>
        public var area: String
        public var days: Set<String>
        public var approved: Bool
        /// The day (ISO) the peer's time ends, if set; a peer is suggested up to and including it.
        public var endsOn: String?
        public init(id: String, interests: Set<String>, languages: Set<String>, area: String, days: Set<String>, approved: Bool, endsOn: String?) {
            self.id = id; self.interests = interests; self.languages = languages; self.area = area; self.days = days
            self.approved = approved; self.endsOn = endsOn
        }
    }

    public enum Reason: Equatable, Sendable {
        case interests([String])
        case language([String])
        case area(String)
        case days([String])
    }

    public struct Suggestion: Equatable, Sendable {
        public let peer: String
        public let score: Int
        public let reasons: [Reason]
    }

    /// Words as the forms take them: split on commas and spaces, lower-cased, empty ones dropped.
    public static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init).filter { !$0.isEmpty })
    }

    /// A shared language counts most (without one, the two cannot talk), then each shared interest,
    /// the same area, and each shared day. Peers sharing nothing are not suggested; ties go by id.
    public static func rank(_ wish: Wish, _ peers: [Peer], today: String) -> [Suggestion] {
        peers.compactMap { p -> Suggestion? in
            guard p.approved, p.endsOn.map({ $0 >= today }) ?? true else { return nil }
            var reasons: [Reason] = []
            var score = 0
            let languages = wish.languages.intersection(p.languages).sorted()
            if !languages.isEmpty { reasons.append(.language(languages)); score += 10 }
            let interests = wish.interests.intersection(p.interests).sorted()
            if !interests.isEmpty { reasons.append(.interests(interests)); score += 3 * interests.count }
            let area = wish.area.lowercased()
            if !area.isEmpty && area == p.area.lowercased() { reasons.append(.area(p.area)); score += 4 }
            let days = wish.days.intersection(p.days).sorted()
            if !days.isEmpty { reasons.append(.days(days)); score += days.count }
            return reasons.isEmpty ? nil : Suggestion(peer: p.id, score: score, reasons: reasons)
        }.sorted { ($0.score, $1.peer) > ($1.score, $0.peer) }
    }
}
