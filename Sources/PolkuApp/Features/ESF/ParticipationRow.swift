import Foundation
import PolkuCore
import SQLKit

/// The columns the ESF rules need, read straight from SQL (no Fluent model): one row per enrolment.
struct ParticipationRow: Decodable, Sendable {
    let enrolment_id: UUID
    let participant_id: UUID
    let site_id: UUID?
    let birth_date: String
    let gender: String
    let start_date: String
    let end_date: String?
    let labour_status: String?
    let unemployed_months: Int?
    let isced: Int?
    let disability: String?
    let foreign_background: String?
    let minority: String?
    let other_disadvantage: String?
    let third_country_national: Bool?
    let homeless: Bool?
    let rural: Bool?
    let exit_situation: String?
    let exit_situation_date: String?
    let qualification_gained: Bool?
    let service_outcome: String?
    let followup_date: String?
    let followup_employed: Bool?
    let followup_improvements: String?
    let project_outcome_id: UUID?

    /// The SELECT list, for queries that alias enrolments as `e` and participants as `p`.
    static let columns = """
        e.id AS enrolment_id, e.participant_id, e.site_id, p.birth_date, p.gender, e.start_date, e.end_date,
        e.labour_status, e.unemployed_months, e.isced, e.disability, e.foreign_background, e.minority, e.other_disadvantage,
        e.third_country_national, e.homeless, e.rural, e.exit_situation, e.exit_situation_date, e.qualification_gained,
        e.service_outcome, e.followup_date, e.followup_employed, e.followup_improvements, e.project_outcome_id
        """

    static func esfGender(_ stored: String) -> ESFGender? {
        switch stored {
        case "female": .female
        case "male": .male
        case "other": .nonBinary
        default: nil
        }
    }

    var entry: EntryData? {
        guard let entered = CalendarDate(parsing: start_date), let born = CalendarDate(parsing: birth_date) else { return nil }
        return EntryData(
            entryDate: entered, birthDate: born, gender: Self.esfGender(gender),
            labourStatus: labour_status.flatMap(LabourStatus.init(rawValue:)), unemployedMonths: unemployed_months,
            education: isced.flatMap(ISCED.init), disability: disability.flatMap(SensitiveAnswer.init(rawValue:)),
            foreignBackground: foreign_background.flatMap(SensitiveAnswer.init(rawValue:)),
            minority: minority.flatMap(SensitiveAnswer.init(rawValue:)),
            otherDisadvantage: other_disadvantage.flatMap(SensitiveAnswer.init(rawValue:)),
            thirdCountNational: third_country_national, homeless: homeless, rural: rural)
    }

    var participation: Participation? {
        participation(entry: entry)
    }

    func participation(entry: EntryData?) -> Participation? {
        guard let entry else { return nil }
        var exit: ExitData? = nil
        if let left = end_date.flatMap(CalendarDate.init(parsing:)) {
            var events: [SituationEvent] = []
            if let situation = exit_situation.flatMap(SituationOnLeaving.init(rawValue:)) {
                events.append(SituationEvent(date: exit_situation_date.flatMap(CalendarDate.init(parsing:)) ?? left, situation: situation))
            }
            exit = ExitData(exitDate: left, events: events, qualificationGained: qualification_gained ?? false)
        }
        var followUp: FollowUp? = nil
        if exit != nil, let date = followup_date.flatMap(CalendarDate.init(parsing:)), let employed = followup_employed {
            let improvements = Set((followup_improvements ?? "").split(separator: ",").compactMap { Improvement(rawValue: String($0)) })
            followUp = FollowUp(date: date, employed: employed, improvements: improvements)
        }
        return Participation(entry: entry, exit: exit, followUp: followUp)
    }

    var outcome: ServiceOutcome? { service_outcome.flatMap(ServiceOutcome.init(rawValue:)) }
}

extension ParticipationRow {
    /// Column by column: several times faster than a Decodable model on 100,000 rows.
    init(row: any SQLRow) throws {
        func v<T: Decodable>(_ c: String, _ t: T.Type = T.self) throws -> T { try row.decode(column: c, as: T.self) }
        enrolment_id = try v("enrolment_id"); participant_id = try v("participant_id"); site_id = try v("site_id")
        birth_date = try v("birth_date"); gender = try v("gender"); start_date = try v("start_date"); end_date = try v("end_date")
        labour_status = try v("labour_status"); unemployed_months = try v("unemployed_months"); isced = try v("isced")
        disability = try v("disability"); foreign_background = try v("foreign_background"); minority = try v("minority")
        other_disadvantage = try v("other_disadvantage"); third_country_national = try v("third_country_national")
        homeless = try v("homeless"); rural = try v("rural"); exit_situation = try v("exit_situation")
        exit_situation_date = try v("exit_situation_date"); qualification_gained = try v("qualification_gained")
        service_outcome = try v("service_outcome"); followup_date = try v("followup_date"); followup_employed = try v("followup_employed")
        followup_improvements = try v("followup_improvements"); project_outcome_id = try v("project_outcome_id")
    }

}
