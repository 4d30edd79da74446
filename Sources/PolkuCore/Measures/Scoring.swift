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
        PreparedInstrument(d).answerProblems(a.values)
    }

    /// Scores one time's answers by the definition. Pure: the same answers always give the same scores,
    /// in any item order.
    public static func score(_ d: InstrumentDefinition, _ a: Answers) -> Result<ScoreResult, AnswerProblem> {
        PreparedInstrument(d).score(a.values)
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

/// A definition made ready for scoring many answer sets: items by position, their scales, reverse
/// flags and domains looked up once. `InstrumentScoring.score` goes through here too, so there is one
/// scoring rule, not a fast copy of it.
public struct PreparedInstrument: Sendable {
    public let definition: InstrumentDefinition
    let ids: [String]
    let index: [String: Int]
    let substringIndex: [Substring: Int]
    let lows: [Double], highs: [Double], steps: [Double?]
    let reverse: [Bool]
    let domainOf: [Int?]
    let domainIDs: [String]

    public init(_ d: InstrumentDefinition) {
        definition = d
        ids = d.items.map(\.id)
        index = Dictionary(d.items.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        substringIndex = Dictionary(d.items.enumerated().map { (Substring($0.element.id), $0.offset) }, uniquingKeysWith: { a, _ in a })
        let scales = d.items.map { d.scale(of: $0) }
        lows = scales.map { $0?.min ?? 0 }; highs = scales.map { $0?.max ?? 0 }; steps = scales.map { $0?.step }
        reverse = d.items.map { $0.reverse == true }
        domainIDs = d.domains.map(\.id)
        let domainIndex = Dictionary(d.domains.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        domainOf = d.items.map { $0.domain.flatMap { domainIndex[$0] } }
    }

    func check(_ value: Double, at i: Int, id: String) -> AnswerProblem? {
        if !value.isFinite || value < lows[i] || value > highs[i] { return .outOfRange(item: id, min: lows[i], max: highs[i]) }
        if let step = steps[i] {
            let n = (value - lows[i]) / step
            if abs(n - n.rounded()) > 1e-6 { return .offStep(item: id, step: step) }
        }
        return nil
    }

    func answerProblems(_ values: [String: Double]) -> [AnswerProblem] {
        var out: [AnswerProblem] = []
        for (id, value) in values.sorted(by: { $0.key < $1.key }) {
            let i = definition.scoring.method == .goals ? (ids.isEmpty ? nil : 0) : index[id]
            guard let i else { out.append(.unknownItem(id)); continue }
            if let p = check(value, at: i, id: id) { out.append(p) }
        }
        if values.isEmpty { out.append(.nothingAnswered) }
        return out
    }

    public func score(_ values: [String: Double]) -> Result<ScoreResult, AnswerProblem> {
        if let problem = answerProblems(values).first { return .failure(problem) }
        if definition.scoring.method == .goals {
            let total = values.values.reduce(0, +) / Double(values.count)
            var result = ScoreResult(total: total, scaled: nil, domains: [:], items: values, missing: [], band: nil)
            result.band = band(result)
            return .success(result)
        }
        var answers = [Double?](repeating: nil, count: ids.count)
        for (id, v) in values { if let i = index[id] { answers[i] = v } }
        return score(positions: answers)
    }

    /// The fast path for stored answers (`AnswerCoding`): no intermediate dictionary.
    public func score(encoded text: String) -> Result<ScoreResult, AnswerProblem> {
        if definition.scoring.method == .goals { return score(AnswerCoding.decode(text)) }
        var answers = [Double?](repeating: nil, count: ids.count)
        var any = false
        // Substrings all the way: no string is copied for an answer.
        for pair in text.split(separator: ";") {
            guard let eq = pair.firstIndex(of: "=") else { continue }
            let id = pair[pair.startIndex..<eq]
            guard let i = substringIndex[id] else { return .failure(.unknownItem(String(id))) }
            guard let v = Double(pair[pair.index(after: eq)...]) else { return .failure(.outOfRange(item: ids[i], min: lows[i], max: highs[i])) }
            answers[i] = v
            any = true
        }
        guard any else { return .failure(.nothingAnswered) }
        for (i, v) in answers.enumerated() { if let v, let p = check(v, at: i, id: ids[i]) { return .failure(p) } }
        return score(positions: answers)
    }

    /// Answers by item position, already checked against their scales.
    func score(positions answers: [Double?]) -> Result<ScoreResult, AnswerProblem> {
        let d = definition
        switch d.scoring.method {
        case .profile, .entered, .measurements:
            var items: [String: Double] = [:]
            var missing: [String] = []
            for (i, v) in answers.enumerated() { if let v { items[ids[i]] = v } else { missing.append(ids[i]) } }
            return .success(ScoreResult(total: nil, scaled: nil, domains: domainScores(answers), items: items, missing: missing, band: nil))
        case .goals:
            return score(Dictionary(uniqueKeysWithValues: answers.enumerated().compactMap { p in p.element.map { (ids[p.offset], $0) } }))
        case .sum, .mean:
            // Reverse items are mirrored on their own scale (0–5 → 5–0) before anything else.
            var values = answers
            var missing: [String] = []
            var sum = 0.0, count = 0
            for i in values.indices {
                guard let v = values[i] else { missing.append(ids[i]); continue }
                let x = reverse[i] ? lows[i] + highs[i] - v : v
                values[i] = x
                sum += x; count += 1
            }
            if missing.count > d.scoring.missing.maxMissing {
                return .failure(.tooManyMissing(missing: missing.count, allowed: d.scoring.missing.maxMissing))
            }
            let mean = sum / Double(count)
            let total = d.scoring.method == .mean ? mean : sum + (d.scoring.missing.impute == true ? mean * Double(missing.count) : 0)
            var result = ScoreResult(total: total, scaled: nil, domains: domainScores(values), items: [:], missing: missing, band: nil)
            if let r = d.scoring.rescale { result.scaled = (total - r.min) * 100 / (r.max - r.min) }
            result.band = band(result)
            return .success(result)
        }
    }

    func domainScores(_ values: [Double?]) -> [String: Double] {
        guard let how = definition.scoring.domainScores, !domainIDs.isEmpty else { return [:] }
        var sums = [Double](repeating: 0, count: domainIDs.count), counts = [Int](repeating: 0, count: domainIDs.count)
        for (i, v) in values.enumerated() { if let v, let dm = domainOf[i] { sums[dm] += v; counts[dm] += 1 } }
        var out: [String: Double] = [:]
        for k in domainIDs.indices where counts[k] > 0 { out[domainIDs[k]] = how == .sum ? sums[k] : sums[k] / Double(counts[k]) }
        return out
    }

    func band(_ r: ScoreResult) -> String? {
        for b in definition.bands ?? [] {
            guard let v = b.on == .total ? r.total : r.scaled else { continue }
            if let below = b.below { if v < below { return b.id } } else { return b.id }
        }
        return nil
    }
}
