import Foundation

/// One time's answers: a value per item id (per goal id for a goal scale), and for a profile the areas
/// the participant marked as mattering most and the goals they set for an area.
public struct Answers: Codable, Sendable, Equatable {
    public var values: [String: Double]
    public var important: [String]?
    public var areaGoals: [String: String]?
    public init(values: [String: Double], important: [String]? = nil, areaGoals: [String: String]? = nil) {
        self.values = values; self.important = important; self.areaGoals = areaGoals
    }
}

/// The scores of one time, as stored beside the answers (so that a report never re-scores in SQL).
public struct ScoreResult: Codable, Sendable, Equatable {
    /// Sum or mean; nil for instruments without a total, or when too much is missing.
    public var total: Double?
    /// The total on 0–100, where the instrument rescales.
    public var scaled: Double?
    public var domains: [String: Double]
    /// Per-item scores (profile, entered, measurements, goals).
    public var items: [String: Double]
    public var missing: [String]
    public var band: String?
}

public enum AnswerProblem: Error, Equatable, Sendable {
    case unknownItem(String)
    case outOfRange(item: String, min: Double, max: Double)
    case offStep(item: String, step: Double)
    case tooManyMissing(missing: Int, allowed: Int)
    case nothingAnswered
}

public enum InstrumentScoring {
    /// Problems with the answers themselves (out of range, off the scale's steps, unknown items). A goal
    /// scale's answers are keyed by goal, so any key is allowed there.
    public static func answerProblems(_ d: InstrumentDefinition, _ a: Answers) -> [AnswerProblem] {
        var out: [AnswerProblem] = []
        for (id, value) in a.values.sorted(by: { $0.key < $1.key }) {
            let item: InstrumentDefinition.Item?
            if d.scoring.method == .goals { item = d.items.first } else { item = d.item(id) }
            guard let item, let scale = d.scale(of: item) else { out.append(.unknownItem(id)); continue }
            if !value.isFinite || value < scale.min || value > scale.max { out.append(.outOfRange(item: id, min: scale.min, max: scale.max)); continue }
            if let step = scale.step {
                let steps = (value - scale.min) / step
                if abs(steps - steps.rounded()) > 1e-6 { out.append(.offStep(item: id, step: step)) }
            }
        }
        if a.values.isEmpty { out.append(.nothingAnswered) }
        return out
    }

    /// Scores one time's answers by the definition. Pure: the same answers always give the same scores,
    /// in any item order.
    public static func score(_ d: InstrumentDefinition, _ a: Answers) -> Result<ScoreResult, AnswerProblem> {
        if let problem = answerProblems(d, a).first { return .failure(problem) }
        switch d.scoring.method {
        case .profile, .entered, .measurements:
            let items = a.values.filter { d.item($0.key) != nil }
            let missing = d.items.map(\.id).filter { items[$0] == nil }
            return .success(ScoreResult(total: nil, scaled: nil, domains: domainScores(d, items), items: items, missing: missing, band: nil))
        case .goals:
            let values = Array(a.values.values)
            let total = values.reduce(0, +) / Double(values.count)
            var result = ScoreResult(total: total, scaled: nil, domains: [:], items: a.values, missing: [], band: nil)
            result.band = band(d, result)
            return .success(result)
        case .sum, .mean:
            // Reverse items are mirrored on their own scale (0–5 → 5–0) before anything else.
            var values: [String: Double] = [:]
            for item in d.items {
                guard let v = a.values[item.id], let scale = d.scale(of: item) else { continue }
                values[item.id] = item.reverse == true ? scale.min + scale.max - v : v
            }
            let missing = d.items.map(\.id).filter { values[$0] == nil }
            if missing.count > d.scoring.missing.maxMissing {
                return .failure(.tooManyMissing(missing: missing.count, allowed: d.scoring.missing.maxMissing))
            }
            let answered = Array(values.values)
            let mean = answered.reduce(0, +) / Double(answered.count)
            let total: Double
            if d.scoring.method == .mean { total = mean }
            else { total = answered.reduce(0, +) + (d.scoring.missing.impute == true ? mean * Double(missing.count) : 0) }
            // Impute without a rule would shrink the range; a definition without `impute` allows no missing
            // answers in effect for sums (maxMissing 0), which `problems` does not force but the shipped files do.
            var result = ScoreResult(total: total, scaled: nil, domains: domainScores(d, values), items: [:], missing: missing, band: nil)
            if let r = d.scoring.rescale { result.scaled = (total - r.min) * 100 / (r.max - r.min) }
            result.band = band(d, result)
            return .success(result)
        }
    }

    static func domainScores(_ d: InstrumentDefinition, _ values: [String: Double]) -> [String: Double] {
        guard let how = d.scoring.domainScores else { return [:] }
        var out: [String: Double] = [:]
        for domain in d.domains {
            let vs = d.items.filter { $0.domain == domain.id }.compactMap { values[$0.id] }
            guard !vs.isEmpty else { continue }
            out[domain.id] = how == .sum ? vs.reduce(0, +) : vs.reduce(0, +) / Double(vs.count)
        }
        return out
    }

    static func band(_ d: InstrumentDefinition, _ r: ScoreResult) -> String? {
        for b in d.bands ?? [] {
            guard let v = b.on == .total ? r.total : r.scaled else { continue }
            if let below = b.below { if v < below { return b.id } } else { return b.id }
        }
        return nil
    }

    /// The change from the first time to the latest on the instrument's own rule: nil where the
    /// instrument has no total to compare.
    public struct Change: Sendable, Equatable {
        public var from: Double
        public var to: Double
        public var delta: Double { to - from }
        /// nil when the instrument names no meaningful change.
        public var meaningful: Bool?
    }

    public static func change(_ d: InstrumentDefinition, first: ScoreResult, latest: ScoreResult) -> Change? {
        let on = d.change?.on ?? (d.scoring.rescale != nil ? .scaled : .total)
        guard let a = on == .scaled ? first.scaled : first.total, let b = on == .scaled ? latest.scaled : latest.total else { return nil }
        return Change(from: a, to: b, meaningful: d.change.map { abs(b - a) >= $0.meaningful - 1e-9 })
    }
}
