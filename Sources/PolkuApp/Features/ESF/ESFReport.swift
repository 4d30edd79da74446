import Fluent
import Foundation
import PolkuCore
import SQLKit

/// A project's ESF report for a period: the indicator counts, the exit outcomes, progress against the
/// plan and what data is missing. The counting is PolkuCore's; this type only selects the rows and
/// applies the period and the breakdown filters.
///
/// Period rule: output indicators count the participants who entered in the period; result
/// indicators count those who left in it (six-month results: those who left in it and were followed up).
package struct ESFReport: Sendable {
    package struct Filter: Sendable, Equatable {
        var from: CalendarDate?
        var to: CalendarDate?
        var site: UUID?
        var gender: ESFGender?
        var ageBand: AgeBand?

        package init(from: CalendarDate? = nil, to: CalendarDate? = nil, site: UUID? = nil, gender: ESFGender? = nil, ageBand: AgeBand? = nil) {
            self.from = from; self.to = to; self.site = site; self.gender = gender; self.ageBand = ageBand
        }

        func entered(_ date: CalendarDate) -> Bool { (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true) }
    }

    /// ESF+ age bands at entry.
    package typealias AgeBand = PolkuCore.AgeBand

    struct Missing: Sendable { let enrolment: UUID; let participant: UUID; let fields: [EntryField] }

    var plus = IndicatorTally<ESFPlusIndicator>()
    var esf2014 = IndicatorTally<ESF2014Indicator>()
    var outcomes: [ServiceOutcome: Int] = [:]
    /// Leavers by the project's own outcome categories (each also counted under what it maps to).
    var ownOutcomes: [UUID: Int] = [:]
    var leaversWithoutOutcome = 0
    var entered = 0
    var leavers = 0
    var missing: [Missing] = []
    /// The people behind one figure (an indicator code or an outcome), when a page asks for them;
    /// the report itself does not keep lists of 100,000 people.
    var collect: String? = nil
    var people: [UUID] = []

    /// The key under which the same report asked for at the same time is computed once (`ReportFlights`).
    static func sharingKey(project: UUID, filter: Filter) -> String { "esf \(project) \(String(describing: filter))" }

    /// Reads only the columns the rules need, as plain rows, and applies the rules to each.
    package static func compute(project: UUID, filter: Filter, collecting code: String? = nil, on db: any Database) async throws -> ESFReport {
        // Rows are streamed: each is decoded and counted as it arrives, none are kept.
        let accumulator = Accumulator()
        accumulator.withLock { $0.collect = code }
        try await ParticipationStream.rows(on: db, project: project, site: filter.site) { r in
            accumulator.withLock { $0.add(r, filter: filter) }
        }
        // The incomplete records stay in the rows' order: the page picks its own by name (`ReportPeople.Listing`).
        return accumulator.withLock { $0 }
    }

    mutating func add(_ r: ParticipationRow, filter: Filter) {
        guard let p = r.participation else { return }
        if let g = filter.gender, p.entry.gender != g { return }
        if let band = filter.ageBand, AgeBand.of(age: p.entry.ageAtEntry) != band { return }
        let enteredInPeriod = filter.entered(p.entry.entryDate)
        let leftInPeriod = p.exit.map { filter.entered($0.exitDate) } ?? false
        guard enteredInPeriod || leftInPeriod else { return }
        let missingFields = p.entry.missingFields
        if !missingFields.isEmpty { missing.append(Missing(enrolment: r.enrolment_id, participant: r.participant_id, fields: missingFields)) }
        // Each rule is evaluated once per participation; the tallies and the people lists share the result.
        if enteredInPeriod {
            entered += 1
            let outputsOnly = Participation(entry: p.entry)
            let plusSet = IndicatorRules.esfPlus(outputsOnly), oldSet = IndicatorRules.esf2014(outputsOnly)
            plus.add(outputsOnly, rule: { _ in plusSet })
            esf2014.add(outputsOnly, rule: { _ in oldSet })
            if let code = collect, plusSet.contains(where: { $0.code == code }) || oldSet.contains(where: { $0.code == code }) {
                people.append(r.participant_id)
            }
        }
        if leftInPeriod {
            leavers += 1
            // Results only: the outputs were counted (or not) by the entry date.
            let plusSet = IndicatorRules.esfPlus(p).results, oldSet = IndicatorRules.esf2014(p).results
            plus.addResults(p, rule: { _ in plusSet })
            esf2014.addResults(p, rule: { _ in oldSet })
            if let code = collect,
                plusSet.contains(where: { $0.code == code }) || oldSet.contains(where: { $0.code == code })
                    || r.service_outcome == code || (code == "no_outcome" && r.outcome == nil)
            {
                people.append(r.participant_id)
            }
            if let outcome = r.outcome { outcomes[outcome, default: 0] += 1 } else { leaversWithoutOutcome += 1 }
            if let own = r.project_outcome_id { ownOutcomes[own, default: 0] += 1 }
        }
    }

    /// The report being built while rows arrive on the database's event loop.
    final class Accumulator: @unchecked Sendable {
        private let lock = NSLock()
        private var report = ESFReport()
        func withLock<T>(_ body: (inout ESFReport) -> T) -> T {
            lock.lock(); defer { lock.unlock() }
            return body(&report)
        }
    }

    /// PARTY's measure: the share of leavers whose outcome was work, study or a disability benefit.
    var solutionCount: Int { outcomes.filter { $0.key.isSolution }.values.reduce(0, +) }
}
