import PolkuApp
import Fluent
import Foundation
import PolkuCore

/// Assessments in the demo, with the instruments the seeds name: Kunnolla Töihin measures with
/// WHODAS, the Abilitator and WHO-5; PARTY piloted the Abilitator; Yhdistämö follows a year with a
/// life-situation meter (here Polku's own map); RUORI2 gives participants their fitness results;
/// Lähde mukaan! uses the life map and the participants' own goals. Each person improves a little,
/// some more than others, so that the charts and the project report have something to show.
enum DemoMeasures {
    static let plan: [(code: String, keys: [String])] = [
        ("S20013", ["whodas-12", "kykyviisari", "who5", "polku-life"]),
        ("S20519", ["kykyviisari", "goal-scale"]),
        ("YHDISTAMO", ["polku-life"]),
        ("S21019", ["fitness", "who5", "polku-life"]),
        ("S20250", ["polku-life", "goal-scale"]),
    ]

    static func seed(projects: [String: UUID], assessor: UUID, rng: inout DemoRandom, on db: any Database) async throws {
        let instruments = try await InstrumentLibrary.latest(on: db)
        for (code, keys) in plan {
            guard let project = projects[code] else { continue }
            // Every instrument a person can answer is offered to the participants too (issue 15).
            let selfReport = Set(keys.filter { key in instruments.first { $0.key == key }?.definition?.selfReportable == true })
            try await MeasureQueries.setProjectKeys(project, keys, selfReport: selfReport, on: db)
            let enrolments = try await Enrolment.query(on: db).filter(\.$project.$id == project).sort(\.$startDate).range(0..<14).all()
            for key in keys {
                guard let instrument = instruments.first(where: { $0.key == key }), let d = instrument.definition else { continue }
                for (n, e) in enrolments.enumerated() {
                    let start = CalendarDate(parsing: e.startDate)!
                    let times = 2 + n % 3
                    let goals =
                        d.scoring.method == .goals
                        ? try await Goal.query(on: db).filter(\.$participant.$id == e.$participant.id).filter(\.$project.$id == project).all().map { $0.id!.text }
                        : []
                    if d.scoring.method == .goals && goals.isEmpty { continue }
                    let gain = Double(rng.int(0...3))
                    for time in 0..<times {
                        let date = start.adding(days: 14 + time * 90)
                        guard date <= Clock.system.today else { break }
                        let answers = values(d, goals: goals, time: time, gain: gain, rng: &rng)
                        guard case .success(let r) = InstrumentScoring.score(d, Answers(values: answers)) else { continue }
                        let a = Assessment()
                        a.$participant.id = e.$participant.id; a.$project.id = project; a.$instrument.id = instrument.id!
                        a.date = date.iso; a.answers = AnswerCoding.encode(answers); a.total = r.total; a.scaled = r.scaled
                        a.scores = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
                        if d.scoring.method == .profile && time == 0 {
                            a.extras = String(
                                decoding: try JSONEncoder().encode(
                                    Answers(
                                        values: [:], important: ["work", "money"],
                                        areaGoals: ["work": "Työkokeilupaikka kevääksi"])), as: UTF8.self)
                        }
                        a.$assessedBy.id = assessor
                        try await a.create(on: db)
                    }
                }
            }
        }
    }

    /// Answers that start low and move towards better by `gain` steps a time (WHODAS: fewer difficulties).
    static func values(_ d: InstrumentDefinition, goals: [String], time: Int, gain: Double, rng: inout DemoRandom) -> [String: Double] {
        func clamp(_ v: Double, _ s: InstrumentDefinition.Scale) -> Double {
            let step = s.step ?? 1
            return min(s.max, max(s.min, ((v - s.min) / step).rounded() * step + s.min))
        }
        var out: [String: Double] = [:]
        if d.scoring.method == .goals, let s = d.items.first.flatMap({ d.scale(of: $0) }) {
            for g in goals { out[g] = clamp(2 + Double(time) * (1 + gain) + Double(rng.int(0...1)), s) }
            return out
        }
        for item in d.items {
            guard let s = d.scale(of: item) else { continue }
            let span = s.max - s.min
            let base: Double
            switch d.key {
            case "whodas-12": base = s.min + span * 0.55 - Double(time) * gain * 0.35
            case "fitness":
                let better = item.better == .lower ? -1.0 : 1.0
                let mid = ["walk_2km_time": 22.0, "walk_6min_distance": 480, "grip_right": 30, "grip_left": 28, "sit_to_stand_30s": 11, "resting_heart_rate": 78][item.id] ?? s.min
                base = mid + better * Double(time) * (gain + 1) * (item.id.hasPrefix("walk_6") ? 15 : item.id.hasPrefix("walk_2") ? 0.6 : 1)
            default: base = s.min + span * 0.35 + Double(time) * gain * span * 0.07
            }
            out[item.id] = clamp(base + Double(rng.int(0...1)) * (s.step ?? 1), s)
        }
        if d.scoring.method == .measurements { out = out.filter { _ in rng.int(0...9) < 8 } }
        return out
    }
}
