import Foundation
import PolkuCore
import Testing

/// Scoring of every shipped instrument, from worked examples, boundaries, missing answers and
/// reverse items, plus properties over many random answer sets.
@Suite struct MeasureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/PolkuApp/Features/Measures/Instruments")

    static func shipped(_ key: String) throws -> InstrumentDefinition {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(key).json"))
        switch DefinitionCheck.load(data) {
        case .success(let d): return d
        case .failure(let e): throw e
        }
    }

    func score(_ d: InstrumentDefinition, _ values: [String: Double]) -> Result<ScoreResult, AnswerProblem> {
        InstrumentScoring.score(d, Answers(values: values))
    }

    @Test func everyShippedDefinitionLoadsAndShipsOnlyWhatMayBeShipped() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == ["fitness.json", "goal-scale.json", "kykyviisari.json", "polku-life.json", "who5.json", "whodas-12.json"])
        for file in files {
            let d = try Self.shipped(String(file.dropLast(5)))
            #expect(d.key + ".json" == file)
            // Licensed instruments carry no item texts (WHODAS) or only the names of the scores (Kykyviisari).
            if d.licence.kind == .deployment { #expect(d.items.allSatisfy { $0.text == nil }, "\(d.key) must not ship item texts") }
        }
        let whodas = try Self.shipped("whodas-12")
        #expect(whodas.health && whodas.items.count == 12 && whodas.domains.count == 6)
        #expect(Dictionary(grouping: whodas.items, by: { $0.domain! }).mapValues(\.count) == ["D1": 2, "D2": 2, "D3": 2, "D4": 2, "D5": 2, "D6": 2])
    }

    /// A participant fills in only what asks a person's own view and shows every question.
    @Test func onlyInstrumentsWithTheirQuestionsAreOfferedForSelfReport() throws {
        let keys = ["fitness", "goal-scale", "kykyviisari", "polku-life", "who5", "whodas-12"]
        let offered = try keys.filter { try Self.shipped($0).selfReportable }
        #expect(offered == ["goal-scale", "polku-life", "who5"])
        // WHODAS with its licensed texts supplied by a deployment could be filled in by the person.
        var whodas = try Self.shipped("whodas-12")
        whodas.items = whodas.items.map {
            var i = $0; i.text = LocalizedText(fi: "Kysymys \($0.id)"); return i
        }
        #expect(whodas.selfReportable)
        whodas.items[3].text = nil
        #expect(!whodas.selfReportable)
    }

    @Test func who5WorkedExamples() throws {
        let who5 = try Self.shipped("who5")
        let all = { (v: Double) in Dictionary(uniqueKeysWithValues: (1...5).map { (String($0), v) }) }
        // Raw 0–25, ×4 to 0–100.
        let r15 = try score(who5, all(3)).get()
        #expect(r15.total == 15 && r15.scaled == 60 && r15.band == "ok")
        #expect(try score(who5, all(0)).get().scaled == 0)
        #expect(try score(who5, all(5)).get().scaled == 100)
        // Raw below 13 is poor well-being; 13 is not (the boundary).
        let r12 = try score(who5, ["1": 3, "2": 3, "3": 2, "4": 2, "5": 2]).get()
        #expect(r12.total == 12 && r12.scaled == 48 && r12.band == "low")
        #expect(try score(who5, ["1": 3, "2": 3, "3": 3, "4": 2, "5": 2]).get().band == "ok")
        // Every item is needed; answers must be whole points on 0–5.
        #expect(score(who5, ["1": 3, "2": 3, "3": 3, "4": 2]) == .failure(.tooManyMissing(missing: 1, allowed: 0)))
        #expect(score(who5, all(6)) == .failure(.outOfRange(item: "1", min: 0, max: 5)))
        #expect(score(who5, ["1": 2.5, "2": 3, "3": 3, "4": 2, "5": 2]) == .failure(.offStep(item: "1", step: 1)))
        #expect(score(who5, ["1": 3, "2": 3, "3": 3, "4": 2, "5": 2, "6": 1]) == .failure(.unknownItem("6")))
        #expect(score(who5, [:]) == .failure(.nothingAnswered))
        // A 10-point change on 0–100 is meaningful, exactly 10 included; 8 is not.
        let c = try #require(InstrumentScoring.change(who5, first: r12, latest: r15))
        #expect(c.delta == 12 && c.meaningful == true)
        let r14 = try score(who5, ["1": 3, "2": 3, "3": 3, "4": 3, "5": 2]).get()
        #expect(InstrumentScoring.change(who5, first: r12, latest: r14)?.meaningful == false)
        // 40 → 48 is 8 points; 40 → 50 (a 10-point change exactly) is meaningful.
        let forty = try score(who5, all(2)).get()
        #expect(InstrumentScoring.change(who5, first: forty, latest: r12)?.meaningful == false)
        #expect(InstrumentScoring.change(who5, first: forty, latest: r12.withScaled(50))?.meaningful == true)
        #expect(InstrumentScoring.change(who5, first: r15, latest: forty)?.delta == -20)
    }

    @Test func whodas12SimpleScoreDomainsAndRescaling() throws {
        let w = try Self.shipped("whodas-12")
        let ids = (1...12).map { "S\($0)" }
        let none = try score(w, Dictionary(uniqueKeysWithValues: ids.map { ($0, 1.0) })).get()
        #expect(none.total == 12 && none.scaled == 0 && none.domains == ["D1": 2, "D2": 2, "D3": 2, "D4": 2, "D5": 2, "D6": 2])
        let extreme = try score(w, Dictionary(uniqueKeysWithValues: ids.map { ($0, 5.0) })).get()
        #expect(extreme.total == 60 && extreme.scaled == 100)
        // S1 and S7 (mobility) extreme, the rest none: 12 − 2 + 10 = 20; (20 − 12) / 48 × 100.
        var values = Dictionary(uniqueKeysWithValues: ids.map { ($0, 1.0) })
        values["S1"] = 5; values["S7"] = 5
        let mobility = try score(w, values).get()
        #expect(mobility.total == 20 && mobility.domains["D2"] == 10 && abs(mobility.scaled! - 8.0 / 48 * 100) < 1e-9)
        values["S12"] = nil
        #expect(score(w, values) == .failure(.tooManyMissing(missing: 1, allowed: 0)), "the 12-item version needs every item")
        values["S12"] = 0
        #expect(score(w, values) == .failure(.outOfRange(item: "S12", min: 1, max: 5)))
    }

    @Test func reverseItemsAndImputedMeans() throws {
        var d = try Self.shipped("who5")
        d.items[0].reverse = true
        d.scoring.missing = .init(maxMissing: 1, impute: true)
        // Item 1 reversed: 5 → 0. Items 2–4 answered 3, item 5 missing and imputed as the mean of the rest.
        let r = try score(d, ["1": 5, "2": 3, "3": 3, "4": 3]).get()
        #expect(r.total == 0 + 9 + 9.0 / 4 && r.missing == ["5"])
        #expect(score(d, ["1": 5, "2": 3, "3": 3]) == .failure(.tooManyMissing(missing: 2, allowed: 1)))
        d.scoring.method = .mean
        #expect(try score(d, ["1": 0, "2": 3, "3": 3, "4": 2]).get().total == 3.25, "reverse 0 → 5, mean of 5, 3, 3, 2")
    }

    @Test func profilesGoalsMeasurementsAndEnteredScores() throws {
        let life = try Self.shipped("polku-life")
        #expect(life.items.count == 10 && !life.hasTotal)
        let answers = Answers(values: ["home": 3, "money": 2, "people": 8], important: ["money"], areaGoals: ["money": "Velat järjestykseen"])
        let r = try InstrumentScoring.score(life, answers).get()
        #expect(r.total == nil && r.items == ["home": 3, "money": 2, "people": 8] && r.missing.count == 7)
        #expect(InstrumentScoring.change(life, first: r, latest: r) == nil, "a profile has no total to compare")

        let goals = try Self.shipped("goal-scale")
        let g = try InstrumentScoring.score(goals, Answers(values: ["goal-a": 3, "goal-b": 6])).get()
        #expect(g.total == 4.5 && g.items["goal-b"] == 6)
        #expect(InstrumentScoring.score(goals, Answers(values: ["goal-a": 11])) == .failure(.outOfRange(item: "goal-a", min: 1, max: 10)))

        let fit = try Self.shipped("fitness")
        #expect(try score(fit, ["walk_2km_time": 18.3, "grip_right": 32.5]).get().items == ["walk_2km_time": 18.3, "grip_right": 32.5])
        #expect(score(fit, ["walk_2km_time": 18.35]) == .failure(.offStep(item: "walk_2km_time", step: 0.1)))
        #expect(score(fit, ["grip_right": 32.2]) == .failure(.offStep(item: "grip_right", step: 0.5)))
        #expect(fit.item("walk_2km_time")?.better == .lower && fit.scales["minutes"]?.unit == "min")

        let kyky = try Self.shipped("kykyviisari")
        #expect(try score(kyky, ["work_ability": 6, "mind": 7.4]).get().items["mind"] == 7.4)
        #expect(score(kyky, ["work_ability": 10.5]) == .failure(.outOfRange(item: "work_ability", min: 0, max: 10)))
    }

    @Test func badDefinitionsAreRefusedWithWhere() throws {
        func problems(_ json: String) -> [String] {
            if case .failure(let e) = DefinitionCheck.load(Data(json.utf8)) { return e.problems.map(\.description) }
            return []
        }
        #expect(problems("{not json") == ["not valid JSON"])
        #expect(problems("{}").first?.contains("required field is missing") == true)
        let good = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent("who5.json")), as: UTF8.self)
        #expect(problems(good).isEmpty)
        #expect(
            problems(good.replacingOccurrences(of: #"{"id": "1", "scale": "time","#, with: #"{"id": "1", "scale": "time", "reversed": true,"#))
                == ["items[0].reversed: unknown field"])
        #expect(problems(good.replacingOccurrences(of: #"{"id": "2", "scale": "time""#, with: #"{"id": "2", "scale": "often""#)) == [#"items[1].scale: no scale "often""#])
        #expect(problems(good.replacingOccurrences(of: #"{"id": "2","#, with: #"{"id": "1","#)) == [#"items[1].id: "1" appears twice"#])
        #expect(problems(good.replacingOccurrences(of: #""version": 1"#, with: #""version": 0"#)) == ["version: must be 1 or more"])
        #expect(problems(good.replacingOccurrences(of: #""key": "who5""#, with: #""key": "WHO 5""#)).first?.hasPrefix("key:") == true)
        #expect(problems(good.replacingOccurrences(of: #""level": "green","#, with: #""level": "green", "below": 99,"#)).contains { $0.hasPrefix("bands:") })
        #expect(problems(good.replacingOccurrences(of: #""version": 1"#, with: #""version": "one""#)).first?.hasPrefix("version: wrong type") == true)
    }

    /// Properties over many random answer sets (a seeded generator, so a failure repeats).
    @Test func scoresStayInRangeAndDoNotDependOnItemOrder() throws {
        var rng = SplitMix(seed: 2026)
        for key in ["who5", "whodas-12"] {
            let d = try Self.shipped(key)
            let scale = d.scales.values.first!
            for _ in 0..<500 {
                let values = Dictionary(uniqueKeysWithValues: d.items.map { ($0.id, Double(Int(scale.min) + rng.int(Int(scale.max - scale.min) + 1))) })
                let r = try score(d, values).get()
                #expect(r.total! >= scale.min * Double(d.items.count) && r.total! <= scale.max * Double(d.items.count))
                #expect(r.scaled! >= 0 && r.scaled! <= 100)
                var shuffled = d
                shuffled.items.shuffle(using: &rng)
                shuffled.domains.shuffle(using: &rng)
                #expect(try score(shuffled, values).get() == r, "permuting item order changes nothing")
                #expect(try PreparedInstrument(d).score(encoded: AnswerCoding.encode(values)).get() == r, "stored answers score the same")
            }
        }
    }
}

extension ScoreResult {
    func withScaled(_ v: Double) -> ScoreResult { var c = self; c.scaled = v; return c }
}

/// A small seeded generator for the property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
