/// Feedback on one group or service as the team sees it: how many answered, the mean rating and the
/// share of good ratings (4 or 5) — and nothing but "<5" while fewer than five have answered, so no
/// rating or word can be tied to the one or two people who came that week.
public struct FeedbackSummary: Equatable, Sendable {
    public let answers: SmallCount
    /// The mean of the ratings, one decimal; nil while suppressed.
    public let mean: Double?
    /// Per cent of ratings 4 or 5, whole; nil while suppressed.
    public let goodShare: Int?

    public var isShown: Bool { mean != nil }

    /// Ratings outside 1…5 are not counted (the form allows no other).
    public static func of(_ ratings: [Int]) -> FeedbackSummary {
        let valid = ratings.filter { (1...5).contains($0) }
        let answers = SmallCount(valid.count)
        guard case .exact(let n) = answers, n > 0 else { return FeedbackSummary(answers: answers, mean: nil, goodShare: nil) }
        let mean = (Double(valid.reduce(0, +)) / Double(n) * 10).rounded() / 10
        let good = valid.filter { $0 >= 4 }.count
        return FeedbackSummary(answers: answers, mean: mean, goodShare: Int((Double(good) * 100 / Double(n)).rounded()))
    }
}
