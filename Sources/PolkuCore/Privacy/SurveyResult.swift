/// A survey's questions and the sums of its answers (issue 16). Nothing is shown, not even the words,
/// until at least five people have answered (`SmallCount.threshold`): with four answers a reader who
/// knows who came could tell who wrote what.
public struct SurveyQuestion: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case scale, text }
    public let id: String
    public let kind: Kind
    public let text: String

    public init(id: String, kind: Kind, text: String) { self.id = id; self.kind = kind; self.text = text }

    /// The questions as a manager writes them: one rating question (1–5) per line, then optionally
    /// one open question. Blank lines are skipped; at most ten rating questions.
    public static func from(ratings: String, open: String) -> [SurveyQuestion] {
        let lines = ratings.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var out = lines.prefix(10).enumerated().map { SurveyQuestion(id: "q\($0.offset + 1)", kind: .scale, text: String($0.element.prefix(300))) }
        let question = open.trimmingCharacters(in: .whitespacesAndNewlines)
        if !question.isEmpty { out.append(SurveyQuestion(id: "open", kind: .text, text: String(question.prefix(300)))) }
        return out
    }
}

public struct SurveyResult: Equatable, Sendable {
    /// How many answered at all; "<5" hides everything below.
    public let answers: SmallCount
    /// Per rating question, in the survey's order.
    public let ratings: [(question: SurveyQuestion, summary: FeedbackSummary)]
    /// What was written to the open question, alphabetically (not in the order of answering).
    public let texts: [String]

    public var isShown: Bool { if case .exact(let n) = answers { n >= SmallCount.threshold } else { false } }

    public static func == (a: SurveyResult, b: SurveyResult) -> Bool {
        a.answers == b.answers && a.texts == b.texts && a.ratings.map(\.question) == b.ratings.map(\.question)
            && a.ratings.map(\.summary) == b.ratings.map(\.summary)
    }

    /// Each answer is the ratings it gave by question id and, maybe, its words.
    public static func of(_ questions: [SurveyQuestion], answers: [(ratings: [String: Int], text: String?)]) -> SurveyResult {
        let count = SmallCount(answers.count)
        let shown = answers.count >= SmallCount.threshold
        let ratings = questions.filter { $0.kind == .scale }.map { q in
            (q, shown ? FeedbackSummary.of(answers.compactMap { $0.ratings[q.id] }) : FeedbackSummary.of([]))
        }
        let texts = shown ? answers.compactMap { $0.text?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.sorted() : []
        return SurveyResult(answers: count, ratings: ratings, texts: texts)
    }
}
